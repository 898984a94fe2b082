// scripts/compact-decorators.mjs on tsc's output of lit's decorators: the fields it rewrites as
// createProperty() calls, the ones it must leave, and the helper it drops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compactDecorators } from '../../scripts/compact-decorators.mjs';

const HELPER = `var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
`;
const field = (decorator, name, cls = 'El') =>
  `__decorate([\n    ${decorator}\n], ${cls}.prototype, "${name}", void 0);`;
const module = (...body) =>
  `${HELPER}import { property, state } from 'lit/decorators.js';\nclass El {}\n${body.join('\n')}\n`;

test('fields become createProperty() calls with the same options; the helper goes', () => {
  const out = compactDecorators(
    module(
      field('property()', 'src'),
      field("property({ type: Number, attribute: 'draw-order' })", 'drawOrder'),
      field('state()', 'filter'),
    ),
  );
  assert.equal(
    out,
    "import { property, state } from 'lit/decorators.js';\nclass El {}\n" +
      'El.createProperty("src");\n' +
      `El.createProperty("drawOrder", { type: Number, attribute: 'draw-order' });\n` +
      'El.createProperty("filter", { state: true, attribute: false });\n',
  );
});

test('keepLines: every line break stays (dist/ source maps)', () => {
  const code = module(field('property()', 'src'), field('state({ x: 1 })', 'open'));
  const out = compactDecorators(code, { keepLines: true });
  assert.equal(out.split('\n').length, code.split('\n').length);
  assert.match(
    out,
    /El\.createProperty\("open", \{ \.\.\.\{ x: 1 \}, state: true, attribute: false \}\);/,
  );
});

test('accessors, stacked decorators and other decorators are left, with the helper', () => {
  const accessor = '__decorate([\n    property()\n], El.prototype, "value", null);';
  const stacked = field('property(),\n    other()', 'two');
  const consume = field('consume({ context })', 'ctx');
  for (const call of [accessor, stacked, consume]) {
    const code = module(field('property()', 'src'), call);
    const out = compactDecorators(code);
    assert.ok(out.includes(call), call);
    assert.ok(out.startsWith(HELPER), 'the helper stays while a call uses it');
    assert.ok(out.includes('El.createProperty("src");'));
  }
});

test('a module without lit/decorators.js, or with them renamed, is unchanged', () => {
  const plain = `${HELPER}${field('property()', 'src')}\n`;
  assert.equal(compactDecorators(plain), plain);
  const renamed = plain.replace(
    '__decorate([',
    "import { property as p } from 'lit/decorators.js';\n__decorate([",
  );
  assert.equal(compactDecorators(renamed), renamed);
});

// scripts/minify-literals.mjs on the cases where dropping a space would change what GLSL or CSS
// means: the spaces it must keep, and the ones it drops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyLiterals } from '../../scripts/minify-literals.mjs';

/** The template's text after minifying (between its backticks). */
const inner = (code) => minifyLiterals(code).replace(/^[^`]*`|`;$/g, '');
const glsl = (body) => inner('x = /* glsl */ `' + body + '`;');
const css = (body) => inner('x = css`' + body + '`;');

test('GLSL: spaces between operators and punctuation go, comments too', () => {
  assert.equal(
    glsl(
      '\n  vec2 scene = u_origin + a_position * u_extent; // why\n  for (int i = 0; i < N; i++) {\n',
    ),
    'vec2 scene=u_origin+a_position*u_extent;for(int i=0;i<N;i++){',
  );
});

test('GLSL: lines are joined but for directives and ${…}; a space stays where it must', () => {
  assert.equal(
    glsl('#version 300 es\nprecision highp float;\n#define A 1\nfloat a = b -\n  -c;\nuint u;\n'),
    '#version 300 es\nprecision highp float;\n#define A 1\nfloat a=b- -c;uint u;',
  );
  assert.equal(
    glsl('float\nx;\n${defines}\nvoid main() {\n}'),
    'float x;\n${defines}\nvoid main(){}',
  );
  // dist/ keeps every line (source maps).
  assert.equal(
    minifyLiterals('x = /* glsl */ `a;\nb;`;', { keepLines: true }),
    'x = /* glsl */ `a;\nb;`;',
  );
});

test('GLSL: a space between two words or two operators stays', () => {
  assert.equal(glsl('float lo = -FLT_MAX;'), 'float lo= -FLT_MAX;');
  assert.equal(glsl('x = a - -b / *p;'), 'x=a- -b/ *p;');
  assert.equal(glsl('uniform highp usampler2D u_texture;'), 'uniform highp usampler2D u_texture;');
});

test('GLSL: preprocessor lines and lines with ${…} are left as they are', () => {
  assert.equal(glsl('#define A (x + 1)'), '#define A (x + 1)');
  assert.equal(glsl('uniform ${type} u_source ;'), 'uniform ${type} u_source ;');
});

test('CSS: spaces after : and , and around { go; combinators, calc() and quotes keep theirs', () => {
  assert.equal(
    css(
      '\n  :host(:hover) .a :focus {\n    color: rgba(1, 2, 3);\n    width: calc(100% - 8px);\n  }\n',
    ),
    ':host(:hover) .a :focus{color:rgba(1,2,3);width:calc(100% - 8px);}',
  );
  // A selector over two lines keeps the space of its combinator.
  assert.equal(css('th.id,\ntd.id,\n.a\n.b {\n  x: 1;\n}'), 'th.id,td.id,.a .b{x:1;}');
  assert.equal(css('content: ": ";'), 'content: ": ";');
});

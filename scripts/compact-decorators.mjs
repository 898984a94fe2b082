/**
 * Rewrites what tsc emits for lit's `@property()` and `@state()` on class fields,
 *
 *     __decorate([
 *         property({ attribute: 'draw-order' })
 *     ], RrView.prototype, "drawOrder", void 0);
 *
 * as the call the decorator makes, `RrView.createProperty("drawOrder", { attribute: 'draw-order' })`
 * (`state(o)` is `property({...o, state: true, attribute: false})`), and drops tsc's inline
 * `__decorate` helper from a module that no longer calls it. Used by rollup.config.mjs (the CDN
 * build) and by minify-dist.mjs (tsc's npm build): the 61 decorated fields cost ~0.45 KB
 * gzipped in the bundle as `__decorate` calls (and tslib's helper, or one inline copy per
 * module in dist/).
 *
 * The same lit API, at the same moment (right after the class is defined, in field order):
 * lit's legacy decorator calls `proto.constructor.createProperty(name, options)` and, for a
 * field (tsc passes `void 0` as its descriptor; an accessor gets `null`), nothing else. Left
 * as they are: accessors, stacks of several decorators, options over several lines, and
 * modules that import `property`/`state` under other names.
 */

/** One decorated field, as tsc prints it (ES2022 target, experimentalDecorators). */
const DECORATED =
  /__decorate\(\[\n[ \t]*(property|state)\(([^\n]*)\)\n\], ([\w$]+)\.prototype, "([\w$]+)", void 0\);/g;

/** tsc's inline helper (no importHelpers): six lines from `var __decorate` to `};`. */
const HELPER =
  /^var __decorate = \(this && this\.__decorate\) \|\| function \(decorators, target, key, desc\) \{\n(?:.*\n){4}\};\n/m;

/**
 * @param {string} code a module as tsc emits it
 * @param {{keepLines?: boolean}} [options] keep every line break (dist: source maps stay exact)
 */
export function compactDecorators(code, { keepLines = false } = {}) {
  const imports = /import \{([^}]*)\} from ['"]lit\/decorators\.js['"]/.exec(code);
  if (!imports) return code;
  const names = new Set(imports[1].split(',').map((name) => name.trim()));
  const out = code.replace(DECORATED, (call, decorator, args, cls, field) => {
    if (!names.has(decorator)) return call;
    const options =
      decorator === 'state'
        ? `, { ${args ? `...${args}, ` : ''}state: true, attribute: false }`
        : args
          ? `, ${args}`
          : '';
    return `${cls}.createProperty("${field}"${options});` + (keepLines ? '\n\n' : '');
  });
  if (out === code || /\b__decorate\(/.test(out.replace(HELPER, ''))) return out;
  return out.replace(HELPER, (helper) => (keepLines ? helper.replace(/[^\n]/g, '') : ''));
}

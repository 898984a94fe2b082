/**
 * Shrinks the text of tagged template literals that ship as they are written: GLSL in
 * `/* glsl *\/` templates, CSS in lit's css`…`, HTML in lit's html`…`. terser keeps string
 * contents, so their comments (which explain Rerun's maths or a layout choice in the source) and
 * indentation would otherwise reach every page. Used by rollup.config.mjs (the CDN build) and
 * by minify-dist.mjs (tsc's npm build).
 *
 * Only whitespace (at the start and end of lines, and in GLSL where no token needs it) and
 * comments are removed; every line break is kept (so `keepLines` output maps line for line onto the source, for the .js.map files):
 * - GLSL has no string literals, so `//` always starts a comment there.
 * - CSS and HTML collapse runs of whitespace, so a line break alone means what the indented one
 *   did (no template here is `white-space: pre`).
 * A match runs from the tag to the next backtick: a `${…}` holding another template literal
 * ends it early, and the JS code caught in between loses only indentation, which changes nothing.
 */

const trimLines = (text) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .join('\n');

/** Removes block comments, keeping their line breaks. */
const stripBlockComments = (text) =>
  text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''));

/**
 * Drops the spaces of a GLSL line that no token needs (`a = b * 2.0;` → `a=b*2.0;`): a space
 * stays between two word characters (`uniform vec2 u_x`) and between two operator characters
 * (`x = -1` keeps `= -`, so no `=-`, `--` or `/*` can appear). Lines that hold a `${…}`, a quote
 * or a preprocessor directive (`#define F (x)` ≠ `#define F(x)`) are left as they are.
 */
const squeezeGlsl = (line) =>
  /^#|[$'"`]/.test(line)
    ? line
    : line.replace(/(.)[ \t]+(?=(.))/g, (run, left, right) =>
        (WORD.test(left) && WORD.test(right)) || (OP.test(left) && OP.test(right)) ? run : left,
      );
const WORD = /[\w.]/;
const OP = /[-+*/<>=!&|^%~]/;

/**
 * Drops the CSS spaces after `:` and `,` and around `{` (`color: red;` → `color:red;`), on lines
 * without a `${…}` or a quote. A space before `:` is a descendant combinator (`.a :hover`) and
 * stays, as do those around `+`, `-` and `>` (`calc(100% - 8px)`).
 */
const squeezeCss = (text) =>
  text
    .split('\n')
    .map((line) => (/[$'"`]/.test(line) ? line : line.replace(/([:,]) +| *([{]) */g, '$1$2')))
    .join('\n');

/**
 * GLSL lines as one (without `keepLines`): a line break is only whitespace in GLSL but for
 * preprocessor directives, which keep theirs, as do lines holding a `${…}` (which may insert
 * directives). Elsewhere a space stays only where squeezeGlsl would keep one.
 */
function joinGlsl(lines) {
  const kept = lines.filter((l) => l);
  const own = (line) => line.startsWith('#') || line.includes('${') || line.endsWith('\\');
  return kept.reduce((out, line, i) => {
    if (i === 0) return line;
    const prev = kept[i - 1];
    if (own(prev) || own(line)) return out + '\n' + line;
    const left = prev[prev.length - 1];
    const right = line[0];
    const space = (WORD.test(left) && WORD.test(right)) || (OP.test(left) && OP.test(right));
    return out + (space ? ' ' : '') + line;
  }, '');
}

/**
 * CSS lines as one (without `keepLines`): a line break is whitespace, needed only between
 * two parts of a selector or value (`.a` / `.b` is `.a .b`); none after `{`, `;`, `}` or `,`
 * or before `}`.
 */
function joinCss(lines) {
  const kept = lines.filter((l) => l);
  return kept.reduce((out, line, i) => {
    if (i === 0) return line;
    const left = kept[i - 1][kept[i - 1].length - 1];
    return out + (/[{};,]/.test(left) || line[0] === '}' ? '' : ' ') + line;
  }, '');
}

/**
 * @param {string} code JavaScript or TypeScript source
 * @param {{keepLines?: boolean}} [options] keep empty lines (dist: source maps stay exact)
 */
export function minifyLiterals(code, { keepLines = false } = {}) {
  const squeeze = (text) => (keepLines ? text : text.replace(/\n{2,}/g, '\n'));
  return code
    .replace(/\/\* glsl \*\/ `([^`]*)`/g, (_, body) => {
      const lines = body.split('\n').map((line) => squeezeGlsl(line.replace(/\/\/.*$/, '').trim()));
      return '/* glsl */ `' + (keepLines ? lines.join('\n') : joinGlsl(lines)) + '`';
    })
    .replace(/\bcss ?`([^`]*)`/g, (_, body) => {
      const text = squeezeCss(trimLines(stripBlockComments(body)));
      return 'css`' + (keepLines ? text : joinCss(text.split('\n'))) + '`';
    })
    .replace(/\bhtml ?`([^`]*)`/g, (_, body) => 'html`' + squeeze(trimLines(body)) + '`');
}

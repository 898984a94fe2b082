/**
 * @web/dev-server plugin that lets browser tests and demos import the frameworks the
 * environment tests use, by their bare names:
 *
 * - React 19 ships CommonJS only, which the browser cannot load. esbuild (already a dev
 *   dependency through @web/dev-server-esbuild) bundles `react`, `react-dom/client` and the JSX
 *   runtimes into ONE ES module, so there is a single React instance (two copies break hooks);
 *   each bare name is then a tiny module re-exporting its part of that bundle by name.
 * - `rr-elements`, `rr-elements/react`, `rr-elements/anywidget` resolve to the sources, so the
 *   documented snippets (docs/snippets/) run as written, importing the package by its name.
 * - A relative `./x.js` import resolves to `./x.tsx` when that exists (the esbuild plugin only
 *   does this for `.ts`).
 * - `vue` resolves to Vue's self-contained browser build with the template compiler
 *   (`vue.esm-browser.js`), the build Vue documents for use without a bundler; its default
 *   `esm-bundler` entry expects a bundler to replace `process.env` and feature flags.
 */
import { execFileSync } from 'node:child_process';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const exists = (file) =>
  access(file).then(
    () => true,
    () => false,
  );

const PREFIX = '/__rr_deps__/';

/** Bare name → the key it has in the shared React bundle. */
const REACT_PARTS = {
  react: 'react',
  'react-dom': 'reactDom',
  'react-dom/client': 'reactDomClient',
  'react/jsx-runtime': 'jsxRuntime',
  'react/jsx-dev-runtime': 'jsxDevRuntime',
};
const MODE = 'development';

/** The package's own entry points, as the tests' sources (same URLs the tests import). */
const SELF = {
  'rr-elements': '/src/index.ts',
  'rr-elements/react': '/src/react/index.ts',
  'rr-elements/anywidget': '/src/anywidget/index.ts',
};

let reactBundle;
async function bundleReact() {
  const entry = Object.entries(REACT_PARTS)
    .map(([name, key]) => `import * as ${key} from '${name}'; export { ${key} };`)
    .join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    define: { 'process.env.NODE_ENV': JSON.stringify(MODE) },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

function reactPart(name) {
  const key = REACT_PARTS[name];
  // The names each part exports, read from the same package in a separate Node process (the
  // test runner patches this process' console, which React touches while loading).
  const keys = JSON.parse(
    execFileSync(
      process.execPath,
      ['-e', `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(name)}))))`],
      {
        env: { ...process.env, NODE_ENV: MODE },
        encoding: 'utf8',
      },
    ),
  );
  const names = keys.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
  return [
    `import { ${key} as ns } from '${PREFIX}react-bundle.js';`,
    `const m = ns.default ?? ns;`,
    `export default m;`,
    `export const { ${names.join(', ')} } = m;`,
  ].join('\n');
}

export function frameworkDepsPlugin() {
  return {
    name: 'rr-framework-deps',
    async resolveImport({ source, context }) {
      if (source.startsWith('.') && source.endsWith('.js')) {
        const tsx = `${source.slice(0, -3)}.tsx`;
        const dir = path.dirname(path.join(process.cwd(), context.path));
        if (await exists(path.join(dir, tsx))) return tsx;
        return undefined;
      }
      if (source in REACT_PARTS) return `${PREFIX}${encodeURIComponent(source)}.js`;
      if (source in SELF) return SELF[source];
      if (source === 'vue') return '/node_modules/vue/dist/vue.esm-browser.js';
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const file = context.path.slice(PREFIX.length);
      if (file === 'react-bundle.js') {
        reactBundle ??= bundleReact();
        return { body: await reactBundle, type: 'js' };
      }
      const name = decodeURIComponent(file.replace(/\.js$/, ''));
      if (name in REACT_PARTS) return { body: reactPart(name), type: 'js' };
      return undefined;
    },
  };
}

// Two pieces of the demo server (scripts/dev-server.mjs), also used by the browser tests:
//
// - cdnBundlePlugin: `/dist/cdn/rr-elements.js` and `/dist/cdn/rr-elements-anywidget.js` (the
//   CDN and Observable pages load the bundle as a CDN user would). When `npm run build` made
//   them and no source is newer, they are served from disk; otherwise esbuild bundles the one
//   that is asked for, in memory, in about a second, so `npm start` needs no build first.
// - rawSourceMiddleware: `<file>?raw` answers the file exactly as it is on disk, as text, so a
//   demo page can show its own code as written (the server rewrites bare imports in pages).
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(new URL('..', import.meta.url).pathname);

/** Newest modification time of a file under `dir` (recursively). */
function newest(dir) {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }
  return time;
}

/** Entry file → how to bundle it (as rollup.config.mjs does: lazy chunks, or one file). */
const ENTRIES = {
  'rr-elements.js': { entry: 'src/bundle.ts', splitting: true },
  'rr-elements-anywidget.js': { entry: 'src/anywidget/index.ts', splitting: false },
  'png16.worker.js': { entry: 'src/io/png16.worker.ts', splitting: false },
};

/**
 * `demoOnly`: only for a demo page's request (the browser tests of the CDN bundle must get
 * what `npm run build` made, or nothing).
 */
export function cdnBundlePlugin({ demoOnly = false } = {}) {
  /** URL path → { text, type } of the last in-memory bundle, with the time it was made. */
  const files = new Map();
  const builtAt = new Map();
  async function bundle(name) {
    const { entry, splitting } = ENTRIES[name];
    const result = await build({
      absWorkingDir: root,
      entryPoints: { [name.replace(/\.js$/, '')]: entry },
      bundle: true,
      splitting,
      format: 'esm',
      target: 'es2022',
      conditions: ['production', 'browser'],
      outdir: 'dist/cdn',
      chunkNames: '[name]-[hash]',
      write: false,
      logLevel: 'silent',
      // package.json's `sideEffects` lists dist/, not src/: the elements register themselves on import.
      ignoreAnnotations: true,
    });
    for (const out of result.outputFiles) {
      const url = '/' + path.relative(root, out.path).split(path.sep).join('/');
      files.set(url, out.text);
    }
    builtAt.set(name, Date.now());
  }
  return {
    name: 'rr-cdn-bundle',
    async serve(context) {
      if (!context.path.startsWith('/dist/cdn/')) return undefined;
      const name = context.path.slice('/dist/cdn/'.length);
      if (ENTRIES[name]) {
        const referer = context.get('referer') ?? '';
        if (demoOnly && !new URL(referer, 'http://x').pathname.startsWith('/demo/'))
          return undefined;
        const sources = newest(path.join(root, 'src'));
        let onDisk = 0;
        try {
          onDisk = statSync(path.join(root, context.path)).mtimeMs;
        } catch {
          // not built
        }
        if (onDisk > sources) return undefined; // `npm run build`'s output, fresh
        if (!files.has(context.path) || (builtAt.get(name) ?? 0) < sources) await bundle(name);
      }
      const text = files.get(context.path);
      return text === undefined ? undefined : { body: text, type: 'js' };
    },
  };
}

const RAW_TYPES = Object.fromEntries(
  ['.html', '.js', '.mjs', '.ts', '.tsx', '.svelte', '.vue'].map((ext) => [ext, 'text/plain']),
);

/** Koa middleware: `GET /demo/page.html?raw` → the file as on disk, as text/plain. */
export async function rawSourceMiddleware(context, next) {
  const type = RAW_TYPES[path.extname(context.path)];
  if (context.querystring !== 'raw' || !type) return next();
  const file = path.resolve(root, '.' + decodeURIComponent(context.path));
  if (!file.startsWith(root + path.sep)) return next();
  try {
    context.body = await readFile(file, 'utf8');
    context.type = `${type}; charset=utf-8`;
  } catch {
    return next();
  }
}

/**
 * Koa middleware: the notebook HTML of the Jupyter page (`test/notebook/build/*.html`) is made
 * by `npm run prepare-notebook` (Jupyter's nbconvert); until then this page says so instead of
 * a 404.
 */
export async function notebookPlaceholderMiddleware(context, next) {
  await next();
  if (context.status !== 404 || !/^\/test\/notebook\/build\/[\w-]+\.html$/.test(context.path))
    return;
  context.status = 200;
  context.type = 'text/html; charset=utf-8';
  context.body = `<!doctype html><meta charset="utf-8"><body style="font: 14px/1.5 system-ui, sans-serif; padding: 16px">
<p>This is where the HTML that <code>jupyter nbconvert --execute</code> writes from the notebook appears.</p>
<p>Make it with <code>npm run prepare-notebook</code> (needs Jupyter's nbconvert), then reload.</p>`;
}

const CJS_PREFIX = '/__rr_cjs__/';
/** Packages the demo pages import that ship CommonJS only (highlight.js, for the code panes). */
const CJS_PACKAGES = ['highlight.js'];

/**
 * Serves a bare import of a CommonJS-only package (`highlight.js/lib/core`) as an ES module
 * that esbuild bundled from it, so a demo page can import it by its documented name.
 */
export function commonJsPlugin() {
  const bundles = new Map();
  return {
    name: 'rr-commonjs',
    resolveImport({ source }) {
      if (CJS_PACKAGES.some((p) => source === p || source.startsWith(`${p}/`)))
        return `${CJS_PREFIX}${encodeURIComponent(source)}.js`;
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(CJS_PREFIX)) return undefined;
      const name = decodeURIComponent(context.path.slice(CJS_PREFIX.length).replace(/\.js$/, ''));
      if (!CJS_PACKAGES.some((p) => name === p || name.startsWith(`${p}/`))) return undefined;
      if (!bundles.has(name)) {
        const contents = `export { default } from ${JSON.stringify(name)};`;
        bundles.set(
          name,
          build({
            stdin: { contents, resolveDir: root, loader: 'js' },
            bundle: true,
            format: 'esm',
            target: 'es2022',
            write: false,
            logLevel: 'silent',
          }).then((result) => result.outputFiles[0].text),
        );
      }
      return { body: await bundles.get(name), type: 'js' };
    },
  };
}

/**
 * Koa middleware: `/src/**\/*.worker.js` → the `.ts` file beside it, compiled as any source. A
 * worker is started by URL (`new URL('./png16.worker.js', import.meta.url)`, what tsc's output
 * and bundlers need), which the server's `.js` → `.ts` import rewriting does not see.
 */
export async function workerSourceMiddleware(context, next) {
  if (context.path.startsWith('/src/') && context.path.endsWith('.worker.js')) {
    const ts = context.path.replace(/\.js$/, '.ts');
    const file = path.resolve(root, '.' + decodeURIComponent(ts));
    if (file.startsWith(root + path.sep)) {
      try {
        statSync(file);
        context.url = ts + (context.querystring ? `?${context.querystring}` : '');
      } catch {
        // no such source: the request goes on as it came
      }
    }
  }
  return next();
}

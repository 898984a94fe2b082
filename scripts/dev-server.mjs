// The web server behind `npm start` (the demo gallery) and `npm run bench`: @web/dev-server on
// the repository root. TypeScript is compiled per request by esbuild, so a page can import
// `/src/index.ts` (or `/bench/main.ts`) directly; bare imports (`lit`, `@lit/context`) are resolved
// from node_modules with the `production` condition, as in the tests, so lit stays quiet.
// JavaScript is served as written to every client (curl included): only TypeScript is compiled.
import {
  cdnBundlePlugin,
  commonJsPlugin,
  notebookPlaceholderMiddleware,
  rawSourceMiddleware,
  workerSourceMiddleware,
} from './dev-cdn.mjs';
import { frameworkDepsPlugin } from './wtr-framework-deps-plugin.mjs';
import { sveltePlugin } from './wtr-svelte-plugin.mjs';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';

export const root = new URL('..', import.meta.url).pathname;

function isFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    // No host: the dev server listens on every interface too, so this sees the same conflicts.
    server.listen({ port }, () => server.close(() => resolve(true)));
  });
}

function anyFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0 }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `preferred` when it is free, otherwise a free port the system picks. */
export async function pickPort(preferred) {
  if (preferred && (await isFree(preferred))) return preferred;
  return anyFreePort();
}

/** `/bench/cases.json`: the benchmark cases (every .ts or .js file in bench/cases/), by name. */
const benchCaseList = {
  name: 'rr-bench-case-list',
  serve(context) {
    if (context.path !== '/bench/cases.json') return undefined;
    const dir = new URL('../bench/cases/', import.meta.url);
    const files = (existsSync(dir) ? readdirSync(dir) : [])
      .filter((f) => /\.(ts|js|mjs)$/.test(f) && !/\.d\.ts$/.test(f))
      .sort();
    return { body: JSON.stringify(files), type: 'json' };
  },
};

/**
 * Starts the server and resolves to it; `port` must be free (see pickPort). `watch` reloads
 * open pages when a served file changes.
 */
export function startServer({ port, watch = false }) {
  return startDevServer({
    config: {
      rootDir: root,
      port,
      hostname: 'localhost',
      open: false,
      watch,
      clearTerminalOnReload: false,
      nodeResolve: { exportConditions: ['production'] },
      middleware: [rawSourceMiddleware, notebookPlaceholderMiddleware, workerSourceMiddleware],
      plugins: [
        benchCaseList,
        // `/dist/cdn/*.js` (the CDN and Observable pages) built on first request when no fresh
        // `npm run build` output is there.
        cdnBundlePlugin(),
        commonJsPlugin(),
        // The demo pages for React, Vue and Svelte need them, as the browser tests do.
        frameworkDepsPlugin(),
        sveltePlugin(),
        // `esnext`: JavaScript, inline page scripts included, is never rewritten, whatever the
        // client (the default `auto` compiles it down for user agents it does not know, such as
        // curl, and fails on destructuring); TypeScript is compiled for current browsers.
        esbuildPlugin({
          ts: true,
          tsx: true,
          target: 'esnext',
          tsconfig: new URL('../tsconfig.json', import.meta.url).pathname,
        }),
      ],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
    autoExitProcess: true,
  });
}

// Browser tests: mocha in headless Chromium (the system's, found by scripts/chrome.mjs), with
// WebGL2 through SwiftShader. One browser and one page at a time: CI has two cores, and
// SwiftShader uses them both.
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChrome, CHROME_ARGS } from './scripts/chrome.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import {
  cdnBundlePlugin,
  commonJsPlugin,
  notebookPlaceholderMiddleware,
  rawSourceMiddleware,
  workerSourceMiddleware,
} from './scripts/dev-cdn.mjs';
import { frameworkDepsPlugin } from './scripts/wtr-framework-deps-plugin.mjs';
import { galleryPlugin } from './scripts/wtr-gallery-plugin.mjs';
import { sveltePlugin } from './scripts/wtr-svelte-plugin.mjs';

export default {
  files: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'test/**/*.test.tsx'],
  // `production` rather than the dev server's default `development` condition: lit's
  // development build warns on the console ("Lit is in dev mode") in every test file.
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 20000 } },
  // Every rr-error is also logged with console.warn (src/elements/shared/errors.ts), and tests
  // provoke many on purpose: those lines stay out of the output (test/helpers/warnings.ts lets a
  // test read them), so the output shows only unexpected noise.
  filterBrowserLogs: ({ type, args }) =>
    !(type === 'warn' && typeof args[0] === 'string' && args[0].startsWith('<rr-')),
  testsFinishTimeout: 600000,
  browserStartTimeout: 60000,
  // The demo pages need what `npm start` gives them (scripts/dev-server.mjs).
  middleware: [rawSourceMiddleware, notebookPlaceholderMiddleware, workerSourceMiddleware],
  plugins: [
    galleryPlugin(),
    cdnBundlePlugin({ demoOnly: true }),
    commonJsPlugin(),
    frameworkDepsPlugin(),
    sveltePlugin(),
    esbuildPlugin({ ts: true, tsx: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChrome(), headless: true, args: CHROME_ARGS },
    }),
  ],
  // The default reporter lists the results and errors; ours ends the run with `N passed, N failed`.
  reporters: [defaultReporter(), summaryReporter()],
};

// `npm test`: lint (ESLint + tsc), the build when src/ is newer than dist/, the notebook HTML
// (nbconvert), the bundle-size budget, the documented-snippet and API-reference (demo/api.html)
// checks, the Node tests (test/node/), then the whole browser suite; exit non-zero if anything failed. The browser suite runs even when a step before it
// failed, so that the count is always the real one; each failed step counts as one more failure
// in the closing `N passed, N failed` line.
// Arguments go to the test runner: `npm test -- --files src/store/**/*.test.ts`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summaryLine } from './summary-reporter.mjs';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args, env = process.env) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;

/** True when dist/ is missing or older than a source file (the CDN and notebook tests use it). */
function buildIsStale() {
  const bundle = join(root, 'dist/cdn/rr-elements.js');
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  const newer = (dir) =>
    readdirSync(join(root, dir), { withFileTypes: true }).some((entry) => {
      const rel = join(dir, entry.name);
      return entry.isDirectory() ? newer(rel) : statSync(join(root, rel)).mtimeMs > built;
    });
  const inputs = ['package-lock.json', 'custom-elements.json', 'scripts/framework-types.mjs'];
  return newer('src') || inputs.some((file) => statSync(join(root, file)).mtimeMs > built);
}

// Steps before the browser tests; each one that fails counts as one failure.
const failedSteps = [];
const step = (name, cmd, args) => {
  console.log(`\n=== ${name}`);
  const started = Date.now();
  if (run(cmd, args) !== 0) {
    failedSteps.push(name);
    console.error(`\n${name} failed (see above); going on with the tests.\n`);
  }
  console.log(`=== ${name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
};
step('lint', 'npm', ['run', '--silent', 'lint']);
if (buildIsStale()) step('build', 'npm', ['run', '--silent', 'build']);
// The notebook test opens HTML made by executing a notebook with Jupyter's nbconvert.
step('notebook', 'node', ['scripts/prepare-notebook.mjs']);
step('bundle size', 'node', ['scripts/size-check.mjs']);
step('documented snippets', 'node', ['scripts/check-doc-snippets.mjs', 'README.md']);
step('API reference', 'node', ['scripts/api-docs.mjs', '--check']);
const lintStatus = failedSteps.length ? 1 : 0;

const dir = mkdtempSync(join(tmpdir(), 'rr-test-'));

// The Node tests (test/node/: imports and server rendering, the packed tarball, the consumer
// apps, the Python wheel), one file at a time; their counts join the browser tests'. Skipped
// when the runner's arguments pick browser test files.
const nodeCounts = { passed: 0, failed: 0 };
if (!process.argv.slice(2).some((arg) => arg.startsWith('--files'))) {
  console.log('\n=== node tests');
  const tap = join(dir, 'node.tap');
  const files = readdirSync(join(root, 'test/node'))
    .filter((f) => f.endsWith('.test.mjs'))
    .map((f) => join('test/node', f));
  const nodeStarted = Date.now();
  const status = run('node', [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  console.log(`=== node tests: ${((Date.now() - nodeStarted) / 1000).toFixed(0)} s`);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  nodeCounts.passed = count('pass');
  nodeCounts.failed = count('fail') + count('cancelled');
  if (status !== 0 && nodeCounts.failed === 0) nodeCounts.failed = 1; // failed outside a test
}

const summaryFile = join(dir, 'summary.json');
const wtrStatus = run(join(root, 'node_modules/.bin/web-test-runner'), process.argv.slice(2), {
  ...process.env,
  RR_TEST_SUMMARY_FILE: summaryFile,
  RR_TEST_EXTRA_COUNTS: JSON.stringify(nodeCounts),
});

let counts;
try {
  counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
} catch {
  counts = undefined; // the runner stopped before reporting (bad config, no test files, …)
}
rmSync(dir, { recursive: true, force: true });

if (lintStatus !== 0 || counts === undefined) {
  const total = counts ?? { passed: nodeCounts.passed, failed: nodeCounts.failed };
  for (const name of failedSteps) console.log(`${name} failed (counted as 1 failure)`);
  if (counts === undefined)
    console.log('the test runner reported no results (counted as 1 failure)');
  const extra = failedSteps.length + (counts === undefined ? 1 : 0);
  console.log(summaryLine({ passed: total.passed, failed: total.failed + extra }));
}
const failed = lintStatus !== 0 || wtrStatus !== 0 || counts === undefined || nodeCounts.failed;
process.exit(failed ? 1 : 0);

// `npm test`: lint (ESLint + tsc), the build when src/ is newer than dist/, the notebook HTML
// (nbconvert), the bundle-size budget, the documented-snippet and API-reference (demo/api.html)
// checks, then the whole browser suite; exit non-zero if anything failed. The browser suite runs even when a step before it
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
  return newer('src') || statSync(join(root, 'package-lock.json')).mtimeMs > built;
}

// Steps before the browser tests; each one that fails counts as one failure.
const failedSteps = [];
const step = (name, cmd, args) => {
  console.log(`\n=== ${name}`);
  if (run(cmd, args) !== 0) {
    failedSteps.push(name);
    console.error(`\n${name} failed (see above); going on with the tests.\n`);
  }
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
const summaryFile = join(dir, 'summary.json');
const wtrStatus = run(join(root, 'node_modules/.bin/web-test-runner'), process.argv.slice(2), {
  ...process.env,
  RR_TEST_SUMMARY_FILE: summaryFile,
});

let counts;
try {
  counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
} catch {
  counts = undefined; // the runner stopped before reporting (bad config, no test files, …)
}
rmSync(dir, { recursive: true, force: true });

if (lintStatus !== 0 || counts === undefined) {
  const total = counts ?? { passed: 0, failed: 0 };
  for (const name of failedSteps) console.log(`${name} failed (counted as 1 failure)`);
  if (counts === undefined)
    console.log('the test runner reported no results (counted as 1 failure)');
  const extra = failedSteps.length + (counts === undefined ? 1 : 0);
  console.log(summaryLine({ passed: total.passed, failed: total.failed + extra }));
}
process.exit(lintStatus !== 0 || wtrStatus !== 0 || counts === undefined ? 1 : 0);

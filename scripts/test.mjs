// `npm test`: lint (ESLint + tsc), then the whole browser suite, and exit non-zero if either
// failed. The browser suite runs even when lint fails, so that the count is always the real one;
// a failed lint then counts as one more failure in the closing `N passed, N failed` line.
// Arguments go to the test runner: `npm test -- --files src/store/**/*.test.ts`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summaryLine } from './summary-reporter.mjs';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args, env = process.env) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;

const lintStatus = run('npm', ['run', '--silent', 'lint']);
if (lintStatus !== 0)
  console.error('\nLint failed (see above); running the browser tests anyway.\n');

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
  if (lintStatus !== 0) console.log('lint failed (counted as 1 failure)');
  if (counts === undefined)
    console.log('the test runner reported no results (counted as 1 failure)');
  const extra = (lintStatus !== 0 ? 1 : 0) + (counts === undefined ? 1 : 0);
  console.log(summaryLine({ passed: total.passed, failed: total.failed + extra }));
}
process.exit(lintStatus !== 0 || wtrStatus !== 0 || counts === undefined ? 1 : 0);

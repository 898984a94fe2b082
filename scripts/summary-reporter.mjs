// A @web/test-runner reporter that adds up the whole run and ends it with one plain line,
// `N passed, N failed`, which CI (.ci/run) reads back. It runs next to the default reporter,
// which still prints the per-file results and the errors.
//
// Counting rules:
// * every test in every session, nested suites included, counts once per browser session;
// * skipped tests (`it.skip`, `this.skip()`) count as neither: they get a line of their own,
//   so that a run in which everything skipped (no WebGL2, say) cannot look green by accident;
// * a session that failed without a failing test (a file that does not load, an error thrown
//   in a `before` hook, a timeout, a browser that did not start) counts as one more failure.
//
// When RR_TEST_SUMMARY_FILE is set, the counts are also written there as JSON, for
// scripts/test.mjs (which adds a failed lint to them); RR_TEST_EXTRA_COUNTS ({passed, failed})
// adds the counts of tests that ran before (the Node tests).
import { writeFileSync } from 'node:fs';

/** Adds up the tests of one suite and all the suites inside it. */
function countSuite(suite, counts) {
  if (!suite) return counts;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, counts);
  return counts;
}

/** Counts for a list of test sessions (one per test file and browser). */
export function countSessions(sessions) {
  const total = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
  for (const session of sessions) {
    const counts = countSuite(session.testResults, { passed: 0, failed: 0, skipped: 0 });
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    const sessionFailed = (session.errors?.length ?? 0) > 0 || session.passed === false;
    if (sessionFailed && counts.failed === 0) {
      total.failed += 1;
      total.sessionErrors += 1;
    }
  }
  return total;
}

/** The line CI looks for; keep it plain (no colour, nothing else on the line). */
export function summaryLine({ passed, failed }) {
  return `${passed} passed, ${failed} failed`;
}

export function summaryReporter() {
  let last = [];
  return {
    onTestRunFinished({ sessions }) {
      last = sessions;
    },
    stop({ sessions }) {
      const total = countSessions(sessions?.length ? sessions : last);
      // Tests run before the browser suite (scripts/test.mjs: the Node tests) add theirs.
      const extra = JSON.parse(process.env.RR_TEST_EXTRA_COUNTS ?? '{}');
      total.passed += extra.passed ?? 0;
      total.failed += extra.failed ?? 0;
      const notes = [];
      if (total.skipped) notes.push(`${total.skipped} skipped`);
      if (total.sessionErrors) {
        notes.push(
          `${total.sessionErrors} test file(s) failed outside a test (counted as failures)`,
        );
      }
      const file = process.env.RR_TEST_SUMMARY_FILE;
      if (file) writeFileSync(file, JSON.stringify(total) + '\n');
      // Right after the reporters stop, the runner prints its final progress block ("Finished
      // running tests…"); the count line must come after it, so it is written as the process exits
      // (stdout to a file, pipe or terminal is synchronous on Linux, so nothing is lost).
      const text = [...notes, summaryLine(total)].join('\n');
      process.on('exit', () => process.stdout.write(`\n${text}\n`));
    },
  };
}

// `npm run bench`: runs the benchmark page (bench/index.html) in headless Chromium and prints
// one row per case: the medians of the baseline and of our candidate, measured in the same run,
// and their ratio (and a row below for each further reference of a case). Writes everything
// (samples, pixel checks, drain residuals included) to bench-results/bench.json.
//
//   npm run bench                       all cases, against /src/index.ts (compiled on the fly), the
//                                       modules the cases themselves import
//   npm run bench -- --build            against the build, dist/index.js (rebuilt when src/ is newer)
//   npm run bench -- --entry /dist/cdn/rr-elements.js    against the CDN bundle
//   npm run bench -- --case rgb --repeats 50 --warmup 10
//   npm run bench -- --drain harness    every side waits for the GPU on a context of the harness's
//                                       (the earlier drain), to compare with the own-context one
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { findChrome, CHROME_ARGS } from './chrome.mjs';
import { pickPort, root, startServer } from './dev-server.mjs';

const { values: args } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    entry: { type: 'string' },
    case: { type: 'string' },
    repeats: { type: 'string' },
    warmup: { type: 'string' },
    drain: { type: 'string' },
  },
});

/** Newest modification time of any file under `dir`. */
function newest(dir) {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

const entry = args.entry ?? (args.build ? '/dist/index.js' : '/src/index.ts');
const built = join(root, entry);
if (
  entry.startsWith('/dist/') &&
  (!existsSync(built) || statSync(built).mtimeMs < newest(join(root, 'src')))
) {
  console.log('dist/ is missing or older than src/: building first.');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error(
      'The build failed; run `npm run bench` (without --build) to measure the sources instead.',
    );
    process.exit(1);
  }
}

const port = await pickPort(0);
const server = await startServer({ port });
const browser = await puppeteer.launch({
  executablePath: findChrome(),
  headless: true,
  // A page that is not in front must not be throttled in the middle of a measurement.
  args: [
    ...CHROME_ARGS,
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
  ],
  defaultViewport: { width: 1280, height: 900, deviceScaleFactor: 1 },
  // A whole run takes minutes on a busy machine: the final evaluate awaits all of it.
  protocolTimeout: 3_600_000,
});

let results;
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn')
      console.error(`[page ${m.type()}] ${m.text()}`);
  });
  const query = new URLSearchParams({ entry });
  for (const key of ['case', 'repeats', 'warmup', 'drain'])
    if (args[key]) query.set(key, args[key]);
  await page.goto(`http://localhost:${port}/bench/index.html?${query}`);
  await page.waitForFunction(() => globalThis.__benchResults !== undefined, { timeout: 60000 });
  page.setDefaultTimeout(0);
  results = await page.evaluate(() => globalThis.__benchResults);
  const version = await browser.version();
  writeReport(results, version, query.get('entry'));
} finally {
  await browser.close();
  await server.stop();
}

function writeReport(results, browserVersion, entry) {
  const fmt = (v, digits = 2) => (v === null || v === undefined ? '—' : v.toFixed(digits));
  const times = (v) => (v === null || v === undefined ? '—' : `${fmt(v)}×`);
  const delta = (d) => (!d ? '—' : d.maxDelta === null ? 'size' : String(d.maxDelta));
  const mainCell = (ratio, ms) =>
    ratio != null ? times(ratio) : ms != null ? `(${fmt(ms)} ms)` : '—';
  const rows = [];
  for (const r of results) {
    rows.push([
      r.name,
      fmt(r.baselineMs),
      fmt(r.candidateMs),
      times(r.ratio),
      r.baselineMs != null && r.candidateMs != null ? fmt(r.candidateMs - r.baselineMs) : '—',
      fmt(r.fairMs),
      times(r.fairRatio),
      mainCell(r.mainRatio, r.candidateMainMs),
      delta(r.pixels?.fair),
      r.error ? `ERROR ${r.error}` : r.notes,
    ]);
    // Further references (BenchCase.extras): their figures in the fair columns of a row below.
    for (const e of r.extras ?? [])
      rows.push(
        e.candidate
          ? // Another mode of ours (ExtraSide.candidate): in the candidate's columns.
            [
              `  ↳ ${e.label}`,
              '',
              fmt(e.ms),
              times(e.ratio),
              r.baselineMs != null && e.ms != null ? fmt(e.ms - r.baselineMs) : '—',
              '',
              '',
              mainCell(null, e.mainMs),
              delta(r.pixels?.[e.label]),
              '',
            ]
          : [
              `  ↳ ${e.label}`,
              '',
              '',
              '',
              '',
              fmt(e.ms),
              times(e.ratio),
              mainCell(e.mainRatio, null),
              delta(r.pixels?.[e.label]),
              '',
            ],
      );
  }
  const head = [
    'case',
    'baseline ms',
    'candidate ms',
    'ratio',
    'Δ ms',
    'fair ms',
    'fair ratio',
    'main-thread ratio',
    'px max |Δ|',
    'notes',
  ];
  const last = head.length - 1;
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i === 0 || i === last ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  console.log(
    '\nms: median of the timed repetitions after warm-up; each repetition starts at a random ' +
      'moment of the 60 Hz cycle and ends when the GPU has done its work (a 1-px readPixels on the ' +
      "side's own context, or on one of the harness's; bench/harness.ts); checks run after, untimed.\n" +
      'ratio = candidate / baseline, fair ratio = candidate / fair baseline (texSubImage2D into ' +
      'kept storage; where a case says so, the same pixels as ours), all interleaved in this run; below 1 is faster.\nmain-thread ratio = ' +
      'main-thread ms of the candidate / of the fair baseline (medians; time the page is blocked, ' +
      'GPU wait excluded).\npx max |Δ| = the largest channel difference (of 255) between the last frame the fair ' +
      "side (or the row's reference) shows and the candidate's, read back after the timed repetitions.\n",
  );

  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  const outDir = join(root, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    commit: git.status === 0 ? git.stdout.trim() : null,
    browser: browserVersion,
    node: process.version,
    entry,
    results,
  };
  writeFileSync(join(outDir, 'bench.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(`written: bench-results/bench.json`);
}

// The benchmark page: loads every case listed at /bench/cases.json, runs them one after the
// other and publishes the results as `window.__benchResults` (scripts/bench.mjs awaits it) and
// as a table in the page (for a look in a real browser: `npm start`, then /bench/).
//
// Query parameters: `entry` (default /src/index.ts, the modules cases import; /dist/index.js is the build),
// `case` (run only cases whose file name or title contains it), `repeats`, `warmup`, `drain`
// (`harness`: every side waits for the GPU on the harness's own context, the earlier way).
import { runCase, type BenchCase, type BenchContext, type BenchResult } from './harness.js';

declare global {
  interface Window {
    __benchResults?: Promise<BenchResult[]>;
  }
}

const params = new URLSearchParams(location.search);
const entry = params.get('entry') ?? '/src/index.ts';
const filter = params.get('case') ?? '';
const numberParam = (name: string) => {
  const value = Number(params.get(name) ?? NaN);
  return Number.isInteger(value) && value > 0 ? value : undefined;
};
const overrides = {
  repeats: numberParam('repeats'),
  warmup: numberParam('warmup'),
  sharedDrain: params.get('drain') === 'harness',
};

let loading: Promise<void> | undefined;
const ctx: BenchContext = {
  entry,
  loadElements() {
    loading ??= import(/* @vite-ignore */ entry).then(() => undefined);
    return loading;
  },
  stage: document.getElementById('stage')!,
};

function errorRow(name: string, error: unknown): BenchResult {
  return {
    name,
    notes: '',
    baselineMs: null,
    candidateMs: null,
    ratio: null,
    error: error instanceof Error ? error.message : String(error),
    warmup: 0,
    repeats: 0,
    baselineSamples: [],
    candidateSamples: [],
  };
}

async function runAll(): Promise<BenchResult[]> {
  const files: string[] = await (await fetch('/bench/cases.json')).json();
  const results: BenchResult[] = [];
  for (const file of files) {
    let c: BenchCase<unknown>;
    try {
      c = (await import(`./cases/${file}`)).default;
      if (!c || typeof c.baseline !== 'function')
        throw new Error('no default export from defineCase()');
    } catch (e) {
      results.push(errorRow(file, e));
      continue;
    }
    if (filter && !file.includes(filter) && !c.name.includes(filter)) continue;
    status(`running: ${c.name}`);
    const result = await runCase(c, ctx, overrides);
    results.push(result);
    ctx.stage.replaceChildren();
    show(results);
  }
  status(`done: ${results.length} case(s)`);
  return results;
}

function status(text: string) {
  document.getElementById('status')!.textContent = text;
}

function show(results: BenchResult[]) {
  const fmt = (v: number | null, digits: number) => (v === null ? '—' : v.toFixed(digits));
  const rows = results.map((r) => {
    const cells = [r.name, fmt(r.baselineMs, 2), fmt(r.candidateMs, 2), fmt(r.ratio, 2)];
    cells.push(r.error ? `ERROR: ${r.error}` : r.notes);
    const tr = document.createElement('tr');
    for (const text of cells)
      tr.append(Object.assign(document.createElement('td'), { textContent: text }));
    return tr;
  });
  document.querySelector('#results tbody')!.replaceChildren(...rows);
}

window.__benchResults = runAll();

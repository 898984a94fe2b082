#!/usr/bin/env node
/**
 * Gzipped sizes of the CDN files (dist/cdn/*.js) against their budgets; prints a table and exits
 * non-zero when a budgeted file is over budget or missing. Run after `npm run build`.
 *
 * Written here rather than with size-limit: the check is "gzip -9 of a built file ≤ N", which is
 * a few lines of node:zlib, while size-limit would bring its own bundler plugins to measure files
 * we already build.
 *
 * Usage: node scripts/size-check.mjs [--json]
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'dist', 'cdn');
const KB = 1024;

/** Budgets in gzipped bytes. Every other .js file in dist/cdn (lazy chunks) is reported only. */
const BUDGETS = {
  // Every element, lit, @lit/context and twgl.js; Arrow/.rrd support is a lazy chunk outside it.
  // 51 KB since issue 12 (checked attributes, named errors, oversized views; image headers lazy).
  'rr-elements.js': 51 * KB,
  // The same plus the anywidget front end as ONE file for a widget's inline `_esm`, so the lazy
  // chunks are inside it: 16-bit PNG, and the Arrow/.rrd reader and writer (apache-arrow alone is
  // ~52 KB gzipped, the .rrd code ~14 KB) that `<rr-context>.load()` and `toRrd()` bring.
  'rr-elements-anywidget.js': 125 * KB,
};
/** Files that must exist (the others are checked when built). */
const REQUIRED = ['rr-elements.js'];

if (!existsSync(dir)) {
  console.error(
    `size-check: ${path.relative(root, dir)} does not exist: run \`npm run build\` first`,
  );
  process.exit(1);
}

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.js'))
  .sort();
const rows = files.map((file) => {
  const bytes = readFileSync(path.join(dir, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    budget: BUDGETS[file],
  };
});

let failed = false;
for (const file of REQUIRED) {
  if (!files.includes(file)) {
    console.error(`size-check: ${file} is missing from ${path.relative(root, dir)}`);
    failed = true;
  }
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const kb = (n) => `${(n / KB).toFixed(1)} KB`;
  const table = [['file', 'raw', 'gzip', 'brotli', 'budget (gzip)', '']];
  for (const r of rows) {
    const over = r.budget !== undefined && r.gzip > r.budget;
    table.push([
      r.file,
      kb(r.raw),
      kb(r.gzip),
      kb(r.brotli),
      r.budget ? kb(r.budget) : 'report only',
      r.budget ? (over ? 'OVER' : 'ok') : '',
    ]);
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table)
    console.log(
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('  '),
    );
}

for (const r of rows) {
  if (r.budget !== undefined && r.gzip > r.budget) {
    console.error(
      `size-check: ${r.file} is ${r.gzip} bytes gzipped, over its budget of ${r.budget}`,
    );
    failed = true;
  }
}
process.exit(failed ? 1 : 0);

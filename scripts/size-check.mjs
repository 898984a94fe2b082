#!/usr/bin/env node
/**
 * Gzipped sizes of the CDN files (dist/cdn/*.js) against their budgets; prints a table and exits
 * non-zero when a budgeted file is over budget or missing. Run after `npm run build`.
 *
 * Written here rather than with size-limit: the check is "gzip -9 of a built file ≤ N", which is
 * a few lines of node:zlib, while size-limit would bring its own bundler plugins to measure files
 * we already build.
 *
 * Also bundles what a page importing only `rr-elements/rr-image.js` loads (dist/elements, as npm
 * users get it, with lit) and fails if geometry code (points, boxes, line strips)
 * landed in it: per-tag imports must stay small.
 *
 * Usage: node scripts/size-check.mjs [--json]
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'dist', 'cdn');
const KB = 1024;

/** Budgets in gzipped bytes. Every other .js file in dist/cdn (lazy chunks) is reported only. */
const BUDGETS = {
  // Every element, lit and @lit/context: the issue's budget of 60 KB. Lazy chunks beside it load
  // only when a page needs them: the segmentation, geometry (resolution, drawables, picking,
  // labels) and depth image layers' code when an entity first has such data, Arrow/.rrd
  // support, 16-bit PNG and .npy decoding (the .npy reader also as npy.js for CDN pages).
  // 57.2 KB with every branch of session 4 (62.4 KB before its trims).
  'rr-elements.js': 60 * KB,
  // The same plus the anywidget front end as ONE file for a widget's inline `_esm`, so the lazy
  // chunks are inside it: 16-bit PNG, and the Arrow/.rrd reader and writer (apache-arrow alone is
  // ~51 KB gzipped, the .rrd code ~14 KB) that `<rr-context>.load()` and `toRrd()` bring.
  // 146.8 KB after the GPU hover outline (+1.9 KB in the geometry code it inlines); 150.0 KB
  // with `<rr-context shared-canvas>` (its lazy chunk, 2.9 KB, inlined).
  // 151.1 KB after session 5's frame paths (flat-varying shader variants, U16 eight a texel).
  'rr-elements-anywidget.js': 152 * KB,
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

/** Per-tag entries (dist/elements/…) measured as one minified bundle each, with their budgets. */
const PER_TAG = ['rr-image'];
/** What a page importing only `rr-elements/rr-image.js` loads (the aim is 30 KB). */
// 38.1 KB after session 4; 39.3 KB with session 5's frame paths (RGB U8 drawn as its bytes, the
// colour-mapped scalar shader, U16 eight a texel, the shared-canvas hooks).
const PER_TAG_BUDGETS = { 'rr-image': 39.5 * KB };
/** Strings only geometry code contains: none may appear in a per-tag bundle of an image tag. */
const GEOMETRY_MARKERS = [
  'rr-points2d',
  'rr-boxes2d',
  'rr-line-strips2d',
  'u_pointSize',
  'XCYCW2H2',
];

let failed = false;
for (const tag of PER_TAG) {
  const input = path.join(root, 'dist', 'elements', tag, `${tag}.js`);
  if (!existsSync(input)) {
    console.error(`size-check: ${path.relative(root, input)} is missing: run \`npm run build\``);
    failed = true;
    continue;
  }
  const bundle = await rollup({
    input,
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
      terser({ format: { comments: false }, ecma: 2020, module: true }),
    ],
    onwarn: () => {}, // apache-arrow's circular imports, lit's top-level `this`: known, harmless
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  // What the page loads: the entry and its static imports; lazy chunks (Arrow, .rrd) only load
  // when such data is given.
  const chunks = new Map(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
  const loaded = new Set();
  const visit = (chunk) => {
    if (loaded.has(chunk)) return;
    loaded.add(chunk);
    for (const name of chunk.imports) visit(chunks.get(name));
  };
  visit([...chunks.values()].find((c) => c.isEntry));
  const code = [...loaded].map((c) => c.code).join('\n');
  const bytes = Buffer.from(code);
  rows.push({
    file: `import 'rr-elements/${tag}.js'`,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    budget: PER_TAG_BUDGETS[tag],
  });
  const found = GEOMETRY_MARKERS.filter((marker) => code.includes(marker));
  if (found.length) {
    console.error(`size-check: ${tag}.js alone bundles geometry code (${found.join(', ')})`);
    failed = true;
  }
}

// The geometry and segmentation layers' code is in lazy chunks of the CDN build: their shaders
// must not be in the main bundle (the elements, and their tag names, are).
const main = path.join(dir, 'rr-elements.js');
if (existsSync(main)) {
  const code = readFileSync(main, 'utf8');
  const lazy = { u_pointSize: 'geometry', u_instances: 'geometry', u_ids: 'segmentation' };
  const found = Object.keys(lazy).filter((marker) => code.includes(marker));
  if (found.length) {
    const what = [...new Set(found.map((marker) => lazy[marker]))].join(' and ');
    console.error(`size-check: rr-elements.js holds the ${what} drawables (${found.join(', ')})`);
    failed = true;
  }
}

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

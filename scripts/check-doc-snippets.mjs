#!/usr/bin/env node
/**
 * Checks that the environment docs show the tested snippets word for word: every file in
 * docs/snippets/ (which the browser tests run) and the `rre.View` cell of the test notebook and the consumer apps (test/consumers/) must
 * appear in the docs as they are. Runs in Node because the dev server transforms .ts/.html files
 * it serves, so a browser test would compare against the transformed text.
 *
 * Usage: node scripts/check-doc-snippets.mjs [doc.md …]   (default: README.md)
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docs = (process.argv.slice(2).length ? process.argv.slice(2) : ['README.md']).map((p) =>
  path.resolve(root, p),
);
const text = docs.map((p) => readFileSync(p, 'utf8')).join('\n');

const CONSUMER_FILES = [
  // The Vite apps CI builds (test/node/consumers.test.mjs), shown in the README as they are.
  'test/consumers/vue/src/App.vue',
  'test/consumers/vue/vite.config.ts',
  'test/consumers/svelte/src/App.svelte',
];
const snippets = readdirSync(path.join(root, 'docs', 'snippets'))
  .filter((f) => !f.endsWith('observable-notebook.d.ts')) // types for the tests only
  .map((f) => [
    `docs/snippets/${f}`,
    readFileSync(path.join(root, 'docs', 'snippets', f), 'utf8').trimEnd(),
  ]);
const notebook = JSON.parse(
  readFileSync(path.join(root, 'test', 'notebook', 'image_simple.ipynb'), 'utf8'),
);
const cell = notebook.cells
  .filter((c) => c.cell_type === 'code')
  .map((c) => c.source.join(''))
  .find((s) => s.includes('rre.View'));
if (!cell) {
  console.error(
    'check-doc-snippets: test/notebook/image_simple.ipynb has no cell calling rre.View',
  );
  process.exit(1);
}
snippets.push(['test/notebook/image_simple.ipynb (rre.View cell)', cell]);
for (const file of CONSUMER_FILES)
  snippets.push([file, readFileSync(path.join(root, file), 'utf8').trimEnd()]);

const missing = snippets.filter(([, body]) => !text.includes(body)).map(([name]) => name);
for (const name of missing)
  console.error(
    `check-doc-snippets: ${name} is not shown word for word in ${docs.map((d) => path.relative(root, d)).join(', ')}`,
  );
console.log(
  `check-doc-snippets: ${snippets.length - missing.length} of ${snippets.length} snippets shown as tested`,
);
process.exit(missing.length ? 1 : 0);

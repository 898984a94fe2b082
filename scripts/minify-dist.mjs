#!/usr/bin/env node
/**
 * Shrinks the GLSL, CSS and HTML template literals of tsc's dist/**\/*.js (minify-literals.mjs)
 * and writes lit's decorated fields as `createProperty()` calls (compact-decorators.mjs),
 * as rollup.config.mjs does for the CDN build: their comments and indentation would otherwise
 * ship to every npm user's bundle (and `import 'rr-elements/rr-image.js'`). Every line is kept
 * (empty if it was only a comment) so the .js.map files stay exact. Run after
 * `tsc -p tsconfig.json`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyLiterals } from './minify-literals.mjs';
import { compactDecorators } from './compact-decorators.mjs';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
/** tsc's output only: the CDN build and the vendored bundles are rollup's (already minified). */
const SKIP = new Set(['cdn', 'vendor']);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name)) yield* files(full);
    } else if (entry.name.endsWith('.js')) yield full;
  }
}

for (const file of files(dist)) {
  const code = readFileSync(file, 'utf8');
  const out = compactDecorators(minifyLiterals(code, { keepLines: true }), { keepLines: true });
  if (out !== code) writeFileSync(file, out);
}

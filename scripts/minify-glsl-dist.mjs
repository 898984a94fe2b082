#!/usr/bin/env node
/**
 * Strips `//` comments and indentation from the GLSL in the `/* glsl *\/` template literals of
 * tsc's dist/render/shaders/*.glsl.js, as rollup.config.mjs does for the CDN build: the shaders'
 * comments explain Rerun's maths in the source but would otherwise ship to every npm user's
 * bundle (and `import 'rr-elements/rr-image.js'`). Every line is kept (empty if it was only a
 * comment) so the .js.map files stay exact. GLSL has no string literals, so `//` always starts a
 * comment there. Run after `tsc -p tsconfig.json`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist/render/shaders');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.glsl.js'))) {
  const full = path.join(dir, file);
  const code = readFileSync(full, 'utf8');
  const out = code.replace(/\/\* glsl \*\/ `([^`]*)`/g, (_, body) => {
    const lines = body.split('\n').map((line) => line.replace(/\/\/.*$/, '').trim());
    return '/* glsl */ `' + lines.join('\n') + '`';
  });
  writeFileSync(full, out);
}

// Bundles the library's store + io modules for Node (the scripts write .rrd and Arrow files
// with the library's own writer). esbuild comes with the dev toolchain (@web/dev-server-esbuild).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Imports `src/node-entry` bundled for Node: {Recording, readRrd, lz4…}. */
export async function importLibrary() {
  const outdir = join(root, '.bench', 'node-lib');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'lib.mjs');
  await build({
    stdin: {
      contents: `export { Recording } from './src/store/recording.js';
export { readRrd } from './src/io/rrd.js';
export { writeRrd } from './src/io/rrd-write.js';
export { toRrd } from './src/io/to-rrd.js';
export { dataframeToRows } from './src/io/arrow-dataframe.js';
export { tableFromIpcBytes } from './src/io/arrow-ipc.js';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
    // apache-arrow and protobuf stay external: Node loads them from node_modules.
    external: ['apache-arrow', '@bufbuild/protobuf', '@bufbuild/protobuf/*'],
  });
  return import(pathToFileURL(outfile).href + `?t=${Date.now()}`);
}

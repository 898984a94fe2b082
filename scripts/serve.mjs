// `npm start`: build (tsc + rollup), then serve the repository root and print the gallery's URL.
// Port 8000, or $PORT; when that one is taken, any free port.
//
// Demo pages import the sources, `<script type="module" src="/src/index.ts">`, which the dev
// server compiles on the fly: an edit in src/ shows after a reload (open pages reload
// themselves), with no rebuild. The build still runs first, so that a broken build shows up
// here and `/dist/cdn/rr-elements.js` (what a CDN user gets) is there for a page that wants it.
// `npm start -- --no-build` skips the build.
import { spawnSync } from 'node:child_process';
import { pickPort, root, startServer } from './dev-server.mjs';

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('\nThe build failed (see above), so the demo gallery was not started.');
    process.exit(build.status ?? 1);
  }
}

const wanted = Number(process.env.PORT ?? 8000);
const port = await pickPort(Number.isInteger(wanted) && wanted > 0 ? wanted : 8000);
if (port !== wanted) console.log(`Port ${wanted} is taken; using ${port}.`);
await startServer({ port, watch: true });
console.log(`rr-elements demo gallery: http://localhost:${port}/demo/`);

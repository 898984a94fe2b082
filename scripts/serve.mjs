// `npm start`: serve the repository root and print the demo gallery's URL, in a second or two.
// Port 8000, or $PORT; when that one is taken, any free port.
//
// Nothing is built first. Demo pages import the sources, `<script type="module"
// src="/src/index.ts">`, which the dev server compiles per request: an edit in src/ shows after
// a reload (open pages reload themselves). The two pages that load the CDN bundle
// (`/dist/cdn/rr-elements.js`) get it from `npm run build` when that output is fresh, else from
// an in-memory esbuild bundle made on their first request (scripts/dev-cdn.mjs).
import { pickPort, startServer } from './dev-server.mjs';

const wanted = Number(process.env.PORT ?? 8000);
const port = await pickPort(Number.isInteger(wanted) && wanted > 0 ? wanted : 8000);
if (port !== wanted) console.log(`Port ${wanted} is taken; using ${port}.`);
await startServer({ port, watch: true });
console.log(`rr-elements demo gallery: http://localhost:${port}/demo/`);

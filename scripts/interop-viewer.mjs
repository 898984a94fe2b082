// Rerun's own web viewer (@rerun-io/web-viewer from node_modules) served on 127.0.0.1 for the
// interop checks (`npm run test:interop`, test/node/interop.test.mjs): a page that starts the
// viewer and sends it `/test.rrd`, and the viewer's files. Nothing is fetched from elsewhere.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const viewerDir = join(root, 'node_modules', '@rerun-io', 'web-viewer');

/** The page: starts a 1000×700 viewer, then sends it the bytes of `/test.rrd`. */
export const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#000}</style></head>
<body><script type="module">
import { WebViewer } from './index.js';
window.result = { events: [], errors: [] };
window.addEventListener('error', (e) => window.result.errors.push(String(e.message)));
const viewer = new WebViewer();
window.viewer = viewer;
viewer.on('recording_open', (e) => window.result.events.push(e));
await viewer.start(null, document.body, { hide_welcome_screen: true, width: '1000px', height: '700px' });
window.result.started = true;
const bytes = new Uint8Array(await (await fetch('/test.rrd')).arrayBuffer());
const channel = viewer.open_channel('rr-elements');
channel.send_rrd(bytes);
window.result.sent = bytes.length;
</script></body></html>`;

const TYPES = {
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.html': 'text/html',
  '.rrd': 'application/octet-stream',
};

/** Serves the page, the viewer and `/test.rrd` (whatever `current()` returns when asked). */
export function serveViewer(current) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(PAGE);
    }
    if (path === '/test.rrd') {
      res.writeHead(200, { 'content-type': TYPES['.rrd'] });
      return res.end(current());
    }
    // The viewer's module imports `./re_viewer` without an extension.
    let file = join(viewerDir, path);
    if (!existsSync(file) && existsSync(file + '.js')) file += '.js';
    if (!file.startsWith(viewerDir) || !existsSync(file)) {
      res.writeHead(404);
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

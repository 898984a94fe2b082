/* global window, Image, OffscreenCanvas -- page.evaluate callbacks run in the browser */
// `npm run test:interop`: writes an .rrd with the library's own writer and opens it in Rerun's
// own web viewer (@rerun-io/web-viewer 0.33 from node_modules) in headless Chromium, then checks
// that the viewer opened the recording, reports the right time range, and shows the entities'
// colours. Prints what it saw; exits non-zero when any check fails.
import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { importLibrary } from './build-node-lib.mjs';
import { geometryInterop } from './interop-geometry.mjs';
import { serveViewer } from './interop-viewer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function chromeSetup() {
  const chromeModule = join(root, 'scripts', 'chrome.mjs');
  if (existsSync(chromeModule)) {
    const { findChrome, CHROME_ARGS } = await import('./chrome.mjs');
    return { executablePath: findChrome(), args: CHROME_ARGS };
  }
  return {
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--enable-unsafe-swiftshader'],
  };
}

/** A recording whose colours are easy to find on a screenshot. */
async function makeRrd() {
  const { Recording, toRrd } = await importLibrary();
  const rec = new Recording();
  const w = 300;
  const h = 200;
  for (let t = 0; t < 20; t++) {
    const bytes = new Uint8Array(w * h * 3);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const cyan = y >= 50 && y < 150 && x >= 10 * t && x < 10 * t + 100;
        bytes.set(cyan ? [0, 255, 255] : [0, 0, 255], (y * w + x) * 3);
      }
    }
    rec.log(
      'image',
      {
        archetype: 'Image',
        buffer: bytes,
        format: { width: w, height: h, colorModel: 'RGB', channelDatatype: 'U8' },
      },
      { time: { time: t } },
    );
  }
  return toRrd(rec, {
    compression: 'lz4',
    applicationId: 'rr-elements-interop',
    recordingId: 'interop-recording',
  });
}

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

const rrd = await makeRrd();
const outDir = join(root, '.bench', 'interop');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'test.rrd'), rrd);
console.log(`wrote ${rrd.length} bytes of .rrd (RRF2, LZ4) with toRrd(recording)`);

let served = rrd;
const server = await serveViewer(() => served);
const { port } = server.address();
const { executablePath, args } = await chromeSetup();
const browser = await puppeteer.launch({
  executablePath,
  args: [...args, '--window-size=1000,700'],
  headless: true,
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 700 });
  const logs = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page
    .waitForFunction(() => window.result?.events?.length > 0, { timeout: 60000 })
    .catch(() => {});
  const result = await page.evaluate(() => window.result);
  const open = result.events[0];
  check(
    !!open,
    `viewer fired recording_open (${open ? `recording ${open.recording_id}, application ${open.application_id}` : 'none'})`,
  );
  if (open) {
    // Let the viewer ingest the chunks and draw.
    let range = null;
    for (let i = 0; i < 40 && !range; i++) {
      range = await page.evaluate(
        (id) => window.viewer.get_time_range(id, 'time'),
        open.recording_id,
      );
      if (!range) await new Promise((r) => setTimeout(r, 250));
    }
    console.log(`get_time_range(recording, "time") → ${JSON.stringify(range)}`);
    check(
      !!range && Number(range.min) === 0 && Number(range.max) === 19,
      'time range of timeline "time" is 0…19',
    );
    // Let the viewer draw; it opens a recording at its latest time (frame #19).
    await new Promise((r) => setTimeout(r, 3000));
  }
  const png = await page.screenshot({ path: join(outDir, 'viewer.png') });
  const pixels = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    let blue = 0;
    let cyan = 0;
    // Bounding boxes of the whole image (blue or cyan) and of the cyan square, in screen pixels.
    const box = () => ({ x0: Infinity, y0: Infinity, x1: -1, y1: -1 });
    const image = box();
    const square = box();
    const grow = (b, x, y) => {
      b.x0 = Math.min(b.x0, x);
      b.y0 = Math.min(b.y0, y);
      b.x1 = Math.max(b.x1, x);
      b.y1 = Math.max(b.y1, y);
    };
    for (let i = 0; i < d.length; i += 4) {
      const x = (i / 4) % img.width;
      const y = Math.floor(i / 4 / img.width);
      const isBlue = d[i] < 8 && d[i + 1] < 8 && d[i + 2] > 247;
      const isCyan = d[i] < 8 && d[i + 1] > 247 && d[i + 2] > 247;
      if (isBlue) blue++;
      if (isCyan) cyan++;
      if (isBlue || isCyan) grow(image, x, y);
      if (isCyan) grow(square, x, y);
    }
    return { blue, cyan, total: d.length / 4, image, square };
  }, Buffer.from(png).toString('base64'));
  console.log(
    `screenshot (.bench/interop/viewer.png): ${pixels.blue} pure-blue and ${pixels.cyan} pure-cyan pixels of ${pixels.total}`,
  );
  check(pixels.blue > 1000, 'the image entity is shown in its blue (0, 0, 255)');
  check(
    pixels.cyan > 300 && pixels.cyan < pixels.blue,
    'the cyan (0, 255, 255) rectangle is shown, smaller than the blue background',
  );
  // In image units (300×200): the square is 100×100 at rows 50–149, columns 10t…10t+99.
  const { image, square } = pixels;
  const unit = (image.x1 - image.x0 + 1) / 300;
  const left = (square.x0 - image.x0) / unit;
  const top = (square.y0 - image.y0) / unit;
  const height = (image.y1 - image.y0 + 1) / unit;
  const size = [(square.x1 - square.x0 + 1) / unit, (square.y1 - square.y0 + 1) / unit];
  const frame = Math.round(left / 10);
  console.log(
    `the viewer shows a 300×${height.toFixed(1)} image with a ${size.map((v) => v.toFixed(1)).join('×')} ` +
      `cyan square at column ${left.toFixed(1)}, row ${top.toFixed(1)}: frame #${frame}`,
  );
  const near = (a, b) => Math.abs(a - b) < 2;
  check(
    near(height, 200) &&
      size.every((v) => near(v, 100)) &&
      near(top, 50) &&
      near(left, 10 * frame) &&
      frame >= 0 &&
      frame <= 19,
    `the picture is exactly logged frame #${frame}: a 100×100 square at row 50, column ${10 * frame}`,
  );
  const warnings = logs.filter(
    (l) => /warn|error/i.test(l) && !/webgpu|GPU stall|WebGL|fullscreen|favicon/i.test(l),
  );
  if (warnings.length)
    console.log(
      `viewer console warnings/errors:\n  ${warnings
        .slice(0, 10)
        .map((w) => w.split('\n')[0].slice(0, 200))
        .join('\n  ')}`,
    );
  if (result.errors.length) console.log(`page errors: ${result.errors.join('; ')}`);
  // Points, boxes and a depth image, and the entity auto colour of three paths (issue 14).
  await geometryInterop({
    browser,
    url: `http://127.0.0.1:${port}/`,
    serve: (bytes) => (served = bytes),
    check,
    outDir,
  });
} finally {
  await browser.close();
  server.close();
}
console.log(failures.length ? `${failures.length} check(s) failed` : 'all interop checks passed');
process.exit(failures.length ? 1 : 0);

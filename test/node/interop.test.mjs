/* global window -- page.waitForFunction callbacks run in the browser */
// Interop with Rerun's own web viewer, lean enough for `npm test` (the full check is
// `npm run test:interop`): ONE .rrd written by the library, opened ONCE in @rerun-io/web-viewer
// (node_modules) in headless Chromium, ONE settled screenshot. On it, at positions computed from
// where the depth image lands on screen: the entity auto colour of three entity paths (discs
// without colours), the depth image's Turbo pixels, an explicit point colour and an unfilled
// box outline. The page may fetch only from its own 127.0.0.1 server (any other request fails
// the test), so nothing is downloaded at test time.
import { after, before, test } from 'node:test';
import { performance } from 'node:perf_hooks';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../../scripts/chrome.mjs';
import { importLibrary } from '../../scripts/build-node-lib.mjs';
import { blob, findFirst, near, pixelsOf, show } from '../../scripts/interop-geometry.mjs';
import { serveViewer } from '../../scripts/interop-viewer.mjs';

const W = 300;
const H = 200;
/** depth_image_simple's buffer (SPEC §12.11). */
const depth = new Uint16Array(W * H).fill(65535);
for (let y = 50; y < 150; y++) depth.fill(20000, y * W + 50, y * W + 150);
for (let y = 130; y < 180; y++) depth.fill(45000, y * W + 100, y * W + 280);
/** Entities without colours (auto colour), one disc each, over the 65535 area. */
const AUTO = [
  ['scene/points', [130, 25]],
  ['scene/strip', [190, 25]],
  ['scene/simple', [250, 25]],
];
const AUTO_R = 20;
const POINT = { at: [240, 90], r: 20, color: [255, 0, 255] };
const BOX = { min: [20, 100], size: [60, 60], r: 3, color: [255, 255, 255] };

let lib;
let browser;
let server;
/** The settled screenshot and the scene → screen mapping of the depth image. */
let px;
let at;
const outside = [];

before(async () => {
  const started = performance.now();
  lib = await importLibrary();
  const { Recording, toRrd } = lib;
  const rec = new Recording();
  // The depth image at `scene`, the rest below it: Rerun's heuristics give an image-bearing
  // entity one 2D view of its subtree.
  rec.log('scene', {
    archetype: 'DepthImage',
    buffer: depth,
    format: { width: W, height: H, channelDatatype: 'U16' },
    meter: 10000,
  });
  for (const [path, position] of AUTO)
    rec.log(path, { archetype: 'Points2D', positions: [position], radii: AUTO_R });
  rec.log('scene/point', {
    archetype: 'Points2D',
    positions: [POINT.at],
    radii: POINT.r,
    colors: [POINT.color],
  });
  rec.log('scene/box', {
    archetype: 'Boxes2D',
    mins: [BOX.min],
    sizes: [BOX.size],
    radii: BOX.r,
    colors: [BOX.color],
  });
  const rrd = await toRrd(rec, { applicationId: 'rr-elements-interop', recordingId: 'lean' });

  server = await serveViewer(() => rrd);
  const origin = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({
    executablePath: findChrome(),
    args: [...CHROME_ARGS, '--window-size=1000,700'],
    headless: true,
  });
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.url().startsWith(origin) || req.url().startsWith('data:')) return req.continue();
    outside.push(req.url());
    return req.abort();
  });
  await page.setViewport({ width: 1000, height: 700 });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => window.result?.events?.length > 0, {
    timeout: 120000,
    polling: 500,
  });
  // The viewer builds its view and draws over several frames: wait until the point's colour
  // shows, then take the picture once more so that nothing is caught half drawn.
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 500));
    px = pixelsOf(await page.screenshot());
    if (findFirst(px, (c) => near(c, POINT.color))) break;
  }
  await new Promise((r) => setTimeout(r, 1000));
  px = pixelsOf(await page.screenshot());
  const far = lib.geometry.turboBytes(1);
  const corner = findFirst(px, (c) => near(c, far, 2));
  assert.ok(corner, `the depth image is on the screenshot (Turbo ${show(far)} for 65535)`);
  const img = blob(px, corner[0], corner[1], (c) => near(c, far, 2));
  const s = (img.x1 - img.x0 + 1) / W;
  // The depth image is drawn without letterboxing inside its own rect: x and y scale alike.
  assert.ok(
    Math.abs((img.y1 - img.y0 + 1) / H - s) < 0.02,
    `depth image on screen ${img.x1 - img.x0 + 1}×${img.y1 - img.y0 + 1} px, expected 3:2`,
  );
  // Scene point → the screen pixel containing it (px.at rounds to the nearest pixel index).
  console.log(
    `Rerun's web viewer: recording shown and settled after ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  at = (x, y) => px.at(img.x0 + x * s - 0.5, img.y0 + y * s - 0.5);
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the viewer fetched nothing from outside its own server', () => {
  assert.deepEqual(outside, []);
});

test("the entity auto colour of three paths is Rerun's web viewer's", () => {
  for (const [path, [x, y]] of AUTO) {
    const want = lib.geometry.entityAutoColor(path).slice(0, 3);
    // The colour is exact at 0.2 r (SPEC §12.6.1); the shading changes about a byte per pixel
    // there, so each pair of opposite samples is averaged (a sub-pixel offset cancels).
    const d = 0.2 * AUTO_R;
    const mean = (a, b) => a.map((v, i) => (v + b[i]) / 2);
    const pairs = [mean(at(x + d, y), at(x - d, y)), mean(at(x, y + d), at(x, y - d))];
    assert.ok(
      pairs.every((c) => near(c, want)),
      `${path}: the viewer shows ${pairs.map(show).join(' ')} at 0.2 r, the library ${show(want)}`,
    );
  }
});

test("the depth image's Turbo pixels are the library's", () => {
  for (const [x, y, raw] of [
    [20, 20, 65535],
    [75, 75, 20000],
    [250, 160, 45000],
    [140, 175, 45000],
    [120, 60, 20000],
  ]) {
    const want = lib.geometry.turboBytes(lib.geometry.depthT(raw, [0, 65535]));
    const got = at(x, y);
    assert.ok(
      near(got, want),
      `${raw} at (${x}, ${y}): viewer ${show(got)}, library ${show(want)}`,
    );
  }
});

test('an explicit point colour is exact at 0.2 r', () => {
  const [x, y] = POINT.at;
  const d = 0.2 * POINT.r;
  const ring = [at(x + d, y), at(x - d, y), at(x, y + d)];
  assert.ok(
    ring.every((c) => near(c, POINT.color)),
    `viewer ${ring.map(show).join(' ')}`,
  );
});

test('a box outline has its colour on its edges and is not filled', () => {
  const [x0, y0] = BOX.min;
  const [x1, y1] = [x0 + BOX.size[0], y0 + BOX.size[1]];
  const [mx, my] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const edge = [at(x0, my), at(x1, my), at(mx, y0), at(mx, y1)];
  assert.ok(
    edge.every((c) => near(c, BOX.color)),
    `edges: viewer ${edge.map(show).join(' ')}`,
  );
  const [ix, iy] = [x0 + 15, y0 + 15];
  const under = lib.geometry.turboBytes(lib.geometry.depthT(depth[iy * W + ix], [0, 65535]));
  assert.ok(near(at(ix, iy), under), `inside: viewer ${show(at(ix, iy))}, depth ${show(under)}`);
});

/* global window -- page.waitForFunction callbacks run in the browser */
// Part of `npm run test:interop` (issue 14): .rrd files with Points2D, Boxes2D and a DepthImage,
// written by the library, opened in Rerun's own web viewer; the colours on its screenshot must
// be the ones the library computes: the entity auto colour (ahash of the path, as wasm32 Rerun
// hashes it) for three entity paths, explicit point and box colours, and Turbo on the depth image.
import { join } from 'node:path';
import { decode } from 'fast-png';
import { importLibrary } from './build-node-lib.mjs';

/** Screenshot → {width, height, at(x, y) → [r, g, b]}. */
export function pixelsOf(png) {
  const img = decode(png);
  const c = img.channels;
  return {
    width: img.width,
    height: img.height,
    at: (x, y) => {
      const i = (Math.round(y) * img.width + Math.round(x)) * c;
      return [img.data[i], img.data[i + 1], img.data[i + 2]];
    },
  };
}

const saturated = ([r, g, b]) => Math.max(r, g, b) - Math.min(r, g, b) >= 40;
export const near = (a, b, tol = 1) => a.every((v, i) => Math.abs(v - b[i]) <= tol);
export const show = (c) => `(${c.join(',')})`;

/** The connected set of pixels matching `test` from (x, y): its bounding box. */
export function blob(px, x, y, test) {
  const box = { x0: x, y0: y, x1: x, y1: y };
  const seen = new Set([y * px.width + x]);
  const queue = [[x, y]];
  while (queue.length) {
    const [cx, cy] = queue.pop();
    box.x0 = Math.min(box.x0, cx);
    box.x1 = Math.max(box.x1, cx);
    box.y0 = Math.min(box.y0, cy);
    box.y1 = Math.max(box.y1, cy);
    for (const [nx, ny] of [
      [cx + 1, cy],
      [cx - 1, cy],
      [cx, cy + 1],
      [cx, cy - 1],
    ]) {
      const k = ny * px.width + nx;
      if (nx < 0 || ny < 0 || nx >= px.width || ny >= px.height || seen.has(k)) continue;
      if (!test(px.at(nx, ny))) continue;
      seen.add(k);
      queue.push([nx, ny]);
    }
  }
  return box;
}

/** The first pixel (row by row, inside the viewer's central panel) passing `test`. */
export function findFirst(px, test, area = { x0: 210, y0: 60, x1: px.width - 10, y1: 520 }) {
  for (let y = area.y0; y < area.y1; y++)
    for (let x = area.x0; x < area.x1; x++) if (test(px.at(x, y))) return [x, y];
  return undefined;
}

/**
 * Opens `rrd` in a fresh viewer page and returns its screenshot once `ready(pixels)` holds
 * (the viewer builds its views and draws a few frames after it opened the recording; with a
 * software rasterizer that takes seconds), or the last one after a minute.
 */
async function show2d(browser, url, serve, rrd, file, ready) {
  serve(rrd);
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 700 });
  await page.goto(url);
  await page.waitForFunction(() => window.result?.events?.length > 0, { timeout: 60000 });
  let px;
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    px = pixelsOf(await page.screenshot());
    if (ready(px)) {
      // One more frame, so that nothing is caught half drawn.
      await new Promise((r) => setTimeout(r, 1000));
      px = pixelsOf(await page.screenshot({ path: file }));
      break;
    }
  }
  await page.close();
  return px;
}

export async function geometryInterop({ browser, url, serve, check, outDir }) {
  const { Recording, toRrd, geometry } = await importLibrary();
  const rrdOf = (rec) =>
    toRrd(rec, { applicationId: 'rr-elements-interop', recordingId: 'geometry' });

  // 1. The entity auto colour: one Points2D entity per file, no colours, big scene radii; the
  //    colour at 0.2 r from a disc's centre is exactly the instance colour (SPEC §12.6.1).
  for (const path of ['points', 'strip', 'simple']) {
    const rec = new Recording();
    rec.log(path, {
      archetype: 'Points2D',
      positions: [
        [0, 0],
        [100, 0],
        [50, 100],
      ],
      radii: 12,
    });
    const px = await show2d(
      browser,
      url,
      serve,
      await rrdOf(rec),
      join(outDir, `auto-color-${path}.png`),
      (p) => findFirst(p, saturated),
    );
    const want = geometry.entityAutoColor(path).slice(0, 3);
    const start = findFirst(px, saturated);
    if (!start) {
      check(false, `entity "${path}": a disc is shown`);
      continue;
    }
    const b = blob(px, start[0], start[1], saturated);
    const cx = (b.x0 + b.x1) / 2;
    const cy = (b.y0 + b.y1) / 2;
    const r = (b.x1 - b.x0 + 1) / 2;
    const ring = [px.at(cx + 0.2 * r, cy), px.at(cx - 0.2 * r, cy), px.at(cx, cy + 0.2 * r)];
    console.log(
      `entity "${path}": disc at px (${cx}, ${cy}) r ${r}; at 0.2 r the viewer shows ${ring.map(show).join(' ')}, the library says ${show(want)}`,
    );
    check(
      ring.every((c) => near(c, want)),
      `entity "${path}" has the auto colour ${show(want)} in Rerun's web viewer (±1)`,
    );
  }

  // 2. Points, boxes and a depth image in one view (depth_image_simple's buffer).
  const rec = new Recording();
  const w = 300;
  const depth = new Uint16Array(w * 200).fill(65535);
  for (let y = 50; y < 150; y++) depth.fill(20000, y * w + 50, y * w + 150);
  for (let y = 130; y < 180; y++) depth.fill(45000, y * w + 100, y * w + 280);
  // The depth image at `scene`, the rest below it: Rerun's heuristics give an image-bearing
  // entity a 2D view of its own subtree.
  rec.log('scene', {
    archetype: 'DepthImage',
    buffer: depth,
    format: { width: w, height: 200, channelDatatype: 'U16' },
    meter: 10000,
  });
  const POINT = [255, 0, 255];
  const BOX = [255, 255, 255];
  rec.log('scene/points', {
    archetype: 'Points2D',
    positions: [[240, 50]],
    radii: 20,
    colors: [POINT],
  });
  rec.log('scene/boxes', {
    archetype: 'Boxes2D',
    mins: [[20, 100]],
    sizes: [[60, 60]],
    radii: 3,
    colors: [BOX],
  });
  // The image's screen rect: the Turbo colour of 65535 fills its top-left corner.
  const far = geometry.turboBytes(1);
  const px = await show2d(
    browser,
    url,
    serve,
    await rrdOf(rec),
    join(outDir, 'geometry.png'),
    (p) => findFirst(p, (c) => near(c, POINT)),
  );
  const corner = findFirst(px, (c) => near(c, far, 2));
  if (!corner) {
    check(false, `the depth image is shown (Turbo ${show(far)} for 65535)`);
    return;
  }
  const img = blob(px, corner[0], corner[1], (c) => near(c, far, 2));
  const s = (img.x1 - img.x0 + 1) / w;
  const at = (x, y) => px.at(img.x0 + x * s, img.y0 + y * s);
  console.log(`depth image on screen at (${img.x0}, ${img.y0}), ${s.toFixed(3)} px per pixel`);
  for (const [x, y, raw] of [
    [20, 20, 65535],
    [75, 75, 20000],
    [250, 160, 45000],
    [140, 175, 45000],
    [120, 60, 20000],
  ]) {
    const want = geometry.turboBytes(geometry.depthT(raw, [0, 65535]));
    const got = at(x, y);
    check(
      near(got, want),
      `depth ${raw} at image (${x}, ${y}): viewer ${show(got)}, library Turbo ${show(want)} (±1)`,
    );
  }
  const ring = [at(240 + 0.2 * 20, 50), at(240 - 0.2 * 20, 50), at(240, 50 + 0.2 * 20)];
  check(
    ring.every((c) => near(c, POINT)),
    `point colour at 0.2 r: viewer ${ring.map(show).join(' ')}, logged ${show(POINT)}`,
  );
  // The box outline is centred on the edge x = 20 (from y = 100 to 160), 6 units wide.
  const edge = [at(20, 130), at(80, 130), at(50, 100), at(50, 160)];
  check(
    edge.every((c) => near(c, BOX)),
    `box outline on its edges: viewer ${edge.map(show).join(' ')}, logged ${show(BOX)}`,
  );
  // Inside the box the depth image shows through (boxes are never filled).
  const inside = at(35, 115);
  const under = geometry.turboBytes(geometry.depthT(depth[115 * w + 35], [0, 65535]));
  check(
    near(inside, under),
    `the box is not filled: inside it the viewer shows ${show(inside)}, the depth image's ${show(under)}`,
  );
}

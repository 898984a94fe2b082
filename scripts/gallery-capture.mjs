// Opening gallery pages in Chromium and comparing screenshots; shared by the visual test
// (test/demo/gallery.test.ts through the `rr-gallery-page` command of web-test-runner.config.mjs)
// and by scripts/gallery-shots.mjs (thumbnails, the README screenshot).
/* global document, requestAnimationFrame -- code run in the page (page.evaluate) */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decode } from 'fast-png';

export const root = path.resolve(new URL('..', import.meta.url).pathname);
export const BASELINE_DIR = path.join(root, 'test/demo/gallery-baselines');

/**
 * The pages to check: demo/index.html and every page its cards link to, in their order. A new
 * page is covered once the index links it.
 */
export function galleryPages() {
  const index = readFileSync(path.join(root, 'demo/index.html'), 'utf8');
  const linked = [...index.matchAll(/<a class="card" href="([\w-]+\.html)"/g)].map((m) => m[1]);
  return ['index.html', ...new Set(linked)];
}

/** Screenshot size of the visual test: a small viewport, rendered at half resolution. */
export const TEST_VIEWPORT = { width: 960, height: 720, deviceScaleFactor: 0.5 };

/**
 * Opens `url` in a new tab of `browser` (puppeteer) and waits until it is drawn: network idle,
 * fonts, the code panes (demo/show-code.js), and a few frames for the views. Resolves to the
 * tab and what went wrong while loading (console errors, uncaught errors, failed requests).
 */
export async function openPage(browser, url, viewport = TEST_VIEWPORT) {
  const page = await browser.newPage();
  const problems = [];
  // The notebook HTML in the Jupyter page's iframe is nbconvert's, not the gallery's (Debian's
  // template links file:// scripts): only the page's own frame counts, as in the screenshots.
  const own = (frame) => !frame || frame === page.mainFrame();
  const foreign = (url = '') => url.startsWith('file:') || url.includes('/test/notebook/build/');
  page.on('console', (message) => {
    if (message.type() === 'error' && !foreign(message.location()?.url))
      problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message ?? error}`));
  page.on('requestfailed', (request) => {
    if (own(request.frame()) && !foreign(request.url()))
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && own(response.request().frame()))
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.setViewport(viewport);
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
  await page.evaluate(async () => {
    await document.fonts.ready;
    const hasCode = document.querySelector('script[src$="show-code.js"]');
    const deadline = performance.now() + 20000;
    while (hasCode && !('codeShown' in document.documentElement.dataset)) {
      if (performance.now() > deadline) throw new Error('the code panes never appeared');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  return { page, problems };
}

/** Hidden in every screenshot: content that is not the gallery's own (the notebook's HTML). */
const MASK = 'iframe { visibility: hidden !important; } * { caret-color: transparent !important; }';
/** What a page looks like when its views and thumbnails draw nothing. */
export const NOTHING_DRAWN =
  'rr-view, rr-image, rr-segmentation, canvas, img { visibility: hidden !important; }';

/** How much of a long page the visual test looks at, in CSS pixels from the top. */
export const MAX_HEIGHT = 4000;

/**
 * page.screenshot(options), taken again until two shots in a row are the same: on a busy
 * machine a view may draw a moment after the page went quiet.
 */
export async function stableShot(page, options) {
  let previous;
  let shot;
  for (let attempt = 0; attempt < 8; attempt++) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    shot = Buffer.from(await page.screenshot(options));
    if (previous?.equals(shot)) break;
    previous = shot;
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  return shot;
}

/**
 * A PNG of an open page, its top MAX_HEIGHT; `css` is added first (e.g. NOTHING_DRAWN, which
 * needs no second look: it hides what could draw late).
 */
export async function screenshot(page, css = '') {
  const style = await page.addStyleTag({ content: MASK + css });
  const { width, height } = await page.evaluate(() => {
    const { scrollWidth, scrollHeight } = document.documentElement;
    return { width: scrollWidth, height: scrollHeight };
  });
  const clip = { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) };
  const options = { type: 'png', clip, captureBeyondViewport: true };
  const png = css ? Buffer.from(await page.screenshot(options)) : await stableShot(page, options);
  await style.evaluate((node) => node.remove());
  return png;
}

/**
 * Tolerance of the comparison. A pixel differs when a channel is off by more than
 * CHANNEL_TOLERANCE (anti-aliasing, text hinting and SwiftShader's rounding stay below); a
 * page differs when more than AREA_TOLERANCE of its pixels do. The test proves on every page
 * that a blank page and the page with nothing drawn in its views are both beyond it.
 */
export const CHANNEL_TOLERANCE = 40;
export const AREA_TOLERANCE = 0.002;

function rgba(png) {
  const image = decode(png);
  const { width, height, channels, data } = image;
  if (channels === 4) return { width, height, data };
  const out = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) out[i * 4 + c] = data[i * channels + (channels < 3 ? 0 : c)];
    out[i * 4 + 3] = 255;
  }
  return { width, height, data: out };
}

/**
 * The share of pixels that differ between two pictures (PNG bytes, or decoded as blankLike()
 * gives them); 1 when their sizes differ.
 */
export function compare(actual, expected) {
  const a = ArrayBuffer.isView(actual) ? rgba(actual) : actual;
  const b = ArrayBuffer.isView(expected) ? rgba(expected) : expected;
  const sizes = { actual: [a.width, a.height], expected: [b.width, b.height] };
  if (a.width !== b.width || a.height !== b.height) return { fraction: 1, ...sizes };
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.max(
      Math.abs(a.data[i] - b.data[i]),
      Math.abs(a.data[i + 1] - b.data[i + 1]),
      Math.abs(a.data[i + 2] - b.data[i + 2]),
    );
    if (d > CHANNEL_TOLERANCE) differing++;
  }
  return { fraction: differing / (a.width * a.height), ...sizes };
}

/** A picture of the same size as `png`, all in the colour of its top-left pixel: a blank page. */
export function blankLike(png) {
  const { width, height, data } = rgba(png);
  const out = new Uint8Array(width * height * 4);
  for (let i = 0; i < out.length; i += 4) out.set(data.subarray(0, 4), i);
  return { width, height, data: out };
}

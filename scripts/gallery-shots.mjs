#!/usr/bin/env node
// Pictures of the real gallery pages, taken in headless Chromium through the demo server:
//
//   npm run gallery:thumbnails   demo/thumbnails/<page>.webp, the index's card pictures (the top
//                                of each page the index links to, 320×200)
//   npm run readme:screenshot    docs/screenshot.webp, the picture at the top of the README (the
//                                mask-over-a-photo scene of demo/segmentation.html)
//
// Both are checked in; run again after a page changes how it looks.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './chrome.mjs';
import { pickPort, startServer } from './dev-server.mjs';
import { galleryPages, openPage, root, stableShot } from './gallery-capture.mjs';

const what = process.argv[2];
if (what !== 'thumbnails' && what !== 'readme') {
  console.error('usage: node scripts/gallery-shots.mjs thumbnails|readme');
  process.exit(2);
}

const port = await pickPort(0);
const server = await startServer({ port });
const browser = await puppeteer.launch({
  executablePath: findChrome(),
  headless: true,
  args: CHROME_ARGS,
});
const base = `http://localhost:${port}/demo/`;

async function shoot(url, viewport, take) {
  const { page, problems } = await openPage(browser, url, viewport);
  if (problems.length) throw new Error(`${url}:\n  ${problems.join('\n  ')}`);
  try {
    return Buffer.from(await take(page));
  } finally {
    await page.close();
  }
}

try {
  if (what === 'thumbnails') {
    const dir = path.join(root, 'demo/thumbnails');
    mkdirSync(dir, { recursive: true });
    // 1280×800 CSS pixels at a scale of 1/4: the top of the page as a wide screen shows it.
    const viewport = { width: 1280, height: 800, deviceScaleFactor: 0.25 };
    for (const name of galleryPages().slice(1)) {
      const picture = await shoot(base + name, viewport, (page) =>
        stableShot(page, { type: 'webp', quality: 80 }),
      );
      const file = path.join(dir, name.replace(/\.html$/, '.webp'));
      writeFileSync(file, picture);
      console.log(`${path.relative(root, file)}: ${picture.length} bytes`);
    }
  } else {
    const viewport = { width: 1100, height: 900, deviceScaleFactor: 1 };
    const picture = await shoot(base + 'segmentation.html', viewport, async (page) => {
      const scene = await page.$('#photo .live');
      const box = await scene.boundingBox();
      const pad = 16; // the scene's own card around it
      const clip = {
        x: box.x - pad,
        y: box.y - pad,
        width: box.width + 2 * pad,
        height: box.height + 2 * pad,
      };
      return stableShot(page, { type: 'webp', quality: 85, clip, captureBeyondViewport: true });
    });
    const file = path.join(root, 'docs/screenshot.webp');
    writeFileSync(file, picture);
    console.log(`${path.relative(root, file)}: ${picture.length} bytes`);
  }
} finally {
  await browser.close();
  await server.stop();
}

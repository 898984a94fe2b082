// web-test-runner plugin: the `rr-gallery-page` command of the visual test
// (test/demo/gallery.test.ts). It opens one gallery page in a new tab of the test browser,
// collects console errors and failed requests, takes a screenshot and compares it with the
// checked-in baseline (test/demo/gallery-baselines/<page>.png); it also measures how far a blank
// page and the page with nothing drawn in its views are from that baseline, so that the test
// can show the tolerance would catch them. With RR_GALLERY_UPDATE=1 (`npm run
// gallery:baselines`) the new screenshot becomes the baseline, kept only when it passes those
// checks too (a page caught before its views drew is not kept). A screenshot that does not match is kept
// in .scratch/gallery/ for a look.
// A page takes longer than the 20 s a command may take to answer, so the first call starts the
// check and answers `{ pending: true }`; the test asks again until the result is there.
/* global document -- code run in the page (page.evaluate) */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  AREA_TOLERANCE,
  BASELINE_DIR,
  NOTHING_DRAWN,
  blankLike,
  compare,
  galleryPages,
  openPage,
  root,
  screenshot,
} from './gallery-capture.mjs';

const update = process.env.RR_GALLERY_UPDATE === '1';

async function check(browser, url, name) {
  const started = Date.now();
  const { page, problems } = await openPage(browser, url);
  try {
    const shot = await screenshot(page);
    const baselineFile = path.join(BASELINE_DIR, `${name}.png`);
    if (!update && !existsSync(baselineFile)) return { problems, baseline: false };
    // Updating, the new shot is the baseline: it must pass the same checks before it is kept.
    const baseline = update ? shot : readFileSync(baselineFile);
    const result = compare(shot, baseline);
    const drawn = await page.evaluate(
      () => document.querySelectorAll('rr-view, rr-image, rr-segmentation, img').length,
    );
    const nothingDrawn = drawn
      ? compare(await screenshot(page, NOTHING_DRAWN), baseline).fraction
      : undefined;
    const blank = compare(blankLike(baseline), baseline).fraction;
    const telling = blank > AREA_TOLERANCE && (nothingDrawn ?? 1) > AREA_TOLERANCE;
    if (update && telling && !problems.length) {
      mkdirSync(BASELINE_DIR, { recursive: true });
      writeFileSync(baselineFile, shot);
    } else if (result.fraction > AREA_TOLERANCE || !telling) {
      const dir = path.join(root, '.scratch/gallery');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${name}.png`), shot);
    }
    return {
      problems,
      baseline: true,
      tolerance: AREA_TOLERANCE,
      ...result,
      blank,
      nothingDrawn,
      ms: Date.now() - started,
    };
  } finally {
    await page.close();
  }
}

export function galleryPlugin() {
  /** Page → the promise of its check (kept until the result has been handed out). */
  const jobs = new Map();
  return {
    name: 'rr-gallery',
    async executeCommand({ command, payload, session }) {
      if (command === 'rr-gallery-pages') return galleryPages();
      if (command !== 'rr-gallery-page') return undefined;
      let job = jobs.get(payload.page);
      if (!job) {
        const browser = session.browser.getPage(session.id).browser();
        const url = `${payload.origin}/demo/${payload.page}`;
        const name = payload.page.replace(/\.html$/, '');
        job = { done: false };
        job.promise = check(browser, url, name).then(
          (result) => Object.assign(job, { done: true, result }),
          (error) => Object.assign(job, { done: true, result: { problems: [String(error)] } }),
        );
        jobs.set(payload.page, job);
      }
      await Promise.race([job.promise, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (!job.done) return { pending: true };
      jobs.delete(payload.page);
      return job.result;
    },
  };
}

// Visual check of the demo gallery in real Chromium: every page demo/index.html links to (and
// the index itself) must load without a console error, an uncaught error or a failed request,
// and look like its checked-in screenshot (test/demo/gallery-baselines/, refreshed by
// `npm run gallery:baselines`), within a tolerance for anti-aliasing. Each page also proves the
// tolerance is tight enough: a blank page, and the page with nothing drawn in its views and
// thumbnails, are both beyond it. The work happens in scripts/wtr-gallery-plugin.mjs.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

interface PageResult {
  pending?: boolean;
  problems: string[];
  ms?: number;
  baseline?: boolean;
  tolerance?: number;
  fraction?: number;
  actual?: [number, number];
  expected?: [number, number];
  blank?: number;
  nothingDrawn?: number;
}

const pages = (await executeServerCommand('rr-gallery-pages')) as string[];

describe('demo gallery: every page in Chromium', function () {
  this.timeout(120000);

  it('covers the index and every page it links to', () => {
    expect(pages[0]).to.equal('index.html');
    expect(pages).to.include.members(['images.html', 'segmentation.html', 'api.html']);
  });

  for (const page of pages) {
    it(`demo/${page} loads cleanly and looks like its baseline`, async () => {
      let result: PageResult;
      do {
        result = (await executeServerCommand('rr-gallery-page', {
          page,
          origin: location.origin,
        })) as PageResult;
      } while (result.pending);
      console.log(`demo/${page}: ${JSON.stringify({ ...result, problems: undefined })}`);
      expect(result.problems, `console errors or failed requests on demo/${page}`).to.deep.equal(
        [],
      );
      expect(
        result.baseline,
        `no baseline for demo/${page}: run npm run gallery:baselines`,
      ).to.equal(true);
      const tolerance = result.tolerance!;
      expect(result.actual, 'screenshot size').to.deep.equal(result.expected);
      expect(
        result.fraction,
        `share of pixels unlike the baseline (the screenshot is in .scratch/gallery/)`,
      ).to.be.at.most(tolerance);
      expect(result.blank, 'a blank page must not pass').to.be.above(tolerance);
      if (result.nothingDrawn !== undefined)
        expect(result.nothingDrawn, 'the page with nothing drawn must not pass').to.be.above(
          tolerance,
        );
    });
  }
});

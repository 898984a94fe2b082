import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrView } from './rr-view.js';
import type { RrImage } from '../rr-image/rr-image.js';
import type { RrPoints2d } from '../rr-points2d/rr-points2d.js';
import { expectPixel, pixelAt } from '../../../test/helpers/pixels.js';
import { rgbImage } from '../../../test/helpers/fixtures.js';
import { hoverCanvas } from '../../../test/helpers/hover.js';

/** Straight-alpha snapshot pixel of the label background (22, 22, 22, 128) over nothing. */
const BACKGROUND = [44, 44, 44, 128] as const;
const NONE = [0, 0, 0, 0] as const;
const MARKUP = '<b>bold</b><img src=x onerror=alert(1)>';

/** A 6 × 5 grid of `count` labelled points, 60 × 40 scene units apart, at (30 + 60c, 10 + 40r). */
async function labelledGrid(count: number): Promise<RrView> {
  const view = await fixture<RrView>(
    html`<rr-view visual-bounds="0 0 360 200"><rr-points2d radius="-1"></rr-points2d></rr-view>`,
  );
  const points = view.querySelector('rr-points2d') as RrPoints2d;
  points.positions = Array.from({ length: count }, (_, i) => [
    30 + 60 * (i % 6),
    10 + 40 * Math.floor(i / 6),
  ]);
  points.labels = Array.from({ length: count }, (_, i) => `p${i}`);
  return view;
}

describe('labels in a view (SPEC §12.4)', () => {
  it('shows labels for 29 instances and none for 30', async () => {
    const shown = await (await labelledGrid(29)).snapshot();
    // 3 px below point 0's anchor (30, 10): inside the background, which starts 1 px below it.
    expectPixel(shown, 30, 13, BACKGROUND, 1);
    expectPixel(shown, 30 + 60 * 4, 10 + 40 * 4 + 3, BACKGROUND, 1);
    const hidden = await (await labelledGrid(30)).snapshot();
    expectPixel(hidden, 30, 13, NONE);
    expectPixel(hidden, 30 + 60 * 4, 10 + 40 * 4 + 3, NONE);
    // The points themselves are drawn in both.
    expect(pixelAt(hidden, 30, 10)[3]).to.be.greaterThan(0);
  });

  it('puts a single label for many points at the centre of their bounding box', async () => {
    const view = await fixture<RrView>(
      html`<rr-view visual-bounds="-10 -10 110 110"
        ><rr-points2d radius="-1"></rr-points2d
      ></rr-view>`,
    );
    const points = view.querySelector('rr-points2d') as RrPoints2d;
    points.positions = [
      [0, 0],
      [100, 0],
      [0, 100],
      [100, 100],
      [20, 30],
    ];
    points.labels = ['all of them'];
    const shot = await view.snapshot();
    // Anchor (50, 50) → snapshot (60, 60); its background from row 61.
    expectPixel(shot, 60, 63, BACKGROUND, 1);
    expectPixel(shot, 60, 58, NONE);
    // No label under the points.
    expectPixel(shot, 10, 13, NONE);
    expectPixel(shot, 30, 43, NONE);
  });

  it('draws the background over what is below, 5 px under the anchor, and the text in the instance colour', async () => {
    const view = await fixture<RrView>(html`
      <rr-view>
        <rr-image></rr-image>
        <rr-points2d positions="50 40" radius="-0.5" color="#00ff00" label="WWW"></rr-points2d>
      </rr-view>
    `);
    const image = view.querySelector('rr-image') as RrImage;
    image.format = { width: 100, height: 100, colorModel: 'RGB' };
    image.buffer = rgbImage(100, 100, () => [200, 0, 0]);
    const shot = await view.snapshot();
    // Premultiplied (22, 22, 22, 128) over (200, 0, 0): 22 + 200 · 127/255, in gamma as egui.
    expectPixel(shot, 50, 42, [122, 22, 22, 255], 1);
    expectPixel(shot, 36, 43, [122, 22, 22, 255], 1);
    expectPixel(shot, 60, 40, [200, 0, 0, 255]);
    // Text from row 45 (5 px below the anchor): somewhere a pixel of nearly pure green.
    let best = 0;
    for (let y = 45; y < 62; y++)
      for (let x = 30; x < 70; x++) {
        const [r, g, b] = pixelAt(shot, x, y);
        if (r < 60 && b < 40) best = Math.max(best, g);
      }
    expect(best, 'the greenest text pixel').to.be.at.least(235);
  });

  it('keeps markup literal, and shows labels on screen in the overlay above the picture', async () => {
    const view = await fixture<RrView>(html`
      <rr-view visual-bounds="0 0 300 150" style="width: 300px; height: 150px">
        <rr-points2d positions="150 40" label=${MARKUP}></rr-points2d>
      </rr-view>
    `);
    await view.renderComplete();
    const points = view.querySelector('rr-points2d') as RrPoints2d;
    expect(points.querySelector('b, img')).to.equal(null);
    expect(view.shadowRoot!.querySelector('b, img')).to.equal(null);
    const overlay = view.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[part="labels"]')!;
    expect(overlay, 'the label overlay').to.not.equal(null);
    const dpr = overlay.width / 300;
    const ctx = overlay.getContext('2d')!;
    const [r, g, b, a] = ctx.getImageData(Math.round(150 * dpr), Math.round(43 * dpr), 1, 1).data;
    expect([r, g, b, a]).to.deep.equal([44, 44, 44, 128]);
    // The literal text is wide: its background reaches far beyond "bold" alone.
    const shot = await view.snapshot();
    expectPixel(shot, 150 - 80, 43, BACKGROUND, 1);
  });

  it('hovers an instance as entity[i] with its class, keypoint and label', async () => {
    const view = await fixture<RrView>(html`
      <rr-view visual-bounds="0 0 100 100" style="width: 300px; height: 300px">
        <rr-points2d
          entity="people"
          positions="20 20, 80 80"
          class-ids="3"
          keypoint-ids="0 1"
          radius="-6"
          .labels=${['left', 'right']}
        ></rr-points2d>
      </rr-view>
    `);
    await view.renderComplete();
    hoverCanvas(view, 0.8, 0.8);
    await view.updateComplete;
    const tip = view.shadowRoot!.querySelector('[part="tooltip"]')!.textContent!;
    expect(tip).to.contain('/people[1]');
    expect(tip).to.contain('Class: 3');
    expect(tip).to.contain('Keypoint: 1');
    expect(tip).to.contain('Label: right');
  });
});

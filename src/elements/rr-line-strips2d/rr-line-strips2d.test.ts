import { expect, html } from '@open-wc/testing';
import '../../index.js';
import { expectPixel, pixelAt } from '../../../test/helpers/pixels.js';
import { sceneView } from '../../../test/helpers/geometry.js';
import { linearOf, srgbByte } from '../../../test/helpers/image-data.js';
import { assertNoWebGLError, requireWebGL2 } from '../../../test/helpers/webgl.js';

// Scenes of SPEC §12.11 moved into positive coordinates by SHIFT (the snapshot covers
// [0, w] × [0, h]); pixel = (scene + SHIFT) · scale.

describe('<rr-line-strips2d>', () => {
  before(function () {
    requireWebGL2(this);
  });
  afterEach(() => assertNoWebGLError());

  it('line_strips2d_ui_radius: UI widths keep their pixel size, scene widths scale; round caps', async () => {
    // bounds x [−1, 5], y [−2.5, 3.5] → [0, 6]², s = 50
    const view = await sceneView(
      6,
      6,
      html`<rr-line-strips2d
          entity="scene_unit_line"
          strips="1 2.5, 1 3.5, 2 2.5, 2 3.5"
          radius="0.01"
          color="#0000ff"
        ></rr-line-strips2d>
        <rr-line-strips2d
          entity="ui_points_line"
          strips="4 2.5, 4 3.5, 5 2.5, 5 3.5"
          radius="-5"
          color="#ff0000"
        ></rr-line-strips2d>`,
    );
    for (const scale of [50, 100]) {
      const shot = await view.snapshot({ scale });
      const x = 4 * scale; // red strip's first segment, vertical
      const y = 3 * scale; // its middle
      expectPixel(shot, x, y, [255, 0, 0, 255]);
      // 10 px wide at every scale: 4 px off the centre line inside, 6 px off outside.
      expectPixel(shot, x + 4, y, [255, 0, 0, 255]);
      expectPixel(shot, x - 5, y, [255, 0, 0, 255]);
      expectPixel(shot, x + 6, y, [0, 0, 0, 0]);
      // Round cap 5 px past the first vertex: 3.5 px above it inside, 3 px diagonally out not.
      expectPixel(shot, x, 2.5 * scale - 4, [255, 0, 0, 255]);
      expectPixel(shot, x + 4, 2.5 * scale - 4, [0, 0, 0, 0]);
      expectPixel(shot, x, 2.5 * scale - 7, [0, 0, 0, 0]);
      // The blue scene-unit line: half width 0.01 · scale (0.5 px, then 1 px): at scale 100
      // the pixels either side of x = 100 are both fully covered.
      if (scale === 100) {
        expectPixel(shot, 100, y, [0, 0, 255, 255]);
        expectPixel(shot, 99, y, [0, 0, 255, 255]);
        expectPixel(shot, 102, y, [0, 0, 0, 0]);
      } else {
        expect(pixelAt(shot, 50, y)[2]).to.be.above(0);
        expectPixel(shot, 52, y, [0, 0, 0, 0]);
      }
    }
  });

  it('joins segments round, draws a strip of one vertex as nothing, darkens translucent colours in linear light', async () => {
    const view = await sceneView(
      10,
      10,
      html`<rr-line-strips2d
          .strips=${[
            [
              [1, 1],
              [5, 1],
              [5, 5],
            ],
            [[8, 8]],
          ]}
          radius="0.5"
          .colors=${[
            [0, 255, 0, 255],
            [255, 0, 0, 255],
          ]}
        ></rr-line-strips2d>
        <rr-line-strips2d
          strips="1 8, 6 8"
          radius="0.5"
          .colors=${[[255, 0, 0, 128]]}
        ></rr-line-strips2d>`,
    );
    const shot = await view.snapshot({ scale: 10 });
    expectPixel(shot, 30, 10, [0, 255, 0, 255]);
    expectPixel(shot, 50, 30, [0, 255, 0, 255]);
    // Round join: the outer corner at (5, 1) is rounded: (5.4, 0.6) inside, (5.45, 0.55) … clear.
    expectPixel(shot, 53, 8, [0, 255, 0, 255]);
    expectPixel(shot, 54, 5, [0, 0, 0, 0]);
    // The one-vertex strip draws nothing.
    expectPixel(shot, 80, 80, [0, 0, 0, 0]);
    // Red at alpha 128 → 188 in linear light, opaque.
    expectPixel(shot, 30, 80, [srgbByte(linearOf(255) * (128 / 255)), 0, 0, 255]);
  });

  it('lies under points of the same draw order (Lines2D < Points2D)', async () => {
    const view = await sceneView(
      10,
      4,
      html`<rr-points2d positions="5 2" radius="1" color="#0000ff"></rr-points2d>
        <rr-line-strips2d strips="1 1, 9 3" radius="0.5" color="#ff0000"></rr-line-strips2d>`,
    );
    const shot = await view.snapshot({ scale: 10 });
    expect(pixelAt(shot, 50, 20).slice(0, 3)).to.deep.equal([0, 0, 255]);
    // On the strip, away from the point: (3, 1.5) → pixel (30, 15).
    expectPixel(shot, 30, 15, [255, 0, 0, 255]);
  });

  it("cuts the edge hard at 0.99 r, with Rerun's soft ramp from r − ½ px to there (SPEC §12.6.2)", async () => {
    // One scene unit per pixel. A 50-px radius through pixel centres (y = 150.5), the default
    // 1.5 px one and a 0.5 px one (1 px wide) on pixel boundaries (y = 50, y = 250).
    const view = await sceneView(
      300,
      300,
      html`<rr-line-strips2d
          strips="50 150.5, 250 150.5"
          radius="-50"
          color="#ff0000"
        ></rr-line-strips2d>
        <rr-line-strips2d strips="50 50, 250 50" radius="-1.5" color="#ff0000"></rr-line-strips2d>
        <rr-line-strips2d
          strips="100 250, 200 250"
          radius="-0.5"
          color="#ff0000"
        ></rr-line-strips2d>`,
    );
    const shot = await view.snapshot();
    expect([shot.width, shot.height]).to.deep.equal([300, 300]);
    // 49 px off the centre line: solid; 50 px off (r, where the ramp is still 0.5): beyond the
    // quad's 49.5 px, not drawn. The interior is unchanged.
    for (const row of [101, 150, 199]) expectPixel(shot, 150, row, [255, 0, 0, 255]);
    expectPixel(shot, 150, 100, [0, 0, 0, 0]);
    expectPixel(shot, 150, 200, [0, 0, 0, 0]);
    // The round cap reaches r past the end: 49 px past it solid, 50 px not.
    expectPixel(shot, 299, 150, [255, 0, 0, 255]);
    expectPixel(shot, 0, 150, [255, 0, 0, 255]);
    // r = 1.5: the row whose centre is 1.5 px off has coverage 0.5 there, and two of its four
    // MSAA sample positions lie inside 0.99 r: alpha-to-coverage writes those two, half the
    // pixel (not a quarter, the product of the two). The line keeps its 3 px of ink.
    expectPixel(shot, 150, 49, [255, 0, 0, 255]);
    expectPixel(shot, 150, 50, [255, 0, 0, 255]);
    for (const row of [48, 51]) expectPixel(shot, 150, row, [255, 0, 0, 128], 1);
    expectPixel(shot, 150, 47, [0, 0, 0, 0]);
    expectPixel(shot, 150, 52, [0, 0, 0, 0]);
    // r = 0.5 on a boundary: no pixel centre lies inside 0.99 r, yet the line is not erased:
    // both rows half covered (2 of 4 samples each, coverage 0.5), 1 px of ink in all.
    for (const row of [249, 250]) expectPixel(shot, 150, row, [255, 0, 0, 128], 1);
    expectPixel(shot, 150, 248, [0, 0, 0, 0]);
    expectPixel(shot, 150, 251, [0, 0, 0, 0]);
  });
});

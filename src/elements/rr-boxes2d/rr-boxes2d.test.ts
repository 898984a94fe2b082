import { expect, html } from '@open-wc/testing';
import '../../index.js';
import type { RrBoxes2d } from './rr-boxes2d.js';
import { expectPixel, expectSameImage, pixelAt } from '../../../test/helpers/pixels.js';
import { sceneView } from '../../../test/helpers/geometry.js';
import { linearOf, srgbByte } from '../../../test/helpers/image-data.js';
import { assertNoWebGLError, requireWebGL2 } from '../../../test/helpers/webgl.js';

// Scenes of SPEC §12.11 moved into positive coordinates by SHIFT (the snapshot covers
// [0, w] × [0, h]); pixel = (scene + SHIFT) · scale.

const CONTEXT = JSON.stringify([
  [1, 'red', [255, 0, 0]],
  [2, 'green', [0, 255, 0]],
]);
const withContext = (v: unknown) =>
  html`<rr-context
    ><rr-annotation-context entity="/">${CONTEXT}</rr-annotation-context
    ><rr-annotation-legend entity="/"></rr-annotation-legend>${v}</rr-context
  >`;

describe('<rr-boxes2d>', () => {
  before(function () {
    requireWebGL2(this);
  });
  afterEach(() => assertNoWebGLError());

  it('annotation_context_rects: class-coloured 3 px outlines on the edges, never filled, later box on top', async () => {
    const SHIFT = 3; // bounds [−3, 3]² → [0, 6]², s = 50
    const s = 50;
    const view = await sceneView(
      6,
      6,
      html`<rr-boxes2d
        entity="detections"
        mins="-2 -2, 0 0"
        sizes="3 3, 2 2"
        class-ids="1 2"
        .centers=${undefined}
      ></rr-boxes2d>`,
      withContext,
    );
    const boxes = view.querySelector<RrBoxes2d>('rr-boxes2d')!;
    boxes.mins = [
      [-2 + SHIFT, -2 + SHIFT],
      [0 + SHIFT, 0 + SHIFT],
    ];
    const shot = await view.snapshot({ scale: s });
    const px = (v: number) => (v + SHIFT) * s;
    // Box 0 [−2, 1]² → (50, 50)–(200, 200): the edge pixels on both sides of x = 50.
    expectPixel(shot, px(-2) - 1, px(-0.5), [255, 0, 0, 255]);
    expectPixel(shot, px(-2), px(-0.5), [255, 0, 0, 255]);
    expectPixel(shot, px(-0.5), px(-2), [255, 0, 0, 255]);
    // 3 px wide: 3 px off the edge is empty, inside and out; the inside is never filled.
    expectPixel(shot, px(-2) + 2, px(-0.5), [0, 0, 0, 0]);
    expectPixel(shot, px(-2) - 3, px(-0.5), [0, 0, 0, 0]);
    expectPixel(shot, px(-1), px(-1), [0, 0, 0, 0]);
    // Box 1 [0, 2]² → (150, 150)–(250, 250), green; where the outlines cross, box 1 is on top.
    expectPixel(shot, px(2), px(1), [0, 255, 0, 255]);
    expectPixel(shot, px(1), px(0), [0, 255, 0, 255]);
    expectPixel(shot, px(1), px(0) - 1, [0, 255, 0, 255]);
    expectPixel(shot, px(1.5), px(1.5), [0, 0, 0, 0]);
    expectPixel(shot, px(-2) + 3, px(-2) + 3, [0, 0, 0, 0]);
  });

  it('box forms and every array-format land on the same pixels', async () => {
    // One box: x 1…3, y 0.5…2 (centre (2, 1.25), half size (1, 0.75)).
    const forms: Record<string, unknown>[] = [
      { centers: [[2, 1.25]], halfSizes: [[1, 0.75]] },
      { centers: '2 1.25', sizes: '2 1.5' },
      { mins: [1, 0.5], sizes: [2, 1.5] },
      { mins: [1, 0.5], halfSizes: [1, 0.75] },
      { array: [1, 0.5, 2, 1.5], arrayFormat: 'XYWH' },
      { array: [0.5, 1, 1.5, 2], arrayFormat: 'YXHW' },
      { array: [1, 0.5, 3, 2], arrayFormat: 'XYXY' },
      { array: [0.5, 1, 2, 3], arrayFormat: 'YXYX' },
      { array: [2, 1.25, 2, 1.5], arrayFormat: 'XCYCWH' },
      { array: [2, 1.25, 1, 0.75], arrayFormat: 'XCYCW2H2' },
    ];
    const shots: ImageData[] = [];
    for (const form of forms) {
      const view = await sceneView(4, 3, html`<rr-boxes2d color="#ffff00"></rr-boxes2d>`);
      Object.assign(view.querySelector<RrBoxes2d>('rr-boxes2d')!, form);
      shots.push(await view.snapshot({ scale: 40 }));
    }
    // The first is right: yellow on the edges, clear inside (and so are all the others).
    expectPixel(shots[0]!, 40, 50, [255, 255, 0, 255]);
    expectPixel(shots[0]!, 80, 20, [255, 255, 0, 255]);
    expectPixel(shots[0]!, 80, 50, [0, 0, 0, 0]);
    shots.slice(1).forEach((shot, i) => {
      try {
        expectSameImage(shot, shots[0]!);
      } catch (error) {
        throw new Error(`${JSON.stringify(forms[i + 1])}: ${(error as Error).message}`);
      }
    });
  });

  it('draws translucent colours opaque and darker in linear light', async () => {
    const view = await sceneView(
      4,
      4,
      html`<rr-boxes2d
        mins="1 1"
        sizes="2 2"
        radius="-3"
        .colors=${[[255, 0, 0, 128]]}
      ></rr-boxes2d>`,
    );
    const shot = await view.snapshot({ scale: 20 });
    // Rerun: red 255 at a = 128 shows as 188 (SPEC §12.6.4), opaque.
    expectPixel(shot, 20, 40, [srgbByte(linearOf(255) * (128 / 255)), 0, 0, 255]);
    expect(srgbByte(linearOf(255) * (128 / 255))).to.equal(188);
  });

  it('the legend toggle hides a class of boxes', async () => {
    const view = await sceneView(
      6,
      3,
      html`<rr-boxes2d mins="0.5 0.5, 3.5 0.5" sizes="2 2, 2 2" class-ids="1 2"></rr-boxes2d>`,
      withContext,
    );
    let shot = await view.snapshot({ scale: 10 });
    expectPixel(shot, 5, 15, [255, 0, 0, 255]);
    expectPixel(shot, 35, 15, [0, 255, 0, 255]);
    const legend = view.closest('rr-context')!.querySelector('rr-annotation-legend')!;
    await legend.updateComplete;
    legend.shadowRoot!.querySelector<HTMLElement>('tr[part="row"][data-class-id="1"]')!.click();
    shot = await view.snapshot({ scale: 10 });
    expectPixel(shot, 5, 15, [0, 0, 0, 0]);
    expectPixel(shot, 35, 15, [0, 255, 0, 255]);
  });

  it('is picked on its outline only', async () => {
    const view = await sceneView(
      10,
      10,
      html`<rr-boxes2d entity="b" mins="2 2" sizes="6 6"></rr-boxes2d>`,
    );
    await view.renderComplete();
    const boxes = (x: number, y: number) => view.pick(x, y).filter((p) => p.entity === '/b');
    expect(boxes(2.05, 5).map((p) => p.instance)).to.deep.equal([0]);
    expect(boxes(5, 5)).to.have.length(0);
    expect(pixelAt(await view.snapshot({ scale: 10 }), 20, 50)[3]).to.equal(255);
  });

  it('cuts its outline hard at 0.99 r on both sides of the edge, and stays unfilled', async () => {
    // One scene unit per pixel; edges on pixel centres (x, y = 60.5 and 240.5), r = 50 px.
    const view = await sceneView(
      300,
      300,
      html`<rr-boxes2d mins="60.5 60.5" sizes="180 180" radius="-50" color="#00ff00"></rr-boxes2d>`,
    );
    const shot = await view.snapshot();
    // Left edge: 49 px to either side solid, 50 px (r: ramp 0.5) beyond the quad's 49.5 px.
    for (const x of [11, 60, 109]) expectPixel(shot, x, 150, [0, 255, 0, 255]);
    expectPixel(shot, 10, 150, [0, 0, 0, 0]);
    expectPixel(shot, 110, 150, [0, 0, 0, 0]);
    // Bottom edge likewise, and the middle is not filled.
    for (const y of [191, 240, 289]) expectPixel(shot, 150, y, [0, 255, 0, 255]);
    expectPixel(shot, 150, 190, [0, 0, 0, 0]);
    expectPixel(shot, 150, 150, [0, 0, 0, 0]);
  });

  it('covers half of the pixel at the hard cut of a default 3 px outline on pixel boundaries', async () => {
    // Edges at x, y = 60 and 240 (pixel boundaries), radius 1.5 UI points: the columns and rows
    // whose centres are 1.5 px off the edge hold 2 of 4 samples at coverage 0.5 (a half).
    const view = await sceneView(
      300,
      300,
      html`<rr-boxes2d mins="60 60" sizes="180 180" color="#00ff00"></rr-boxes2d>`,
    );
    const shot = await view.snapshot();
    for (const x of [59, 60]) expectPixel(shot, x, 150, [0, 255, 0, 255]);
    for (const x of [58, 61]) expectPixel(shot, x, 150, [0, 255, 0, 128], 1);
    for (const x of [57, 62]) expectPixel(shot, x, 150, [0, 0, 0, 0]);
    for (const y of [239, 240]) expectPixel(shot, 150, y, [0, 255, 0, 255]);
    for (const y of [238, 241]) expectPixel(shot, 150, y, [0, 255, 0, 128], 1);
    for (const y of [237, 242]) expectPixel(shot, 150, y, [0, 0, 0, 0]);
  });
});

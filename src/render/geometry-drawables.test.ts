/**
 * The geometry drawables through the renderer's real compositing pass (linear-light
 * SRGB8_ALPHA8 composite, premultiplied "over", sRGB encode, read back): shaded discs, capsules,
 * box outlines and gradient segments, checked at interior pixels (SPEC §12.13 item 6).
 */
import { expect } from '@open-wc/testing';
import { getRenderer, type Drawable } from './renderer.js';
import { PointsDrawable } from './points-drawable.js';
import { SegmentsDrawable, type SegmentMode } from './segments-drawable.js';
import { expectPixel, pixelAt } from '../../test/helpers/pixels.js';
import { linearOf, srgbByte } from '../../test/helpers/image-data.js';
import { assertNoWebGLError, requireWebGL2 } from '../../test/helpers/webgl.js';

const renderer = getRenderer();

function render(drawables: Drawable[], size = 100, scale = 1, pixelRatio = 1): ImageData {
  return renderer.renderToImageData({
    width: size,
    height: size,
    scale,
    offset: [0, 0],
    pixelRatio,
    background: [0, 0, 0, 0],
    drawables,
  });
}

function points(
  positions: number[],
  radii: number[],
  colors: number[],
  drawable = new PointsDrawable(renderer),
): PointsDrawable {
  drawable.set({
    count: radii.length,
    positions: Float32Array.from(positions),
    radii: Float32Array.from(radii),
    colors: Uint8Array.from(colors),
  });
  return drawable;
}

function segments(mode: SegmentMode, ends: number[], radii: number[], colors: number[]) {
  const drawable = new SegmentsDrawable(renderer, mode);
  drawable.set({
    count: radii.length,
    ends: Float32Array.from(ends),
    radii: Float32Array.from(radii),
    colors: Uint8Array.from(colors),
  });
  return drawable;
}

/** Rerun's disc shading of a linear channel at dist/r (SPEC §12.6.1). */
const shaded = (byte: number, t: number) =>
  srgbByte(linearOf(byte) * Math.max(0.4, Math.sqrt(1.2 - t)));

describe('geometry drawables', () => {
  before(function () {
    requireWebGL2(this);
  });
  afterEach(() => assertNoWebGLError());

  it('draws a shaded disc: exact colour at 0.2 r, darker towards the rim, transparent outside', () => {
    // Centre on a pixel centre, r = 25 px: the pixel 3 right, 4 down is exactly 0.2 r away.
    const disc = points([50.5, 50.5], [25], [200, 100, 50, 255]);
    const shot = render([disc]);
    expectPixel(shot, 53, 54, [200, 100, 50, 255]);
    expectPixel(shot, 50, 50, [shaded(200, 0), shaded(100, 0), shaded(50, 0), 255], 1);
    // 15 px = 0.6 r and 21 px (0.84 r, 2 px inside the rim) from the centre.
    expectPixel(shot, 65, 50, [shaded(200, 0.6), shaded(100, 0.6), shaded(50, 0.6), 255], 1);
    expectPixel(shot, 50, 71, [shaded(200, 0.84), shaded(100, 0.84), shaded(50, 0.84), 255], 1);
    expect(pixelAt(shot, 50, 71)[0]).to.be.below(pixelAt(shot, 65, 50)[0]);
    expect(pixelAt(shot, 65, 50)[0]).to.be.below(200);
    expectPixel(shot, 50, 77, [0, 0, 0, 0]);
    expectPixel(shot, 80, 80, [0, 0, 0, 0]);
    disc.dispose();
  });

  it('sizes UI-point radii by the pixel ratio and scene radii by the scale', () => {
    // Scene radius 5 at scale 2 → 10 px; UI radius 5 at pixel ratio 2 → 10 px, at 1 → 5 px.
    const disc = points([10.25, 25.25, 35.25, 25.25], [5, -5], [255, 0, 0, 255, 0, 0, 255, 255]);
    for (const [scale, ratio, sceneR, uiR] of [
      [2, 2, 10, 10],
      [2, 1, 10, 5],
      [1, 1, 5, 5],
    ]) {
      const shot = render([disc], 100, scale, ratio);
      const scene = [10.25 * scale, 25.25 * scale];
      const ui = [35.25 * scale, 25.25 * scale];
      // Inside at r − 1.5 px, outside at r + 1.5 px, along +x from the centre's pixel.
      const inside = (c: number[], r: number) =>
        pixelAt(shot, Math.floor(c[0] + r - 1.5), Math.floor(c[1]));
      const outside = (c: number[], r: number) =>
        pixelAt(shot, Math.floor(c[0] + r + 1.5), Math.floor(c[1]));
      expect(inside(scene, sceneR)[3], `scene disc at scale ${scale}`).to.equal(255);
      expect(outside(scene, sceneR)[3], `scene disc at scale ${scale}`).to.equal(0);
      expect(inside(ui, uiR)[3], `UI disc at ratio ${ratio}`).to.equal(255);
      expect(outside(ui, uiR)[3], `UI disc at ratio ${ratio}`).to.equal(0);
    }
    disc.dispose();
  });

  it('draws translucent point colours opaque and darker in gamma (premultiplied bytes)', () => {
    // Color32 of (255, 0, 0, 128) premultiplied in gamma is (128, 0, 0, 128).
    const disc = points([50.5, 50.5], [25], [128, 0, 0, 128]);
    expectPixel(render([disc]), 53, 54, [128, 0, 0, 255]);
    disc.dispose();
  });

  it('draws later points over earlier ones', () => {
    const pair = points([40.5, 50.5, 60.5, 50.5], [20, 20], [255, 0, 0, 255, 0, 0, 255, 255]);
    const shot = render([pair]);
    // x = 50 lies inside both; the second (blue) is on top.
    expect(pixelAt(shot, 50, 50)[2]).to.be.above(200);
    expect(pixelAt(shot, 50, 50)[0]).to.equal(0);
    pair.dispose();
  });

  it('draws capsules with round caps past the ends and a flat colour', () => {
    const line = segments('capsule', [20, 50, 80, 50], [5], [0, 255, 0, 255]);
    const shot = render([line]);
    expectPixel(shot, 50, 50, [0, 255, 0, 255]);
    expectPixel(shot, 50, 46, [0, 255, 0, 255]);
    // Round cap: 3 px before the start on the axis is inside, diagonally at (−4, −4) outside.
    expectPixel(shot, 16, 50, [0, 255, 0, 255]);
    expectPixel(shot, 15, 45, [0, 0, 0, 0]);
    expectPixel(shot, 50, 57, [0, 0, 0, 0]);
    line.dispose();
  });

  it('draws translucent line colours darker in linear light', () => {
    // (255, 0, 0, 128) premultiplied in gamma → (128, 0, 0, 128); linear(1) · 128/255 → 188.
    const line = segments('capsule', [20, 50, 80, 50], [5], [128, 0, 0, 128]);
    expectPixel(render([line]), 50, 50, [srgbByte(linearOf(255) * (128 / 255)), 0, 0, 255]);
    line.dispose();
  });

  it('draws box outlines centred on the edge, never filled', () => {
    // Box (20, 20)–(80, 60), half width 2 px: edge pixels on both sides of x = 20 are drawn.
    const box = segments('box', [20, 20, 80, 60], [2], [255, 255, 0, 255]);
    const shot = render([box]);
    expectPixel(shot, 19, 40, [255, 255, 0, 255]);
    expectPixel(shot, 20, 40, [255, 255, 0, 255]);
    expectPixel(shot, 50, 59, [255, 255, 0, 255]);
    expectPixel(shot, 50, 40, [0, 0, 0, 0]);
    expectPixel(shot, 50, 64, [0, 0, 0, 0]);
    // Rounded outer corner: 1.5 px out on a straight edge is solid, 1.5 px out on both axes
    // (2.1 px from the corner) only partly covered; a sharp corner would cover it fully.
    expectPixel(shot, 81, 40, [255, 255, 0, 255]);
    expectPixel(shot, 50, 61, [255, 255, 0, 255]);
    const corner = pixelAt(shot, 81, 61)[3];
    expect(corner).to.be.above(0).and.below(128);
    expectPixel(shot, 83, 63, [0, 0, 0, 0]);
    box.dispose();
  });

  it('shades gradient segments across and ends them flat', () => {
    const line = segments('gradient', [20.5, 50.5, 80.5, 50.5], [4], [255, 255, 255, 255]);
    const shot = render([line]);
    // Centre line 0.9 · white → 243; 2 px off (d = r/2) → 0.675 → 214.
    expectPixel(shot, 50, 50, [243, 243, 243, 255]);
    expectPixel(shot, 50, 48, [214, 214, 214, 255]);
    // Flat ends: nothing before the start.
    expectPixel(shot, 18, 50, [0, 0, 0, 0]);
    line.dispose();
  });
});

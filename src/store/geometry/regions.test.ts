import { expect } from '@open-wc/testing';
import { compareDrawOrder, DEFAULT_DRAW_ORDER, VISUALIZER_NAME } from './draw-order.js';
import { boxesRegion, letterbox, pointsRegion, stripsRegion, unionRegions } from './regions.js';

describe('regions of interest (SPEC §12.8)', () => {
  it('points: mean ± 2σ, twice — an outlier outside the first range no longer widens it', () => {
    const xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 1000];
    const r = pointsRegion(xs.flatMap((x) => [x, 0]))!;
    // Pass 1: mean 103.6, σ ≈ 298.8 → [−494, 701]: the outlier at 1000 is outside.
    // Pass 2 over 0…8: mean 4, σ = √(60/9) → 4 ± 5.164.
    expect(r.x0).to.be.closeTo(4 - 2 * Math.sqrt(60 / 9), 1e-9);
    expect(r.x1).to.be.closeTo(4 + 2 * Math.sqrt(60 / 9), 1e-9);
    expect(r.y0).to.equal(0);
    expect(pointsRegion([])).to.equal(undefined);
    expect(pointsRegion([NaN, 1, 2, 3])).to.deep.equal({ x0: 2, y0: 3, x1: 2, y1: 3 });
  });

  it('boxes: the union of the geometric boxes; strips: the bbox of the vertices', () => {
    expect(boxesRegion([-0.5, -0.5, 1, 1], [1.5, 1.5, 1, 1])).to.deep.equal({
      x0: -2,
      y0: -2,
      x1: 2,
      y1: 2,
    });
    expect(stripsRegion([0, 0, 2, 1, 4, -1, 6, 0])).to.deep.equal({ x0: 0, y0: -1, x1: 6, y1: 1 });
    expect(
      unionRegions([undefined, { x0: 0, y0: 0, x1: 1, y1: 1 }, { x0: -1, y0: 2, x1: 0, y1: 3 }]),
    ).to.deep.equal({ x0: -1, y0: 0, x1: 1, y1: 3 });
    expect(unionRegions([])).to.equal(undefined);
  });

  it('letterbox: uniform scale, the other axis widened about its centre', () => {
    // depth_image_simple: the 300×200 image in 300×300 → s = 1, y widened to [−50, 250].
    expect(letterbox({ x0: 0, y0: 0, x1: 300, y1: 200 }, 300, 300)).to.deep.equal({
      scale: 1,
      bounds: { x0: 0, y0: -50, x1: 300, y1: 250 },
    });
    // line_strips2d_simple: x [−1, 7], y [−3, 3] → s = 37.5, y widened to [−4, 4].
    expect(letterbox({ x0: -1, y0: -3, x1: 7, y1: 3 }, 300, 300)).to.deep.equal({
      scale: 37.5,
      bounds: { x0: -1, y0: -4, x1: 7, y1: 4 },
    });
  });
});

describe('draw order (SPEC §12.7)', () => {
  it('defaults: DepthImage −20, Image −10, Segmentation 0, Boxes2D 10, LineStrips2D 20, Points2D 20', () => {
    expect(DEFAULT_DRAW_ORDER).to.deep.include({
      DepthImage: -20,
      Image: -10,
      SegmentationImage: 0,
      Boxes2D: 10,
      LineStrips2D: 20,
      Points2D: 20,
    });
  });

  it('sorts by draw order, then visualizer name: points above lines on ties', () => {
    const layers = [
      { drawOrder: 20, visualizer: VISUALIZER_NAME.Points2D, entity: 'a' },
      { drawOrder: 20, visualizer: VISUALIZER_NAME.LineStrips2D, entity: 'b' },
      { drawOrder: 10, visualizer: VISUALIZER_NAME.Boxes2D, entity: 'c' },
      { drawOrder: -20, visualizer: VISUALIZER_NAME.DepthImage, entity: 'd' },
    ];
    expect([...layers].sort(compareDrawOrder).map((l) => l.entity)).to.deep.equal([
      'd',
      'c',
      'b',
      'a',
    ]);
  });
});

import { expect } from '@open-wc/testing';
import { parseAnnotationContext } from '../annotation-context.js';
import { entityAutoColor } from './entity-color.js';
import { labelWrapWidth } from './labels.js';
import { normalizeBoxes2D, normalizeLineStrips2D, normalizePoints2D } from './normalize.js';
import { letterbox } from './regions.js';
import { resolveBoxes2D, resolveLineStrips2D, resolvePoints2D, toHalfFloat } from './resolve.js';
import type { Boxes2DInput, LineStrips2DInput, Points2DInput, ResolveContext } from './types.js';

const arr = (v: ArrayLike<number> | undefined) => (v ? Array.from(v) : v);
const rgba = (colors: Uint8Array, i: number) => Array.from(colors.subarray(i * 4, i * 4 + 4));

function points(input: Points2DInput, ctx: Partial<ResolveContext> = {}) {
  const n = normalizePoints2D(input);
  const r = resolvePoints2D(n.data, { entity: 'points', leaveOut: n.leftOut, ...ctx });
  return { ...r, issues: [...n.issues, ...r.issues] };
}
function boxes(input: Boxes2DInput, ctx: Partial<ResolveContext> = {}) {
  const n = normalizeBoxes2D(input);
  const r = resolveBoxes2D(n.data, { entity: 'boxes', leaveOut: n.leftOut, ...ctx });
  return { ...r, issues: [...n.issues, ...r.issues] };
}
function strips(input: LineStrips2DInput, ctx: Partial<ResolveContext> = {}) {
  const n = normalizeLineStrips2D(input);
  const r = resolveLineStrips2D(n.data, { entity: 'strips', leaveOut: n.leftOut, ...ctx });
  return { ...r, issues: [...n.issues, ...r.issues] };
}

/** SPEC §12.11 points2d_random: logged data and what Rerun draws (scene → px at s = 37.5). */
const RANDOM = [
  {
    p: [-1.635984, -1.09945],
    r: 0.255232,
    rgba: [186, 157, 99, 41],
    drawn: [30, 25, 16],
    px: [88.7, 108.8],
    rpx: 9.57,
  },
  {
    p: [1.784193, 1.057528],
    r: 0.297565,
    rgba: [172, 54, 25, 227],
    drawn: [153, 48, 22],
    px: [216.9, 189.7],
    rpx: 11.16,
  },
  {
    p: [-0.653343, -1.003116],
    r: 0.279067,
    rgba: [73, 10, 28, 208],
    drawn: [60, 8, 23],
    px: [125.5, 112.4],
    rpx: 10.47,
  },
  {
    p: [0.589853, -1.879595],
    r: 0.260579,
    rgba: [187, 25, 149, 14],
    drawn: [10, 1, 8],
    px: [172.1, 79.5],
    rpx: 9.77,
  },
  {
    p: [1.036536, 2.650817],
    r: 0.482762,
    rgba: [188, 44, 187, 138],
    drawn: [102, 24, 101],
    px: [188.9, 249.4],
    rpx: 18.1,
  },
  {
    p: [-1.510526, 2.693287],
    r: 0.211979,
    rgba: [193, 236, 12, 123],
    drawn: [93, 114, 6],
    px: [93.4, 251.0],
    rpx: 7.95,
  },
  {
    p: [1.003425, -2.424612],
    r: 0.495631,
    rgba: [76, 81, 192, 73],
    drawn: [22, 23, 55],
    px: [187.6, 59.1],
    rpx: 18.59,
  },
  {
    p: [-0.348962, 2.31888],
    r: 0.246261,
    rgba: [71, 171, 186, 75],
    drawn: [21, 50, 55],
    px: [136.9, 237.0],
    rpx: 9.23,
  },
  {
    p: [1.184721, -1.041163],
    r: 0.838483,
    rgba: [173, 202, 81, 253],
    drawn: [172, 200, 80],
    px: [194.4, 111.0],
    rpx: 31.44,
  },
  {
    p: [1.403569, -1.67919],
    r: 0.180131,
    rgba: [39, 91, 124, 0],
    drawn: [0, 0, 0],
    px: [202.6, 87.0],
    rpx: 6.75,
  },
];

const POSE = parseAnnotationContext([
  {
    info: { id: 0, label: 'pose', color: [255, 255, 255] },
    keypointAnnotations: [
      [0, 'left', [255, 0, 0]],
      [1, 'right', [0, 255, 0]],
      [2, 'center', [0, 128, 255]],
      [3, 'bottom', [255, 255, 0]],
    ],
    keypointConnections: [
      [0, 2],
      [1, 2],
      [2, 3],
    ],
  },
]);
const KEYPOINT_SCENE: Points2DInput = {
  positions: [
    [0, 0],
    [100, 0],
    [50, 50],
    [50, 100],
  ],
  classIds: [0],
  keypointIds: [0, 1, 2, 3],
  radii: -8,
  showLabels: true,
};

describe('resolvePoints2D', () => {
  it('points2d_random: premultiplied colours drawn opaque, scene radii, pixel centres', () => {
    const r = points(
      {
        positions: RANDOM.map((d) => d.p),
        colors: RANDOM.map((d) => d.rgba),
        radii: RANDOM.map((d) => d.r),
      },
      { entity: 'random' },
    );
    expect(r.count).to.equal(10);
    expect(r.issues).to.deep.equal([]);
    const { scale, bounds } = letterbox({ x0: -4, y0: -4, x1: 4, y1: 4 }, 300, 300);
    expect(scale).to.equal(37.5);
    RANDOM.forEach((d, i) => {
      const [r8, g8, b8, a8] = rgba(r.colors, i);
      expect([r8, g8, b8], `colour ${i}`).to.deep.equal(d.drawn);
      expect(a8).to.equal(d.rgba[3]);
      expect(r.radii[i]! * scale).to.be.closeTo(d.rpx, 0.01);
      expect((r.positions[2 * i]! - bounds.x0) * scale).to.be.closeTo(d.px[0]!, 0.06);
      expect((r.positions[2 * i + 1]! - bounds.y0) * scale).to.be.closeTo(d.px[1]!, 0.06);
    });
    // Later instances are drawn over earlier ones: the order is kept.
    expect(arr(r.instances)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('points2d_simple: the entity auto colour, 1.5 UI points, draw order 20, no labels', () => {
    const r = points({
      positions: [
        [0, 0],
        [1, 1],
      ],
    });
    expect(rgba(r.colors, 0)).to.deep.equal(entityAutoColor('points'));
    expect(rgba(r.colors, 1)).to.deep.equal([123, 77, 188, 255]);
    expect(arr(r.radii)).to.deep.equal([-1.5, -1.5]);
    expect(r.drawOrder).to.equal(20);
    expect(r.labels).to.deep.equal([]);
    expect(r.connections.count).to.equal(0);
  });

  it('points2d_ui_radius: signed radii pass through (> 0 scene units, ≤ 0 UI points)', () => {
    expect(arr(points({ positions: [0, 0, 0, 1], radii: [0.1, 0.3] }).radii)).to.deep.equal([
      Math.fround(0.1),
      Math.fround(0.3),
    ]);
    expect(arr(points({ positions: [1, 0, 1, 1], radii: [-40, -60] }).radii)).to.deep.equal([
      -40, -60,
    ]);
  });

  it('short per-instance arrays repeat their last value; longer ones are cut', () => {
    const r = points({
      positions: [0, 0, 1, 1, 2, 2],
      radii: [1, 2],
      colors: [
        [255, 0, 0],
        [0, 0, 255],
        [0, 255, 0],
        [9, 9, 9],
      ],
    });
    expect(arr(r.radii)).to.deep.equal([1, 2, 2]);
    expect([0, 1, 2].map((i) => rgba(r.colors, i))).to.deep.equal([
      [255, 0, 0, 255],
      [0, 0, 255, 255],
      [0, 255, 0, 255],
    ]);
  });

  it('the keypoint scene: keypoint colours, labels, white connections, robust bounds', () => {
    const r = points(KEYPOINT_SCENE, { annotations: POSE });
    expect([0, 1, 2, 3].map((i) => rgba(r.colors, i))).to.deep.equal([
      [255, 0, 0, 255],
      [0, 255, 0, 255],
      [0, 128, 255, 255],
      [255, 255, 0, 255],
    ]);
    expect(arr(r.radii)).to.deep.equal([-8, -8, -8, -8]);
    expect(
      r.labels.map((l) => [l.text, l.anchor, l.color, l.instance, l.keypointId]),
    ).to.deep.equal([
      ['left', [0, 0], [255, 0, 0, 255], 0, 0],
      ['right', [100, 0], [0, 255, 0, 255], 1, 1],
      ['center', [50, 50], [0, 128, 255, 255], 2, 2],
      ['bottom', [50, 100], [255, 255, 0, 255], 3, 3],
    ]);
    expect(r.connections.count).to.equal(3);
    expect(arr(r.connections.endpoints)).to.deep.equal([
      0, 0, 50, 50, 100, 0, 50, 50, 50, 50, 50, 100,
    ]);
    expect(arr(r.connections.colors)).to.deep.equal(new Array(12).fill(255));
    expect(arr(r.connections.classIds)).to.deep.equal([0, 0, 0]);
    expect(r.connections.radius).to.equal(-1.5);
    expect(arr(r.classIds)).to.deep.equal([0, 0, 0, 0]);
    expect(arr(r.keypointIds)).to.deep.equal([0, 1, 2, 3]);
    // mean ± 2σ: x 50 ± 2·35.3553, y 37.5 ± 2·41.4578.
    const g = r.region!;
    expect(g.x0).to.be.closeTo(-20.7107, 1e-4);
    expect(g.x1).to.be.closeTo(120.7107, 1e-4);
    expect(g.y0).to.be.closeTo(-45.4156, 1e-4);
    expect(g.y1).to.be.closeTo(120.4156, 1e-4);
    const { scale, bounds } = letterbox(g, 300, 300);
    expect(scale).to.be.closeTo(1.80907, 1e-5);
    expect(bounds.x0).to.be.closeTo(-32.9156, 1e-4);
    const px = [0, 1, 2, 3].map((i) => [
      (r.positions[2 * i]! - bounds.x0) * scale,
      (r.positions[2 * i + 1]! - bounds.y0) * scale,
    ]);
    const want = [
      [59.5, 82.2],
      [240.5, 82.2],
      [150, 172.6],
      [150, 263.1],
    ];
    px.forEach(([x, y], i) => {
      expect(x).to.be.closeTo(want[i]![0]!, 0.06);
      expect(y).to.be.closeTo(want[i]![1]!, 0.06);
    });
  });

  it('annotation_context_connections (2D): connections in the auto colour of class 0 when the class has none', () => {
    const context = parseAnnotationContext([
      {
        info: 0,
        keypointAnnotations: [
          [0, 'zero', [255, 0, 0]],
          [1, 'one', [0, 255, 0]],
          [2, 'two', [0, 0, 255]],
          [3, 'three', [255, 255, 0]],
        ],
        keypointConnections: [
          [0, 2],
          [1, 2],
          [2, 3],
        ],
      },
    ]);
    const r = points(
      { positions: [0, 0, 50, 0, 100, 100, 0, 50], classIds: [0], keypointIds: [0, 1, 2, 3] },
      { annotations: context },
    );
    expect(r.labels.map((l) => l.text)).to.deep.equal(['zero', 'one', 'two', 'three']);
    expect(rgba(r.connections.colors, 0)).to.deep.equal([188, 77, 77, 255]);
  });

  it('explicit colours beat class colours; labels still come from the class', () => {
    const r = points(
      {
        positions: KEYPOINT_SCENE.positions,
        classIds: [0],
        keypointIds: [0, 1, 2, 3],
        colors: [[9, 8, 7]],
      },
      { annotations: POSE },
    );
    expect(rgba(r.colors, 0)).to.deep.equal([9, 8, 7, 255]);
    expect(rgba(r.colors, 3)).to.deep.equal([9, 8, 7, 255]);
    expect(r.labels[0]!.text).to.equal('left');
    expect(r.labels[0]!.color).to.deep.equal([9, 8, 7, 255]);
    // Connections keep the class colour, never the explicit one.
    expect(rgba(r.connections.colors, 0)).to.deep.equal([255, 255, 255, 255]);
  });

  it('colour resolution order: keypoint, class, auto colour of keypoint id / class info id / class id', () => {
    const context = parseAnnotationContext([
      {
        info: { id: 1, label: 'one', color: [10, 20, 30] },
        keypointAnnotations: [
          [5, 'five'],
          [6, 'six', [1, 2, 3]],
        ],
      },
      { info: { id: 2, label: 'two' }, keypointAnnotations: [[7, 'seven']] },
    ]);
    const r = points(
      {
        positions: new Array(12).fill(0),
        classIds: [1, 1, 1, 2, 2, 9],
        keypointIds: [6, 5, 99, 7, 99, 0],
      },
      { annotations: context },
    );
    expect(rgba(r.colors, 0)).to.deep.equal([1, 2, 3, 255]); // keypoint colour
    expect(rgba(r.colors, 1)).to.deep.equal([10, 20, 30, 255]); // keypoint without colour → class
    expect(rgba(r.colors, 2)).to.deep.equal([10, 20, 30, 255]); // keypoint not listed → class
    expect(rgba(r.colors, 3)).to.deep.equal([86, 188, 77, 255]); // no class colour → auto(keypoint 7)
    expect(rgba(r.colors, 4)).to.deep.equal([154, 188, 77, 255]); // unlisted keypoint → auto(info.id 2)
    expect(rgba(r.colors, 5)).to.deep.equal([77, 158, 188, 255]); // unknown class → auto(9)
    expect(r.labels.map((l) => l.text)).to.deep.equal(['six', 'five', 'one', 'seven', 'two']);
  });

  it('keypoint ids without class ids are ignored (the entity auto colour, no skeleton)', () => {
    const r = points(
      { positions: KEYPOINT_SCENE.positions, keypointIds: [0, 1, 2, 3] },
      { annotations: POSE },
    );
    expect(rgba(r.colors, 0)).to.deep.equal([123, 77, 188, 255]);
    expect(r.keypointIds).to.equal(undefined);
    expect(r.connections.count).to.equal(0);
  });

  it('a repeated keypoint id overwrites the earlier position (one skeleton per class)', () => {
    const r = points(
      { positions: [0, 0, 10, 10, 99, 99], classIds: [0], keypointIds: [0, 2, 0] },
      { annotations: POSE },
    );
    expect(arr(r.connections.endpoints)).to.deep.equal([99, 99, 10, 10]);
  });

  it('labels show below 30 instances and not at 30; one label goes to the bounding-box centre', () => {
    const pos = (n: number) => Array.from({ length: n }, (_, i) => [i, 2 * i]);
    const texts = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);
    expect(points({ positions: pos(29), labels: texts(29) }).labels).to.have.length(29);
    expect(points({ positions: pos(30), labels: texts(30) }).labels).to.have.length(0);
    expect(
      points({ positions: pos(30), labels: texts(30), showLabels: true }).labels,
    ).to.have.length(30);
    expect(
      points({ positions: pos(3), labels: texts(3), showLabels: false }).labels,
    ).to.have.length(0);
    const one = points({ positions: pos(40), labels: 'all of them' });
    expect(one.labels).to.have.length(1);
    expect(one.labels[0]).to.deep.include({
      text: 'all of them',
      anchor: [19.5, 39],
      instance: 0,
      entityLabel: true,
    });
  });

  it('labels beyond the logged ones use the annotation label; an empty text shows nothing', () => {
    const r = points(
      {
        positions: KEYPOINT_SCENE.positions,
        classIds: [0],
        keypointIds: [0, 1, 2, 3],
        labels: ['L', ''],
      },
      { annotations: POSE },
    );
    expect(r.labels.map((l) => l.text)).to.deep.equal(['L', 'center', 'bottom']);
  });

  it('label text is kept as text, markup and all', () => {
    const r = points({ positions: [0, 0], labels: ['<img src=x onerror=alert(1)>'] });
    expect(r.labels[0]!.text).to.equal('<img src=x onerror=alert(1)>');
  });

  it('NaN or infinite positions and radii leave their instances out, named; the rest is kept', () => {
    const r = points({
      positions: [0, 0, NaN, 1, 2, 2, 3, Infinity],
      radii: [1, 1, NaN, 1],
      labels: ['a', 'b', 'c', 'd'],
    });
    expect(arr(r.instances)).to.deep.equal([0]);
    expect(r.issues.map((i) => i.message)).to.deep.equal([
      'positions: expected finite x and y, got [NaN,1]; instances 1 and 3 left out',
      'radii: expected finite radii (> 0 scene units, ≤ 0 UI points), got NaN; instance 2 left out',
    ]);
    expect(r.labels.map((l) => l.text)).to.deep.equal(['a']);
  });

  it('instances with unreadable class ids are left out without a second message', () => {
    const r = points({ positions: [0, 0, 1, 1, 2, 2], classIds: [1, -3, 2] });
    expect(arr(r.instances)).to.deep.equal([0, 2]);
    expect(arr(r.classIds)).to.deep.equal([1, 2]);
    expect(r.issues).to.have.length(1);
    expect(r.issues[0]!.instances).to.deep.equal([1]);
  });
});

describe('resolveBoxes2D', () => {
  const RECTS = parseAnnotationContext([
    [1, 'red', [255, 0, 0]],
    [2, 'green', [0, 255, 0]],
  ]);

  it('annotation_context_rects: class colours, labels at the bottom-edge centres, wrap widths', () => {
    const r = boxes(
      {
        mins: [
          [-2, -2],
          [0, 0],
        ],
        sizes: [
          [3, 3],
          [2, 2],
        ],
        classIds: [1, 2],
      },
      { entity: 'detections', annotations: RECTS },
    );
    expect(arr(r.centers)).to.deep.equal([-0.5, -0.5, 1, 1]);
    expect(arr(r.halfSizes)).to.deep.equal([1.5, 1.5, 1, 1]);
    expect([rgba(r.colors, 0), rgba(r.colors, 1)]).to.deep.equal([
      [255, 0, 0, 255],
      [0, 255, 0, 255],
    ]);
    expect(r.labels.map((l) => [l.text, l.anchor, l.color])).to.deep.equal([
      ['red', [-0.5, 1], [255, 0, 0, 255]],
      ['green', [1, 2], [0, 255, 0, 255]],
    ]);
    // At bounds [−3, 3]² in 300 px (s = 50): anchors (125, 200) and (200, 250); wraps max(w − 4, 60).
    const { scale, bounds } = letterbox({ x0: -3, y0: -3, x1: 3, y1: 3 }, 300, 300);
    expect(
      r.labels.map((l) => [(l.anchor[0] - bounds.x0) * scale, (l.anchor[1] - bounds.y0) * scale]),
    ).to.deep.equal([
      [125, 200],
      [200, 250],
    ]);
    expect(r.labels.map((l) => labelWrapWidth(l, scale))).to.deep.equal([146, 96]);
    expect(labelWrapWidth(r.labels[1]!, 10)).to.equal(60);
    // The default bounds are the union of the boxes, [−2, 2]².
    expect(r.region).to.deep.equal({ x0: -2, y0: -2, x1: 2, y1: 2 });
    expect(r.drawOrder).to.equal(10);
    expect(arr(r.radii)).to.deep.equal([-1.5, -1.5]);
  });

  it('boxes2d_simple: the entity auto colour of "simple"', () => {
    const r = boxes({ mins: [-1, -1], sizes: [2, 2] }, { entity: 'simple' });
    expect(rgba(r.colors, 0)).to.deep.equal([77, 133, 188, 255]);
    expect(r.region).to.deep.equal({ x0: -1, y0: -1, x1: 1, y1: 1 });
  });

  it('a negative half height puts the label on the visual top edge; the region is the same box', () => {
    const r = boxes({ centers: [0, 0], halfSizes: [1, -1], labels: ['x'] });
    expect(r.labels[0]!.anchor).to.deep.equal([0, -1]);
    expect(r.region).to.deep.equal({ x0: -1, y0: -1, x1: 1, y1: 1 });
  });

  it('NaN sizes or centres leave those boxes out', () => {
    const r = boxes({
      centers: [
        [0, 0],
        [NaN, 0],
        [1, 1],
      ],
      halfSizes: [
        [1, 1],
        [1, 1],
        [Infinity, 1],
      ],
    });
    expect(arr(r.instances)).to.deep.equal([0]);
    expect(r.issues.map((i) => i.field)).to.deep.equal(['halfSizes', 'centers']);
  });

  it('line radii travel as f16, like Rerun', () => {
    expect(arr(boxes({ halfSizes: [1, 1], radii: 0.025 }).radii)).to.deep.equal([
      toHalfFloat(0.025),
    ]);
  });
});

describe('resolveLineStrips2D', () => {
  it('line_strips2d_batch: vertex-mean anchors, f16 radii, explicit colours', () => {
    const r = strips({
      strips: [
        [
          [0, 0],
          [2, 1],
          [4, -1],
          [6, 0],
        ],
        [
          [0, 3],
          [1, 4],
          [2, 2],
          [3, 4],
          [4, 2],
          [5, 4],
          [6, 3],
        ],
      ],
      colors: [
        [255, 0, 0],
        [0, 255, 0],
      ],
      radii: [0.025, 0.005],
      labels: ['one strip here', 'and one strip there'],
    });
    expect(arr(r.offsets)).to.deep.equal([0, 4, 11]);
    expect(r.radii[0]).to.be.closeTo(0.024994, 1e-6);
    expect(r.radii[1]).to.be.closeTo(0.0050011, 1e-7);
    const { scale, bounds } = letterbox({ x0: -1, y0: -3, x1: 7, y1: 6 }, 300, 300);
    expect(bounds.x0).to.be.closeTo(-1.5, 1e-9);
    const px = r.labels.map((l) => [
      (l.anchor[0] - bounds.x0) * scale,
      (l.anchor[1] - bounds.y0) * scale,
    ]);
    expect(px[0]![0]).to.be.closeTo(150, 1e-9);
    expect(px[0]![1]).to.be.closeTo(100, 1e-9);
    expect(px[1]![0]).to.be.closeTo(150, 1e-9);
    expect(px[1]![1]).to.be.closeTo(204.76, 0.01);
    expect(r.labels.map((l) => l.color)).to.deep.equal([
      [255, 0, 0, 255],
      [0, 255, 0, 255],
    ]);
    expect(r.region).to.deep.equal({ x0: 0, y0: -1, x1: 6, y1: 4 });
  });

  it('line_strips2d_segments_simple: one entity auto colour for both strips', () => {
    const r = strips(
      {
        strips: [
          [
            [0, 0],
            [2, 1],
          ],
          [
            [4, -1],
            [6, 0],
          ],
        ],
      },
      { entity: 'segments' },
    );
    expect(rgba(r.colors, 0)).to.deep.equal(entityAutoColor('segments'));
    expect(rgba(r.colors, 1)).to.deep.equal(entityAutoColor('segments'));
    expect(r.drawOrder).to.equal(20);
  });

  it('a strip with one vertex is no error (it draws nothing)', () => {
    const r = strips({ strips: '5 5; 0 0 1 1' });
    expect(r.issues).to.deep.equal([]);
    expect(r.count).to.equal(2);
    expect(arr(r.offsets)).to.deep.equal([0, 1, 3]);
  });

  it('a strip with a NaN vertex is left out, the others kept', () => {
    const r = strips({
      strips: [
        [0, 0, 1, 1],
        [0, NaN, 2, 2],
        [3, 3, 4, 4],
      ],
    });
    expect(arr(r.instances)).to.deep.equal([0, 2]);
    expect(r.issues[0]!.message).to.equal(
      'strips: expected finite vertices, got NaN; instance 1 left out',
    );
  });
});

import { expect, html } from '@open-wc/testing';
import '../../index.js';
import type { RrPoints2d } from './rr-points2d.js';
import { expectPixel, pixelAt } from '../../../test/helpers/pixels.js';
import { discShade, sceneView } from '../../../test/helpers/geometry.js';
import { nextEvent } from '../../../test/helpers/fixtures.js';
import { assertNoWebGLError, requireWebGL2 } from '../../../test/helpers/webgl.js';

// Scenes of SPEC §12.11 moved into positive coordinates by SHIFT (the snapshot covers
// [0, w] × [0, h]); pixel = (scene + SHIFT) · scale.

describe('<rr-points2d>', () => {
  before(function () {
    requireWebGL2(this);
  });
  afterEach(() => assertNoWebGLError());

  it('points2d_ui_radius: UI radii keep their pixel size across snapshot scales, scene radii scale', async () => {
    const SHIFT = 1; // bounds [−1, 2]² → [0, 3]²
    const view = await sceneView(
      3,
      3,
      html`<rr-points2d
          entity="scene_units"
          positions="1 1, 1 2"
          .radii=${[0.1, 0.3]}
          color="#0000ff"
        ></rr-points2d>
        <rr-points2d
          entity="ui_points"
          positions="2 1, 2 2"
          .radii=${[-40, -60]}
          color="#ff0000"
        ></rr-points2d>`,
    );
    for (const scale of [100, 200]) {
      const shot = await view.snapshot({ scale });
      const px = (v: number) => (v + (SHIFT - 1)) * scale; // positions are already shifted
      // Every disc at centre: the channel at 255 (shading 1.095, clipped), the others 0.
      const discs = [
        { x: 1, y: 1, r: 0.1 * scale, rgb: [0, 0, 255] },
        { x: 1, y: 2, r: 0.3 * scale, rgb: [0, 0, 255] },
        { x: 2, y: 1, r: 40, rgb: [255, 0, 0] },
        { x: 2, y: 2, r: 60, rgb: [255, 0, 0] },
      ];
      for (const { x, y, r, rgb } of discs) {
        const cx = px(x);
        const cy = px(y);
        expectPixel(shot, cx, cy, [...rgb, 255] as never);
        // Darker towards the rim: at 0.9 r along +x (pixel centre cx + k + 0.5, cy + 0.5).
        const k = Math.round(0.9 * r - 0.5);
        const t = Math.hypot(k + 0.5, 0.5) / r;
        expectPixel(shot, cx + k, cy, rgb.map((c) => discShade(c, t)).concat(255) as never, 1);
        // Size: solid 2 px inside the rim, transparent 2 px outside it.
        expect(pixelAt(shot, cx + Math.floor(r - 2), cy)[3], `r=${r} at scale ${scale}`).to.equal(
          255,
        );
        expect(pixelAt(shot, cx + Math.ceil(r + 2), cy)[3], `r=${r} at scale ${scale}`).to.equal(0);
      }
      // Transparent outside the discs.
      expectPixel(shot, Math.round(0.2 * scale), Math.round(0.2 * scale), [0, 0, 0, 0]);
    }
  });

  it('draws the colour exactly at 0.2 r and transparent outside', async () => {
    // Radius 0.25 at scale 100 = 25 px, centre on the pixel centre (150.5, 150.5): the pixel
    // (153, 154) is 5 px = 0.2 r away.
    const view = await sceneView(
      3,
      3,
      html`<rr-points2d positions="1.505 1.505" radius="0.25" color="#c86432"></rr-points2d>`,
    );
    const shot = await view.snapshot({ scale: 100 });
    expectPixel(shot, 153, 154, [200, 100, 50, 255]);
    expectPixel(shot, 150, 150, [discShade(200, 0), discShade(100, 0), discShade(50, 0), 255], 1);
    expectPixel(shot, 150, 177, [0, 0, 0, 0]);
    expectPixel(shot, 100, 100, [0, 0, 0, 0]);
  });

  it('points2d_random: per-instance colours darken by their alpha (in gamma), later points on top', async () => {
    const SHIFT = 4; // bounds [−4, 4]² → [0, 8]², s = 37.5
    const s = 37.5;
    // SPEC §12.11: position, radius, logged RGBA, drawn RGB at 0.2 r.
    const table: [number, number, number, number[], number[]][] = [
      [-1.635984, -1.09945, 0.255232, [186, 157, 99, 41], [30, 25, 16]],
      [1.784193, 1.057528, 0.297565, [172, 54, 25, 227], [153, 48, 22]],
      [-0.653343, -1.003116, 0.279067, [73, 10, 28, 208], [60, 8, 23]],
      [0.589853, -1.879595, 0.260579, [187, 25, 149, 14], [10, 1, 8]],
      [1.036536, 2.650817, 0.482762, [188, 44, 187, 138], [102, 24, 101]],
      [-1.510526, 2.693287, 0.211979, [193, 236, 12, 123], [93, 114, 6]],
      [1.003425, -2.424612, 0.495631, [76, 81, 192, 73], [22, 23, 55]],
      [-0.348962, 2.31888, 0.246261, [71, 171, 186, 75], [21, 50, 55]],
      [1.184721, -1.041163, 0.838483, [173, 202, 81, 253], [172, 200, 80]],
      [1.403569, -1.67919, 0.180131, [39, 91, 124, 0], [0, 0, 0]],
    ];
    const el = (
      await sceneView(8, 8, html`<rr-points2d entity="random"></rr-points2d>`)
    ).querySelector<RrPoints2d>('rr-points2d')!;
    el.positions = table.flatMap(([x, y]) => [x + SHIFT, y + SHIFT]);
    el.radii = table.map(([, , r]) => r);
    el.colors = table.map(([, , , c]) => c);
    const shot = await el.snapshot({ scale: s });
    let checked = 0;
    table.forEach(([x, y, r, , drawn], i) => {
      const cx = (x + SHIFT) * s;
      const cy = (y + SHIFT) * s;
      const rp = r * s;
      // The pixel whose centre is nearest to 0.2 r below the centre.
      const px = Math.round(cx - 0.5);
      const py = Math.round(cy + 0.2 * rp - 0.5);
      // Skip it where a later point covers it (8 over 3, 9 over 8, 6 over 3).
      const covered = table
        .slice(i + 1)
        .some(
          ([x2, y2, r2]) =>
            Math.hypot((x2 + SHIFT) * s - px - 0.5, (y2 + SHIFT) * s - py - 0.5) < r2 * s + 1,
        );
      if (covered) return;
      checked++;
      const t = Math.hypot(px + 0.5 - cx, py + 0.5 - cy) / rp;
      expectPixel(shot, px, py, drawn.map((c) => discShade(c, t)).concat(255) as never, 1);
      // The table's "drawn at 0.2 r" within 2 (the pixel centre is not exactly at 0.2 r).
      expectPixel(shot, px, py, [...drawn, 255] as never, 2);
    });
    expect(checked).to.be.at.least(8);
    // Point 9 (alpha 0) over point 8: black, opaque.
    expectPixel(
      shot,
      Math.floor((1.403569 + SHIFT) * s),
      Math.floor((-1.67919 + SHIFT) * s),
      [0, 0, 0, 255],
    );
  });

  it('draws keypoint connections in the class colour with the gradient, under the points', async () => {
    // Rerun's keypoint test scene, shifted by 50.5 so segment centre lines run through pixel
    // centres at scale 1 and the points' region (mean ± 2σ, SPEC §12.8) lies inside the
    // snapshot's [0, 222]².
    const SHIFT = 50.5;
    const context = JSON.stringify([
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
    const pts = [0, 0, 100, 0, 50, 50, 50, 100].map((v) => v + SHIFT);
    const view = await sceneView(
      222,
      222,
      html`<rr-points2d
        entity="points"
        .positions=${pts}
        class-ids="0"
        keypoint-ids="0 1 2 3"
        radius="-8"
        show-labels="false"
      ></rr-points2d>`,
      (v) =>
        html`<rr-context
          ><rr-annotation-context entity="/">${context}</rr-annotation-context>${v}</rr-context
        >`,
    );
    // (Labels off: the keypoint labels would cover the pixels under the centre disc.)
    const shot = await view.snapshot();
    const at = (x: number, y: number) => [Math.floor(x + SHIFT), Math.floor(y + SHIFT)] as const;
    // Disc centres in the keypoint colours (shading 1.095 at the centre).
    expectPixel(shot, ...at(0, 0), [255, 0, 0, 255]);
    expectPixel(shot, ...at(100, 0), [0, 255, 0, 255]);
    expectPixel(shot, ...at(50, 50), [0, discShade(128, 0), 255, 255], 1);
    expectPixel(shot, ...at(50, 100), [255, 255, 0, 255]);
    // Connections: white (the class colour) × 0.9 on the centre line → 243.
    expectPixel(shot, ...at(50, 75), [243, 243, 243, 255]);
    expectPixel(shot, ...at(25, 25), [243, 243, 243, 255]);
    expectPixel(shot, ...at(75, 25), [243, 243, 243, 255]);
    // 1 px off the centre line (d = 1 of r = 1.5): max(0.2, 1 − 1/2.25) · 0.9 = 0.5.
    const off = at(50, 75);
    expectPixel(shot, off[0] + 1, off[1], [188, 188, 188, 255]);
    // Under the points: 6 px below the centre keypoint the connection runs inside its disc.
    expectPixel(shot, ...at(50, 56), [0, discShade(128, 6 / 8), discShade(255, 6 / 8), 255], 1);
    // Nothing between the segments.
    expectPixel(shot, ...at(20, 60), [0, 0, 0, 0]);
  });

  it('draws connections of a class without colour in its auto colour (#bc4d4d → 179, 73, 73)', async () => {
    // Shifted so the points' region (mean ± 2σ; the flat y axis gets the x size) lies inside.
    const SHIFT = 50.5;
    const context = JSON.stringify([
      {
        info: { id: 0 },
        keypointAnnotations: [
          [0, 'zero', [255, 0, 0]],
          [1, 'one', [0, 255, 0]],
        ],
        keypointConnections: [[0, 1]],
      },
    ]);
    const view = await sceneView(
      126,
      101,
      html`<rr-points2d
        entity="points"
        .positions=${[SHIFT, SHIFT, 50 + SHIFT, SHIFT]}
        class-ids="0"
        keypoint-ids="0 1"
        radius="-3"
      ></rr-points2d>`,
      (v) =>
        html`<rr-context
          ><rr-annotation-context entity="/">${context}</rr-annotation-context>${v}</rr-context
        >`,
    );
    const shot = await view.snapshot();
    expectPixel(shot, 75, 50, [179, 73, 73, 255], 1);
    expectPixel(shot, 50, 50, [255, 0, 0, 255]);
  });

  it('explicit colours beat class colours; the legend toggle hides a class', async () => {
    const context = JSON.stringify([
      [1, 'red', [255, 0, 0]],
      [2, 'green', [0, 255, 0]],
    ]);
    const view = await sceneView(
      4,
      2,
      html`<rr-points2d
          entity="classes"
          positions="0.505 1.005, 1.505 1.005"
          class-ids="1 2"
          radius="0.3"
        ></rr-points2d>
        <rr-points2d
          entity="explicit"
          positions="2.505 1.005, 3.505 1.005"
          class-ids="1 2"
          color="#0000ff"
          radius="0.3"
        ></rr-points2d>`,
      (v) =>
        html`<rr-context
          ><rr-annotation-context entity="/">${context}</rr-annotation-context
          ><rr-annotation-legend entity="/"></rr-annotation-legend>${v}</rr-context
        >`,
    );
    const sample = (shot: ImageData, x: number) => pixelAt(shot, Math.floor(x * 100), 100);
    let shot = await view.snapshot({ scale: 100 });
    expect(sample(shot, 0.505).slice(0, 3)).to.deep.equal([255, 0, 0]);
    expect(sample(shot, 1.505).slice(0, 3)).to.deep.equal([0, 255, 0]);
    expect(sample(shot, 2.505).slice(0, 3)).to.deep.equal([0, 0, 255]);
    expect(sample(shot, 3.505).slice(0, 3)).to.deep.equal([0, 0, 255]);
    // Click the legend's row of class 1: its points disappear, the others stay.
    const legend = view.closest('rr-context')!.querySelector('rr-annotation-legend')!;
    await legend.updateComplete;
    const row = legend.shadowRoot!.querySelector<HTMLElement>('tr[part="row"][data-class-id="1"]')!;
    row.click();
    shot = await view.snapshot({ scale: 100 });
    expect(sample(shot, 0.505)).to.deep.equal([0, 0, 0, 0]);
    expect(sample(shot, 2.505)).to.deep.equal([0, 0, 0, 0]);
    expect(sample(shot, 1.505).slice(0, 3)).to.deep.equal([0, 255, 0]);
    expect(sample(shot, 3.505).slice(0, 3)).to.deep.equal([0, 0, 255]);
  });

  it('picks the instance within 5 UI points, with class, keypoint and label', async () => {
    const context = JSON.stringify([
      { info: { id: 3, label: 'person' }, keypointAnnotations: [[7, 'nose']] },
    ]);
    const view = await sceneView(
      10,
      10,
      html`<rr-points2d
        entity="pose"
        positions="2 2, 6 6"
        class-ids="3"
        keypoint-ids="7 8"
        radius="0.5"
      ></rr-points2d>`,
      (v) =>
        html`<rr-context
          ><rr-annotation-context entity="/">${context}</rr-annotation-context>${v}</rr-context
        >`,
    );
    await view.renderComplete();
    const [hit] = view.pick(6.2, 6.1);
    expect(hit).to.include({ entity: '/pose', instance: 1, classId: 3, keypointId: 8 });
    expect(hit!.position).to.deep.equal([6, 6]);
    const [nose] = view.pick(2, 2);
    expect(nose).to.include({ instance: 0, keypointId: 7 });
    // Far from both (in scene units the view is 30 CSS px per unit: 5 UI points = 1/6 unit).
    expect(view.pick(4, 4).filter((p) => p.entity === '/pose')).to.have.length(0);
  });

  it('shows Points2D logged into the recording at its entity', async () => {
    const view = await sceneView(
      4,
      4,
      html`<rr-points2d entity="logged"></rr-points2d>`,
      (v) => html`<rr-context>${v}</rr-context>`,
    );
    const ctx = view.closest('rr-context')!;
    ctx.log('logged', {
      archetype: 'Points2D',
      positions: [
        [1.005, 1.005],
        [3.005, 3.005],
      ],
      radii: [0.25],
      colors: [[200, 100, 50]],
    });
    const shot = await view.snapshot({ scale: 100 });
    // Radius 25 px about (100.5, 100.5): (103, 104) is 0.2 r away; the radius repeats for point 2.
    expectPixel(shot, 103, 104, [200, 100, 50, 255]);
    expectPixel(shot, 303, 304, [200, 100, 50, 255]);
    expectPixel(shot, 200, 200, [0, 0, 0, 0]);
  });

  it('reports bad input with rr-error and draws the rest', async () => {
    const el = (await sceneView(4, 4, html`<rr-points2d></rr-points2d>`)).querySelector<RrPoints2d>(
      'rr-points2d',
    )!;
    const error = nextEvent<{ message: string }>(el, 'rr-error');
    el.positions = '1 1, 2';
    const { detail } = await error;
    expect(detail.message).to.match(/positions/);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')?.textContent).to.match(/positions/);
    // The complete pair still draws (default radius 1.5 UI points, the entity's auto colour).
    const shot = await el.snapshot({ scale: 100 });
    expect(pixelAt(shot, 100, 100)[3]).to.equal(255);
    expect(pixelAt(shot, 100, 100).slice(0, 3)).to.not.deep.equal([0, 0, 0]);
    expectPixel(shot, 150, 150, [0, 0, 0, 0]);
  });
});

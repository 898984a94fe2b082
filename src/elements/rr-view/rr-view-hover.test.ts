import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrContext } from '../rr-context/rr-context.js';
import type { RrView } from './rr-view.js';
import type { RrAnnotationLegend } from '../rr-annotation-legend/rr-annotation-legend.js';
import { getRenderer } from '../../render/renderer.js';
import type { RrPoints2d } from '../rr-points2d/rr-points2d.js';
import {
  canvasPixels,
  expectPixel,
  expectSameImage,
  pixelAt,
} from '../../../test/helpers/pixels.js';
import { nextEvent } from '../../../test/helpers/fixtures.js';
import { hoverCanvas } from '../../../test/helpers/hover.js';
import { requireWebGL2 } from '../../../test/helpers/webgl.js';

const CONTEXT = [
  [1, 'point', [255, 0, 0]],
  [2, 'box', [0, 255, 0]],
  [3, 'strip', [0, 0, 255]],
];

/**
 * A 200 × 200 CSS px view of scene (0, 0)–(100, 100): a point of class 1 at (20, 20), a box of
 * class 2 from (60, 10) to (90, 40), a strip of class 3 from (10, 80) to (40, 80), labelled.
 */
async function scene(): Promise<{ ctx: RrContext; view: RrView; legend: RrAnnotationLegend }> {
  const ctx = await fixture<RrContext>(html`
    <rr-context>
      <rr-annotation-legend entity="scene"></rr-annotation-legend>
      <rr-view visual-bounds="0 0 100 100" style="width: 200px; height: 200px">
        <rr-points2d
          entity="scene/points"
          positions="20 20"
          class-ids="1"
          radius="-4"
        ></rr-points2d>
        <rr-boxes2d
          entity="scene/boxes"
          centers="75 25"
          half-sizes="15 15"
          class-ids="2"
        ></rr-boxes2d>
        <rr-line-strips2d
          entity="scene/strips"
          strips="10 80 40 80"
          class-ids="3"
        ></rr-line-strips2d>
      </rr-view>
    </rr-context>
  `);
  ctx.recording.log('scene', { archetype: 'AnnotationContext', context: CONTEXT });
  const view = ctx.querySelector('rr-view') as RrView;
  const legend = ctx.querySelector('rr-annotation-legend') as RrAnnotationLegend;
  await view.renderComplete();
  await legend.updateComplete;
  return { ctx, view, legend };
}

function hoveredRows(legend: Element): string[] {
  return [...legend.shadowRoot!.querySelectorAll<HTMLElement>('tr[part="row"][data-hovered]')].map(
    (r) => r.dataset.classId!,
  );
}

describe('geometry hover and the legend (SPEC §12.9)', () => {
  before(function () {
    requireWebGL2(this);
  });

  it('marks the legend row of the point, box or strip under the pointer', async () => {
    const { view, legend } = await scene();
    const at = async (fx: number, fy: number) => {
      hoverCanvas(view, fx, fy);
      await legend.updateComplete;
      return hoveredRows(legend);
    };
    expect(await at(0.2, 0.2), 'the point').to.deep.equal(['1']);
    // The box's left edge at x = 60 (boxes are hit on their outline only).
    expect(await at(0.6, 0.25), 'the box outline').to.deep.equal(['2']);
    expect(await at(0.75, 0.25), 'inside the box').to.deep.equal([]);
    expect(await at(0.25, 0.8), 'the strip').to.deep.equal(['3']);
    view.shadowRoot!.querySelector('canvas')!.dispatchEvent(new PointerEvent('pointerleave'));
    await legend.updateComplete;
    expect(hoveredRows(legend)).to.deep.equal([]);
  });

  it('draws points, boxes, strips and labels the same after the WebGL context is lost and restored', async () => {
    const { view } = await scene();
    const before = await view.snapshot({ scale: 2 });
    // Not a blank picture: the point's centre and the strip's centre line are coloured.
    expect(pixelAt(before, 40, 40)[0]).to.be.greaterThan(100);
    expect(pixelAt(before, 50, 160)[2]).to.be.greaterThan(100);
    // A label background under the point (annotation labels show below 30 instances).
    expect(pixelAt(before, 40, 40 + 14)[3]).to.be.greaterThan(0);
    const gl = getRenderer().gl;
    const lose = gl.getExtension('WEBGL_lose_context')!;
    const lost = nextEvent(getRenderer().canvas, 'webglcontextlost');
    lose.loseContext();
    await lost;
    await new Promise((r) => setTimeout(r, 0));
    expect(gl.isContextLost()).to.equal(true);
    const restored = nextEvent(getRenderer().canvas, 'webglcontextrestored');
    lose.restoreContext();
    await restored;
    const after = await view.snapshot({ scale: 2 });
    expectSameImage(after, before);
  });

  it('outlines the hovered point, box or strip in white in a compositor pass, and nothing without hover', async () => {
    const { view } = await scene();
    const leave = async () => {
      view.shadowRoot!.querySelector('canvas')!.dispatchEvent(new PointerEvent('pointerleave'));
      await view.renderComplete();
    };
    const plain = await view.snapshot({ scale: 2 });
    const WHITE = [255, 255, 255, 255] as const;
    const unchanged = (shot: ImageData, x: number, y: number) =>
      expectPixel(shot, x, y, pixelAt(plain, x, y));

    // The box's left edge, x = 60 (snapshot x = 120, a pixel boundary), radius 1.5 UI points:
    // its mask grows by 1 UI point to 2.5 px. The mask's samples change half-way through
    // columns 117 and 122 (±2.475 px), so the contour runs through their centres, and with the
    // outline radius of 1 px (max(0.5, ppp)) exactly those columns turn white, nothing else.
    expectPixel(plain, 117, 50, [0, 0, 0, 0]);
    hoverCanvas(view, 0.6, 0.25);
    await view.renderComplete();
    let shot = await view.snapshot({ scale: 2 });
    for (const x of [117, 122]) expectPixel(shot, x, 50, WHITE);
    // Either side of the band and between the two columns (the box's own outline): unchanged,
    // as are the box's inside and the point.
    for (const x of [115, 116, 118, 119, 120, 121, 123, 124]) unchanged(shot, x, 50);
    expectPixel(shot, 150, 50, [0, 0, 0, 0]);
    unchanged(shot, 44, 40);
    // On screen the view's own canvas holds the same pixels (the pass is part of the frame).
    const screen = canvasPixels(view);
    expect(screen.width, 'one device pixel per CSS pixel').to.equal(200);
    for (const x of [116, 117, 119, 120, 122, 123])
      expect(pixelAt(screen, x, 50), `on screen x = ${x}`).to.deep.equal(pixelAt(shot, x, 50));

    // The point (radius 4 UI points = 4 px, centre (40, 40) on a pixel corner): its mask grows by
    // 2.5 UI points to 6.5 px, which along row 40 ends between columns 45 and 46: the contour
    // point lies on their shared border, half a pixel from both, and both are half white (in
    // linear light: alpha 128 over nothing).
    hoverCanvas(view, 0.2, 0.2);
    await view.renderComplete();
    shot = await view.snapshot({ scale: 2 });
    for (const x of [45, 46]) expectPixel(shot, x, 40, [255, 255, 255, 128], 1);
    for (const x of [33, 34]) expectPixel(shot, x, 40, [255, 255, 255, 128], 1);
    for (const x of [40, 41, 43, 44, 47]) unchanged(shot, x, 40);
    // The box is no longer outlined.
    unchanged(shot, 117, 50);

    // The strip along y = 80 (snapshot 160), radius 1.5 UI points: rows 157 and 162 white.
    hoverCanvas(view, 0.25, 0.8);
    await view.renderComplete();
    shot = await view.snapshot({ scale: 2 });
    for (const y of [157, 162]) expectPixel(shot, 26, y, WHITE);
    for (const y of [156, 158, 160, 161, 163]) unchanged(shot, 26, y);
    // Its label (anchored at the strip's middle, x = 50) lies over the outline: its background,
    // (22, 22, 22, 128) premultiplied, blended in gamma over the white.
    expectPixel(shot, 40, 157, WHITE);
    expectPixel(shot, 40, 162, [149, 149, 149, 255], 1);

    await leave();
    expectSameImage(await view.snapshot({ scale: 2 }), plain);
  });

  it('outlines on screen over an opaque background (frames composited in one pass where the browser can)', async () => {
    const view = await fixture<RrView>(html`
      <rr-view visual-bounds="0 0 100 100" background="#000000" style="width: 200px; height: 200px">
        <rr-boxes2d entity="b" centers="75 25" half-sizes="15 15" color="#00ff00"></rr-boxes2d>
      </rr-view>
    `);
    await view.renderComplete();
    const stats = getRenderer().stats;
    hoverCanvas(view, 0.6, 0.25);
    await view.renderComplete();
    const after = getRenderer().stats;
    const screen = canvasPixels(view);
    expect(screen.width).to.equal(200);
    // The band's columns white over black, the box's green between them, black outside.
    for (const x of [117, 122])
      expect(pixelAt(screen, x, 50), `x = ${x}`).to.deep.equal([255, 255, 255, 255]);
    for (const x of [119, 120]) expect(pixelAt(screen, x, 50)).to.deep.equal([0, 255, 0, 255]);
    for (const x of [116, 123, 150]) expect(pixelAt(screen, x, 50)).to.deep.equal([0, 0, 0, 255]);
    expect(after.frames - stats.frames, 'the hover redrew the frame').to.be.at.least(1);
  });

  it('hits labels first: a label background picks the instance it labels, above what lies under it', async () => {
    const view = await fixture<RrView>(html`
      <rr-view visual-bounds="0 0 100 100" style="width: 200px; height: 200px">
        <rr-points2d entity="pts" positions="20 20, 20 26" radius="-2"></rr-points2d>
      </rr-view>
    `);
    const points = view.querySelector('rr-points2d') as RrPoints2d;
    points.labels = ['a', 'b'];
    await view.renderComplete();
    // Point 1 at (20, 26) lies under the background of point 0's label (from 20.5 down).
    let picks = view.pick(20, 26);
    expect(picks.map((p) => p.instance)).to.deep.equal([0, 1]);
    // Away from any point, on the label only.
    picks = view.pick(22, 23);
    expect(picks.map((p) => [p.entity, p.instance, p.label])).to.deep.equal([['/pts', 0, 'a']]);
    // The tooltip names the labelled instance first.
    hoverCanvas(view, 0.2, 0.26);
    await view.updateComplete;
    const tip = view.shadowRoot!.querySelector('[part="tooltip"]')!.textContent!;
    expect(tip.indexOf('/pts[0]')).to.be.lessThan(tip.indexOf('/pts[1]'));
    expect(tip.indexOf('/pts[0]')).to.be.at.least(0);
    // Without labels, the same spot hits only the point.
    points.showLabels = false;
    await view.renderComplete();
    expect(view.pick(20, 26).map((p) => p.instance)).to.deep.equal([1]);
    expect(view.pick(22, 23)).to.deep.equal([]);
  });

  it('hovering or focusing a keypoint row highlights only the points of that class and keypoint', async () => {
    const ctx = await fixture<RrContext>(html`
      <rr-context>
        <rr-annotation-legend entity="people"></rr-annotation-legend>
        <rr-view visual-bounds="0 0 100 100" style="width: 200px; height: 200px">
          <rr-points2d
            entity="people/pose"
            positions="20 50, 80 50"
            class-ids="1"
            keypoint-ids="0 1"
            radius="-6"
            show-labels="false"
          ></rr-points2d>
        </rr-view>
      </rr-context>
    `);
    ctx.recording.log('people', {
      archetype: 'AnnotationContext',
      context: [
        {
          info: { id: 1, label: 'person', color: [0, 0, 255] },
          keypointAnnotations: [
            { id: 0, label: 'left', color: [255, 0, 0] },
            { id: 1, label: 'right', color: [0, 255, 0] },
          ],
          keypointConnections: [[0, 1]],
        },
      ],
    });
    const view = ctx.querySelector('rr-view') as RrView;
    const legend = ctx.querySelector('rr-annotation-legend') as RrAnnotationLegend;
    await view.renderComplete();
    await legend.updateComplete;
    const plain = await view.snapshot();
    const left = pixelAt(plain, 20, 50);
    const right = pixelAt(plain, 80, 50);
    const link = pixelAt(plain, 50, 50);
    expect(left[0], 'keypoint 0 is red').to.be.greaterThan(200);
    expect(right[1], 'keypoint 1 is green').to.be.greaterThan(200);
    expect(link[2], 'the connection in the class colour').to.be.greaterThan(100);
    const row = legend.shadowRoot!.querySelector<HTMLElement>(
      'tr[data-keypoint-class="1"][data-keypoint-id="1"]',
    )!;
    const expectKeypointOneLit = async (how: string) => {
      const shot = await view.snapshot();
      expectPixel(shot, 80, 50, right);
      // Keypoint 0 and the connection are dimmed as other classes are (colour × 0.25; Rerun
      // draws translucent geometry opaque and darker, SPEC §12.6.4).
      const dim = pixelAt(shot, 20, 50);
      expect(dim[0], `${how}: keypoint 0 dimmed`).to.be.within(
        Math.floor(left[0] * 0.25) - 3,
        Math.ceil(left[0] * 0.25) + 3,
      );
      expect(dim[0]).to.be.greaterThan(0);
      expect(pixelAt(shot, 50, 50)[2], `${how}: connection dimmed`).to.be.lessThan(link[2] * 0.6);
      await legend.updateComplete;
      expect(row.hasAttribute('data-highlighted'), `${how}: row marked`).to.equal(true);
    };

    const hover = nextEvent<{ classId: number | null; keypointId?: number }>(
      legend,
      'rr-class-hover',
    );
    row
      .querySelector('td')!
      .dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    expect((await hover).detail).to.deep.equal({ classId: 1, keypointId: 1 });
    await expectKeypointOneLit('hover');
    row.parentElement!.dispatchEvent(new PointerEvent('pointerleave'));
    expectSameImage(await view.snapshot(), plain);

    // Hovering keypoint 1 in the view marks its class row and its keypoint row.
    hoverCanvas(view, 0.8, 0.5);
    await legend.updateComplete;
    expect(hoveredRows(legend)).to.deep.equal(['1']);
    const marked = [
      ...legend.shadowRoot!.querySelectorAll<HTMLElement>('tr[data-keypoint-id][data-hovered]'),
    ];
    expect(marked.map((r) => r.dataset.keypointId)).to.deep.equal(['1']);
    view.shadowRoot!.querySelector('canvas')!.dispatchEvent(new PointerEvent('pointerleave'));
    await legend.updateComplete;
    expect(legend.shadowRoot!.querySelectorAll('tr[data-hovered]')).to.have.length(0);

    // The keyboard: focusing the row does the same, leaving it ends it.
    row.focus();
    await expectKeypointOneLit('focus');
    row.blur();
    expectSameImage(await view.snapshot(), plain);
  });
});

describe('problems in recording data (issue 14 item 12)', () => {
  before(function () {
    requireWebGL2(this);
  });

  it('reports NaN positions logged with log() once, as rr-error and part="error", and draws the rest', async () => {
    const ctx = await fixture<RrContext>(html`
      <rr-context>
        <rr-view visual-bounds="0 0 100 100" style="width: 100px; height: 100px">
          <rr-points2d entity="pts" radius="-3" show-labels="false"></rr-points2d>
          <rr-boxes2d entity="boxes"></rr-boxes2d>
        </rr-view>
      </rr-context>
    `);
    const view = ctx.querySelector('rr-view') as RrView;
    const points = ctx.querySelector('rr-points2d') as RrPoints2d;
    const errors: { target: EventTarget | null; message: string }[] = [];
    view.addEventListener('rr-error', (e) =>
      errors.push({ target: e.target, message: (e as CustomEvent).detail.message }),
    );
    ctx.recording.log('pts', {
      archetype: 'Points2D',
      positions: [
        [20, 20],
        [NaN, 50],
        [80, 80],
      ],
      colors: [[255, 0, 0]],
    });
    ctx.recording.log('boxes', {
      archetype: 'Boxes2D',
      centers: [[50, 50]],
      halfSizes: [[10, 10]],
    });
    await view.renderComplete();
    const shot = await view.snapshot();
    expect(pixelAt(shot, 20, 20)[0], 'instance 0 drawn').to.be.greaterThan(200);
    expect(pixelAt(shot, 80, 80)[0], 'instance 2 drawn').to.be.greaterThan(200);
    expect(pixelAt(shot, 40, 50)[3], 'the box drawn').to.be.greaterThan(0);
    expect(errors).to.have.length(1);
    expect(errors[0]!.target).to.equal(points);
    expect(errors[0]!.message).to.contain('positions');
    expect(errors[0]!.message).to.contain('NaN');
    await points.updateComplete;
    const shown = points.shadowRoot!.querySelector('[part="error"]');
    expect(shown?.textContent).to.equal(errors[0]!.message);
    // Later frames and other rows do not report it again.
    hoverCanvas(view, 0.5, 0.5);
    ctx.recording.log('boxes', {
      archetype: 'Boxes2D',
      centers: [[40, 50]],
      halfSizes: [[10, 10]],
    });
    await view.renderComplete();
    await view.snapshot();
    expect(errors).to.have.length(1);
    // Good data ends the message.
    ctx.recording.log('pts', { archetype: 'Points2D', positions: [[20, 20]] });
    await view.renderComplete();
    await points.updateComplete;
    expect(points.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    expect(errors).to.have.length(1);
  });
});

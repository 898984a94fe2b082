import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrContext } from '../rr-context/rr-context.js';
import type { RrView } from './rr-view.js';
import type { RrAnnotationLegend } from '../rr-annotation-legend/rr-annotation-legend.js';
import { getRenderer } from '../../render/renderer.js';
import { expectSameImage, pixelAt } from '../../../test/helpers/pixels.js';
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
});

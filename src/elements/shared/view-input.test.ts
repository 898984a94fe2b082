// A view's tooltip and how the wheel and touch reach it, read from the real element: the
// tooltip's lines and box in the shadow root, the camera through the scene point rr-hover reports
// under a fixed pointer, whether the page may scroll through the wheel event's defaultPrevented.
import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrContext } from '../rr-context/rr-context.js';
import type { RrSegmentation } from '../rr-segmentation/rr-segmentation.js';
import type { RrImage } from '../rr-image/rr-image.js';
import { imageSimple, nextEvent } from '../../../test/helpers/fixtures.js';
import { hoverCanvas } from '../../../test/helpers/hover.js';
import { requireWebGL2 } from '../../../test/helpers/webgl.js';

type HoverDetail = { x: number; y: number; picks: unknown[] };

/** A 300×200 image_simple in a standalone <rr-image> of the given CSS size. */
async function standaloneImage(style: string): Promise<RrImage> {
  const el = await fixture<RrImage>(
    html`<rr-image
      entity="image"
      width="300"
      height="200"
      color-model="RGB"
      style=${style}
    ></rr-image>`,
  );
  el.buffer = imageSimple();
  await el.renderComplete();
  return el;
}

/** Hovers (fx, fy) of the canvas and resolves to the scene point rr-hover reports. */
async function sceneAt(el: HTMLElement, fx: number, fy: number): Promise<[number, number]> {
  const hover = nextEvent<HoverDetail>(el, 'rr-hover');
  hoverCanvas(el, fx, fy);
  const { detail } = await hover;
  return [detail.x, detail.y];
}

/** Dispatches a wheel event over the canvas centre; true when the view took it (no scroll). */
function wheel(el: HTMLElement, init: WheelEventInit = {}): boolean {
  const canvas = el.shadowRoot!.querySelector('canvas')!;
  const rect = canvas.getBoundingClientRect();
  const event = new WheelEvent('wheel', {
    deltaY: -200,
    clientX: rect.left + rect.width / 2,
    clientY: rect.top + rect.height / 2,
    bubbles: true,
    cancelable: true,
    composed: true,
    ...init,
  });
  canvas.dispatchEvent(event);
  return event.defaultPrevented;
}

function tooltip(el: HTMLElement): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>('[part="tooltip"]');
}

describe('view input: tooltip', () => {
  before(function () {
    requireWebGL2(this);
  });

  it('has exactly its lines: no blank line above or space below', async () => {
    const el = await standaloneImage('width: 300px; height: 200px');
    hoverCanvas(el, 0.5, 0.5);
    await el.updateComplete;
    const tip = tooltip(el)!;
    const lines = [...tip.children].map((line) => line.textContent);
    expect(lines).to.deep.equal(['Position: 150, 100', 'RGB: 255, 0, 0 #FF0000']);
    // The box is as tall as its lines plus padding: no empty first line, nothing below.
    const line = (tip.children[0] as HTMLElement).offsetHeight;
    const padding = parseFloat(getComputedStyle(tip).paddingTop) * 2;
    expect(tip.offsetHeight).to.be.closeTo(2 * line + padding, 1.5);
    expect(tip.firstChild?.nodeType === Node.TEXT_NODE ? tip.firstChild.textContent : '').to.match(
      /^\s*$/,
    );
  });

  it('flips inside the view at the right and bottom edges', async () => {
    const el = await standaloneImage('width: 300px; height: 200px');
    const frame = el.shadowRoot!.querySelector('canvas')!.getBoundingClientRect();
    for (const [fx, fy] of [
      [0.98, 0.5],
      [0.5, 0.98],
      [0.98, 0.98],
      [0.02, 0.02],
    ]) {
      hoverCanvas(el, fx, fy);
      await el.updateComplete;
      await el.updateComplete;
      const box = tooltip(el)!.getBoundingClientRect();
      const where = `pointer at (${fx}, ${fy})`;
      expect(box.left, where).to.be.at.least(frame.left - 0.5);
      expect(box.top, where).to.be.at.least(frame.top - 0.5);
      expect(box.right, where).to.be.at.most(frame.right + 0.5);
      expect(box.bottom, where).to.be.at.most(frame.bottom + 0.5);
    }
    // Near the right edge it is left of the pointer, near the top-left right of it.
    hoverCanvas(el, 0.98, 0.5);
    await el.updateComplete;
    expect(tooltip(el)!.getBoundingClientRect().right).to.be.below(frame.left + 0.98 * 300);
    hoverCanvas(el, 0.02, 0.02);
    await el.updateComplete;
    expect(tooltip(el)!.getBoundingClientRect().left).to.be.above(frame.left + 0.02 * 300);
  });

  it('names the label of a labelled class, and no "Label" for a class without one', async () => {
    const ctx = await fixture<RrContext>(
      html`<rr-context
        ><rr-segmentation entity="mask" style="width: 200px; height: 100px"></rr-segmentation
      ></rr-context>`,
    );
    ctx.log('/', { archetype: 'AnnotationContext', context: [[1, 'person', [255, 0, 0]]] });
    const el = ctx.querySelector<RrSegmentation>('rr-segmentation')!;
    el.data = { data: new Uint8Array([0, 1]), shape: [1, 2] };
    await el.renderComplete();
    hoverCanvas(el, 0.25, 0.5);
    await el.updateComplete;
    expect([...tooltip(el)!.children].map((l) => l.textContent)).to.deep.equal([
      'Position: 0, 0',
      'Val: 0',
    ]);
    hoverCanvas(el, 0.75, 0.5);
    await el.updateComplete;
    expect([...tooltip(el)!.children].map((l) => l.textContent)).to.deep.equal([
      'Position: 1, 0',
      'Label: person',
      'Val: 1',
    ]);
  });
});

describe('view input: the wheel and touch do not trap the page', () => {
  before(function () {
    requireWebGL2(this);
  });

  it('a plain wheel over an unfocused view scrolls the page, shows a hint once, and does not zoom', async () => {
    const el = await standaloneImage('width: 300px; height: 200px');
    const before = await sceneAt(el, 0.1, 0.1);
    expect(wheel(el), 'the page may scroll').to.equal(false);
    await el.updateComplete;
    const hint = el.shadowRoot!.querySelector('[part="hint"]');
    expect(hint?.textContent).to.match(/(Ctrl|⌘) \+ scroll to zoom/);
    expect(await sceneAt(el, 0.1, 0.1), 'the camera did not move').to.deep.equal(before);
  });

  it('Ctrl + wheel (and a trackpad pinch, which sends it) zooms about the pointer', async () => {
    const el = await standaloneImage('width: 300px; height: 200px');
    const before = await sceneAt(el, 0.1, 0.1);
    expect(wheel(el, { ctrlKey: true }), 'the view took the wheel').to.equal(true);
    const after = await sceneAt(el, 0.1, 0.1);
    // Zoomed in about the centre (150, 100): the corner point moved towards it.
    expect(after[0]).to.be.above(before[0]);
    expect(after[1]).to.be.above(before[1]);
  });

  it('once the view has focus (a click, or Tab) the plain wheel zooms', async () => {
    const el = await standaloneImage('width: 300px; height: 200px');
    const before = await sceneAt(el, 0.1, 0.1);
    el.focus();
    expect(wheel(el), 'the view took the wheel').to.equal(true);
    expect((await sceneAt(el, 0.1, 0.1))[0]).to.be.above(before[0]);
    el.blur();
    expect(wheel(el), 'after blur the page scrolls again').to.equal(false);
  });

  it('one finger scrolls the page over an unfocused view; focused, touch pans the view', async () => {
    const el = await standaloneImage('width: 300px; height: 200px');
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    expect(getComputedStyle(canvas).touchAction).to.equal('pan-x pan-y');
    el.focus();
    expect(getComputedStyle(canvas).touchAction).to.equal('none');
  });
});

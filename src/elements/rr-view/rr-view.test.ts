import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrImage } from '../rr-image/rr-image.js';
import type { RrView } from './rr-view.js';
import type { RrContext } from '../rr-context/rr-context.js';
import { getRenderer } from '../../render/renderer.js';
import {
  canvasPixels,
  expectImage,
  expectPixel,
  expectSameImage,
  pixelAt,
} from '../../../test/helpers/pixels.js';
import {
  imageSimple,
  imageSimpleColor,
  nextEvent,
  rgbImage,
} from '../../../test/helpers/fixtures.js';
import { assertNoWebGLError, requireWebGL2 } from '../../../test/helpers/webgl.js';
import { recordWarnings } from '../../../test/helpers/warnings.js';

const solid = (w: number, h: number, rgb: readonly number[]) => rgbImage(w, h, () => rgb);

function setImage(
  el: RrImage,
  bytes: Uint8Array,
  width: number,
  height: number,
  colorModel = 'RGB',
): void {
  el.format = { width, height, colorModel };
  el.buffer = bytes;
}

async function twoLayers(
  redOrder: number,
  blueOrder: number,
): Promise<{ view: RrView; red: RrImage; blue: RrImage }> {
  const view = await fixture<RrView>(
    html`<rr-view style="width: 200px">
      <rr-image class="red" opacity="0.5" draw-order=${redOrder}></rr-image>
      <rr-image class="blue" draw-order=${blueOrder}></rr-image>
    </rr-view>`,
  );
  const red = view.querySelector<RrImage>('.red')!;
  const blue = view.querySelector<RrImage>('.blue')!;
  setImage(red, solid(4, 4, [255, 0, 0]), 4, 4);
  setImage(blue, solid(4, 4, [0, 0, 255]), 4, 4);
  return { view, red, blue };
}

describe('<rr-view> compositing', () => {
  before(function () {
    requireWebGL2(this);
  });
  afterEach(() => assertNoWebGLError());

  it('blends red at opacity 0.5 over blue in linear light: (188, 0, 188)', async () => {
    const { view } = await twoLayers(1, 0);
    const shot = await view.snapshot();
    expectImage(shot, () => [188, 0, 188, 255], 1);
  });

  it('swapping draw orders swaps the result', async () => {
    const { view, red, blue } = await twoLayers(0, 1);
    // Blue (opaque) is now in front of the half-transparent red.
    expectImage(await view.snapshot(), () => [0, 0, 255, 255]);
    red.drawOrder = 2;
    await red.updateComplete;
    expectImage(await view.snapshot(), () => [188, 0, 188, 255], 1);
    // Equal draw orders: document order decides (blue is later, so in front).
    blue.drawOrder = 2;
    await blue.updateComplete;
    expectImage(await view.snapshot(), () => [0, 0, 255, 255]);
  });

  it('shows the composite on screen and keeps the background attribute out of snapshots', async () => {
    const { view } = await twoLayers(1, 0);
    view.background = '#00ff00';
    await view.renderComplete();
    const screen = canvasPixels(view);
    expect(screen.width).to.be.greaterThan(0);
    expectPixel(
      screen,
      Math.floor(screen.width / 2),
      Math.floor(screen.height / 2),
      [188, 0, 188, 255],
      1,
    );
    const shot = await view.snapshot();
    expectPixel(shot, 0, 0, [188, 0, 188, 255], 1);
  });

  it('snapshots at a scale independent of the on-screen size and zoom', async () => {
    const view = await fixture<RrView>(
      html`<rr-view style="width: 123px; height: 77px"><rr-image></rr-image></rr-view>`,
    );
    setImage(view.querySelector('rr-image')!, imageSimple(), 300, 200);
    await view.renderComplete();
    view.dispatchEvent(new KeyboardEvent('keydown', { key: '+' }));
    const shot = await view.snapshot({ scale: 0.5 });
    expect([shot.width, shot.height]).to.deep.equal([150, 100]);
    expectPixel(shot, 50, 50, [0, 255, 0, 255]);
    expectPixel(shot, 10, 10, [255, 0, 0, 255]);
  });

  it('picks every layer at a point, top layer first', async () => {
    const { view, red, blue } = await twoLayers(1, 0);
    await view.renderComplete();
    const picks = view.pick(1.5, 2.5);
    expect(picks.map((p) => p.layer)).to.deep.equal([red, blue]);
    expect(picks[0].value).to.deep.equal([255, 0, 0]);
    expect(picks[1].value).to.deep.equal([0, 0, 255]);
    expect([picks[0].x, picks[0].y]).to.deep.equal([1, 2]);
  });

  it('fires rr-hover with the picks under the pointer, and an empty list on leave', async () => {
    const { view } = await twoLayers(1, 0);
    await view.renderComplete();
    const canvas = view.shadowRoot!.querySelector('canvas')!;
    const rect = canvas.getBoundingClientRect();
    const hover = nextEvent<{ x: number; y: number; picks: unknown[] }>(view, 'rr-hover');
    canvas.dispatchEvent(
      new PointerEvent('pointermove', {
        clientX: rect.left + rect.width / 2,
        clientY: rect.top + rect.height / 2,
        bubbles: true,
      }),
    );
    const { detail } = await hover;
    expect(detail.picks).to.have.length(2);
    expect([detail.x, detail.y]).to.deep.equal([2, 2]);
    await view.updateComplete;
    const tooltip = view.shadowRoot!.querySelector('[part="tooltip"]');
    expect(tooltip?.textContent).to.contain('Position: 2, 2');
    expect(tooltip?.textContent).to.contain('RGB: 255, 0, 0 #FF0000');
    const leave = nextEvent<{ picks: unknown[] }>(view, 'rr-hover');
    canvas.dispatchEvent(new PointerEvent('pointerleave'));
    expect((await leave).detail.picks).to.deep.equal([]);
    await view.updateComplete;
    expect(view.shadowRoot!.querySelector('[part="tooltip"]')).to.equal(null);
  });

  it('zooms with the keyboard and resets with 0', async () => {
    const view = await fixture<RrView>(
      html`<rr-view style="width: 200px; height: 100px"><rr-image></rr-image></rr-view>`,
    );
    // Left half black, right half white: zooming about the centre shifts the visible edge.
    const img = rgbImage(2, 1, (x) => (x === 0 ? [0, 0, 0] : [255, 255, 255]));
    setImage(view.querySelector('rr-image')!, img, 2, 1);
    await view.renderComplete();
    const before = canvasPixels(view);
    const probe = Math.floor(before.width * 0.3);
    const row = Math.floor(before.height / 2);
    expect(pixelAt(before, probe, row)[0]).to.equal(0);
    view.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
    view.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
    view.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
    await view.renderComplete();
    // Panned right by 96 CSS px: the white half now covers the probe... of the left edge, black moved right.
    const panned = canvasPixels(view);
    expect(pixelAt(panned, Math.floor(panned.width * 0.01), row)[3]).to.equal(0);
    view.dispatchEvent(new KeyboardEvent('keydown', { key: '0' }));
    await view.renderComplete();
    expectSameImage(canvasPixels(view), before);
  });

  it('reports a bad layer without affecting the other layers', async () => {
    const view = await fixture<RrView>(
      html`<rr-view
        ><rr-image class="good"></rr-image><rr-image class="bad" entity="broken"></rr-image
      ></rr-view>`,
    );
    setImage(view.querySelector('.good')!, solid(3, 2, [10, 200, 30]), 3, 2);
    const error = nextEvent<{ entity: string; message: string }>(view, 'rr-error');
    setImage(view.querySelector('.bad')!, new Uint8Array(5), 3, 2);
    const { detail } = await error;
    expect(detail).to.deep.equal({
      entity: '/broken',
      message: 'expected 18 bytes for 3×2 RGB U8, got 5',
    });
    const bad = view.querySelector<RrImage>('.bad')!;
    await bad.updateComplete;
    expect(bad.shadowRoot!.querySelector('[part="error"]')?.textContent).to.contain(
      'expected 18 bytes',
    );
    expectImage(await view.snapshot(), () => [10, 200, 30, 255]);
  });
});

describe('<rr-view> accessibility', () => {
  it('is a focusable, named image that passes axe, standalone layers too', async () => {
    const { view } = await twoLayers(1, 0);
    await view.renderComplete();
    expect(view.getAttribute('role')).to.equal('img');
    expect(view.tabIndex).to.equal(0);
    const [red, blue] = view.querySelectorAll('rr-image');
    expect(view.getAttribute('aria-label')).to.equal(
      `Image view of ${(blue as RrImage).entityPath}, ${(red as RrImage).entityPath}`,
    );
    await expect(view).to.be.accessible();
    const alone = await fixture<RrImage>(html`<rr-image entity="alone"></rr-image>`);
    setImage(alone, solid(2, 2, [1, 2, 3]), 2, 2);
    await alone.renderComplete();
    expect(alone.getAttribute('aria-label')).to.equal('Image view of /alone');
    await expect(alone).to.be.accessible();
  });

  it('keeps a label the page gave it', async () => {
    const view = await fixture<RrView>(
      html`<rr-view aria-label="Camera 1"><rr-image entity="cam"></rr-image></rr-view>`,
    );
    setImage(view.querySelector('rr-image')!, solid(2, 2, [1, 2, 3]), 2, 2);
    await view.renderComplete();
    expect(view.getAttribute('aria-label')).to.equal('Camera 1');
  });
});

describe('<rr-view> and the shared renderer', () => {
  it('shows 40 views with their own pictures from one WebGL context', async () => {
    // Count every WebGL context made on the page from here on, on- or off-screen.
    const contexts = new Set<HTMLCanvasElement | OffscreenCanvas>();
    const original = HTMLCanvasElement.prototype.getContext;
    const originalOffscreen = OffscreenCanvas.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (
      this: HTMLCanvasElement,
      type: string,
      ...rest: unknown[]
    ) {
      const ctx = (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      if (ctx && /webgl/.test(type)) contexts.add(this);
      return ctx;
    } as typeof original;
    OffscreenCanvas.prototype.getContext = function (
      this: OffscreenCanvas,
      type: string,
      ...rest: unknown[]
    ) {
      const ctx = (originalOffscreen as (...a: unknown[]) => unknown).call(this, type, ...rest);
      if (ctx && /webgl/.test(type)) contexts.add(this);
      return ctx;
    } as typeof originalOffscreen;
    try {
      const container = await fixture<HTMLDivElement>(
        html`<div style="display: grid; grid-template-columns: repeat(8, 60px)"></div>`,
      );
      const colors: number[][] = [];
      for (let i = 0; i < 40; i++) {
        const color = [(i * 37) % 256, (i * 91) % 256, 255 - i * 5];
        colors.push(color);
        const view = document.createElement('rr-view');
        const image = document.createElement('rr-image');
        view.append(image);
        container.append(view);
        setImage(image, solid(3, 2, color), 3, 2);
      }
      const views = [...container.querySelectorAll('rr-view')];
      await Promise.all(views.map((v) => v.renderComplete()));
      for (let i = 0; i < 40; i++) {
        const expected = [...colors[i], 255] as [number, number, number, number];
        expectImage(await views[i].snapshot(), () => expected);
        const screen = canvasPixels(views[i]);
        expectPixel(screen, Math.floor(screen.width / 2), Math.floor(screen.height / 2), expected);
      }
      // The renderer may have been created by an earlier test: count it in, whatever happened first.
      contexts.add(getRenderer().canvas);
      expect(contexts.size, 'WebGL contexts on the page').to.equal(1);
      expect(getRenderer().stats.views).to.be.at.least(40);
    } finally {
      HTMLCanvasElement.prototype.getContext = original;
      OffscreenCanvas.prototype.getContext = originalOffscreen;
    }
  });

  it('looks the same after a context loss and restore', async () => {
    const view = await fixture<RrView>(
      html`<rr-view style="width: 300px">
        <rr-image></rr-image><rr-image opacity="0.5" draw-order="1"></rr-image>
      </rr-view>`,
    );
    const [bottom, top] = view.querySelectorAll('rr-image');
    setImage(bottom, imageSimple(), 300, 200);
    setImage(
      top,
      rgbImage(300, 200, (x, y) => [x % 256, y, 128]),
      300,
      200,
    );
    await view.renderComplete();
    const before = await view.snapshot();
    const screenBefore = canvasPixels(view);
    const gl = getRenderer().gl;
    const lose = gl.getExtension('WEBGL_lose_context')!;
    const lost = nextEvent(getRenderer().canvas, 'webglcontextlost');
    lose.loseContext();
    await lost;
    // Chrome only allows restoring once the lost event has been fully dispatched.
    await new Promise((r) => setTimeout(r, 0));
    expect(gl.isContextLost()).to.equal(true);
    const restored = nextEvent(getRenderer().canvas, 'webglcontextrestored');
    lose.restoreContext();
    await restored;
    view.requestUpdate();
    const after = await view.snapshot();
    expectSameImage(after, before);
    // Not a blank picture that happens to equal another blank one.
    expectPixel(after, 100, 100, pixelAt(before, 100, 100));
    expect(pixelAt(after, 100, 100)[3]).to.equal(255);
    await new Promise((r) => requestAnimationFrame(r));
    await view.renderComplete();
    expectSameImage(canvasPixels(view), screenBefore);
  });

  it('releases its textures when an element leaves the page', async () => {
    const renderer = getRenderer();
    const view = await fixture<RrView>(
      html`<rr-view><rr-image></rr-image><rr-image></rr-image></rr-view>`,
    );
    const before = renderer.stats.textures;
    const [a, b] = view.querySelectorAll('rr-image');
    setImage(a, solid(8, 8, [1, 2, 3]), 8, 8);
    setImage(b, solid(8, 8, [4, 5, 6]), 8, 8);
    await view.renderComplete();
    expect(renderer.stats.textures).to.equal(before + 2);
    a.remove();
    expect(renderer.stats.textures).to.equal(before + 1);
    view.remove();
    expect(renderer.stats.textures).to.equal(before);
  });

  it('re-uploads nothing when unrelated data changes, and re-uploads when its own data does', async () => {
    const renderer = getRenderer();
    const view = await fixture<RrView>(
      html`<rr-view><rr-image entity="stay"></rr-image></rr-view>`,
    );
    const image = view.querySelector('rr-image')!;
    setImage(image, solid(4, 4, [9, 9, 9]), 4, 4);
    await view.renderComplete();
    const uploads = renderer.stats.uploads;
    view.recording.log('elsewhere', { archetype: 'Points2D', positions: [] });
    view.background = 'white';
    await view.renderComplete();
    expectImage(await view.snapshot(), () => [9, 9, 9, 255]);
    expect(renderer.stats.uploads).to.equal(uploads);
    image.buffer = solid(4, 4, [1, 1, 1]);
    expectImage(await view.snapshot(), () => [1, 1, 1, 255]);
    expect(renderer.stats.uploads).to.equal(uploads + 1);
  });
});

describe('<rr-view> with a recording', () => {
  it('shows every image entity under origin when it has no layer children', async () => {
    const ctx = await fixture<RrContext>(
      html`<rr-context><rr-view origin="/world"></rr-view></rr-context>`,
    );
    const view = ctx.querySelector('rr-view')!;
    ctx.log('world/camera', {
      archetype: 'Image',
      buffer: imageSimple(),
      format: { width: 300, height: 200, colorModel: 'RGB' },
    });
    ctx.log('elsewhere/image', {
      archetype: 'Image',
      buffer: solid(2, 2, [0, 0, 255]),
      format: { width: 2, height: 2, colorModel: 'RGB' },
    });
    expectImage(await view.snapshot(), imageSimpleColor);
  });

  it("reads data logged from JS at a layer's entity, and follows new rows", async () => {
    const ctx = await fixture<RrContext>(
      html`<rr-context
        ><rr-view><rr-image entity="cam"></rr-image></rr-view
      ></rr-context>`,
    );
    const view = ctx.querySelector('rr-view')!;
    ctx.log('/cam', {
      archetype: 'Image',
      buffer: solid(2, 1, [50, 60, 70]),
      format: { width: 2, height: 1, colorModel: 'RGB' },
    });
    expectImage(await view.snapshot(), () => [50, 60, 70, 255]);
    ctx.log('/cam', {
      archetype: 'Image',
      buffer: new Uint8Array([7, 8]),
      format: { width: 2, height: 1 },
    });
    const shot = await view.snapshot();
    expectPixel(shot, 0, 0, [7, 7, 7, 255]);
    expectPixel(shot, 1, 0, [8, 8, 8, 255]);
  });

  it('with no layer children, a bad entity shows part="error" (and rr-error); the good one draws', async () => {
    const ctx = await fixture<RrContext>(
      html`<rr-context><rr-view style="width: 40px"></rr-view></rr-context>`,
    );
    const view = ctx.querySelector<RrView>('rr-view')!;
    const warnings = recordWarnings();
    const error = nextEvent<{ entity: string; message: string }>(view, 'rr-error');
    try {
      ctx.log('/good', {
        archetype: 'Image',
        buffer: new Uint8Array([0, 255, 0]),
        format: { width: 1, height: 1, colorModel: 'RGB' },
      });
      ctx.log('/bad', {
        archetype: 'Image',
        buffer: new Uint8Array([1, 2]),
        format: { width: 4, height: 4, colorModel: 'RGB' },
      });
      const { detail } = await error;
      expect(detail.entity).to.equal('/bad');
      await view.renderComplete();
      await view.updateComplete;
    } finally {
      warnings.stop();
    }
    const shown = [...view.shadowRoot!.querySelectorAll('[part="error"]')].map(
      (e) => e.textContent,
    );
    expect(shown).to.have.length(1);
    expect(shown[0]).to.contain('/bad: ').and.to.contain('got 2');
    expect(warnings.lines).to.have.length(1);
    expectPixel(await view.snapshot(), 0, 0, [0, 255, 0, 255]);
    // Fixed data: the message goes.
    ctx.log('/bad', {
      archetype: 'Image',
      buffer: new Uint8Array([0, 255, 0]),
      format: { width: 1, height: 1, colorModel: 'RGB' },
    });
    await view.renderComplete();
    await view.updateComplete;
    expect(view.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('gives loose elements the page-wide default recording', async () => {
    const el = await fixture<RrImage>(html`<rr-image entity="loose/one"></rr-image>`);
    setImage(el, solid(1, 1, [1, 2, 3]), 1, 1);
    await el.renderComplete();
    const { defaultRecording } = await import('../../store/recording.js');
    expect(el.recording).to.equal(defaultRecording());
    expect(defaultRecording().entities()).to.include('/loose/one');
    // Leaving the page takes its data out of the recording again.
    el.remove();
    expect(defaultRecording().entities()).to.not.include('/loose/one');
  });

  it('uses the nearest <rr-context> even through a shadow root', async () => {
    const ctx = await fixture<RrContext>(html`<rr-context></rr-context>`);
    const host = document.createElement('div');
    ctx.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const image = document.createElement('rr-image');
    image.setAttribute('entity', 'shadowed');
    root.append(image);
    setImage(image, solid(1, 1, [9, 8, 7]), 1, 1);
    await image.renderComplete();
    expect(image.recording).to.equal(ctx.recording);
    expect(ctx.recording.entities()).to.include('/shadowed');
  });
});

describe('<rr-view> and its layer elements (view context)', () => {
  before(function () {
    requireWebGL2(this);
  });
  afterEach(() => assertNoWebGLError());

  it('a layer inside a shadow root within the view joins the view', async () => {
    const view = await fixture<RrView>(html`<rr-view style="width: 100px"><div></div></rr-view>`);
    const root = view.querySelector('div')!.attachShadow({ mode: 'open' });
    const red = document.createElement('rr-image');
    root.append(red);
    setImage(red, solid(2, 2, [255, 0, 0]), 2, 2);
    await red.updateComplete;
    expect(red.hasAttribute('data-rr-in-view'), 'in view').to.equal(true);
    expect(red.shadowRoot!.querySelector('canvas'), 'own canvas').to.equal(null);
    const shot = await view.snapshot();
    expect([shot.width, shot.height]).to.deep.equal([2, 2]);
    expectImage(shot, () => [255, 0, 0, 255]);
  });

  it('a layer moved out of its view becomes a view of its own, and back', async () => {
    const view = await fixture<RrView>(
      html`<rr-view style="width: 100px"><rr-image></rr-image></rr-view>`,
    );
    const image = view.querySelector('rr-image')!;
    setImage(image, solid(3, 1, [0, 255, 0]), 3, 1);
    expectImage(await view.snapshot(), () => [0, 255, 0, 255]);
    expect(view.pick(0.5, 0.5).map((p) => p.layer)).to.deep.equal([image]);
    view.after(image);
    await image.updateComplete;
    expect(image.hasAttribute('data-rr-in-view'), 'in view').to.equal(false);
    expectImage(await image.snapshot(), () => [0, 255, 0, 255]);
    // The emptied view shows the entity as an automatic layer of its own, not through the element.
    await view.renderComplete();
    expect(view.pick(0.5, 0.5).map((p) => p.layer)).to.deep.equal([view]);
    view.append(image);
    await image.updateComplete;
    expect(image.hasAttribute('data-rr-in-view'), 'in view again').to.equal(true);
    expectImage(await view.snapshot(), () => [0, 255, 0, 255]);
    expect(view.pick(0.5, 0.5).map((p) => p.layer)).to.deep.equal([image]);
  });
});

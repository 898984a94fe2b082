// `<rr-context shared-canvas>`: every view is drawn into the context's one canvas at its own
// place, with exactly the pixels it shows on its own canvas, nothing outside its box; a view
// that cannot be placed (transformed, a context too large for the GPU) keeps its own canvas.
import { expect, fixture, html } from '@open-wc/testing';
import '../index.js';
import type { RrContext } from '../elements/rr-context/rr-context.js';
import type { RrImage } from '../elements/rr-image/rr-image.js';
import { getRenderer } from './renderer.js';
import { loseAndRestoreContext } from '../../test/helpers/webgl.js';
import { logViewFrames, viewColor } from '../../test/helpers/views.js';
import { canvasPixels, expectImage, type RGBA } from '../../test/helpers/pixels.js';
import { rgbImage } from '../../test/helpers/fixtures.js';
import { hoverCanvas } from '../../test/helpers/hover.js';

const VIEWS = 24;
const W = 4;
const H = 3;

const color = viewColor;

const nextFrames = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

function logViews(ctx: RrContext, views: number, times = 2): void {
  logViewFrames(ctx, views, W, H, times);
}

/** 24 views of two widths in 40 px columns (gaps of 8 px right of the narrow ones). */
async function sharedViews(): Promise<{ ctx: RrContext; images: RrImage[] }> {
  const ctx = await fixture<RrContext>(
    html`<rr-context
      shared-canvas
      style="display:grid;grid-template-columns:repeat(6, 40px);gap:2px;padding:3px"
    ></rr-context>`,
  );
  const images: RrImage[] = [];
  for (let v = 0; v < VIEWS; v++) {
    const image = document.createElement('rr-image') as RrImage;
    image.entity = `cam/${v}`;
    image.style.cssText = `display:block;width:${v % 2 ? 40 : 32}px;height:30px`;
    // An opaque background fills the whole box: one drawn past it would show in the gaps.
    if (v % 3 === 0) image.setAttribute('background', '#102030');
    images.push(image);
    ctx.append(image);
  }
  logViews(ctx, VIEWS);
  await Promise.all(images.map((image) => image.renderComplete()));
  return { ctx, images };
}

/** The shared canvas' pixels, and where `element` lies in them (device pixels). */
function sharedPixels(ctx: RrContext): ImageData {
  const canvas = ctx.shadowRoot!.querySelector('canvas');
  expect(canvas, 'the shared canvas').to.not.equal(null);
  return canvasPixels(ctx);
}

function boxOf(ctx: RrContext, element: Element): { x: number; y: number; w: number; h: number } {
  const origin = ctx.shadowRoot!.querySelector('canvas')!.getBoundingClientRect();
  const rect = element.getBoundingClientRect();
  const dpr = devicePixelRatio;
  return {
    x: Math.round((rect.left - origin.left) * dpr),
    y: Math.round((rect.top - origin.top) * dpr),
    w: Math.round(rect.width * dpr),
    h: Math.round(rect.height * dpr),
  };
}

/** Texel (0, 0) of a view's W×H picture, fitted (centred) into `box` of `image` (default: all of it). */
function firstTexel(
  image: ImageData,
  box = { x: 0, y: 0, w: image.width, h: image.height },
): number[] {
  const texel = box.h / H;
  const x = Math.floor((box.w - W * texel) / 2 + texel / 2);
  const i = ((box.y + Math.floor(texel / 2)) * image.width + box.x + x) * 4;
  return [...image.data.slice(i, i + 4)];
}

/** The part of `image` at `box`. */
function crop(image: ImageData, box: { x: number; y: number; w: number; h: number }): ImageData {
  const out = new ImageData(box.w, box.h);
  for (let y = 0; y < box.h; y++) {
    const from = ((box.y + y) * image.width + box.x) * 4;
    out.data.set(image.data.subarray(from, from + box.w * 4), y * box.w * 4);
  }
  return out;
}

/**
 * Every view's box in the shared canvas shows its own picture at time `t` (each texel's centre),
 * and every pixel outside all boxes is transparent (nothing bled into a gap or a neighbour).
 */
function expectShared(
  ctx: RrContext,
  images: RrImage[],
  time: number | ((v: number) => number),
): void {
  const shared = sharedPixels(ctx);
  const inside = new Uint8Array(shared.width * shared.height);
  images.forEach((image) => {
    const v = Number(image.entity!.slice('cam/'.length));
    const t = typeof time === 'number' ? time : time(v);
    const box = boxOf(ctx, image);
    const screen = crop(shared, box);
    const texel = box.h / H;
    const left = (box.w - W * texel) / 2;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const px = Math.floor(left + (x + 0.5) * texel);
        const py = Math.floor((y + 0.5) * texel);
        const i = (py * box.w + px) * 4;
        const got = [...screen.data.slice(i, i + 4)];
        expect(got, `view ${v} texel (${x}, ${y}) at (${box.x + px}, ${box.y + py})`).to.deep.equal(
          color(v, t, x, y),
        );
      }
    }
    for (let y = 0; y < box.h; y++)
      inside.fill(
        1,
        (box.y + y) * shared.width + box.x,
        (box.y + y) * shared.width + box.x + box.w,
      );
  });
  let outside = 0;
  let bled = 0;
  for (let p = 0; p < inside.length; p++) {
    if (inside[p]) continue;
    outside++;
    if (shared.data[p * 4 + 3] !== 0) bled++;
  }
  expect(outside, 'pixels outside every view').to.be.greaterThan(1000);
  expect(bled, 'pixels drawn outside every view').to.equal(0);
}

/** The view's own canvas holds nothing (its picture is on the shared one). */
function expectOwnEmpty(image: Element): void {
  const own = canvasPixels(image);
  expect(own.data.some((b) => b !== 0)).to.equal(false);
}

describe('<rr-context shared-canvas>', () => {
  afterEach(() => {
    getRenderer().maxTextureSizeOverride = undefined;
  });

  it('draws every view at its place in the one canvas, redrawing each once after one change', async () => {
    const { ctx, images } = await sharedViews();
    expectShared(ctx, images, 0);
    for (const image of images) expectOwnEmpty(image);
    const before = getRenderer().stats.frames;
    ctx.setTime('frame', 1);
    await Promise.all(images.map((image) => image.renderComplete()));
    expect(getRenderer().stats.frames - before).to.equal(VIEWS);
    expectShared(ctx, images, 1);
    // snapshot() renders off screen, as without the shared canvas.
    for (const [v, image] of images.entries())
      expectImage(await image.snapshot(), (x, y) => color(v, 1, x, y));
  });

  it('redraws only the views that changed, clears a removed one, and counts the one canvas', async () => {
    const { ctx, images } = await sharedViews();
    const renderer = getRenderer();
    const canvas = ctx.shadowRoot!.querySelector('canvas')!;
    const frameBytes = canvas.width * canvas.height * 4;
    expect(frameBytes).to.be.greaterThan(0);
    /**
     * View `v` made invisible (opacity 0): only that view changes, and shows nothing (views
     * without a background: those with one show it).
     */
    const hide = async (v: number): Promise<number> => {
      const before = renderer.stats.frames;
      images[v]!.opacity = 0;
      await images[v]!.updateComplete;
      await Promise.all(images.map((image) => image.renderComplete()));
      return renderer.stats.frames - before;
    };
    // A frame of every view goes straight into the drawing buffer; the first partial change
    // after one draws every view into the kept frame, the next ones only the view that changed.
    expect(await hide(4)).to.be.at.most(VIEWS);
    expect(await hide(8)).to.be.at.most(VIEWS);
    expect(await hide(13)).to.equal(1);
    expect(await hide(17)).to.equal(1);
    // The hidden views' boxes count as outside every view: transparent.
    const hidden = new Set([4, 8, 13, 17]);
    const shown = (list: RrImage[]): RrImage[] => list.filter((_, v) => !hidden.has(v));
    expectShared(ctx, shown(images), 0);
    // The canvas' frame and the kept copy the views redraw into, 4 bytes a pixel each.
    const before = renderer.stats.outputBytes;
    expect(before).to.be.at.least(frameBytes * 2);
    // A view removed: the views after it move; nothing of it stays.
    images[5]!.remove();
    await Promise.all(images.map((image) => image.renderComplete()));
    await nextFrames();
    expectShared(
      ctx,
      shown(images).filter((image) => image !== images[5]),
      0,
    );
    expect(renderer.stats.outputBytes).to.equal(before);
    ctx.remove();
    expect(renderer.stats.outputBytes).to.equal(before - frameBytes * 2);
  });

  it('shows the same bytes as a view on its own canvas, for opaque, encoded and translucent frames', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <rr-context shared-canvas style="display:flex;gap:4px"></rr-context>
        <rr-context style="display:flex;gap:4px"></rr-context>
      </div>`,
    );
    const [shared, alone] = [...page.querySelectorAll('rr-context')] as RrContext[];
    const views: RrImage[][] = [];
    for (const ctx of [shared!, alone!]) {
      ctx.innerHTML = `
        <rr-image entity="rgb" style="width:40px;height:30px" magnification-filter="linear"></rr-image>
        <rr-segmentation entity="seg" style="width:40px;height:30px"></rr-segmentation>
        <rr-image entity="rgb" opacity="0.5" style="width:40px;height:30px"></rr-image>
        <rr-image entity="rgb" background="#204060" style="width:32px;height:30px"></rr-image>`;
      ctx.recording.log('rgb', {
        archetype: 'Image',
        buffer: rgbImage(W, H, (x, y) => color(7, 0, x, y)),
        format: { width: W, height: H, colorModel: 'RGB', channelDatatype: 'U8' },
      });
      ctx.recording.log('seg', {
        archetype: 'SegmentationImage',
        buffer: new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
        format: { width: W, height: H },
      });
      views.push([...ctx.children] as RrImage[]);
    }
    await Promise.all(views.flat().map((view) => view.renderComplete()));
    const image = sharedPixels(shared!);
    views[0]!.forEach((view, i) => {
      const own = canvasPixels(views[1]![i]!);
      const box = boxOf(shared!, view);
      expect([box.w, box.h]).to.deep.equal([own.width, own.height]);
      const there = crop(image, box);
      expect(
        own.data.some((b) => b !== 0),
        `view ${i} draws something`,
      ).to.equal(true);
      expectImage(there, (x, y) => {
        const k = (y * own.width + x) * 4;
        return [...own.data.slice(k, k + 4)] as unknown as RGBA;
      });
      expectOwnEmpty(view);
    });
  });

  it('draws a frame of only segmentation views as their bytes, one pass each, as on their own canvases', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <rr-context shared-canvas style="display:flex;gap:3px"></rr-context>
        <rr-context style="display:flex;gap:3px"></rr-context>
      </div>`,
    );
    const contexts = [...page.querySelectorAll('rr-context')] as RrContext[];
    const views = contexts.map((ctx) => {
      for (let v = 0; v < 5; v++) {
        const view = document.createElement('rr-segmentation');
        view.setAttribute('entity', `seg/${v}`);
        view.style.cssText = `display:block;width:${30 + v}px;height:24px`;
        ctx.append(view);
        ctx.recording.log(`seg/${v}`, {
          archetype: 'SegmentationImage',
          buffer: new Uint8Array(12).map((_, i) => (i * 5 + v * 3) % 17),
          format: { width: W, height: H },
        });
      }
      return [...ctx.children] as RrImage[];
    });
    await Promise.all(views.flat().map((view) => view.renderComplete()));
    const before = getRenderer().stats.encodedFrames;
    for (const ctx of contexts) ctx.recording.setTime('frame', 0);
    for (const ctx of contexts)
      for (let v = 0; v < 5; v++)
        ctx.recording.log(`seg/${v}`, {
          archetype: 'SegmentationImage',
          buffer: new Uint8Array(12).map((_, i) => (i * 7 + v) % 13),
          format: { width: W, height: H },
        });
    await Promise.all(views.flat().map((view) => view.renderComplete()));
    // Both sides drew every view encoded (5 each).
    expect(getRenderer().stats.encodedFrames - before).to.equal(10);
    const image = sharedPixels(contexts[0]!);
    views[0]!.forEach((view, i) => {
      const own = canvasPixels(views[1]![i]!);
      expect(
        own.data.some((b) => b !== 0),
        `view ${i} draws something`,
      ).to.equal(true);
      expectImage(crop(image, boxOf(contexts[0]!, view)), (x, y) => {
        const k = (y * own.width + x) * 4;
        return [...own.data.slice(k, k + 4)] as unknown as RGBA;
      });
      expectOwnEmpty(view);
    });
  });

  it("draws the hover outline of a point at its place, as on the view's own canvas", async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <rr-context shared-canvas style="display:flex;gap:4px;padding:2px"></rr-context>
        <rr-context style="display:flex;gap:4px;padding:2px"></rr-context>
      </div>`,
    );
    const contexts = [...page.querySelectorAll('rr-context')] as RrContext[];
    const views = contexts.map((ctx) => {
      ctx.innerHTML = `
        <rr-image entity="rgb" style="width:40px;height:30px"></rr-image>
        <rr-view visual-bounds="0 0 100 100" style="width:100px;height:100px">
          <rr-points2d entity="p" positions="30 40 70 60" radii="-6" colors="#ff8000"></rr-points2d>
        </rr-view>`;
      ctx.recording.log('rgb', {
        archetype: 'Image',
        buffer: rgbImage(W, H, (x, y) => color(2, 0, x, y)),
        format: { width: W, height: H, colorModel: 'RGB', channelDatatype: 'U8' },
      });
      return [...ctx.children] as RrImage[];
    });
    await Promise.all(views.flat().map((view) => view.renderComplete()));
    for (const list of views) hoverCanvas(list[1]!, 0.3, 0.4);
    await nextFrames();
    await Promise.all(views.flat().map((view) => view.renderComplete()));
    const image = sharedPixels(contexts[0]!);
    views[0]!.forEach((view, i) => {
      const own = canvasPixels(views[1]![i]!);
      const there = crop(image, boxOf(contexts[0]!, view));
      expectImage(there, (x, y) => {
        const k = (y * own.width + x) * 4;
        return [...own.data.slice(k, k + 4)] as unknown as RGBA;
      });
    });
    // The outline is there: white pixels around the hovered point only.
    const own = canvasPixels(views[1]![1]!);
    const white = (data: Uint8ClampedArray, from: number, to: number): number => {
      let n = 0;
      for (let p = 0; p < data.length; p += 4) {
        const x = (p / 4) % own.width;
        if (x >= from && x < to && data[p]! > 250 && data[p + 1]! > 250 && data[p + 2]! > 250) n++;
      }
      return n;
    };
    expect(white(own.data, 0, own.width / 2), 'outline around the hovered point').to.be.greaterThan(
      10,
    );
    expect(white(own.data, own.width / 2, own.width), 'around the other').to.equal(0);
    // The same in the shared canvas (and it was drawn again: the pointer moved on and back).
    const shared = crop(sharedPixels(contexts[0]!), boxOf(contexts[0]!, views[0]![1]!));
    expect(white(shared.data, 0, own.width / 2)).to.equal(white(own.data, 0, own.width / 2));
  });

  it('draws every view again after the context is lost and restored', async () => {
    const { ctx, images } = await sharedViews();
    // A partial change first, so that the kept frame exists when the context goes.
    images[4]!.opacity = 0;
    await images[4]!.updateComplete;
    await Promise.all(images.map((image) => image.renderComplete()));
    await loseAndRestoreContext();
    ctx.setTime('frame', 1);
    await Promise.all(images.map((image) => image.renderComplete()));
    expectShared(
      ctx,
      images.filter((_, v) => v !== 4),
      1,
    );
    // And a change of one view after it (into a new kept frame).
    images[4]!.opacity = 1;
    await images[4]!.updateComplete;
    await Promise.all(images.map((image) => image.renderComplete()));
    images[8]!.opacity = 0;
    await images[8]!.updateComplete;
    await Promise.all(images.map((image) => image.renderComplete()));
    expectShared(
      ctx,
      images.filter((_, v) => v !== 8),
      1,
    );
  });

  it('keeps drawing into a new shared canvas when the context moves in the page', async () => {
    const { ctx, images } = await sharedViews();
    const other = document.createElement('div');
    other.style.paddingLeft = '7px';
    ctx.parentElement!.append(other);
    other.append(ctx);
    ctx.setTime('frame', 1);
    await Promise.all(images.map((image) => image.renderComplete()));
    expectShared(ctx, images, 1);
    for (const image of images) expectOwnEmpty(image);
    other.remove();
  });

  it('keeps a transformed view on its own canvas, and every view when the context is too large for the GPU', async () => {
    const { ctx, images } = await sharedViews();
    const turned = images[7]!;
    turned.style.transform = 'scale(0.5)';
    turned.setAttribute('class', 'turned'); // a layout change the context observes
    await nextFrames();
    await turned.renderComplete();
    await nextFrames();
    // On its own canvas (drawn at its layout size), and not in the shared one.
    const own = canvasPixels(turned);
    expect(own.data.some((b) => b !== 0)).to.equal(true);
    const shared = sharedPixels(ctx);
    const box = boxOf(ctx, images[6]!);
    const right = crop(shared, { x: box.x + box.w + 2, y: box.y, w: 40, h: box.h });
    expect(
      right.data.some((b) => b !== 0),
      "the transformed view's box",
    ).to.equal(false);
    // A render limit below the context's size: every view on its own canvas.
    const canvas = ctx.shadowRoot!.querySelector('canvas')!;
    getRenderer().maxTextureSizeOverride = canvas.width - 1;
    ctx.setTime('frame', 1);
    await Promise.all(images.map((image) => image.renderComplete()));
    images.forEach((image, v) => {
      expect(firstTexel(canvasPixels(image)), `view ${v}`).to.deep.equal(color(v, 1, 0, 0));
    });
    expect(
      sharedPixels(ctx).data.some((b) => b !== 0),
      'the shared canvas',
    ).to.equal(false);
  });

  it("leaves a view's own canvas transparent while it is on the shared one, and still under the pointer", async () => {
    const { ctx, images } = await sharedViews();
    const ownCanvas = (image: RrImage): HTMLCanvasElement =>
      image.shadowRoot!.querySelector('canvas[part="canvas"]')!;
    const opacity = (image: RrImage): string => getComputedStyle(ownCanvas(image)).opacity;
    // Switched off, every view draws on its own canvas (which then has a context for good).
    ctx.sharedCanvas = false;
    await ctx.updateComplete;
    await Promise.all(images.map((image) => image.renderComplete()));
    for (const image of images) expect(opacity(image), image.entity).to.equal('1');
    expect(canvasPixels(images[4]!).data.some((b) => b !== 0)).to.equal(true);
    // Back on the shared canvas: an empty layer with a context is still composited every frame
    // unless it is transparent; the pointer still finds it (pan, zoom, hover).
    ctx.sharedCanvas = true;
    await ctx.updateComplete;
    await nextFrames();
    await Promise.all(images.map((image) => image.renderComplete()));
    for (const image of images) expect(opacity(image), image.entity).to.equal('0');
    const box = boxOf(ctx, images[4]!);
    expect(firstTexel(sharedPixels(ctx), box), 'view 4 in the shared canvas').to.deep.equal(
      color(4, 0, 0, 0),
    );
    const rect = images[4]!.getBoundingClientRect();
    const hit = images[4]!.shadowRoot!.elementFromPoint(
      rect.left + rect.width / 2,
      rect.top + rect.height / 2,
    );
    expect(hit, 'the element under the pointer').to.equal(ownCanvas(images[4]!));
    // A view that leaves for its own canvas (transformed) is opaque again and shows its frame.
    const turned = images[7]!;
    turned.style.transform = 'scale(0.5)';
    turned.setAttribute('class', 'turned');
    await nextFrames();
    await turned.renderComplete();
    await nextFrames();
    expect(opacity(turned)).to.equal('1');
    expect(canvasPixels(turned).data.some((b) => b !== 0)).to.equal(true);
    expect(opacity(images[6]!)).to.equal('0');
  });

  it('follows a scroll inside the context, and gives the views back when switched off', async () => {
    const { ctx, images } = await sharedViews();
    ctx.style.height = '60px';
    ctx.style.overflow = 'auto';
    await nextFrames();
    ctx.scrollTop = 40;
    await nextFrames();
    await nextFrames();
    // Only the views in the context's visible box are there; those still show their picture.
    const visible = images.filter((image) => {
      const box = boxOf(ctx, image);
      return box.y >= 0 && box.y + box.h <= sharedPixels(ctx).height;
    });
    expect(visible.length).to.be.greaterThan(0);
    const shared = sharedPixels(ctx);
    for (const image of visible) {
      const v = images.indexOf(image);
      expect(firstTexel(shared, boxOf(ctx, image)), `view ${v}`).to.deep.equal(color(v, 0, 0, 0));
    }
    ctx.sharedCanvas = false;
    await ctx.updateComplete;
    await Promise.all(images.map((image) => image.renderComplete()));
    expect(ctx.shadowRoot!.querySelector('canvas')).to.equal(null);
    for (const [v, image] of images.entries()) {
      expect(firstTexel(canvasPixels(image)), `view ${v}`).to.deep.equal(color(v, 0, 0, 0));
    }
  });
});

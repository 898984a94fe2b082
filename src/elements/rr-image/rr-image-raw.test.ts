// Opaque RGB U8 images where every fragment takes one texel (1:1 on whole pixels, or magnified
// with Nearest) drawn encoded: the stored bytes written as they are into an RGBA8 target, from an
// RGB8 texture once a frame was drawn that way; filtered and composited frames keep the SRGB8
// texture and the linear-light path.
import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrImage } from './rr-image.js';
import { getRenderer } from '../../render/renderer.js';
import { canvasPixels, expectImage, type RGBA } from '../../../test/helpers/pixels.js';
import { convertRgb, rgbImage } from '../../../test/helpers/fixtures.js';
import { assertNoWebGLError, requireWebGL2 } from '../../../test/helpers/webgl.js';

const W = 64;
const H = 32;

/** Every byte value in every channel (64×32 = 2048 pixels: each value eight times). */
function frame(seed: number): Uint8Array {
  return rgbImage(W, H, (x, y) => {
    const i = y * W + x + seed;
    return [i % 256, (i * 7 + 3) % 256, (i * 13 + 5) % 256];
  });
}

function byteAt(bytes: Uint8Array, width: number) {
  return (x: number, y: number): RGBA => {
    const i = (y * width + x) * 3;
    return [bytes[i]!, bytes[i + 1]!, bytes[i + 2]!, 255];
  };
}

const stats = () => getRenderer().stats;

async function element(width: number, height: number, buffer: Uint8Array): Promise<RrImage> {
  const el = await fixture<RrImage>(
    html`<rr-image style="display: block; width: ${width}px; height: ${height}px"></rr-image>`,
  );
  el.format = { width: W, height: H, colorModel: 'RGB' } as RrImage['format'];
  el.buffer = buffer;
  await el.renderComplete();
  return el;
}

/** Shows `buffer` as the next frame; returns what changed in the renderer and the drawable. */
async function show(el: RrImage, buffer: Uint8Array) {
  const before = stats();
  const raw = el.imageLayer!.drawable.rawDraws;
  el.buffer = buffer;
  await el.renderComplete();
  const now = stats();
  return {
    frames: now.frames - before.frames,
    encoded: now.encodedFrames - before.encodedFrames,
    raw: el.imageLayer!.drawable.rawDraws - raw,
    uploads: now.uploads - before.uploads,
  };
}

describe('<rr-image> RGB U8 drawn as its bytes', () => {
  before(function () {
    requireWebGL2(this);
  });
  afterEach(() => assertNoWebGLError());

  it('at 1:1 writes every stored byte as it is, on screen and in snapshots, from the second frame on from an RGB8 texture', async () => {
    const first = frame(0);
    const el = await element(W, H, first);
    // The first frame: an SRGB8 texture, drawn encoded (decoded by the texture unit, encoded
    // back in the shader): the stored bytes.
    expectImage(canvasPixels(el), byteAt(first, W));
    expect(el.imageLayer!.drawable.rawDraws).to.equal(0);
    for (let seed = 1; seed <= 3; seed++) {
      const next = frame(seed * 101);
      // One new upload a frame (the second one into new RGB8 storage), drawn from the bytes.
      expect(await show(el, next)).to.deep.equal({ frames: 1, encoded: 1, raw: 1, uploads: 1 });
      expectImage(canvasPixels(el), byteAt(next, W));
      const before = stats().encodedFrames;
      const shot = await el.snapshot();
      expect(stats().encodedFrames - before).to.equal(1);
      expectImage(shot, byteAt(next, W));
    }
  });

  it('magnified with Nearest writes the bytes of the texel under each pixel; with Linear it filters in linear light', async () => {
    const el = await element(W * 4, H * 4, frame(0));
    const next = frame(9);
    expect(await show(el, next)).to.include({ encoded: 1, raw: 1 });
    const at = byteAt(next, W);
    const screen = canvasPixels(el);
    expect([screen.width, screen.height]).to.deep.equal([W * 4, H * 4]);
    expectImage(screen, (x, y) => at(x >> 2, y >> 2));
    const raw = el.imageLayer!.drawable.rawDraws;
    expectImage(await el.snapshot({ scale: 3 }), (x, y) =>
      at(Math.floor(x / 3), Math.floor(y / 3)),
    );
    expect(el.imageLayer!.drawable.rawDraws - raw).to.equal(1);

    // Linear magnification blends neighbours: never the raw path, and not the nearest bytes.
    el.magnificationFilter = 'linear';
    await el.updateComplete;
    const linear = await show(el, next.slice());
    expect(linear).to.include({ frames: 1, encoded: 0, raw: 0 });
    const blended = canvasPixels(el);
    let differ = 0;
    for (let i = 0; i < blended.data.length; i++) if (blended.data[i] !== screen.data[i]) differ++;
    expect(differ).to.be.greaterThan(1000);
    // A fresh element drawing the same frame the same way (SRGB8 from its first frame) agrees.
    const fresh = await element(W * 4, H * 4, next);
    fresh.magnificationFilter = 'linear';
    await fresh.updateComplete;
    await fresh.renderComplete();
    expect([...canvasPixels(fresh).data]).to.deep.equal([...blended.data]);
  });

  it('is not used minified, translucent or over an opaque background, and those frames keep their exact pixels', async () => {
    const next = frame(5);
    // The reference: the linear-light path, which a fresh element's snapshot at the scale takes.
    const reference = async (scale: number, attrs: Record<string, string> = {}) => {
      const fresh = await element(W, H, next);
      for (const [k, v] of Object.entries(attrs)) fresh.setAttribute(k, v);
      const data = [...(await fresh.snapshot({ scale })).data];
      fresh.remove();
      return data;
    };
    const el = await element(W, H, frame(0));
    expect(await show(el, frame(1))).to.include({ raw: 1 });

    // Zoomed out: the same texture re-uploaded once as SRGB8 and filtered by it.
    let raw = el.imageLayer!.drawable.rawDraws;
    const before = stats();
    el.buffer = next;
    await el.renderComplete();
    const half = await el.snapshot({ scale: 0.5 });
    expect(el.imageLayer!.drawable.rawDraws - raw).to.equal(1);
    expect(stats().encodedFrames - before.encodedFrames).to.equal(1);
    expect([...half.data]).to.deep.equal(await reference(0.5));
    // Minified frames are never counted as encoded.
    const encoded = stats().encodedFrames;
    const third = await el.snapshot({ scale: 0.37 });
    expect(stats().encodedFrames).to.equal(encoded);
    expect([...third.data]).to.deep.equal(await reference(0.37));

    // Translucent: composited in linear light.
    el.opacity = 0.5;
    await el.updateComplete;
    raw = el.imageLayer!.drawable.rawDraws;
    const translucent = await el.snapshot();
    expect(el.imageLayer!.drawable.rawDraws).to.equal(raw);
    expect(translucent.data[3]).to.equal(128);
    expect([...translucent.data]).to.deep.equal(await reference(1, { opacity: '0.5' }));
    el.opacity = 1;

    // Over an opaque background: composited (the screen holds the same bytes as the snapshot).
    el.setAttribute('background', '#202020');
    const opaque = await show(el, next.slice());
    expect(opaque).to.include({ frames: 1, encoded: 0, raw: 0 });
    expectImage(canvasPixels(el), byteAt(next, W));
  });

  it('switches between the RGB8 and SRGB8 textures without a new texture, and scrubs without re-uploading more than a frame', async () => {
    const el = await element(W, H, frame(0));
    const textures = stats().textures;
    const allocations = stats().allocations;
    for (let seed = 1; seed <= 4; seed++) {
      expect(await show(el, frame(seed))).to.deep.equal({
        frames: 1,
        encoded: 1,
        raw: 1,
        uploads: 1,
      });
    }
    // Minified now and then, by a snapshot: one upload into SRGB8, then the next frame stays there.
    const before = stats();
    await el.snapshot({ scale: 0.5 });
    expect(stats().uploads - before.uploads).to.equal(1);
    expect(await show(el, frame(7))).to.deep.equal({ frames: 1, encoded: 1, raw: 0, uploads: 1 });
    expectImage(canvasPixels(el), byteAt(frame(7), W));
    // Only 1:1 draws since: the next frame goes up as RGB8 again.
    expect(await show(el, frame(8))).to.deep.equal({ frames: 1, encoded: 1, raw: 1, uploads: 1 });
    expectImage(canvasPixels(el), byteAt(frame(8), W));
    expect(stats().textures).to.equal(textures);
    expect(stats().allocations).to.equal(allocations);
  });

  it('writes the bytes of BGR data and of a tiled image (tiles of a smaller texture limit) as they are', async () => {
    const rgb = frame(3);
    const bgr = await fixture<RrImage>(
      html`<rr-image style="display: block; width: ${W * 2}px; height: ${H * 2}px"></rr-image>`,
    );
    bgr.format = { width: W, height: H, colorModel: 'BGR' } as RrImage['format'];
    bgr.buffer = convertRgb(frame(0), 'BGR');
    await bgr.renderComplete();
    const raw = bgr.imageLayer!.drawable.rawDraws;
    bgr.buffer = convertRgb(rgb, 'BGR');
    await bgr.renderComplete();
    expect(bgr.imageLayer!.drawable.rawDraws - raw).to.equal(1);
    const at = byteAt(rgb, W);
    expectImage(canvasPixels(bgr), (x, y) => at(x >> 1, y >> 1));
    expectImage(await bgr.snapshot(), at);

    const renderer = getRenderer();
    renderer.maxTextureSizeOverride = 24;
    try {
      // Not on screen (a view is drawn at most 24 px wide here): only snapshots draw it, in
      // tiles of 24×24 (shifted viewports) over an image of 3×2 texture tiles.
      const el = await fixture<RrImage>(html`<rr-image style="display: none"></rr-image>`);
      el.format = { width: W, height: H, colorModel: 'RGB' } as RrImage['format'];
      el.buffer = frame(0);
      expectImage(await el.snapshot(), byteAt(frame(0), W));
      expect(el.imageLayer!.drawable.tileCount).to.be.greaterThan(2);
      el.buffer = rgb;
      const raw = el.imageLayer!.drawable.rawDraws;
      expectImage(await el.snapshot(), at);
      expectImage(await el.snapshot({ scale: 2 }), (x, y) => at(x >> 1, y >> 1));
      // Two snapshots of 3×2 and 6×3 output tiles of 24 px, each one draw of the image.
      expect(el.imageLayer!.drawable.rawDraws - raw).to.equal(6 + 18);
    } finally {
      renderer.maxTextureSizeOverride = undefined;
    }
  });
});

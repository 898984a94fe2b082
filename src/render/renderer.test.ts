// The shared renderer's frame scheduling and statistics, through a real element and its canvas.
import { expect, fixture, html } from '@open-wc/testing';
import '../index.js';
import type { RrImage } from '../elements/rr-image/rr-image.js';
import { getRenderer } from './renderer.js';
import { canvasPixels, expectPixel } from '../../test/helpers/pixels.js';

const animationFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function grayImage(): Promise<RrImage> {
  const el = await fixture<RrImage>(html`<rr-image style="width: 64px"></rr-image>`);
  el.format = { width: 4, height: 4, colorModel: 'L', channelDatatype: 'U8' };
  el.buffer = new Uint8Array(16).fill(10);
  await el.renderComplete();
  // Two animation frames without a change: the page is idle.
  await animationFrame();
  await animationFrame();
  return el;
}

describe('renderer: when frames are drawn', () => {
  it('draws a change on an idle page in the same task, before any animation frame', async () => {
    const el = await grayImage();
    const before = getRenderer().stats.frames;
    let animationFrameCame = false;
    requestAnimationFrame(() => (animationFrameCame = true));
    el.buffer = new Uint8Array(16).fill(200);
    await el.renderComplete();
    expect(animationFrameCame, 'an animation frame passed before the draw').to.equal(false);
    expect(getRenderer().stats.frames - before).to.equal(1);
    const screen = canvasPixels(el);
    expectPixel(screen, screen.width >> 1, screen.height >> 1, [200, 200, 200, 255]);
  });

  it('joins changes of one task into one draw, and later ones into the next animation frame', async () => {
    const el = await grayImage();
    const before = getRenderer().stats.frames;
    // Thirty changes, each its own update cycle, all in microtasks of one task.
    for (let i = 1; i <= 30; i++) {
      el.buffer = new Uint8Array(16).fill(i * 8);
      await el.updateComplete;
    }
    await el.renderComplete();
    const drawn = getRenderer().stats.frames - before;
    expect(drawn).to.be.within(1, 2);
    const screen = canvasPixels(el);
    expectPixel(screen, screen.width >> 1, screen.height >> 1, [240, 240, 240, 255]);
  });

  it('draws a burst spread over many tasks at most once per animation frame', async () => {
    const el = await grayImage();
    let frames = 0;
    let counting = true;
    const count = () => {
      if (!counting) return;
      frames++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    const before = getRenderer().stats.frames;
    for (let i = 1; i <= 20; i++) {
      el.buffer = new Uint8Array(16).fill(i * 10);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await el.renderComplete();
    counting = false;
    const drawn = getRenderer().stats.frames - before;
    // The first change draws at once; every further draw waits for an animation frame.
    expect(drawn).to.be.at.least(1);
    expect(drawn).to.be.at.most(frames + 1);
    const screen = canvasPixels(el);
    expectPixel(screen, screen.width >> 1, screen.height >> 1, [200, 200, 200, 255]);
  });
});

describe('renderer: one pass where one pass gives the same pixels', () => {
  /** A W×H RGB U8 image shown at one device pixel per image pixel. */
  async function rgbImage(attributes = ''): Promise<RrImage> {
    const W = 64;
    const H = 32;
    const el = await fixture<RrImage>(
      html`<rr-image style="width: ${W}px; height: ${H}px"></rr-image>`,
    );
    for (const [name, value] of attributes ? [attributes.split('=')] : [])
      el.setAttribute(name!, value!);
    el.format = { width: W, height: H, colorModel: 'RGB', channelDatatype: 'U8' };
    el.buffer = new Uint8Array(W * H * 3).map((_, i) => (i * 37 + (i >> 5)) & 255);
    await el.renderComplete();
    return el;
  }

  it('draws one opaque layer straight into the sRGB drawing buffer, byte for byte as the two-pass snapshot', async () => {
    const el = await rgbImage();
    const before = getRenderer().stats;
    el.buffer = new Uint8Array(64 * 32 * 3).map((_, i) => (i * 11 + (i >> 7)) & 255);
    await el.renderComplete();
    const after = getRenderer().stats;
    expect(after.frames - before.frames).to.equal(1);
    const gl = getRenderer().gl as WebGL2RenderingContext & { drawingBufferStorage?: unknown };
    // Browsers without drawingBufferStorage keep the two passes.
    const onePass = typeof gl.drawingBufferStorage === 'function' ? 1 : 0;
    expect(after.singlePassFrames - before.singlePassFrames).to.equal(onePass);
    const screen = canvasPixels(el);
    expect([screen.width, screen.height]).to.deep.equal([64, 32]);
    const shot = await el.snapshot();
    expect(screen.data.some((v, i) => i % 4 !== 3 && v !== 0)).to.equal(true);
    expect([...screen.data]).to.deep.equal([...shot.data]);
  });

  it('keeps the encode pass for translucent results (a layer at opacity 0.5 over nothing)', async () => {
    const el = await rgbImage('opacity=0.5');
    const before = getRenderer().stats;
    el.opacity = 0.4;
    await el.renderComplete();
    const after = getRenderer().stats;
    expect(after.frames - before.frames).to.equal(1);
    expect(after.singlePassFrames - before.singlePassFrames).to.equal(0);
    // The canvas holds premultiplied sRGB: its 2D read-back (straight) matches the snapshot
    // to the rounding of dividing by alpha 102/255 (at most 255 / 102 / 2 + ½ → 2).
    const screen = canvasPixels(el);
    const shot = await el.snapshot();
    let worst = 0;
    for (let i = 0; i < shot.data.length; i++)
      worst = Math.max(worst, Math.abs(screen.data[i]! - shot.data[i]!));
    expect(worst).to.be.at.most(2);
    expect(screen.data[3]).to.equal(102);
  });

  it('composites any layers in one pass over an opaque background: red at 0.5 over blue is (188, 0, 188)', async () => {
    const el = await fixture<RrImage>(
      html`<rr-image
        style="width: 8px; height: 8px"
        background="#0000ff"
        opacity="0.5"
      ></rr-image>`,
    );
    el.format = { width: 8, height: 8, colorModel: 'RGB', channelDatatype: 'U8' };
    const before = getRenderer().stats;
    el.buffer = new Uint8Array(8 * 8 * 3).map((_, i) => (i % 3 === 0 ? 255 : 0));
    await el.renderComplete();
    const gl = getRenderer().gl as WebGL2RenderingContext & { drawingBufferStorage?: unknown };
    if (typeof gl.drawingBufferStorage === 'function')
      expect(getRenderer().stats.singlePassFrames).to.be.greaterThan(before.singlePassFrames);
    const screen = canvasPixels(el);
    expectPixel(screen, 4, 4, [188, 0, 188, 255]);
  });
});

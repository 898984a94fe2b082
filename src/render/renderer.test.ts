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

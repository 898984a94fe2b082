// Many views on the shared renderer: one change redraws every view with its own picture (on
// screen and in snapshot()), and the GPU memory `stats` reports is what the views hold.
import { expect, fixture, html } from '@open-wc/testing';
import '../index.js';
import type { RrContext } from '../elements/rr-context/rr-context.js';
import type { RrImage } from '../elements/rr-image/rr-image.js';
import { getRenderer } from './renderer.js';
import { logViewFrames, viewColor } from '../../test/helpers/views.js';
import { canvasPixels, expectImage } from '../../test/helpers/pixels.js';

const VIEWS = 24;
const W = 4;
const H = 3;

const color = viewColor;

async function manyViews(): Promise<{ ctx: RrContext; images: RrImage[] }> {
  const ctx = await fixture<RrContext>(
    html`<rr-context style="display:grid;grid-template-columns:repeat(6, 40px)"></rr-context>`,
  );
  const images: RrImage[] = [];
  for (let v = 0; v < VIEWS; v++) {
    const image = document.createElement('rr-image') as RrImage;
    image.entity = `cam/${v}`;
    // Two sizes, so that consecutive views are drawn at different sizes.
    image.style.cssText = `display:block;width:${v % 2 ? 40 : 32}px;height:30px`;
    images.push(image);
    ctx.append(image);
  }
  logViewFrames(ctx, VIEWS, W, H);
  await Promise.all(images.map((image) => image.renderComplete()));
  return { ctx, images };
}

/** Every view's canvas shows its own image at time `t` (sampled at each texel's centre). */
function expectScreens(images: RrImage[], t: number): void {
  images.forEach((image, v) => {
    const screen = canvasPixels(image);
    // The image fills the height (30 px for 3 rows), centred horizontally.
    const texel = screen.height / H;
    const left = (screen.width - W * texel) / 2;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const px = Math.floor(left + (x + 0.5) * texel);
        const py = Math.floor((y + 0.5) * texel);
        expectImage(
          new ImageData(
            screen.data.slice((py * screen.width + px) * 4, (py * screen.width + px + 1) * 4),
            1,
            1,
          ),
          () => color(v, t, x, y),
        );
      }
    }
  });
}

describe('renderer: many views', () => {
  it('redraws every view with its own picture after one change, once each', async () => {
    const { ctx, images } = await manyViews();
    expectScreens(images, 0);
    const before = getRenderer().stats.frames;
    ctx.setTime('frame', 1);
    await Promise.all(images.map((image) => image.renderComplete()));
    expect(getRenderer().stats.frames - before).to.equal(VIEWS);
    expectScreens(images, 1);
    for (const [v, image] of images.entries()) {
      expectImage(await image.snapshot(), (x, y) => color(v, 1, x, y));
    }
  });

  it('counts what each view canvas holds, and frees it when the view goes', async () => {
    const before = getRenderer().stats.outputBytes;
    const { images } = await manyViews();
    const held = images.reduce((sum, image) => {
      const canvas = image.shadowRoot!.querySelector('canvas')!;
      return sum + canvas.width * canvas.height * 4;
    }, 0);
    expect(held).to.be.greaterThan(0);
    expect(getRenderer().stats.outputBytes - before).to.equal(held);
    const gone = images.slice(0, 5);
    const goneBytes = gone.reduce((sum, image) => {
      const canvas = image.shadowRoot!.querySelector('canvas')!;
      return sum + canvas.width * canvas.height * 4;
    }, 0);
    for (const image of gone) image.remove();
    expect(getRenderer().stats.outputBytes - before).to.equal(held - goneBytes);
    // A removed view's canvas no longer holds its frame (it reads back transparent).
    const canvas = gone[0]!.shadowRoot!.querySelector('canvas')!;
    expect(
      canvasPixels(gone[0]!).data.some((b) => b !== 0),
      `${canvas.width}×${canvas.height}`,
    ).to.equal(false);
    // The renderer's own buffers are counted once, not per view.
    expect(getRenderer().stats.rendererBytes).to.be.greaterThan(0);
  });
});

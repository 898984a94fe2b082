import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrView } from './rr-view.js';
import type { RrImage } from '../rr-image/rr-image.js';
import { canvasPixels, expectPixel } from '../../../test/helpers/pixels.js';
import { nextEvent, rgbImage } from '../../../test/helpers/fixtures.js';

const RED = [255, 0, 0, 255] as const;
const BLUE = [0, 0, 255, 255] as const;
const NONE = [0, 0, 0, 0] as const;

/** A view holding a 100×100 image, red on the left half and blue on the right. */
async function viewWith(
  attributes: string,
  style = 'width: 300px; height: 300px',
): Promise<RrView> {
  const view = await fixture<RrView>(html`<rr-view style=${style}><rr-image></rr-image></rr-view>`);
  if (attributes) view.setAttribute('visual-bounds', attributes);
  const image = view.querySelector('rr-image') as RrImage;
  image.format = { width: 100, height: 100, colorModel: 'RGB' };
  image.buffer = rgbImage(100, 100, (x) => (x < 50 ? [255, 0, 0] : [0, 0, 255]));
  return view;
}

describe('<rr-view visual-bounds> (SPEC §12.8)', () => {
  it('snapshot() covers the visual bounds, not the layers', async () => {
    const view = await viewWith('-50 0 150 100');
    const shot = await view.snapshot();
    expect([shot.width, shot.height]).to.deep.equal([200, 100]);
    expectPixel(shot, 10, 50, NONE);
    expectPixel(shot, 60, 50, RED);
    expectPixel(shot, 140, 50, BLUE);
    expectPixel(shot, 190, 50, NONE);
    const zoomed = await view.snapshot({ scale: 2 });
    expect([zoomed.width, zoomed.height]).to.deep.equal([400, 200]);
    expectPixel(zoomed, 2 * 60, 2 * 50, RED);
  });

  it('fits the bounds with uniform scale, letterboxing the other axis about its centre', async () => {
    // 200×100 scene units in 300×300 CSS px: 1.5 px per unit, y widened to [−50, 150].
    const view = await viewWith('-50 0 150 100');
    await view.renderComplete();
    const screen = canvasPixels(view);
    const s = screen.width / 300; // device pixels per CSS pixel
    const at = (x: number, y: number) => [
      Math.floor((x + 50) * 1.5 * s),
      Math.floor((y + 50) * 1.5 * s),
    ];
    expectPixel(screen, ...(at(25, 50) as [number, number]), RED);
    expectPixel(screen, ...(at(75, 50) as [number, number]), BLUE);
    expectPixel(screen, ...(at(25, 95) as [number, number]), RED);
    expectPixel(screen, ...(at(25, -20) as [number, number]), NONE);
    expectPixel(screen, ...(at(25, 120) as [number, number]), NONE);
    expectPixel(screen, ...(at(-30, 50) as [number, number]), NONE);
  });

  it('without it, fits the union of the layers, and a bad value is reported and ignored', async () => {
    const view = await viewWith('');
    const shot = await view.snapshot();
    expect([shot.width, shot.height]).to.deep.equal([100, 100]);
    const error = nextEvent(view, 'rr-error');
    view.visualBounds = '0 0 -5 10';
    const message = ((await error) as CustomEvent<{ message: string }>).detail.message;
    expect(message).to.contain('visual-bounds');
    expect(message).to.contain('"0 0 -5 10"');
    const after = await view.snapshot();
    expect([after.width, after.height]).to.deep.equal([100, 100]);
    expectPixel(after, 10, 10, RED);
  });
});

import { expect } from '@open-wc/testing';
import { expectPixel, pixelAt } from '../helpers/pixels.js';

type ImageElement = HTMLElement & { snapshot(): Promise<ImageData>; buffer?: unknown };

/** Loads a demo page in an iframe and waits for `count` upgraded `<rr-image>`s with data. */
async function demoImages(
  page: string,
  count: number,
): Promise<{ frame: HTMLIFrameElement; images: ImageElement[] }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1100px; height: 900px; border: 0';
  frame.src = `/demo/${page}`;
  document.body.append(frame);
  const deadline = performance.now() + 15000;
  for (;;) {
    const found = [
      ...(frame.contentDocument?.querySelectorAll('rr-image') ?? []),
    ] as ImageElement[];
    if (
      found.length >= count &&
      found.every((el) => typeof el.snapshot === 'function' && el.buffer)
    ) {
      return { frame, images: found };
    }
    if (performance.now() > deadline)
      throw new Error(
        `demo/${page}: expected ${count} <rr-image> with data, found ${found.length}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('demo gallery: image format pages', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('demo/image-formats.html shows the image_formats scene exactly', async () => {
    const loaded = await demoImages('image-formats.html', 4);
    frame = loaded.frame;
    const [rgb, green, bgr, yuv] = await Promise.all(loaded.images.map((el) => el.snapshot()));
    for (const [x, y] of [
      [0, 0],
      [200, 30],
      [40, 250],
      [255, 255],
    ]) {
      expectPixel(rgb, x, y, [x, Math.min(255, x + y), y, 255]);
      expectPixel(bgr, x, y, [x, Math.min(255, x + y), y, 255]);
      const g = Math.min(255, x + y);
      expectPixel(green, x, y, [g, g, g, 255]);
    }
    expectPixel(yuv, 0, 0, [0, 212, 0, 255], 1);
    expectPixel(yuv, 255, 255, [255, 45, 255, 255], 1);
  });

  it('demo/pixel-formats.html shows the picture in every PixelFormat, close to the original', async () => {
    const loaded = await demoImages('pixel-formats.html', 11);
    frame = loaded.frame;
    const shots = await Promise.all(loaded.images.map((el) => el.snapshot()));
    const original = shots[0];
    // Flat regions (the discs' centres, a smooth spot of the sweep) survive every encoding;
    // Y8 keeps only luma, so it is compared on gray level.
    const spots: Array<[number, number]> = [
      [48, 64],
      [96, 64],
      [144, 64],
      [20, 110],
    ];
    shots.slice(1).forEach((shot, i) => {
      const label = loaded.images[i + 1].nextElementSibling?.textContent ?? String(i);
      expect([shot.width, shot.height], label).to.deep.equal([original.width, original.height]);
      for (const [x, y] of spots) {
        const want = pixelAt(original, x, y);
        const got = pixelAt(shot, x, y);
        if (label.startsWith('Y8')) {
          expect(got[0], `${label} gray at (${x}, ${y})`).to.equal(got[2]);
        } else {
          want
            .slice(0, 3)
            .forEach((v, k) =>
              expect(
                Math.abs(got[k] - v),
                `${label} (${x}, ${y}) channel ${k}: ${got} vs ${want}`,
              ).to.be.at.most(4),
            );
        }
      }
    });
  });
});

/** Pixel assertions that fail with expected vs actual colours. */

export type RGBA = readonly [number, number, number, number];

/** The RGBA bytes at (x, y). */
export function pixelAt(image: ImageData, x: number, y: number): RGBA {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) {
    throw new Error(`pixel (${x}, ${y}) is outside the ${image.width}×${image.height} image`);
  }
  const i = (y * image.width + x) * 4;
  const d = image.data;
  return [d[i], d[i + 1], d[i + 2], d[i + 3]];
}

function close(a: RGBA, b: RGBA, tolerance: number): boolean {
  return a.every((v, i) => Math.abs(v - b[i]) <= tolerance);
}

/** Asserts the pixel at (x, y) equals `expected` within `tolerance` per channel. */
export function expectPixel(
  image: ImageData,
  x: number,
  y: number,
  expected: RGBA,
  tolerance = 0,
): void {
  const actual = pixelAt(image, x, y);
  if (!close(actual, expected, tolerance)) {
    throw new Error(
      `pixel (${x}, ${y}): expected rgba(${expected.join(', ')})${tolerance ? ` ±${tolerance}` : ''}, got rgba(${actual.join(', ')})`,
    );
  }
}

/**
 * Asserts every pixel equals `expected(x, y)`; reports the first few mismatches and their count.
 */
export function expectImage(
  image: ImageData,
  expected: (x: number, y: number) => RGBA,
  tolerance = 0,
): void {
  const bad: string[] = [];
  let count = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const want = expected(x, y);
      const got = pixelAt(image, x, y);
      if (!close(got, want, tolerance)) {
        count++;
        if (bad.length < 5)
          bad.push(`(${x}, ${y}) expected rgba(${want.join(', ')}) got rgba(${got.join(', ')})`);
      }
    }
  }
  if (count)
    throw new Error(`${count} of ${image.width * image.height} pixels differ: ${bad.join('; ')}`);
}

/** Asserts two images are identical in size and bytes. */
export function expectSameImage(actual: ImageData, expected: ImageData): void {
  if (actual.width !== expected.width || actual.height !== expected.height) {
    throw new Error(
      `expected a ${expected.width}×${expected.height} image, got ${actual.width}×${actual.height}`,
    );
  }
  expectImage(actual, (x, y) => pixelAt(expected, x, y));
}

/** Reads back what a view's on-screen canvas shows (through its shadow root). */
export function canvasPixels(host: Element): ImageData {
  const canvas = host.shadowRoot?.querySelector('canvas');
  if (!canvas) throw new Error(`${host.localName} has no canvas in its shadow root`);
  // The view's canvas has a bitmaprenderer context; a 2D canvas can draw it and read it back.
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const ctx = copy.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D context to read the view canvas with');
  ctx.drawImage(canvas, 0, 0);
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

/** Small test images made in code. */

/** A w×h RGB U8 image filled by `color(x, y)`. */
export function rgbImage(
  width: number,
  height: number,
  color: (x: number, y: number) => readonly number[],
): Uint8Array {
  const bytes = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) bytes.set(color(x, y).slice(0, 3), (y * width + x) * 3);
  }
  return bytes;
}

/** Rerun's `image_simple` scene (SPEC §9): 300×200 red with a green square at rows/cols 50–149. */
export function imageSimple(): Uint8Array {
  return rgbImage(300, 200, (x, y) =>
    x >= 50 && x < 150 && y >= 50 && y < 150 ? [0, 255, 0] : [255, 0, 0],
  );
}

/** Expected colour of `image_simple` at (x, y). */
export function imageSimpleColor(x: number, y: number): [number, number, number, number] {
  return x >= 50 && x < 150 && y >= 50 && y < 150 ? [0, 255, 0, 255] : [255, 0, 0, 255];
}

/** Re-orders RGB bytes into another channel layout, adding alpha where asked. */
export function convertRgb(
  rgb: Uint8Array,
  layout: 'BGR' | 'RGBA' | 'BGRA',
  alpha = 255,
): Uint8Array {
  const n = rgb.length / 3;
  const channels = layout === 'BGR' ? 3 : 4;
  const out = new Uint8Array(n * channels);
  for (let i = 0; i < n; i++) {
    const [r, g, b] = [rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2]];
    const px =
      layout === 'RGBA' ? [r, g, b, alpha] : layout === 'BGRA' ? [b, g, r, alpha] : [b, g, r];
    out.set(px, i * channels);
  }
  return out;
}

/** A PNG (as an object URL) drawn by a 2D canvas. */
export async function pngUrl(
  width: number,
  height: number,
  draw: (ctx: CanvasRenderingContext2D) => void,
): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  draw(canvas.getContext('2d')!);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'),
  );
  return URL.createObjectURL(blob);
}

/** Waits for the next event of a type on a target. */
export function nextEvent<T = unknown>(target: EventTarget, type: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) =>
    target.addEventListener(type, (e) => resolve(e as CustomEvent<T>), { once: true }),
  );
}

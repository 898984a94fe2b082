/** CSS colours to the renderer's premultiplied linear RGBA. */

const cache = new Map<string, readonly [number, number, number, number]>();
let context: CanvasRenderingContext2D | null | undefined;

function linear(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Parses any CSS colour the browser understands; empty or invalid → transparent. */
export function parseCssColor(
  color: string | null | undefined,
): readonly [number, number, number, number] {
  const key = (color ?? '').trim();
  if (!key) return [0, 0, 0, 0];
  const hit = cache.get(key);
  if (hit) return hit;
  context ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  let result: readonly [number, number, number, number] = [0, 0, 0, 0];
  if (context) {
    context.clearRect(0, 0, 1, 1);
    // An invalid value leaves fillStyle unchanged: reset to transparent first.
    context.fillStyle = 'rgba(0, 0, 0, 0)';
    context.fillStyle = key;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
    const alpha = a / 255;
    result = [linear(r) * alpha, linear(g) * alpha, linear(b) * alpha, alpha];
  }
  cache.set(key, result);
  return result;
}

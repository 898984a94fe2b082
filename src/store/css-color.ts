/**
 * The one CSS colour parser: any colour the browser's own CSS parser reads (names, `rgb()`,
 * `hsl()`, …), through a 2D context's fillStyle on an OffscreenCanvas (no DOM needed). A table
 * of the 148 names would cost the bundle more than this; outside a browser nothing is known.
 */
import type { Rgba8 } from './auto-color.js';

let probe: OffscreenCanvasRenderingContext2D | null | undefined;
const cache = new Map<string, Rgba8 | undefined>();

/**
 * A CSS colour as sRGB bytes with straight alpha, or undefined for text that is no colour (or
 * `currentcolor`, which has nothing to inherit from here).
 */
export function cssColorBytes(text: string): Rgba8 | undefined {
  const key = text.trim().toLowerCase();
  if (cache.has(key)) return cache.get(key);
  probe ??=
    typeof OffscreenCanvas === 'undefined'
      ? null
      : new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true });
  let result: Rgba8 | undefined;
  if (probe && key !== '' && key !== 'currentcolor') {
    // An invalid value leaves fillStyle as it was: from two different starting colours it shows.
    probe.fillStyle = '#000000';
    probe.fillStyle = key;
    const first = String(probe.fillStyle);
    probe.fillStyle = '#ffffff';
    probe.fillStyle = key;
    if (String(probe.fillStyle) === first) {
      probe.clearRect(0, 0, 1, 1);
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
      result = [r!, g!, b!, a!];
    }
  }
  cache.set(key, result);
  return result;
}

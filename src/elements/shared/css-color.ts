/** CSS colours to the renderer's premultiplied linear RGBA. */
import { cssColorBytes } from '../../store/css-color.js';

function linear(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Parses any CSS colour the browser understands; empty or invalid → transparent. */
export function parseCssColor(
  color: string | null | undefined,
): readonly [number, number, number, number] {
  const [r, g, b, a] = cssColorBytes(color ?? '') ?? [0, 0, 0, 0];
  const alpha = a / 255;
  return [linear(r) * alpha, linear(g) * alpha, linear(b) * alpha, alpha];
}

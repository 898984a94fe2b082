/**
 * `visual-bounds="xmin ymin xmax ymax"` (Rerun's VisualBounds2D, SPEC §12.8): the scene region a
 * view fits, with uniform scale and letterboxing.
 */

/** A region in scene units: top-left corner and size (y down). */
export interface BoundsRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Parses the attribute; throws a RangeError saying what was expected and what came. */
export function parseVisualBounds(value: string | null | undefined): BoundsRect | undefined {
  if (value == null || value.trim() === '') return undefined;
  const parts = value.trim().split(/[\s,]+/);
  const numbers = parts.map(Number);
  const [x0, y0, x1, y1] = numbers;
  if (parts.length !== 4 || !numbers.every(Number.isFinite) || !(x1 > x0) || !(y1 > y0)) {
    throw new RangeError(
      `visual-bounds: expected four numbers "xmin ymin xmax ymax" with xmin < xmax and ymin < ymax, got ${JSON.stringify(value)}`,
    );
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * Where `bounds` lands in a cssWidth × cssHeight box: CSS pixels per scene unit (uniform, the
 * tighter axis) and the CSS position of scene (0, 0), the other axis centred (letterboxed).
 */
export function fitBounds(
  bounds: BoundsRect,
  cssWidth: number,
  cssHeight: number,
): { scale: number; x: number; y: number } {
  const scale = Math.min(cssWidth / bounds.width, cssHeight / bounds.height);
  return {
    scale,
    x: (cssWidth - bounds.width * scale) / 2 - bounds.x * scale,
    y: (cssHeight - bounds.height * scale) / 2 - bounds.y * scale,
  };
}

/** The smallest rectangle holding every given one (undefined for none). */
export function unionBounds(rects: readonly BoundsRect[]): BoundsRect | undefined {
  if (!rects.length) return undefined;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

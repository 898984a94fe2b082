/**
 * `visual-bounds="xmin ymin xmax ymax"` (Rerun's VisualBounds2D, SPEC §12.8): the scene region a
 * view fits, with uniform scale and letterboxing.
 */

import type { SceneRect } from '../../render/layer.js';

/** Parses the attribute; throws a RangeError saying what was expected and what came. */
export function parseVisualBounds(value: string | null | undefined): SceneRect | undefined {
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

/**
 * Regions of interest for fitting a 2D view (SPEC §12.8, `scene_bounding_boxes.rs`): images
 * their rect, boxes and lines their exact geometric bounding box (line width excluded), points
 * a robust `mean ± 2σ` box. And the letterboxing that maps visual bounds to a view.
 */
import type { SceneRect } from './types.js';

/** Population mean and σ of values. */
function meanSigma(values: readonly number[]): [number, number] {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) * (v - mean);
  return [mean, Math.sqrt(sq / values.length)];
}

/** `mean ± 2σ` of one axis, computed twice: the second pass keeps values inside the first. */
function robustRange(values: readonly number[]): [number, number] {
  const [m1, s1] = meanSigma(values);
  const inside = values.filter((v) => v >= m1 - 2 * s1 && v <= m1 + 2 * s1);
  const [m, s] = inside.length ? meanSigma(inside) : [m1, s1];
  return [m - 2 * s, m + 2 * s];
}

/**
 * Points: per axis `mean ± 2σ` (population σ), twice, the second pass over the values inside
 * the first range. Non-finite positions are skipped. Undefined for no points.
 */
export function pointsRegion(positions: ArrayLike<number>): SceneRect | undefined {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i + 1 < positions.length; i += 2) {
    const x = positions[i]!;
    const y = positions[i + 1]!;
    if (Number.isFinite(x) && Number.isFinite(y)) {
      xs.push(x);
      ys.push(y);
    }
  }
  if (!xs.length) return undefined;
  const [x0, x1] = robustRange(xs);
  const [y0, y1] = robustRange(ys);
  return { x0, y0, x1, y1 };
}

/** The exact bounding box of 2D vertices (finite ones); undefined for none. */
export function verticesRegion(vertices: ArrayLike<number>): SceneRect | undefined {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i + 1 < vertices.length; i += 2) {
    const x = vertices[i]!;
    const y = vertices[i + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return x0 <= x1 ? { x0, y0, x1, y1 } : undefined;
}

/** Line strips: the bounding box of all their vertices. */
export const stripsRegion = verticesRegion;

/** Boxes: the union of the geometric boxes `centre ± half size` (outline width excluded). */
export function boxesRegion(
  centers: ArrayLike<number>,
  halfSizes: ArrayLike<number>,
): SceneRect | undefined {
  const corners: number[] = [];
  for (let i = 0; i + 1 < halfSizes.length; i += 2) {
    const cx = centers[i]!;
    const cy = centers[i + 1]!;
    corners.push(
      cx - halfSizes[i]!,
      cy - halfSizes[i + 1]!,
      cx + halfSizes[i]!,
      cy + halfSizes[i + 1]!,
    );
  }
  return verticesRegion(corners);
}

/** The union of regions (undefined ones skipped); undefined when all are. */
export function unionRegions(regions: Iterable<SceneRect | undefined>): SceneRect | undefined {
  let out: SceneRect | undefined;
  for (const r of regions) {
    if (!r) continue;
    out = out
      ? {
          x0: Math.min(out.x0, r.x0),
          y0: Math.min(out.y0, r.y0),
          x1: Math.max(out.x1, r.x1),
          y1: Math.max(out.y1, r.y1),
        }
      : { ...r };
  }
  return out;
}

/** Rerun's bounds before anything has been seen (`visual_bounds2d_ext.rs`). */
export const DEFAULT_VISUAL_BOUNDS: Readonly<SceneRect> = { x0: 0, y0: 0, x1: 100, y1: 100 };

/**
 * VisualBounds2D fitted to a `width` × `height` view with uniform scale: `scale` view units
 * per scene unit, and the bounds with the other axis widened symmetrically (letterboxing).
 * A zero-size axis takes the scale of the other; both zero → scale 1 about the centre.
 */
export function letterbox(
  bounds: SceneRect,
  width: number,
  height: number,
): { scale: number; bounds: SceneRect } {
  const w = bounds.x1 - bounds.x0;
  const h = bounds.y1 - bounds.y0;
  const sx = w > 0 ? width / w : Infinity;
  const sy = h > 0 ? height / h : Infinity;
  let scale = Math.min(sx, sy);
  if (!Number.isFinite(scale)) scale = 1;
  const cx = (bounds.x0 + bounds.x1) / 2;
  const cy = (bounds.y0 + bounds.y1) / 2;
  const hw = width / scale / 2;
  const hh = height / scale / 2;
  return { scale, bounds: { x0: cx - hw, y0: cy - hh, x1: cx + hw, y1: cy + hh } };
}

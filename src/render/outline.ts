/**
 * The hover outline of SPEC §12.9, painted with the labels (render/labels.ts) above the GL
 * picture. Rerun draws it in its compositor: a jump-flooding distance field around the hovered
 * instance's mask (line and box masks grown by 1 UI point), and white (#ffffff, the hover
 * stroke) wherever the distance to the mask's edge is under `max(0.5, ppp)` device pixels
 * (stroke width 2 UI points × 0.5). Every mask here is a set "within r of a polyline" (a point is
 * a polyline of one place, a box a closed one of its corners), so the band is two round-capped,
 * round-joined strokes of a 2D canvas: the shape grown by the outline radius, minus the shape
 * shrunk by it. That is deterministic and costs no extra
 * GL pass; it differs from Rerun only in the anti-aliasing of the band's edges (the canvas'
 * coverage, blended in gamma space as the labels are, instead of `saturate(radius − distance)`
 * in linear light).
 */

/**
 * The hovered instance's shape in scene units: the instance covers what lies within `radius`
 * (Rerun's signed convention: > 0 scene units, ≤ 0 UI points) of the polyline `vertices`
 * (x, y pairs; one pair for a point), grown by `boost` UI points (lines and boxes).
 */
export interface OutlineShape {
  vertices: ArrayLike<number>;
  closed: boolean;
  radius: number;
  boost: number;
}

/** The hover colour: egui's `widgets.active.fg_stroke` in Rerun's dark theme. */
export const OUTLINE_COLOR = '#ffffff';
/** Rerun's SIZE_BOOST_IN_POINTS_FOR_LINE_OUTLINES: line and box masks grow by this. */
export const LINE_OUTLINE_BOOST = 1;

/** Scene → device pixels, as for labels. */
export interface OutlineTransform {
  scale: number;
  offset: readonly [number, number];
  pixelRatio: number;
}

/** A rectangle in device pixels. */
export interface DeviceRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** The outline radius in device pixels: `max(0.5, ppp · stroke width 2 / 2)`. */
export function outlineRadius(pixelRatio: number): number {
  return Math.max(0.5, pixelRatio);
}

/** The mask's radius about the path, and the band's, in device pixels. */
function radii(shape: OutlineShape, t: OutlineTransform): [number, number] {
  const r = shape.radius > 0 ? shape.radius * t.scale : -shape.radius * t.pixelRatio;
  return [r + shape.boost * t.pixelRatio, outlineRadius(t.pixelRatio)];
}

/** The vertices in device pixels. */
function device(shape: OutlineShape, t: OutlineTransform): number[] {
  return Array.from(shape.vertices, (v, k) => t.offset[k % 2]! + v * t.scale);
}

/** The device rectangle the outline of `shape` can touch (for compositing). */
export function outlineBounds(shape: OutlineShape, t: OutlineTransform): DeviceRect {
  const [r, band] = radii(shape, t);
  const reach = r + band + 2;
  const v = device(shape, t);
  const xs = v.filter((_, k) => k % 2 === 0);
  const ys = v.filter((_, k) => k % 2 === 1);
  const x = Math.min(...xs) - reach;
  const y = Math.min(...ys) - reach;
  return { x, y, width: Math.max(...xs) + reach - x, height: Math.max(...ys) + reach - y };
}

/**
 * Paints the hover outline of `shape` into `ctx` (which holds nothing yet where it goes: the
 * band's inside is cut out with `destination-out`, so call it before painting labels).
 */
export function paintOutline(ctx: Context2D, shape: OutlineShape, t: OutlineTransform): void {
  const [r, band] = radii(shape, t);
  const v = device(shape, t);
  if (!(r >= 0) || v.length < 2 || !v.every(Number.isFinite)) return;
  ctx.save();
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = OUTLINE_COLOR;
  ctx.beginPath();
  ctx.moveTo(v[0]!, v[1]!);
  for (let k = 2; k + 1 < v.length; k += 2) ctx.lineTo(v[k]!, v[k + 1]!);
  // A point: a segment too short to see, so that its round caps make the disc.
  if (v.length === 2) ctx.lineTo(v[0]! + 1e-3, v[1]!);
  if (shape.closed) ctx.closePath();
  ctx.lineWidth = 2 * (r + band);
  ctx.stroke();
  if (r > band) {
    ctx.globalCompositeOperation = 'destination-out';
    ctx.lineWidth = 2 * (r - band);
    ctx.stroke();
  }
  ctx.restore();
}

/** Whether two outlines are the same shape (so hovering along one instance repaints nothing). */
export function sameOutline(a: OutlineShape | undefined, b: OutlineShape | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.radius === b.radius &&
    a.boost === b.boost &&
    a.closed === b.closed &&
    a.vertices.length === b.vertices.length &&
    Array.prototype.every.call(a.vertices, (v: number, k: number) => v === b.vertices[k])
  );
}

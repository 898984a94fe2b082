/**
 * The hover outline of SPEC §12.9, painted with the labels (render/labels.ts) above the GL
 * picture. Rerun draws it in its compositor: a jump-flooding distance field around the hovered
 * instance's mask (line and box masks grown by 1 UI point), and white (#ffffff, the hover
 * stroke) wherever the distance to the mask's edge is under `max(0.5, ppp)` device pixels
 * (stroke width 2 UI points × 0.5). Every mask here is a set "within r of a point, polyline or
 * rectangle outline", so the band is two round-joined strokes of a 2D canvas: the shape grown
 * by the outline radius, minus the shape shrunk by it. That is deterministic and costs no extra
 * GL pass; it differs from Rerun only in the anti-aliasing of the band's edges (the canvas'
 * coverage, blended in gamma space as the labels are, instead of `saturate(radius − distance)`
 * in linear light).
 */

/** The hovered instance's shape in scene units; radii in Rerun's signed convention. */
export type OutlineShape =
  | { kind: 'disc'; x: number; y: number; radius: number }
  | { kind: 'strip'; vertices: ArrayLike<number>; radius: number }
  | { kind: 'box'; x0: number; y0: number; x1: number; y1: number; radius: number };

/** The hover colour: egui's `widgets.active.fg_stroke` in Rerun's dark theme. */
export const OUTLINE_COLOR = '#ffffff';
/** Hover stroke width, UI points; the outline radius is half of it. */
export const OUTLINE_STROKE = 2;
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

/** The outline radius in device pixels: `max(0.5, ppp · stroke / 2)`. */
export function outlineRadius(pixelRatio: number): number {
  return Math.max(0.5, (pixelRatio * OUTLINE_STROKE) / 2);
}

function devicePath(ctx: Context2D, shape: OutlineShape, t: OutlineTransform): void {
  const X = (x: number) => t.offset[0] + x * t.scale;
  const Y = (y: number) => t.offset[1] + y * t.scale;
  ctx.beginPath();
  if (shape.kind === 'box') {
    ctx.rect(
      X(shape.x0),
      Y(shape.y0),
      (shape.x1 - shape.x0) * t.scale,
      (shape.y1 - shape.y0) * t.scale,
    );
  } else if (shape.kind === 'strip') {
    const v = shape.vertices;
    for (let k = 0; k + 1 < v.length; k += 2) {
      if (k === 0) ctx.moveTo(X(v[0]!), Y(v[1]!));
      else ctx.lineTo(X(v[k]!), Y(v[k + 1]!));
    }
  }
}

/** The mask's radius (distance from the path that the instance covers), device pixels. */
function maskRadius(shape: OutlineShape, t: OutlineTransform): number {
  const r = shape.radius > 0 ? shape.radius * t.scale : -shape.radius * t.pixelRatio;
  return shape.kind === 'disc' ? r : r + LINE_OUTLINE_BOOST * t.pixelRatio;
}

/** The device rectangle the outline of `shape` can touch (for compositing and clearing). */
export function outlineBounds(shape: OutlineShape, t: OutlineTransform): DeviceRect {
  const reach = maskRadius(shape, t) + outlineRadius(t.pixelRatio) + 2;
  let xs: number[];
  let ys: number[];
  if (shape.kind === 'box') {
    xs = [shape.x0, shape.x1];
    ys = [shape.y0, shape.y1];
  } else if (shape.kind === 'strip') {
    xs = [];
    ys = [];
    for (let k = 0; k + 1 < shape.vertices.length; k += 2) {
      xs.push(shape.vertices[k]!);
      ys.push(shape.vertices[k + 1]!);
    }
  } else {
    xs = [shape.x];
    ys = [shape.y];
  }
  const x0 = t.offset[0] + Math.min(...xs) * t.scale - reach;
  const y0 = t.offset[1] + Math.min(...ys) * t.scale - reach;
  const x1 = t.offset[0] + Math.max(...xs) * t.scale + reach;
  const y1 = t.offset[1] + Math.max(...ys) * t.scale + reach;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * Paints the hover outline of `shape` into `ctx` (which holds nothing yet where it goes: the
 * band's inside is cut out with `destination-out`, so call it before painting labels).
 */
export function paintOutline(ctx: Context2D, shape: OutlineShape, t: OutlineTransform): void {
  const r = maskRadius(shape, t);
  const band = outlineRadius(t.pixelRatio);
  if (!Number.isFinite(r) || r < 0) return;
  ctx.save();
  if (shape.kind === 'disc') {
    // A ring |d − r| < band about the disc's centre.
    const x = t.offset[0] + shape.x * t.scale;
    const y = t.offset[1] + shape.y * t.scale;
    ctx.beginPath();
    if (r > band) {
      ctx.strokeStyle = OUTLINE_COLOR;
      ctx.lineWidth = 2 * band;
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.stroke();
    } else {
      ctx.fillStyle = OUTLINE_COLOR;
      ctx.arc(x, y, r + band, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.restore();
    return;
  }
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = OUTLINE_COLOR;
  devicePath(ctx, shape, t);
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
  if (a.kind !== b.kind || a.radius !== b.radius) return false;
  if (a.kind === 'disc' && b.kind === 'disc') return a.x === b.x && a.y === b.y;
  if (a.kind === 'box' && b.kind === 'box')
    return a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1;
  if (a.kind === 'strip' && b.kind === 'strip') {
    if (a.vertices.length !== b.vertices.length) return false;
    for (let k = 0; k < a.vertices.length; k++) if (a.vertices[k] !== b.vertices[k]) return false;
    return true;
  }
  return false;
}

/**
 * Rerun's components of one Points2D / Boxes2D / LineStrips2D row → what the renderer draws
 * (SPEC §12.2–§12.8): instances that can be drawn, clamped per-instance radii and colours,
 * labels, keypoint connections, the region of interest and the draw order.
 */
import { DEFAULT_DRAW_ORDER } from './draw-order.js';
import { describe, issue } from './issues.js';
import { keypointSegments } from './keypoints.js';
import { clamped, instanceStyles } from './instance-style.js';
import { resolveLabels, type LabelSource } from './labels.js';
import { boxesRegion, pointsRegion, stripsRegion, verticesRegion } from './regions.js';
import type {
  Boxes2DData,
  GeometryCommonData,
  GeometryIssue,
  LineStrips2DData,
  Points2DData,
  ResolveContext,
  ResolvedBoxes,
  ResolvedPoints,
  ResolvedStrips,
} from './types.js';

/** Rerun's `Radius::default()`: 1.5 UI points (stored negative). */
export const DEFAULT_RADIUS = -1.5;

const F16_MAX = 65504;

/**
 * A number rounded to the nearest IEEE half float (ties to even): line and box radii travel
 * as f16 in Rerun's renderer (`SizeHalf`), so 0.025 draws as 0.024994.
 */
export function toHalfFloat(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  if (a >= F16_MAX + 16) return Math.sign(x) * Infinity;
  const e = Math.max(Math.floor(Math.log2(a)), -14);
  const quantum = 2 ** (e - 10);
  const q = a / quantum;
  let r = Math.round(q);
  if (r - q === 0.5 && r % 2 === 1) r -= 1; // Math.round rounds .5 up; f16 ties go to even
  return Math.sign(x) * r * quantum;
}

/** Which instances are drawn, and the issues for those that are not. */
class Drawable {
  readonly #out = new Set<number>();
  readonly issues: GeometryIssue[] = [];

  constructor(
    readonly count: number,
    leaveOut: Iterable<number> | undefined,
  ) {
    for (const i of leaveOut ?? []) this.#out.add(i);
  }

  /** Leaves out the instances failing `ok` (not already out), with one issue for `field`. */
  require(
    field: string,
    expected: string,
    ok: (i: number) => boolean,
    got: (i: number) => unknown,
  ) {
    const failed: number[] = [];
    for (let i = 0; i < this.count; i++) {
      if (!this.#out.has(i) && !ok(i)) failed.push(i);
    }
    if (!failed.length) return;
    failed.forEach((i) => this.#out.add(i));
    this.issues.push(issue(field, expected, describe(got(failed[0]!)), failed));
  }

  has = (i: number): boolean => i < this.count && !this.#out.has(i);

  /** Drawn instance indices, ascending. */
  indices(): Uint32Array {
    const out: number[] = [];
    for (let i = 0; i < this.count; i++) if (!this.#out.has(i)) out.push(i);
    return Uint32Array.from(out);
  }
}

const finite = (...v: number[]) => v.every(Number.isFinite);

/** Copies 2 floats per drawn instance. */
function gather2(source: Float32Array, at: Uint32Array): Float32Array {
  const out = new Float32Array(at.length * 2);
  at.forEach((i, k) => {
    out[2 * k] = source[2 * i]!;
    out[2 * k + 1] = source[2 * i + 1]!;
  });
  return out;
}

function gatherColors(colors: Uint8Array, at: Uint32Array): Uint8Array {
  const out = new Uint8Array(at.length * 4);
  at.forEach((i, k) => out.set(colors.subarray(i * 4, i * 4 + 4), k * 4));
  return out;
}

function gatherClamped(values: Uint16Array | undefined, at: Uint32Array): Uint16Array | undefined {
  if (!values?.length) return undefined;
  return Uint16Array.from(at, (i) => clamped(values, i)!);
}

/** The radius of instance i: clamped, else the default. */
function radiusAt(data: GeometryCommonData, i: number): number {
  return clamped(data.radii, i) ?? DEFAULT_RADIUS;
}

/** Radii of drawn instances; `half` rounds them as Rerun's line renderer stores them. */
function gatherRadii(data: GeometryCommonData, at: Uint32Array, half: boolean): Float32Array {
  return Float32Array.from(at, (i) => (half ? toHalfFloat(radiusAt(data, i)) : radiusAt(data, i)));
}

function requireRadii(drawable: Drawable, data: GeometryCommonData): void {
  drawable.require(
    'radii',
    'finite radii (> 0 scene units, ≤ 0 UI points)',
    (i) => Number.isFinite(radiusAt(data, i)),
    (i) => radiusAt(data, i),
  );
}

/** Points2D (SPEC §12.6.1): shaded discs, with the class skeletons under them. */
export function resolvePoints2D(data: Points2DData, ctx: ResolveContext): ResolvedPoints {
  const positions = data.positions;
  const count = Math.floor(positions.length / 2);
  const drawable = new Drawable(count, ctx.leaveOut);
  drawable.require(
    'positions',
    'finite x and y',
    (i) => finite(positions[2 * i]!, positions[2 * i + 1]!),
    (i) => [positions[2 * i], positions[2 * i + 1]],
  );
  requireRadii(drawable, data);
  const classIds = data.classIds?.length ? data.classIds : undefined;
  // Keypoint ids mean nothing without class ids (SPEC §12.2).
  const keypointIds = classIds && data.keypointIds?.length ? data.keypointIds : undefined;
  const styles = instanceStyles(
    count,
    ctx.entity,
    ctx.annotations,
    data.colors,
    classIds,
    keypointIds,
  );
  const at = drawable.indices();
  const drawnPositions = gather2(positions, at);
  const result: ResolvedPoints = {
    kind: 'points',
    entity: ctx.entity,
    count: at.length,
    instances: at,
    positions: drawnPositions,
    radii: gatherRadii(data, at, false),
    colors: gatherColors(styles.colors, at),
    labels: resolveLabels({
      ...labelSource(count, drawable, data, styles, classIds),
      ...(keypointIds ? { keypointIds } : {}),
      anchor: (i) => [positions[2 * i]!, positions[2 * i + 1]!],
      bounds: () => verticesRegion(drawnPositions),
    }),
    connections: keypointSegments(positions, drawable.has, classIds, keypointIds, ctx.annotations),
    drawOrder: data.drawOrder ?? DEFAULT_DRAW_ORDER.Points2D,
    issues: drawable.issues,
  };
  const region = pointsRegion(drawnPositions);
  if (region) result.region = region;
  const drawnClasses = gatherClamped(classIds, at);
  if (drawnClasses) result.classIds = drawnClasses;
  const drawnKeypoints = gatherClamped(keypointIds, at);
  if (drawnKeypoints) result.keypointIds = drawnKeypoints;
  return result;
}

/** Boxes2D (SPEC §12.6.3): outlines centred on the edge, never filled. */
export function resolveBoxes2D(data: Boxes2DData, ctx: ResolveContext): ResolvedBoxes {
  const halfSizes = data.halfSizes;
  const count = Math.floor(halfSizes.length / 2);
  // Absent centres are (0, 0) for every box; a short array repeats its last centre.
  const center = (i: number): [number, number] => {
    const c = data.centers;
    if (!c || c.length < 2) return [0, 0];
    const j = Math.min(i, c.length / 2 - 1);
    return [c[2 * j]!, c[2 * j + 1]!];
  };
  const drawable = new Drawable(count, ctx.leaveOut);
  drawable.require(
    'halfSizes',
    'finite half sizes',
    (i) => finite(halfSizes[2 * i]!, halfSizes[2 * i + 1]!),
    (i) => [halfSizes[2 * i], halfSizes[2 * i + 1]],
  );
  drawable.require('centers', 'finite centres', (i) => finite(...center(i)), center);
  requireRadii(drawable, data);
  const classIds = data.classIds?.length ? data.classIds : undefined;
  const styles = instanceStyles(
    count,
    ctx.entity,
    ctx.annotations,
    data.colors,
    classIds,
    undefined,
  );
  const at = drawable.indices();
  const centers = new Float32Array(at.length * 2);
  at.forEach((i, k) => centers.set(center(i), 2 * k));
  const drawnHalfSizes = gather2(halfSizes, at);
  const region = boxesRegion(centers, drawnHalfSizes);
  const result: ResolvedBoxes = {
    kind: 'boxes',
    entity: ctx.entity,
    count: at.length,
    instances: at,
    centers,
    halfSizes: drawnHalfSizes,
    radii: gatherRadii(data, at, true),
    colors: gatherColors(styles.colors, at),
    labels: resolveLabels({
      ...labelSource(count, drawable, data, styles, classIds),
      // Rect::center_bottom of min..max: with a negative half height this is the visual top.
      anchor: (i) => {
        const [cx, cy] = center(i);
        return [cx, cy + halfSizes[2 * i + 1]!];
      },
      boxWidth: (i) => 2 * halfSizes[2 * i]!,
      bounds: () => region,
    }),
    drawOrder: data.drawOrder ?? DEFAULT_DRAW_ORDER.Boxes2D,
    issues: drawable.issues,
  };
  if (region) result.region = region;
  const drawnClasses = gatherClamped(classIds, at);
  if (drawnClasses) result.classIds = drawnClasses;
  return result;
}

/** What every archetype's labels start from (SPEC §12.4.1–12.4.2); each adds its own anchors. */
function labelSource(
  count: number,
  drawable: Drawable,
  data: { labels?: readonly string[]; showLabels?: boolean },
  styles: { annotationLabels: LabelSource['annotationLabels']; colors: LabelSource['colors'] },
  classIds: LabelSource['classIds'],
): Omit<LabelSource, 'anchor' | 'bounds'> {
  return {
    count,
    drawn: drawable.has,
    ...(data.labels ? { labels: data.labels } : {}),
    ...(data.showLabels !== undefined ? { showLabels: data.showLabels } : {}),
    annotationLabels: styles.annotationLabels,
    colors: styles.colors,
    ...(classIds ? { classIds } : {}),
  };
}

/** LineStrips2D (SPEC §12.6.2): round caps and joins; a strip of < 2 vertices draws nothing. */
export function resolveLineStrips2D(data: LineStrips2DData, ctx: ResolveContext): ResolvedStrips {
  const strips = data.strips;
  const count = strips.length;
  const drawable = new Drawable(count, ctx.leaveOut);
  drawable.require(
    'strips',
    'finite vertices',
    (i) => strips[i]!.every(Number.isFinite),
    (i) => strips[i]!.find((v) => !Number.isFinite(v)),
  );
  requireRadii(drawable, data);
  const classIds = data.classIds?.length ? data.classIds : undefined;
  const styles = instanceStyles(
    count,
    ctx.entity,
    ctx.annotations,
    data.colors,
    classIds,
    undefined,
  );
  const at = drawable.indices();
  const offsets = new Uint32Array(at.length + 1);
  at.forEach((i, k) => (offsets[k + 1] = offsets[k]! + Math.floor(strips[i]!.length / 2)));
  const vertices = new Float32Array(offsets[at.length]! * 2);
  at.forEach((i, k) =>
    vertices.set(strips[i]!.subarray(0, (offsets[k + 1]! - offsets[k]!) * 2), offsets[k]! * 2),
  );
  const region = stripsRegion(vertices);
  const result: ResolvedStrips = {
    kind: 'strips',
    entity: ctx.entity,
    count: at.length,
    instances: at,
    vertices,
    offsets,
    radii: gatherRadii(data, at, true),
    colors: gatherColors(styles.colors, at),
    labels: resolveLabels({
      ...labelSource(count, drawable, data, styles, classIds),
      // The arithmetic mean of the strip's vertices, not its arc-length midpoint.
      anchor: (i) => {
        const s = strips[i]!;
        const n = Math.floor(s.length / 2);
        if (n === 0) return undefined;
        let x = 0;
        let y = 0;
        for (let j = 0; j < n; j++) {
          x += s[2 * j]!;
          y += s[2 * j + 1]!;
        }
        return [x / n, y / n];
      },
      bounds: () => region,
    }),
    drawOrder: data.drawOrder ?? DEFAULT_DRAW_ORDER.LineStrips2D,
    issues: drawable.issues,
  };
  if (region) result.region = region;
  const drawnClasses = gatherClamped(classIds, at);
  if (drawnClasses) result.classIds = drawnClasses;
  return result;
}

/**
 * Resolved geometry (src/store/geometry) → the drawables' instance arrays: segments of strips,
 * corners of boxes, keypoint connections, with the legend's class state applied (hidden classes
 * left out, classes other than a highlighted one dimmed).
 */
import type {
  KeypointSegments,
  ResolvedBoxes,
  ResolvedPoints,
  ResolvedStrips,
} from '../store/geometry/types.js';
import type { PointInstances } from './points-drawable.js';
import type { SegmentInstances } from './segments-drawable.js';

/** What the legend asks of an instance of a class: hide it, or dim it. */
export interface ClassFilter {
  visible(classId: number): boolean;
  /** Colour factor (1 = as resolved); `keypointId` for points that have one. */
  weight(classId: number, keypointId?: number): number;
}

/** Copies colour i of `from` into slot j of `to`, scaled as premultiplied bytes. */
function copyColor(from: Uint8Array, i: number, to: Uint8Array, j: number, weight: number): void {
  for (let k = 0; k < 4; k++) to[j * 4 + k] = Math.round(from[i * 4 + k]! * weight);
}

/** Indices of the instances the filter keeps (all without class ids or filter). */
function kept(count: number, classIds: Uint16Array | undefined, filter?: ClassFilter): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++)
    if (!filter || !classIds || filter.visible(classIds[i]!)) out.push(i);
  return out;
}

const weightOf = (classIds: Uint16Array | undefined, i: number, filter?: ClassFilter) =>
  filter && classIds ? filter.weight(classIds[i]!) : 1;

export function pointInstances(points: ResolvedPoints, filter?: ClassFilter): PointInstances {
  const keep = kept(points.count, points.classIds, filter);
  const n = keep.length;
  const positions = new Float32Array(n * 2);
  const radii = new Float32Array(n);
  const colors = new Uint8Array(n * 4);
  keep.forEach((i, j) => {
    positions[j * 2] = points.positions[i * 2]!;
    positions[j * 2 + 1] = points.positions[i * 2 + 1]!;
    radii[j] = points.radii[i]!;
    const weight =
      filter && points.classIds ? filter.weight(points.classIds[i]!, points.keypointIds?.[i]) : 1;
    copyColor(points.colors, i, colors, j, weight);
  });
  return { count: n, positions, radii, colors };
}

export function connectionSegments(
  connections: KeypointSegments,
  filter?: ClassFilter,
): SegmentInstances {
  const keep = kept(connections.count, connections.classIds, filter);
  const n = keep.length;
  const ends = new Float32Array(n * 4);
  const colors = new Uint8Array(n * 4);
  keep.forEach((i, j) => {
    ends.set(connections.endpoints.subarray(i * 4, i * 4 + 4), j * 4);
    copyColor(connections.colors, i, colors, j, weightOf(connections.classIds, i, filter));
  });
  return { count: n, ends, radii: new Float32Array(n).fill(connections.radius), colors };
}

/** One box-mode segment per box, from its two corners. */
export function boxSegments(boxes: ResolvedBoxes, filter?: ClassFilter): SegmentInstances {
  const keep = kept(boxes.count, boxes.classIds, filter);
  const n = keep.length;
  const ends = new Float32Array(n * 4);
  const radii = new Float32Array(n);
  const colors = new Uint8Array(n * 4);
  keep.forEach((i, j) => {
    const cx = boxes.centers[i * 2]!;
    const cy = boxes.centers[i * 2 + 1]!;
    const hx = boxes.halfSizes[i * 2]!;
    const hy = boxes.halfSizes[i * 2 + 1]!;
    ends[j * 4] = cx - hx;
    ends[j * 4 + 1] = cy - hy;
    ends[j * 4 + 2] = cx + hx;
    ends[j * 4 + 3] = cy + hy;
    radii[j] = boxes.radii[i]!;
    copyColor(boxes.colors, i, colors, j, weightOf(boxes.classIds, i, filter));
  });
  return { count: n, ends, radii, colors };
}

/** One capsule per pair of consecutive vertices; strips of fewer than 2 vertices draw nothing. */
export function stripSegments(strips: ResolvedStrips, filter?: ClassFilter): SegmentInstances {
  const keep = kept(strips.count, strips.classIds, filter);
  let n = 0;
  for (const i of keep) n += Math.max(0, strips.offsets[i + 1]! - strips.offsets[i]! - 1);
  const ends = new Float32Array(n * 4);
  const radii = new Float32Array(n);
  const colors = new Uint8Array(n * 4);
  const v = strips.vertices;
  let j = 0;
  for (const i of keep) {
    const weight = weightOf(strips.classIds, i, filter);
    for (let k = strips.offsets[i]!; k + 1 < strips.offsets[i + 1]!; k++, j++) {
      ends[j * 4] = v[k * 2]!;
      ends[j * 4 + 1] = v[k * 2 + 1]!;
      ends[j * 4 + 2] = v[k * 2 + 2]!;
      ends[j * 4 + 3] = v[k * 2 + 3]!;
      radii[j] = strips.radii[i]!;
      copyColor(strips.colors, i, colors, j, weight);
    }
  }
  return { count: n, ends, radii, colors };
}

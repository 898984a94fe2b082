/**
 * Keypoint connections of a Points2D batch (SPEC §12.6.5, `load_keypoint_connections`).
 */
import { premultiplyGamma, type AnnotationContextData } from '../annotation-context.js';
import { autoColor } from '../auto-color.js';
import { clamped } from './instance-style.js';
import type { KeypointSegments } from './types.js';

/** Rerun's fixed connection radius: `Radius::default()`, 1.5 UI points. */
export const KEYPOINT_CONNECTION_RADIUS = -1.5;

/**
 * Points with a class id and a keypoint id are gathered per class (a repeated keypoint id
 * overwrites the earlier position: one skeleton per class per batch); each connection of a
 * class found in the context whose two keypoints were both seen becomes one segment, in the
 * class colour (else the auto colour of the class info id) — never the keypoint or explicit
 * colours. Unknown classes draw no connections.
 */
export function keypointSegments(
  positions: Float32Array,
  drawn: (i: number) => boolean,
  classIds: Uint16Array | undefined,
  keypointIds: Uint16Array | undefined,
  context: AnnotationContextData | undefined,
): KeypointSegments {
  const classes = new Map<number, Map<number, [number, number]>>();
  const count = positions.length / 2;
  if (classIds?.length && keypointIds?.length) {
    for (let i = 0; i < count; i++) {
      if (!drawn(i)) continue;
      const classId = clamped(classIds, i)!;
      let points = classes.get(classId);
      if (!points) classes.set(classId, (points = new Map()));
      points.set(clamped(keypointIds, i)!, [positions[2 * i]!, positions[2 * i + 1]!]);
    }
  }
  const endpoints: number[] = [];
  const colors: number[] = [];
  const segmentClasses: number[] = [];
  for (const [classId, points] of classes) {
    const description = context?.classes.get(classId);
    if (!description) continue;
    const color = premultiplyGamma(description.info.color ?? autoColor(description.info.id));
    for (const [a, b] of description.connections) {
      const pa = points.get(a);
      const pb = points.get(b);
      if (!pa || !pb) continue;
      endpoints.push(pa[0], pa[1], pb[0], pb[1]);
      colors.push(...color);
      segmentClasses.push(classId);
    }
  }
  return {
    count: segmentClasses.length,
    endpoints: Float32Array.from(endpoints),
    colors: Uint8Array.from(colors),
    classIds: Uint16Array.from(segmentClasses),
    radius: KEYPOINT_CONNECTION_RADIUS,
  };
}

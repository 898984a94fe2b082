/**
 * Instance picking of the geometry layers on the CPU: the nearest visible instance whose shape
 * lies within a snap radius of the scene point (Rerun snaps to primitives within 5 UI points,
 * SPEC §12.9). Boxes are hit on their outline only, never inside.
 */
import type { ResolvedGeometry } from '../store/geometry/types.js';

/** Rerun's UI_INTERACTION_RADIUS, in UI points. */
export const SNAP_UI_POINTS = 5;

/** A radius in Rerun's signed convention, in scene units. */
function sceneRadius(radius: number, uiPointsPerUnit: number): number {
  return radius > 0 ? radius : -radius / uiPointsPerUnit;
}

function segmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/**
 * The index (in the resolved batch) of the instance nearest to (x, y) among those `visible`
 * keeps, counting only hits within the shape's radius plus the snap radius; -1 for none.
 */
export function pickInstance(
  geometry: ResolvedGeometry,
  x: number,
  y: number,
  uiPointsPerUnit: number,
  visible: (i: number) => boolean,
): number {
  const snap = SNAP_UI_POINTS / uiPointsPerUnit;
  let best = -1;
  let bestGap = Infinity;
  for (let i = 0; i < geometry.count; i++) {
    if (!visible(i)) continue;
    const r = sceneRadius(geometry.radii[i]!, uiPointsPerUnit);
    let d: number;
    if (geometry.kind === 'points') {
      d = Math.hypot(x - geometry.positions[i * 2]!, y - geometry.positions[i * 2 + 1]!);
    } else if (geometry.kind === 'boxes') {
      // Distance to the rectangle's edge, inside or out.
      const qx = Math.abs(x - geometry.centers[i * 2]!) - Math.abs(geometry.halfSizes[i * 2]!);
      const qy =
        Math.abs(y - geometry.centers[i * 2 + 1]!) - Math.abs(geometry.halfSizes[i * 2 + 1]!);
      d = Math.abs(Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0));
    } else {
      d = Infinity;
      const v = geometry.vertices;
      for (let k = geometry.offsets[i]!; k + 1 < geometry.offsets[i + 1]!; k++)
        d = Math.min(
          d,
          segmentDistance(x, y, v[k * 2]!, v[k * 2 + 1]!, v[k * 2 + 2]!, v[k * 2 + 3]!),
        );
    }
    const gap = Math.max(0, d - r);
    // Later instances are drawn on top: they win ties (a point inside two discs).
    if (gap <= snap && gap <= bestGap) {
      best = i;
      bestGap = gap;
    }
  }
  return best;
}

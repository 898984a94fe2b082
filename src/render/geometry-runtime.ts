/**
 * What the geometry layers (points, boxes, line strips) need once they have data, as one lazy
 * chunk: the resolution of SPEC §12 (colours, labels, keypoints, regions, entity auto colours),
 * the instanced drawables and their shaders, picking, and the label painter. Loaded by
 * geometry-layer.ts through {@link loadGeometryRuntime} when a layer first finds data, so the
 * elements themselves (and `log()` of the geometry archetypes) cost little on a page that has
 * none, and a page of image tags never downloads it.
 */
import { compositeLabels, layoutLabels, paintLabels } from './labels.js';
import type { LabelPainter } from './label-painter.js';

export { resolveBoxes2D, resolveLineStrips2D, resolvePoints2D } from '../store/geometry/resolve.js';
export {
  boxSegments,
  connectionSegments,
  pointInstances,
  stripSegments,
} from './geometry-instances.js';
export { pickInstance } from './geometry-pick.js';
export { PointsDrawable } from './points-drawable.js';
export { SegmentsDrawable } from './segments-drawable.js';

/** The label painter the view uses once this is loaded (there are no labels before). */
export const LABEL_PAINTER: LabelPainter = { compositeLabels, layoutLabels, paintLabels };

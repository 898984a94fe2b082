/**
 * Geometry data and semantics (SPEC §12): pure functions from raw input to what the renderer
 * draws. The contract is `types.ts`.
 */
// Registers log()/sendColumns() field handling of the geometry archetypes with the recording.
import './log-fields.js';

export * from './types.js';
export { attributeName } from './issues.js';
export {
  parseBoolean,
  parseColors,
  parseNumber,
  parseScalars,
  parseStrips,
  parseTexts,
  parseVec2List,
  type Parsed,
} from './parse.js';
export { BOX2D_FORMATS, boxFromFormat, boxesFromForms, parseBox2DFormat } from './box-forms.js';
export { normalizeBoxes2D, normalizeLineStrips2D, normalizePoints2D } from './normalize.js';
export {
  DEFAULT_RADIUS,
  resolveBoxes2D,
  resolveLineStrips2D,
  resolvePoints2D,
  toHalfFloat,
} from './resolve.js';
export { annotate, clamped, instanceStyles, unpackColor } from './instance-style.js';
export { labelsShown, labelWrapWidth, MAX_LABELS_PER_ENTITY, resolveLabels } from './labels.js';
export { KEYPOINT_CONNECTION_RADIUS, keypointSegments } from './keypoints.js';
export {
  boxesRegion,
  DEFAULT_VISUAL_BOUNDS,
  letterbox,
  pointsRegion,
  stripsRegion,
  unionRegions,
  verticesRegion,
} from './regions.js';
export {
  compareDrawOrder,
  DEFAULT_DRAW_ORDER,
  KIND_ARCHETYPE,
  VISUALIZER_NAME,
} from './draw-order.js';
export { entityAutoColor, entityPathHash64 } from './entity-color.js';
export {
  DEPTH_COLORMAPS,
  depthT,
  formatDepth,
  parseDepthColormap,
  parseDepthRange,
  turboBytes,
  turboColormap,
} from './depth.js';
export { largestFiniteSample, resolveDepthImage } from './depth-resolve.js';
export { geometryLogFields, isGeometryArchetype, splitGeometryColumn } from './log-fields.js';

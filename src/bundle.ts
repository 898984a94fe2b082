/**
 * rr-elements without the `.npy` reader: registers every element and exports every class, type
 * and helper but `parseNpy` and `npyToImageRow`. This is the module of the CDN bundle
 * (`dist/cdn/rr-elements.js`), where the reader is a chunk of its own (`dist/cdn/npy.js`) that
 * the elements load when a `.npy` file comes; the package root (index.ts) adds the reader.
 * `rr-context` is defined first so that it provides its recording before its children ask.
 */
export * from './elements/rr-context/rr-context.js';
export * from './elements/rr-view/rr-view.js';
export * from './elements/rr-image/rr-image.js';
export * from './elements/rr-annotation-context/rr-annotation-context.js';
export * from './elements/rr-segmentation/rr-segmentation.js';
export * from './elements/rr-annotation-legend/rr-annotation-legend.js';
export * from './elements/rr-timeline/rr-timeline.js';

export type {
  PickResult,
  HoverDetail,
  SnapshotOptions,
} from './elements/shared/view-controller.js';
export type { ErrorDetail } from './elements/shared/layer-element.js';
export type { RrEventMap } from './elements/shared/events.js';
export {
  parseEntityPath,
  formatEntityPath,
  escapeEntityPathPart,
  EntityPathError,
} from './store/entity-path.js';
export * from './store/image-format.js';
export { Recording, defaultRecording } from './store/recording.js';
export type * from './store/recording.js';
export type { TimelineKind, TimeValue } from './store/time.js';
export { formatTime, formatDuration, formatTimestamp } from './store/time-format.js';
export type { LoadResult, LoadSource } from './io/load.js';
export { toRrd } from './io/to-rrd.js';
export type { RrdWriteOptions } from './io/to-rrd.js';
export { getRenderer } from './render/renderer.js';
export { autoColor } from './store/auto-color.js';
export type { Rgba8 } from './store/auto-color.js';
export {
  AnnotationContextError,
  parseAnnotationContext,
  parseColor,
  resolveClass,
  resolveClassColor,
} from './store/annotation-context.js';
export type {
  AnnotationContextData,
  AnnotationInfo,
  ClassDescription,
  ResolvedClass,
} from './store/annotation-context.js';
export { ClassState, classStateFor } from './store/class-state.js';
export type { SegmentationRenderMode } from './render/segmentation-drawable.js';
export type { RendererStats } from './render/renderer.js';
export { isNpy } from './io/npy-magic.js';
export type { NpyArray } from './io/npy.js';
export { COLORMAP_NAMES } from './render/colormaps.js';
export type { ColormapName } from './render/colormaps.js';
export { valueStats, dataRangeHeuristic, decodeSrgbHeuristic } from './store/value-range.js';
export type { ValueStats } from './store/value-range.js';
export * from './elements/rr-depth-image/rr-depth-image.js';
export * from './elements/rr-points2d/rr-points2d.js';
export * from './elements/rr-boxes2d/rr-boxes2d.js';
export * from './elements/rr-line-strips2d/rr-line-strips2d.js';

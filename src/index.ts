/**
 * rr-elements: registers every element and exports every class, type and helper.
 * `rr-context` is defined first so that it provides its recording before its children ask.
 */
export * from './elements/rr-context/rr-context.js';
export * from './elements/rr-view/rr-view.js';
export * from './elements/rr-image/rr-image.js';
export * from './elements/rr-timeline/rr-timeline.js';

export type { PickResult, HoverDetail, SnapshotOptions } from './elements/shared/view-controller.js';
export type { ErrorDetail } from './elements/shared/layer-element.js';
export { parseEntityPath, formatEntityPath, escapeEntityPathPart, EntityPathError } from './store/entity-path.js';
export * from './store/image-format.js';
export { Recording, defaultRecording } from './store/recording.js';
export type * from './store/recording.js';
export type { TimelineKind, TimeValue } from './store/time.js';
export { formatTime, formatDuration, formatTimestamp } from './store/time-format.js';
export type { LoadResult, LoadSource } from './io/load.js';
export { getRenderer } from './render/renderer.js';
export type { RendererStats } from './render/renderer.js';

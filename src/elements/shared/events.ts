/**
 * Every event the elements fire, typed for `addEventListener` (through `HTMLElementEventMap`),
 * for the React wrappers' `onRr…` props and for framework template checkers.
 */
import type {
  ClassHoverDetail,
  ClassToggleDetail,
} from '../rr-annotation-legend/rr-annotation-legend.component.js';
import type { ErrorDetail } from './errors.js';
import type { LoadResult } from '../../io/load.js';
import type { RecordingChangeDetail, TimeChangeDetail } from '../../store/recording.js';
import type { HoverDetail } from './view-controller.js';

declare global {
  interface HTMLElementEventMap {
    /** A view (or standalone layer): the pointer moved over it; `picks: []` on leave. */
    'rr-hover': CustomEvent<HoverDetail>;
    /** A layer's data is unusable, or a file could not be loaded. */
    'rr-error': CustomEvent<ErrorDetail>;
    // ── Events added by other elements go here, next to their detail types: ──
    /** A legend row toggled its class's visibility. */
    'rr-class-toggle': CustomEvent<ClassToggleDetail>;
    /** The legend row (or view pixel) under the pointer changed class. */
    'rr-class-hover': CustomEvent<ClassHoverDetail>;
    /** `<rr-context>`: the time cursor moved. */
    'rr-time-change': CustomEvent<TimeChangeDetail>;
    /** `<rr-context>`: data was logged or cleared. */
    'rr-data-change': CustomEvent<RecordingChangeDetail>;
    /** `<rr-context>`: a `src` or `load()` source was read and logged. */
    'rr-load': CustomEvent<LoadResult>;
    /** `<rr-timeline>`: playback started. */
    'rr-play': CustomEvent<undefined>;
    /** `<rr-timeline>`: playback stopped. */
    'rr-pause': CustomEvent<undefined>;
  }
}

/** The events of rr-elements, by name. */
export type RrEventMap = Pick<
  HTMLElementEventMap,
  | 'rr-hover'
  | 'rr-error'
  | 'rr-class-toggle'
  | 'rr-class-hover'
  | 'rr-time-change'
  | 'rr-data-change'
  | 'rr-load'
  | 'rr-play'
  | 'rr-pause'
>;

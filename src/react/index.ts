/**
 * `rr-elements/react`: React components for the rr-elements tags, made with @lit/react so
 * `buffer`, `format`, `data` … are set as properties (typed) and events arrive through
 * `onRr…` props. Importing this module registers the elements.
 */
import type { EventName } from '@lit/react';
import { component } from './component.js';
import { RrContext as RrContextElement } from '../elements/rr-context/rr-context.js';
import { RrView as RrViewElement } from '../elements/rr-view/rr-view.js';
import { RrImage as RrImageElement } from '../elements/rr-image/rr-image.js';
import { RrTimeline as RrTimelineElement } from '../elements/rr-timeline/rr-timeline.js';
import type { RrEventMap } from '../elements/shared/events.js';

export type { RrEventMap } from '../elements/shared/events.js';
export type { RrJsxElements } from './jsx.js';

/** Event props every view-like element (a view, or a layer standing alone) offers. */
const viewEvents = {
  onRrHover: 'rr-hover' as EventName<RrEventMap['rr-hover']>,
  onRrError: 'rr-error' as EventName<RrEventMap['rr-error']>,
};

/** `<rr-context>`: a recording shared by the elements inside it. */
export const RrContext = component({
  tagName: 'rr-context',
  elementClass: RrContextElement,
  events: {
    onRrError: viewEvents.onRrError,
    onRrTimeChange: 'rr-time-change' as EventName<RrEventMap['rr-time-change']>,
    onRrDataChange: 'rr-data-change' as EventName<RrEventMap['rr-data-change']>,
    onRrLoad: 'rr-load' as EventName<RrEventMap['rr-load']>,
  },
  displayName: 'RrContext',
});

/** `<rr-view>`: a 2D view compositing its layer children. */
export const RrView = component({
  tagName: 'rr-view',
  elementClass: RrViewElement,
  events: viewEvents,
  displayName: 'RrView',
});

/** `<rr-image>`: an Image / EncodedImage layer (a view of its own when not inside `RrView`). */
export const RrImage = component({
  tagName: 'rr-image',
  elementClass: RrImageElement,
  events: viewEvents,
  displayName: 'RrImage',
});

/** `<rr-timeline>`: time control of the nearest recording. */
export const RrTimeline = component({
  tagName: 'rr-timeline',
  elementClass: RrTimelineElement,
  events: {
    onRrPlay: 'rr-play' as EventName<RrEventMap['rr-play']>,
    onRrPause: 'rr-pause' as EventName<RrEventMap['rr-pause']>,
  },
  displayName: 'RrTimeline',
});

// RrSegmentation, RrAnnotationContext and RrAnnotationLegend
// follow the same pattern; `./segmentation.ts` adds the segmentation ones.
export * from './segmentation.js';
// RrPoints2d, RrBoxes2d, RrLineStrips2d and RrDepthImage: `./geometry.ts`.
export * from './geometry.js';

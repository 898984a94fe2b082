/**
 * React components for the geometry and depth layer tags: `<rr-points2d>`, `<rr-boxes2d>`,
 * `<rr-line-strips2d>` and `<rr-depth-image>`, made like those in `./index.ts`.
 * Re-exported from `rr-elements/react`.
 */
import type { EventName } from '@lit/react';
import { component } from './component.js';
import { RrPoints2d as RrPoints2dElement } from '../elements/rr-points2d/rr-points2d.js';
import { RrBoxes2d as RrBoxes2dElement } from '../elements/rr-boxes2d/rr-boxes2d.js';
import { RrLineStrips2d as RrLineStrips2dElement } from '../elements/rr-line-strips2d/rr-line-strips2d.js';
import { RrDepthImage as RrDepthImageElement } from '../elements/rr-depth-image/rr-depth-image.js';
import type { RrEventMap } from '../elements/shared/events.js';

/** Each of these layers fires `rr-hover` when standing alone, and `rr-error` on bad input. */
const layerEvents = {
  onRrHover: 'rr-hover' as EventName<RrEventMap['rr-hover']>,
  onRrError: 'rr-error' as EventName<RrEventMap['rr-error']>,
};

/** `<rr-points2d>`: a Points2D layer. */
export const RrPoints2d = component({
  tagName: 'rr-points2d',
  elementClass: RrPoints2dElement,
  events: layerEvents,
  displayName: 'RrPoints2d',
});

/** `<rr-boxes2d>`: a Boxes2D layer. */
export const RrBoxes2d = component({
  tagName: 'rr-boxes2d',
  elementClass: RrBoxes2dElement,
  events: layerEvents,
  displayName: 'RrBoxes2d',
});

/** `<rr-line-strips2d>`: a LineStrips2D layer. */
export const RrLineStrips2d = component({
  tagName: 'rr-line-strips2d',
  elementClass: RrLineStrips2dElement,
  events: layerEvents,
  displayName: 'RrLineStrips2d',
});

/** `<rr-depth-image>`: a DepthImage layer. */
export const RrDepthImage = component({
  tagName: 'rr-depth-image',
  elementClass: RrDepthImageElement,
  events: layerEvents,
  displayName: 'RrDepthImage',
});

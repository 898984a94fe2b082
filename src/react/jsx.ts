/**
 * Types for using the tags directly in React 19 JSX, without the wrappers. React 19 sets a prop
 * as a property when the element has a property of that name (so `buffer`, `format`, `data`
 * reach the element as objects), and adds `on<event-name>` props as event listeners for
 * `<event-name>`, so `onrr-hover` listens to `rr-hover`.
 *
 * Opt in with `import type {} from 'rr-elements/react'` (or this file's path).
 */
import type { WebComponentProps } from '@lit/react';
import type { RrContext } from '../elements/rr-context/rr-context.js';
import type { RrView } from '../elements/rr-view/rr-view.js';
import type { RrImage } from '../elements/rr-image/rr-image.js';
import type { RrTimeline } from '../elements/rr-timeline/rr-timeline.js';
import type { RrEventMap } from '../elements/shared/events.js';

/** `onrr-hover`, `onrr-error` … as React 19 spells custom-element events. */
type EventProps = { [K in keyof RrEventMap as `on${K}`]?: (event: RrEventMap[K]) => void };

type Props<E extends HTMLElement> = WebComponentProps<E> & EventProps & { class?: string };

/** The intrinsic elements rr-elements adds to JSX. */
export interface RrJsxElements {
  'rr-context': Props<RrContext>;
  'rr-view': Props<RrView>;
  'rr-image': Props<RrImage>;
  'rr-timeline': Props<RrTimeline>;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends RrJsxElements {}
  }
}

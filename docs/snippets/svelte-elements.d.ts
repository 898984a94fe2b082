// Types for rr-* tags in Svelte 5 markup (svelte-check): put this in a .d.ts file of your app.
import type { HTMLAttributes } from 'svelte/elements';
import type {
  RrAnnotationContext,
  RrAnnotationLegend,
  RrContext,
  RrEventMap,
  RrImage,
  RrSegmentation,
  RrTimeline,
  RrView,
} from 'rr-elements';

// `onrr-hover`, `onrr-time-change` … for every event of rr-elements.
type Events = { [K in keyof RrEventMap as `on${K}`]?: (event: RrEventMap[K]) => void };
type Element<E extends HTMLElement, Props extends keyof E> = HTMLAttributes<E> &
  Partial<Pick<E, Props>> & { entity?: string } & Events;
type Layer =
  | 'src'
  | 'buffer'
  | 'format'
  | 'data'
  | 'width'
  | 'height'
  | 'channelDatatype'
  | 'opacity'
  | 'drawOrder';

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'rr-context': Element<RrContext, 'timeline' | 'time' | 'src'>;
    'rr-view': Element<RrView, 'origin' | 'background' | 'noTooltip'>;
    'rr-image': Element<
      RrImage,
      Layer | 'colorModel' | 'pixelFormat' | 'magnificationFilter' | 'valueRange' | 'colormap'
    >;
    'rr-segmentation': Element<RrSegmentation, Layer | 'renderMode' | 'outlineWidth'>;
    'rr-annotation-context': Element<RrAnnotationContext, 'src' | 'context'>;
    'rr-annotation-legend': Element<RrAnnotationLegend, 'hiddenClasses'>;
    'rr-timeline': Element<RrTimeline, 'fps' | 'speed' | 'loop' | 'playing' | 'timeZone'>;
  }
}

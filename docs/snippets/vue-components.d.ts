// Types for rr-* tags in Vue templates (vue-tsc / Volar): put this in a .d.ts file of your app.
import type { DefineComponent } from 'vue';
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

// `onRrHover`, `onRrTimeChange` … for every event of rr-elements.
type Camel<S extends string> = S extends `${infer A}-${infer B}`
  ? `${A}${Capitalize<Camel<B>>}`
  : S;
type Events = {
  [K in keyof RrEventMap as `on${Capitalize<Camel<K>>}`]?: (event: RrEventMap[K]) => void;
};
type Element<E extends HTMLElement, Props extends keyof E> = DefineComponent<
  Partial<Pick<E, Props>> & { entity?: string } & Events
>;
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

declare module 'vue' {
  interface GlobalComponents {
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

// Types for rr-* tags in Vue templates (vue-tsc / Volar): put this in a .d.ts file of your app.
import type { DefineComponent } from 'vue';
import type { RrContext, RrImage, RrView, RrEventMap } from 'rr-elements';

type Element<E extends HTMLElement, Props extends keyof E> = DefineComponent<
  Partial<Pick<E, Props>> & {
    entity?: string;
    onRrHover?: (event: RrEventMap['rr-hover']) => void;
    onRrError?: (event: RrEventMap['rr-error']) => void;
  }
>;

declare module 'vue' {
  interface GlobalComponents {
    'rr-context': Element<RrContext, 'timeline' | 'time'>;
    'rr-view': Element<RrView, 'origin' | 'background' | 'noTooltip'>;
    'rr-image': Element<RrImage, 'src' | 'buffer' | 'format' | 'data' | 'width' | 'height' | 'opacity' | 'drawOrder'>;
  }
}

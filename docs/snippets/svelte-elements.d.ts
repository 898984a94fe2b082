// Types for rr-* tags in Svelte 5 markup (svelte-check): put this in a .d.ts file of your app.
import type { HTMLAttributes } from 'svelte/elements';
import type { RrContext, RrImage, RrView, RrEventMap } from 'rr-elements';

type Element<E extends HTMLElement, Props extends keyof E> = HTMLAttributes<E> &
  Partial<Pick<E, Props>> & {
    entity?: string;
    'onrr-hover'?: (event: RrEventMap['rr-hover']) => void;
    'onrr-error'?: (event: RrEventMap['rr-error']) => void;
  };

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'rr-context': Element<RrContext, 'timeline' | 'time'>;
    'rr-view': Element<RrView, 'origin' | 'background' | 'noTooltip'>;
    'rr-image': Element<RrImage, 'src' | 'buffer' | 'format' | 'data' | 'width' | 'height' | 'opacity' | 'drawOrder'>;
  }
}

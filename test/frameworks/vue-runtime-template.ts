// Vue with its runtime template compiler (a `template:` string, no build step): the tags are
// custom elements through `app.config.compilerOptions.isCustomElement`. A Vite app uses a
// single-file component instead (test/consumers/vue/, shown in the README).
import { createApp } from 'vue';
import 'rr-elements';
import type { PickResult } from 'rr-elements';

/** Mounts a Vue 3 app showing an RGB picture; reports what the pointer is over. */
export function mountImageView(
  target: Element,
  props: {
    pixels: Uint8Array;
    width: number;
    height: number;
    onPick: (picks: PickResult[]) => void;
  },
) {
  const app = createApp(
    {
      props: ['pixels', 'width', 'height', 'onPick'],
      template: `
      <rr-image
        entity="image"
        :buffer="pixels"
        :format="{ width, height, colorModel: 'RGB', channelDatatype: 'U8' }"
        @rr-hover="onPick($event.detail.picks)"
      ></rr-image>`,
    },
    props,
  );
  // Tell Vue's template compiler that rr-* tags are custom elements, not Vue components.
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('rr-');
  app.mount(target);
  return app;
}

// segmentation_image_simple in Vue 3, Svelte 5, the anywidget front end and the Observable
// runtime: an annotation context and a segmentation layer passed the framework's way.
import { createApp, type App } from 'vue';
import { flushSync, mount, unmount } from 'svelte';
import { Runtime } from '@observablehq/runtime';
import 'rr-elements';
import type { PickResult, RrView } from 'rr-elements';
import { render, type WidgetModel } from 'rr-elements/anywidget';
import SegmentationView from './SegmentationView.svelte';
import {
  CONTEXT,
  SEGMENTATION_FORMAT,
  expectClassHover,
  expectSegmentationSimple,
  segmentationSimple,
} from './segmentation-scene.js';
import { rendered } from './scenario.js';
import '../../src/elements/rr-segmentation/rr-segmentation.js';
import '../../src/elements/rr-annotation-context/rr-annotation-context.js';

let target: HTMLElement;
let cleanup: (() => void) | undefined;
beforeEach(() => {
  target = document.createElement('div');
  document.body.append(target);
});
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  target.remove();
});

function vueScene(onPick: (picks: PickResult[]) => void): App {
  const app = createApp({
    setup: () => ({
      ids: segmentationSimple(),
      format: SEGMENTATION_FORMAT,
      context: CONTEXT,
      onPick,
    }),
    template: `
      <rr-context>
        <rr-annotation-context entity="/" :context="context"></rr-annotation-context>
        <rr-view style="width: 300px" @rr-hover="onPick($event.detail.picks)">
          <rr-segmentation entity="image" :buffer="ids" :format="format"></rr-segmentation>
        </rr-view>
      </rr-context>`,
  });
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('rr-');
  app.mount(target);
  cleanup = () => app.unmount();
  return app;
}

function svelteScene(onpick: (picks: PickResult[]) => void): void {
  const component = mount(SegmentationView, {
    target,
    props: { ids: segmentationSimple(), format: SEGMENTATION_FORMAT, context: CONTEXT, onpick },
  });
  flushSync();
  cleanup = () => unmount(component);
}

describe('Vue 3, segmentation_image_simple', () => {
  it('shows the quadrants exactly', async () => {
    vueScene(() => {});
    await expectSegmentationSimple(rendered<RrView>(target, 'rr-view'));
  });
  it('delivers the hovered class to @rr-hover', async () => {
    const received: PickResult[][] = [];
    vueScene((p) => received.push(p));
    await expectClassHover(rendered<RrView>(target, 'rr-view'), received);
  });
});

describe('Svelte 5, segmentation_image_simple', () => {
  it('shows the quadrants exactly', async () => {
    svelteScene(() => {});
    await expectSegmentationSimple(rendered<RrView>(target, 'rr-view'));
  });
  it('delivers the hovered class to onrr-hover', async () => {
    const received: PickResult[][] = [];
    svelteScene((p) => received.push(p));
    await expectClassHover(rendered<RrView>(target, 'rr-view'), received);
  });
});

/** A minimal anywidget model (see anywidget.test.ts for the full one). */
function model(values: Record<string, unknown>): WidgetModel & { values: Map<string, unknown> } {
  const map = new Map(Object.entries(values));
  const handlers = new Map<string, Array<() => void>>();
  return {
    values: map,
    get: (k) => map.get(k),
    set: (k, v) => {
      map.set(k, v);
      for (const h of handlers.get(`change:${k}`) ?? []) h();
    },
    on: (e, h) => handlers.set(e, [...(handlers.get(e) ?? []), h]),
    off: (e, h) =>
      handlers.set(
        e ?? '',
        (handlers.get(e ?? '') ?? []).filter((g) => g !== h),
      ),
    save_changes: () => {},
  };
}

describe('anywidget front end, segmentation_image_simple', () => {
  const traits = () => ({
    segmentations: [
      {
        entity: 'image',
        buffer: new DataView(segmentationSimple().buffer),
        format: { width: 12, height: 8, channel_datatype: 'U8' },
      },
    ],
    contexts: [{ entity: '/', context: CONTEXT }],
  });

  it('shows the quadrants exactly from the segmentations and contexts traits', async () => {
    cleanup = render({ model: model(traits()), el: target });
    await expectSegmentationSimple(rendered<RrView>(target, 'rr-view'));
  });

  it('writes the hovered class into the hover trait', async () => {
    const m = model(traits());
    const received: PickResult[][] = [];
    m.on('change:hover', () => received.push((m.get('hover') as { picks: PickResult[] }).picks));
    cleanup = render({ model: m, el: target });
    await expectClassHover(rendered<RrView>(target, 'rr-view'), received);
  });
});

describe('Observable runtime, segmentation_image_simple', () => {
  function notebook(onPicks: (picks: PickResult[]) => void) {
    const runtime = new Runtime();
    const main = runtime.module(
      (rt, observer) => {
        const m = rt.module();
        m.variable(observer('view')).define('view', [], () => {
          const context = document.createElement('rr-context');
          const annotation = Object.assign(document.createElement('rr-annotation-context'), {
            context: CONTEXT,
          });
          annotation.setAttribute('entity', '/');
          const view = document.createElement('rr-view');
          view.style.width = '300px';
          const layer = Object.assign(document.createElement('rr-segmentation'), {
            buffer: segmentationSimple(),
            format: SEGMENTATION_FORMAT,
          });
          layer.setAttribute('entity', 'image');
          view.append(layer);
          context.append(annotation, view);
          return context;
        });
        m.variable(observer('hover')).define(
          'hover',
          ['view'],
          async function* (context: HTMLElement) {
            for (;;)
              yield await new Promise((resolve) =>
                context.addEventListener(
                  'rr-hover',
                  (e) => resolve((e as CustomEvent).detail.picks),
                  { once: true },
                ),
              );
          },
        );
        return m;
      },
      (name) =>
        name === 'hover' ? { fulfilled: (v: unknown) => onPicks(v as PickResult[]) } : undefined,
    );
    return { runtime, main };
  }

  it('shows the quadrants exactly from the view cell', async () => {
    const { runtime, main } = notebook(() => {});
    const context = (await main.value('view')) as HTMLElement;
    target.append(context);
    cleanup = () => runtime.dispose();
    await expectSegmentationSimple(rendered<RrView>(context, 'rr-view'));
  });

  it('feeds the hovered class into a reactive cell', async () => {
    const received: PickResult[][] = [];
    const { runtime, main } = notebook((p) => received.push(p));
    const context = (await main.value('view')) as HTMLElement;
    target.append(context);
    cleanup = () => runtime.dispose();
    const view = rendered<RrView>(context, 'rr-view');
    await view.renderComplete();
    await new Promise((r) => setTimeout(r, 50));
    await expectClassHover(view, received);
  });
});

import { expect } from '@open-wc/testing';
import type { AnyModel, AnyWidget } from '@anywidget/types';
import widget, { render, type WidgetModel } from 'rr-elements/anywidget';
import type { RrImage } from '../../src/index.js';
import { expectImage } from '../helpers/pixels.js';
import { imageSimple, nextEvent } from '../helpers/fixtures.js';
import { until } from '../helpers/hover.js';
import { expectHoverReachesHandler, expectImageSimple, rendered } from './scenario.js';
import {
  CONTEXT,
  SEGMENTATION_FORMAT,
  expectSegmentationSimple,
  segmentationSimple,
} from './segmentation-scene.js';

/**
 * A model as anywidget hands one to `render`: traits with get/set, `change:<trait>` events
 * fired by `set`, and `save_changes` sending the local changes to the kernel (recorded here).
 * Bytes arrive as DataViews, as ipywidgets deserialises binary buffers.
 */
class Model implements WidgetModel {
  #values = new Map<string, unknown>();
  #handlers = new Map<string, Set<() => void>>();
  #unsaved = new Map<string, unknown>();
  saved: Array<Record<string, unknown>> = [];

  constructor(values: Record<string, unknown>) {
    for (const [k, v] of Object.entries(values)) this.#values.set(k, v);
  }
  get(key: string): unknown {
    return this.#values.get(key);
  }
  set(key: string, value: unknown): void {
    this.#values.set(key, value);
    this.#unsaved.set(key, value);
    for (const handler of this.#handlers.get(`change:${key}`) ?? []) handler();
  }
  on(event: string, callback: () => void): void {
    if (!this.#handlers.has(event)) this.#handlers.set(event, new Set());
    this.#handlers.get(event)!.add(callback);
  }
  off(event?: string | null, callback?: (() => void) | null): void {
    if (!event) this.#handlers.clear();
    else if (!callback) this.#handlers.delete(event);
    else this.#handlers.get(event)?.delete(callback);
  }
  save_changes(): void {
    this.saved.push(Object.fromEntries(this.#unsaved));
    this.#unsaved.clear();
  }
  listeners(): number {
    return [...this.#handlers.values()].reduce((n, s) => n + s.size, 0);
  }
}

const dataView = (bytes: Uint8Array) =>
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function imageSimpleTrait() {
  return [
    {
      entity: 'image',
      buffer: dataView(imageSimple()),
      format: { width: 300, height: 200, color_model: 'RGB', channel_datatype: 'U8' },
    },
  ];
}

describe('anywidget front end (rr-elements/anywidget)', () => {
  let el: HTMLElement;
  let cleanup: (() => void) | undefined;

  beforeEach(() => {
    el = document.createElement('div');
    el.style.width = '300px';
    document.body.append(el);
  });

  afterEach(() => {
    cleanup?.();
    cleanup = undefined;
    el.remove();
  });

  it("has anywidget's shape: a default export with render taking anywidget's model", () => {
    const typed: AnyWidget = widget;
    const model = new Model({}) as WidgetModel as AnyModel;
    expect(typeof typed).to.equal('object');
    expect((widget as { render: unknown }).render).to.equal(render);
    expect(model).to.be.instanceOf(Model);
  });

  it("shows Rerun's image_simple from the model's images trait with the exact pixels", async () => {
    cleanup = render({ model: new Model({ images: imageSimpleTrait() }), el });
    const image = rendered<RrImage>(el, 'rr-view > rr-image');
    expect(image.entityPath).to.equal('/image');
    await expectImageSimple(rendered(el, 'rr-view'));
  });

  it('shows any element from the layers trait (as View.widget() sends it), with a legend', async () => {
    const model = new Model({
      layers: [
        {
          tag: 'rr-annotation-context',
          attributes: { entity: '/' },
          properties: { context: CONTEXT },
          buffer: null,
          outside: true,
        },
        {
          tag: 'rr-segmentation',
          attributes: { entity: 'mask' },
          properties: { format: SEGMENTATION_FORMAT },
          buffer: dataView(segmentationSimple()),
          outside: false,
        },
      ],
      legends: ['mask'],
    });
    cleanup = render({ model, el });
    expect(rendered(el, 'rr-context > rr-annotation-context').getAttribute('entity')).to.equal('/');
    await expectSegmentationSimple(rendered(el, 'rr-view:has(rr-segmentation)'));
    const legend = rendered(el, 'rr-context > rr-annotation-legend');
    expect(legend.getAttribute('entity')).to.equal('mask');
    // A layer of another kind at the same position replaces the element.
    model.set('layers', [
      {
        tag: 'rr-image',
        attributes: { entity: 'image' },
        properties: {
          format: { width: 300, height: 200, colorModel: 'RGB', channelDatatype: 'U8' },
        },
        buffer: dataView(imageSimple()),
      },
    ]);
    model.set('legends', []);
    expect(el.querySelector('rr-segmentation')).to.equal(null);
    expect(el.querySelector('rr-annotation-legend')).to.equal(null);
    await expectImageSimple(rendered(el, 'rr-view'));
  });

  it('updates when the images trait changes', async () => {
    const model = new Model({ images: imageSimpleTrait() });
    cleanup = render({ model, el });
    const view = rendered<RrImage>(el, 'rr-view');
    await view.snapshot();
    model.set('images', [
      {
        entity: 'image',
        buffer: dataView(new Uint8Array([0, 0, 255, 0, 0, 255])),
        format: { width: 2, height: 1, color_model: 'RGB' },
      },
    ]);
    const shot = await view.snapshot();
    expect([shot.width, shot.height]).to.deep.equal([2, 1]);
    expectImage(shot, () => [0, 0, 255, 255]);
    expect(el.querySelectorAll('rr-image').length).to.equal(1);
  });

  it('sends rr-hover to the kernel through the hover trait', async () => {
    const model = new Model({ images: imageSimpleTrait() });
    cleanup = render({ model, el });
    const received: Array<Array<{ entity: string; value: unknown }>> = [];
    model.on('change:hover', () => received.push((model.get('hover') as { picks: [] }).picks));
    await expectHoverReachesHandler(rendered(el, 'rr-view'), received as never);
    const last = model.saved.at(-1) as { hover: { picks: Array<Record<string, unknown>> } };
    expect(last.hover.picks[0]).to.deep.include({ entity: '/image', value: [0, 255, 0] });
    expect(last.hover.picks[0]).to.not.have.property('layer');
  });

  it('reports bad bytes through the error trait, naming what was expected', async () => {
    const model = new Model({
      images: [
        {
          entity: 'bad',
          buffer: dataView(new Uint8Array(5)),
          format: { width: 2, height: 1, color_model: 'RGB' },
        },
      ],
    });
    const error = nextEvent(el, 'rr-error');
    cleanup = render({ model, el });
    await error;
    await until(() => model.get('error'), 'the error trait');
    expect(model.get('error')).to.equal('expected 6 bytes for 2×1 RGB U8, got 5');
  });

  it('stops listening to the model when anywidget removes the view', () => {
    const model = new Model({ images: imageSimpleTrait() });
    render({ model, el })();
    expect(model.listeners()).to.equal(0);
    expect(el.querySelector('rr-context')).to.equal(null);
  });
});

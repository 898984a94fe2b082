/**
 * `rr-elements/anywidget`: the front end of a Jupyter widget (anywidget's `export default
 * {render}`), showing the images, segmentations and annotation contexts held in the model's
 * traits in one `<rr-view>`, and updating when they change. The Python side is
 * `python/rr_elements/` (`View.widget()`).
 *
 * Traits read: `layers` (any elements, as `WidgetElement`s: what `rr_elements.View.widget()`
 * sends), `legends` (entities to show an `<rr-annotation-legend>` for), and the older
 * `images` and `segmentations` (lists of `{entity, buffer: bytes, format:
 * {width, height, color_model?, channel_datatype?}, opacity?, draw_order?}`), `contexts` (list
 * of `{entity, context}`, the context as `<rr-annotation-context>` takes it), `background`.
 * Traits written: `hover` (`{x, y, picks}` without the element references) and `error` (the
 * last layer's message, `''` when none).
 */
import '../index.js';
import type { RrView } from '../elements/rr-view/rr-view.js';
import type { RrEventMap } from '../elements/shared/events.js';
import type { ImageFormatInput } from '../store/image-format.js';

/**
 * The part of anywidget's model this front end uses. Written out rather than imported from
 * `@anywidget/types`, so that this package's types need nothing beyond itself; the test checks
 * that it stays assignable.
 */
export interface WidgetModel {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  on(event: string, callback: () => void): void;
  off(event?: string | null, callback?: (() => void) | null): void;
  save_changes(): void;
}

/** One layer as the Python side sends it. */
export interface WidgetLayer {
  entity?: string;
  buffer: ArrayBuffer | ArrayBufferView;
  format: Record<string, unknown>;
  opacity?: number | null;
  draw_order?: number | null;
}

/**
 * Any element as the Python side's `Layer.element()` describes it (the `layers` trait): a tag,
 * its attributes, its properties and optional raw bytes for `buffer`; `outside` puts it beside
 * the view (annotation contexts). A new kind of layer needs no change here.
 */
export interface WidgetElement {
  tag: string;
  attributes?: Record<string, string>;
  properties?: Record<string, unknown>;
  buffer?: ArrayBuffer | ArrayBufferView | null;
  outside?: boolean;
}

/** One annotation context as the Python side sends it. */
export interface WidgetContext {
  entity?: string;
  context: unknown;
}

type LayerElement = HTMLElement & {
  entity?: string;
  buffer?: ArrayBuffer | ArrayBufferView;
  /** Set from Python's values as they came: the element checks them (and reports what is wrong). */
  format?: ImageFormatInput | FormatFields;
  opacity?: number;
  drawOrder?: number;
};

/** An image format's fields by their camelCase names, values not yet checked. */
type FormatFields = Partial<Record<keyof ImageFormatInput, unknown>>;

const FORMAT_KEYS: Record<string, keyof ImageFormatInput> = {
  width: 'width',
  height: 'height',
  color_model: 'colorModel',
  colorModel: 'colorModel',
  channel_datatype: 'channelDatatype',
  channelDatatype: 'channelDatatype',
  pixel_format: 'pixelFormat',
  pixelFormat: 'pixelFormat',
};

/** Python writes snake_case; the elements take Rerun's camelCase field names. */
function formatFrom(raw: Record<string, unknown>): FormatFields {
  const out: FormatFields = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    const name = Object.hasOwn(FORMAT_KEYS, key) ? FORMAT_KEYS[key] : undefined;
    if (name && value !== null && value !== undefined) out[name] = value;
  }
  return out;
}

function list<T>(model: WidgetModel, key: string): T[] {
  const value = model.get(key);
  return Array.isArray(value) ? (value as T[]) : [];
}

/** Keeps `parent`'s children of one tag in step with `items`, reusing elements by position. */
function syncChildren<T>(
  parent: Element,
  tag: string,
  current: HTMLElement[],
  items: readonly T[],
  apply: (el: HTMLElement, item: T) => void,
): void {
  while (current.length > items.length) current.pop()!.remove();
  items.forEach((item, i) => {
    let el = current[i];
    if (!el) {
      el = document.createElement(tag);
      current.push(el);
      parent.append(el);
    }
    apply(el, item);
  });
}

/** Keeps the `layers` trait's elements in step: reused by position while the tag is the same. */
function syncElements(
  context: Element,
  view: Element,
  current: HTMLElement[],
  items: readonly WidgetElement[],
): void {
  while (current.length > items.length) current.pop()!.remove();
  items.forEach((item, i) => {
    if (!item || typeof item.tag !== 'string' || !/^rr-[a-z0-9-]+$/.test(item.tag)) return;
    let el = current[i];
    if (!el || el.localName !== item.tag) {
      el?.remove();
      el = document.createElement(item.tag);
      current[i] = el;
    }
    if (item.outside) context.insertBefore(el, view);
    else view.append(el);
    for (const name of el.getAttributeNames()) {
      if (!(name in (item.attributes ?? {})) && name !== 'style') el.removeAttribute(name);
    }
    for (const [name, value] of Object.entries(item.attributes ?? {}))
      el.setAttribute(name, String(value));
    Object.assign(el, item.properties ?? {});
    if (item.buffer != null) (el as LayerElement).buffer = item.buffer;
  });
}

function applyLayer(el: HTMLElement, layer: WidgetLayer): void {
  const target = el as LayerElement;
  if (layer.entity) target.setAttribute('entity', layer.entity);
  else target.removeAttribute('entity');
  target.opacity = layer.opacity ?? undefined;
  target.drawOrder = layer.draw_order ?? undefined;
  target.format = formatFrom(layer.format);
  target.buffer = layer.buffer;
}

/** anywidget's render: builds the view in `el`; returns the clean-up anywidget calls on removal. */
export function render({ model, el }: { model: WidgetModel; el: HTMLElement }): () => void {
  const context = document.createElement('rr-context');
  const view = document.createElement('rr-view') as RrView;
  context.append(view);
  el.append(context);

  const contexts: HTMLElement[] = [];
  const images: HTMLElement[] = [];
  const segmentations: HTMLElement[] = [];
  const elements: HTMLElement[] = [];
  const legends: HTMLElement[] = [];

  const sync = (): void => {
    // Contexts sit outside the view: they declare data, they are not layers.
    syncChildren(
      context,
      'rr-annotation-context',
      contexts,
      list<WidgetContext>(model, 'contexts'),
      (node, item) => {
        node.setAttribute('entity', item.entity ?? '/');
        (node as HTMLElement & { context?: unknown }).context = item.context;
      },
    );
    syncChildren(view, 'rr-image', images, list<WidgetLayer>(model, 'images'), applyLayer);
    syncChildren(
      view,
      'rr-segmentation',
      segmentations,
      list<WidgetLayer>(model, 'segmentations'),
      applyLayer,
    );
    syncElements(context, view, elements, list<WidgetElement>(model, 'layers'));
    syncChildren(
      context,
      'rr-annotation-legend',
      legends,
      list<string>(model, 'legends'),
      (node, entity) => node.setAttribute('entity', String(entity)),
    );
    const background = model.get('background');
    if (typeof background === 'string' && background) view.setAttribute('background', background);
    else view.removeAttribute('background');
  };

  const onHover = (event: RrEventMap['rr-hover']): void => {
    const { x, y, picks } = event.detail;
    model.set('hover', {
      x: Number.isFinite(x) ? x : null,
      y: Number.isFinite(y) ? y : null,
      picks: picks.map(({ entity, x: px, y: py, value, classId, label }) => ({
        entity,
        x: px,
        y: py,
        value,
        classId,
        label,
      })),
    });
    model.save_changes();
  };
  const onError = (event: RrEventMap['rr-error']): void => {
    model.set('error', event.detail.message);
    model.save_changes();
  };

  const traits = ['images', 'segmentations', 'contexts', 'layers', 'legends', 'background'];
  for (const trait of traits) model.on(`change:${trait}`, sync);
  view.addEventListener('rr-hover', onHover);
  view.addEventListener('rr-error', onError);
  sync();

  return () => {
    for (const trait of traits) model.off(`change:${trait}`, sync);
    view.removeEventListener('rr-hover', onHover);
    view.removeEventListener('rr-error', onError);
    context.remove();
  };
}

export default { render };

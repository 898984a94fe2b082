/**
 * A 2D view: owns a canvas, the list of layers, the hover tooltip, and hands frames to the
 * shared renderer; the camera (camera.ts) and input handling (view-input.ts) are its parts.
 * `<rr-view>` and a standalone layer element both host one, so there is one implementation of a
 * view.
 */
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type {
  LayerOverrides,
  LayerPick,
  LayerState,
  SceneRect,
  ViewLayer,
} from '../../render/layer.js';
import type { Drawable } from '../../render/renderer.js';
import {
  getRenderer,
  type FrameDescription,
  type RenderTarget,
  type SharedSurface,
} from '../../render/renderer.js';
import type { Recording } from '../../store/recording.js';
import { pickLines } from './pick-lines.js';
import { parseCssColor } from './css-color.js';
import { LabelOverlay } from './label-overlay.js';
import { labelPainter } from '../../render/label-painter.js';
import type { ResolvedLabel } from '../../store/geometry/types.js';
import type { OutlineDrawable } from '../../render/outline.js';
import { Camera, type ViewTransform } from './camera.js';
import { reportError } from './errors.js';
import { ViewInput } from './view-input.js';

/** One layer as the view sees it. */
export interface ViewLayerEntry {
  /** The element the layer belongs to (for document order and `pick().layer`). */
  readonly element: Element;
  readonly entity: string;
  readonly layer: ViewLayer;
  readonly overrides: LayerOverrides;
  /** The recording to read. */
  readonly recording: Recording;
  /** Called when the layer's state changes (errors are shown by the element). */
  stateChanged(state: LayerState): void;
  /** Asynchronous work of the element itself (fetching `src`). */
  readonly loading: Promise<unknown> | undefined;
}

/** What `pick()` returns per layer, top layer first. */
export interface PickResult extends LayerPick {
  entity: string;
  layer: Element;
  x: number;
  y: number;
}

/** Detail of `rr-hover`. */
export interface HoverDetail {
  x: number;
  y: number;
  picks: PickResult[];
}

/** Options of `snapshot()`. */
export interface SnapshotOptions {
  /** Output pixels per scene unit. */
  scale?: number;
}

type Host = ReactiveControllerHost & HTMLElement;

/** The union of two scene rectangles. */
function union(a: SceneRect | undefined, b: SceneRect): SceneRect {
  if (!a) return { ...b };
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

function sameState(a: LayerState, b: LayerState | undefined): boolean {
  if (!b || a.status !== b.status) return false;
  if ('problem' in a || 'problem' in b)
    return (a as { problem?: string }).problem === (b as { problem?: string }).problem;
  return a.status !== 'error' || a.message === (b as { message: string }).message;
}

/** What a view reads of the `<rr-context>` it is in (`shared-canvas`). */
interface ContextHost extends Element {
  readonly sharedSurface?: SharedSurface | undefined;
  /** The shared canvas' code is loading: the view's next frame goes there. */
  readonly sharedSurfaceLoading?: Promise<unknown> | undefined;
}

/** The nearest `<rr-context>` around an element, through shadow roots. */
function enclosingContext(element: Element): ContextHost | undefined {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.localName === 'rr-context') return node;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}

/** Which layer each label shown belongs to (label backgrounds are pick targets, SPEC §12.9). */
const labelOwners = new WeakMap<ResolvedLabel, ViewLayerEntry>();

/** The labels of the ready layers, bottom layer first (so the top layer's are painted last). */
function collectLabels(entries: readonly ViewLayerEntry[]): ResolvedLabel[] {
  const labels: ResolvedLabel[] = [];
  for (const entry of entries) {
    for (const label of entry.layer.labels ?? []) {
      labelOwners.set(label, entry);
      labels.push(label);
    }
  }
  return labels;
}

export class ViewController implements ReactiveController, RenderTarget {
  readonly canvas: HTMLCanvasElement;
  /** Instance labels, painted over the picture after every frame. */
  readonly labels = new LabelOverlay();
  #renderer = getRenderer();
  /** The `<rr-context>` the view is in, found when it connects. */
  #context: ContextHost | undefined;
  #camera = new Camera();
  #input: ViewInput;
  #size = { width: 0, height: 0, dpr: 1 };
  /** The canvas size is known (the ResizeObserver reported at least once). */
  #measured = false;
  #resizeObserver: ResizeObserver | undefined;
  #dirty = false;
  /** The content's aspect changed since renderComplete() last looked (the canvas will resize). */
  #reshaped = false;
  #frameWaiters: Array<() => void> = [];
  #states = new WeakMap<ViewLayer, LayerState>();
  #hover: { clientX: number; clientY: number } | undefined;
  /** The outline of the instance under the pointer, the frame's last drawable (SPEC §12.9). */
  #outline: OutlineDrawable | undefined;
  /** Tooltip content, rendered by the host. */
  tooltip: { left: number; top: number; lines: string[] } | undefined;
  /** Labels of the frame being drawn, painted once it is on screen. */
  #frameLabels:
    { labels: ResolvedLabel[]; transform: Parameters<LabelOverlay['draw']>[1] } | undefined;
  /** Scene bounds of the last resolved frame: `visual-bounds`, else the union of the ready layers'. */
  #bounds: SceneRect | undefined;

  constructor(
    private readonly host: Host,
    private readonly options: {
      layers: () => readonly ViewLayerEntry[];
      background: () => string | null | undefined;
      tooltip: () => boolean;
      /** `visual-bounds`: the region to fit instead of the layers' union. */
      visualBounds?: () => SceneRect | undefined;
    },
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('part', 'canvas');
    this.canvas.setAttribute('aria-hidden', 'true');
    this.#input = new ViewInput(this.canvas, host, {
      zoomBy: (factor, x, y) => this.zoomBy(factor, x, y),
      panBy: (dx, dy) => this.panBy(dx, dy),
      resetView: () => this.resetView(),
      hasContent: () => this.#bounds !== undefined,
      hover: (client) => this.#setHover(client),
      hintChanged: () => host.requestUpdate(),
    });
    host.addController(this);
  }

  /** The host had no accessible name of its own: the view names it after what it shows. */
  #autoLabel = false;
  #label = '';

  hostConnected(): void {
    const host = this.host;
    // A view is a picture that takes the keyboard (pan, zoom): focusable, an image with a name.
    if (!host.hasAttribute('tabindex')) host.tabIndex = 0;
    if (!host.hasAttribute('role')) host.setAttribute('role', 'img');
    const current = host.getAttribute('aria-label');
    this.#autoLabel =
      !host.hasAttribute('aria-labelledby') &&
      (current === null || (this.#label !== '' && current === this.#label));
    if (this.#autoLabel) this.#setLabel([]);
    this.#resizeObserver = new ResizeObserver((entries) => this.#onResize(entries));
    this.#resizeObserver.observe(this.canvas);
    this.#input.attach();
    this.#context = enclosingContext(host);
    this.#renderer.register(this);
    this.invalidate();
  }

  hostDisconnected(): void {
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#input.detach();
    this.#renderer.unregister(this);
    this.#dirty = false;
    this.#measured = false;
    this.#flushWaiters();
  }

  /** The canvas, tooltip and layer slot; the host places it in its shadow root. */
  template(content: TemplateResult | typeof nothing = nothing): TemplateResult {
    const tip = this.tooltip;
    const hint = this.#input.hint;
    return html`<div class="rr-frame" part="frame">
      ${this.canvas} ${this.labels.canvas}
      <div class="rr-layers">${content}</div>
      ${
        tip
          ? html`<div
              class="rr-tooltip"
              part="tooltip"
              role="tooltip"
              style="left:${tip.left}px;top:${tip.top}px"
            >
              ${tip.lines.map((line) => html`<div>${line}</div>`)}
            </div>`
          : nothing
      }
      ${hint ? html`<div class="rr-hint" part="hint">${hint}</div>` : nothing}
    </div>`;
  }

  /** Schedules a redraw (in a microtask on an idle page, else at the next animation frame). */
  invalidate(): void {
    this.#dirty = true;
    this.#resolved = undefined;
    this.#changes++;
    this.#renderer.invalidate(this);
  }

  /** Its context's shared canvas, when it has one (the renderer draws the view there). */
  get surface(): SharedSurface | undefined {
    return this.#context?.sharedSurface;
  }

  /** Resolves once every layer's data has loaded and the current state is on screen. */
  async renderComplete(): Promise<void> {
    await this.#context?.sharedSurfaceLoading;
    await this.#settle();
    if (!this.host.isConnected) return;
    if (this.#reshaped) {
      // New bounds (a lazy layer's code came after the first layout) give the host a new
      // `--rr-aspect`: its resize observer measures the canvas in the next frame, after the
      // animation frame callbacks; the frame awaited below then draws at that size.
      this.#reshaped = false;
      if (this.#measured)
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    }
    if (!this.#dirty) return;
    const drawn = new Promise<void>((resolve) => this.#frameWaiters.push(resolve));
    // Awaited: drawn now, not at the next animation frame (Renderer.requestDraw); not before
    // the canvas was measured (that frame would not count, and resizes the canvas).
    if (this.#measured) this.#renderer.requestDraw(this);
    await drawn;
  }

  /** Waits for fetches and decodes until nothing is pending. */
  async #settle(): Promise<void> {
    for (let round = 0; round < 20; round++) {
      const pending: Promise<unknown>[] = [];
      for (const entry of this.options.layers()) if (entry.loading) pending.push(entry.loading);
      if (pending.length) {
        await Promise.allSettled(pending);
        continue;
      }
      this.#resolveLayers();
      for (const entry of this.options.layers())
        if (entry.layer.pending) pending.push(entry.layer.pending);
      if (pending.length) {
        await Promise.allSettled(pending);
        continue;
      }
      await this.#renderer.whenReady();
      // Data that came meanwhile (a layer element's update) may have started a load (a lazy
      // layer's code): wait for that too.
      this.#resolveLayers();
      if (!this.options.layers().some((entry) => entry.loading || entry.layer.pending)) return;
    }
    await this.#renderer.whenReady();
  }

  /**
   * The last `#resolveLayers` result, until the next `invalidate()`: every change of what a
   * view shows (data, time, attributes, a load that finished) invalidates it, so a frame that
   * was awaited resolves its layers once instead of three times (twice while settling, once
   * when drawn): 200 views make 1200 latest-at queries a frame fewer.
   */
  #resolved: { entries: ViewLayerEntry[]; counts: Record<string, number> } | undefined;
  /** Bumped by `invalidate()`: a result computed while it changed is not kept. */
  #changes = 0;

  /** Brings every layer up to date and returns the ready ones, back to front. */
  #resolveLayers(): { entries: ViewLayerEntry[]; counts: Record<string, number> } {
    if (this.#resolved) return this.#resolved;
    const changes = this.#changes;
    const resolved = this.#resolveNow();
    if (changes === this.#changes) this.#resolved = resolved;
    return resolved;
  }

  #resolveNow(): { entries: ViewLayerEntry[]; counts: Record<string, number> } {
    const ready: ViewLayerEntry[] = [];
    const counts: Record<string, number> = {};
    let bounds: SceneRect | undefined;
    for (const entry of this.options.layers()) {
      const recording = entry.recording;
      let state: LayerState;
      try {
        state = entry.layer.update(
          { recording, entity: entry.entity, timeline: recording.timeline, time: recording.time },
          entry.overrides,
        );
      } catch (error) {
        state = {
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
        };
      }
      if (!sameState(state, this.#states.get(entry.layer))) {
        this.#states.set(entry.layer, state);
        entry.stateChanged(state);
      }
      const layerBounds = state.status === 'ready' ? entry.layer.bounds : undefined;
      if (layerBounds) {
        ready.push(entry);
        const kind = entry.layer.kind.name;
        counts[kind] = (counts[kind] ?? 0) + 1;
        bounds = union(bounds, layerBounds);
      }
    }
    // Painter's order: draw order, then Rerun's visualizer name (points over lines at equal
    // draw order, SPEC §12.7), then document order (Array.sort is stable).
    ready.sort((a, b) => {
      const x = a.layer.visualizer ?? '';
      const y = b.layer.visualizer ?? '';
      return a.layer.drawOrder - b.layer.drawOrder || (x < y ? -1 : x > y ? 1 : 0);
    });
    if (this.#autoLabel) this.#setLabel(ready.map((entry) => entry.entity));
    // The visual bounds when given (VisualBounds2D), else the union of the layers' (SPEC §12.8).
    bounds = this.options.visualBounds?.() ?? bounds;
    if (
      bounds &&
      (bounds.width !== this.#bounds?.width || bounds.height !== this.#bounds?.height)
    ) {
      this.host.style.setProperty('--rr-aspect', `${bounds.width} / ${bounds.height}`);
      this.#reshaped = true;
    }
    this.#bounds = bounds;
    return { entries: ready, counts };
  }

  /** Each ready layer's drawable for this frame, back to front. */
  #drawables(entries: ViewLayerEntry[], counts: Record<string, number>): Drawable[] {
    const out: Drawable[] = [];
    for (const { layer } of entries) {
      const defaultOpacity = layer.kind.defaultOpacity?.(counts) ?? 1;
      const drawable = layer.prepare({ counts, defaultOpacity });
      if (drawable) out.push(drawable);
    }
    if (this.#outline) out.push(this.#outline);
    return out;
  }

  #setLabel(entities: string[]): void {
    const label = entities.length ? `Image view of ${entities.join(', ')}` : 'Image view, empty';
    if (label === this.#label) return;
    this.#label = label;
    this.host.setAttribute('aria-label', label);
  }

  /** Scale (CSS px per scene unit) and offset (CSS px) of the current camera. */
  #view(): ViewTransform | undefined {
    const bounds = this.#bounds;
    const { width, height, dpr } = this.#size;
    if (!bounds || width <= 0 || height <= 0) return undefined;
    return this.#camera.transform(bounds, width / dpr, height / dpr);
  }

  describeFrame(): FrameDescription | undefined {
    const { entries, counts } = this.#resolveLayers();
    const view = this.#view();
    if (!view) return undefined;
    const dpr = this.#size.dpr;
    const drawables = this.#drawables(entries, counts);
    this.#frameLabels = {
      labels: collectLabels(entries),
      transform: {
        scale: view.scale * dpr,
        offset: [view.x * dpr, view.y * dpr],
        pixelRatio: dpr,
        width: this.#size.width,
        height: this.#size.height,
      },
    };
    return {
      width: this.#size.width,
      height: this.#size.height,
      scale: view.scale * dpr,
      offset: [view.x * dpr, view.y * dpr],
      pixelRatio: dpr,
      background: parseCssColor(this.options.background()),
      drawables,
    };
  }

  /** The message of the last failed frame, reported once until a frame draws again. */
  #renderError: string | undefined;

  renderFailed(error: unknown): void {
    const message = `could not draw this view: ${error instanceof Error ? error.message : String(error)}`;
    if (message !== this.#renderError) reportError(this.host, { message });
    this.#renderError = message;
    // Nothing half-drawn stays on screen; waiters are released (the failure was reported).
    this.canvas.getContext('bitmaprenderer')?.transferFromImageBitmap(null);
    this.#dirty = false;
    this.#flushWaiters();
  }

  frameRendered(): void {
    this.#renderError = undefined;
    const frame = this.#frameLabels;
    this.#frameLabels = undefined;
    // Labels go over the picture in the same frame as it (SPEC §12.4.4: above every layer).
    if (frame) this.labels.draw(frame.labels, frame.transform);
    else this.labels.draw([], { scale: 1, offset: [0, 0], pixelRatio: 1, width: 0, height: 0 });
    // A frame drawn before the canvas was measured does not show the current state yet.
    if (!this.#measured) return;
    this.#dirty = false;
    this.#flushWaiters();
  }

  #flushWaiters(): void {
    const waiters = this.#frameWaiters;
    this.#frameWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /**
   * Renders the layers over a transparent background at `scale` output pixels per scene unit,
   * covering the union of their bounds, whatever the on-screen size, zoom or DPR.
   */
  async snapshot({ scale = 1 }: SnapshotOptions = {}): Promise<ImageData> {
    if (!(scale > 0) || !Number.isFinite(scale))
      throw new RangeError(`expected a positive scale, got ${scale}`);
    await this.#settle();
    const { entries, counts } = this.#resolveLayers();
    const bounds = this.#bounds;
    if (!bounds) throw new Error('nothing to snapshot: no layer of this view has data to show');
    const drawables = this.#drawables(entries, counts);
    // The snapshot covers the bounds exactly, their top-left corner at pixel (0, 0).
    const offset: [number, number] = [-bounds.x * scale, -bounds.y * scale];
    const image = this.#renderer.renderToImageData({
      width: Math.ceil(bounds.width * scale),
      height: Math.ceil(bounds.height * scale),
      scale,
      offset,
      background: [0, 0, 0, 0],
      drawables,
    });
    // Labels are in the snapshot as on screen, one UI point per output pixel.
    labelPainter()?.compositeLabels(image, collectLabels(entries), {
      scale,
      offset,
      pixelRatio: 1,
    });
    return image;
  }

  /**
   * What lies at scene point (x, y): first the instance whose label (as on screen) covers it,
   * then the layers' hits, top layer first (Rerun's order, SPEC §12.9).
   */
  pick(x: number, y: number): PickResult[] {
    const { entries } = this.#resolveLayers();
    const context = { scale: this.#view()?.scale ?? 1 };
    const picks: PickResult[] = [];
    const result = (entry: ViewLayerEntry, hit: LayerPick): PickResult => ({
      entity: entry.entity,
      layer: entry.element,
      x: Math.floor(x),
      y: Math.floor(y),
      ...hit,
    });
    const labelled = this.#labelAt(x, y);
    if (labelled) {
      const hit = labelled.entry.layer.pickInstance?.(labelled.instance, [x, y]);
      if (hit && entries.includes(labelled.entry)) picks.push(result(labelled.entry, hit));
    }
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i];
      const hit = entry.layer.pick(x, y, context);
      // The labelled instance is listed once, as the label's hit.
      if (hit && !(picks[0]?.layer === entry.element && picks[0].instance === hit.instance))
        picks.push(result(entry, hit));
    }
    return picks;
  }

  /** The topmost label on screen whose background covers scene point (x, y), and its owner. */
  #labelAt(x: number, y: number): { entry: ViewLayerEntry; instance: number } | undefined {
    const t = this.labels.transform;
    const placed = this.labels.placed;
    if (!t || !placed.length) return undefined;
    const px = t.offset[0] + x * t.scale;
    const py = t.offset[1] + y * t.scale;
    for (let i = placed.length - 1; i >= 0; i--) {
      const { box, label } = placed[i]!;
      if (px < box.x || py < box.y || px >= box.x + box.width || py >= box.y + box.height) continue;
      const entry = labelOwners.get(label);
      if (entry) return { entry, instance: label.instance };
    }
    return undefined;
  }

  /** Outlines the instance of the first hit that names one (undefined: none). */
  #setOutline(picks: readonly PickResult[]): void {
    let outline: OutlineDrawable | undefined;
    const hit = picks.find((pick) => pick.instance !== undefined);
    if (hit) {
      const entry = this.options.layers().find((e) => e.element === hit.layer);
      outline = entry?.layer.outline?.(hit.instance!);
    }
    if (outline === this.#outline) return;
    this.#outline?.dispose();
    this.#outline = outline;
    this.invalidate();
  }

  /** Back to the fitted view. */
  resetView(): void {
    this.#camera.reset();
    this.invalidate();
  }

  /** Zooms by `factor` about a point in CSS pixels relative to the canvas (default: centre). */
  zoomBy(factor: number, cssX?: number, cssY?: number): void {
    const rect = this.canvas.getBoundingClientRect();
    const content = this.#view() !== undefined;
    this.#camera.zoomAbout(factor, cssX ?? rect.width / 2, cssY ?? rect.height / 2, () =>
      this.#view(),
    );
    if (content) this.invalidate();
  }

  /** Pans by CSS pixels. */
  panBy(dx: number, dy: number): void {
    this.#camera.panBy(dx, dy);
    this.invalidate();
  }

  #onResize(entries: ResizeObserverEntry[]): void {
    const entry = entries[entries.length - 1];
    const dpr = window.devicePixelRatio || 1;
    const box = entry.devicePixelContentBoxSize?.[0];
    const width = box ? box.inlineSize : Math.round(entry.contentRect.width * dpr);
    const height = box ? box.blockSize : Math.round(entry.contentRect.height * dpr);
    this.#measured = true;
    if (width === this.#size.width && height === this.#size.height && dpr === this.#size.dpr)
      return;
    this.#size = { width, height, dpr };
    this.invalidate();
  }

  #scenePoint(clientX: number, clientY: number): { x: number; y: number } | undefined {
    const view = this.#view();
    if (!view) return undefined;
    const rect = this.canvas.getBoundingClientRect();
    return {
      x: (clientX - rect.left - view.x) / view.scale,
      y: (clientY - rect.top - view.y) / view.scale,
    };
  }

  #setHover(client: { clientX: number; clientY: number } | undefined): void {
    this.#hover = client;
    if (client) {
      this.#updateHover();
      return;
    }
    if (this.tooltip) {
      this.tooltip = undefined;
      this.host.requestUpdate();
    }
    this.#setOutline([]);
    this.host.dispatchEvent(
      new CustomEvent<HoverDetail>('rr-hover', {
        detail: { x: NaN, y: NaN, picks: [] },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** Recomputes hover (after a move, or when the data under the pointer changed). */
  #updateHover(): void {
    const hover = this.#hover;
    if (!hover) return;
    const point = this.#scenePoint(hover.clientX, hover.clientY);
    if (!point) return;
    const picks = this.pick(point.x, point.y);
    this.#setOutline(picks);
    this.host.dispatchEvent(
      new CustomEvent<HoverDetail>('rr-hover', {
        detail: { x: Math.floor(point.x), y: Math.floor(point.y), picks },
        bubbles: true,
        composed: true,
      }),
    );
    if (!this.options.tooltip() || !picks.length) {
      if (this.tooltip) {
        this.tooltip = undefined;
        this.host.requestUpdate();
      }
      return;
    }
    const rect = this.canvas.getBoundingClientRect();
    const lines = [`Position: ${Math.floor(point.x)}, ${Math.floor(point.y)}`];
    for (const pick of picks) lines.push(...pickLines(pick, picks.length > 1));
    const at = { x: hover.clientX - rect.left, y: hover.clientY - rect.top };
    this.tooltip = { ...this.#placeTooltip(at, rect, this.#tipSize), lines };
    this.host.requestUpdate();
    // The size of the new text is known once it is on the page: flip it inside if it must.
    void this.host.updateComplete.then(() => {
      const el = this.host.shadowRoot?.querySelector<HTMLElement>('.rr-tooltip');
      const tip = this.tooltip;
      if (!el || !tip) return;
      this.#tipSize = { width: el.offsetWidth, height: el.offsetHeight };
      const place = this.#placeTooltip(at, this.canvas.getBoundingClientRect(), this.#tipSize);
      if (place.left === tip.left && place.top === tip.top) return;
      Object.assign(tip, place);
      el.style.left = `${place.left}px`;
      el.style.top = `${place.top}px`;
    });
  }

  /** Size of the tooltip as last shown (its next text is usually about as large). */
  #tipSize = { width: 0, height: 0 };

  /**
   * Where the tooltip goes for the pointer at `at` (CSS px in the canvas): below and right of
   * it, flipped to the other side of the pointer where it would leave the view, and kept inside.
   */
  #placeTooltip(
    at: { x: number; y: number },
    frame: { width: number; height: number },
    size: { width: number; height: number },
  ): { left: number; top: number } {
    const GAP = 12;
    const along = (pointer: number, extent: number, room: number): number => {
      let start = pointer + GAP;
      if (start + extent > room) start = pointer - GAP - extent;
      return Math.max(0, Math.min(start, room - extent));
    };
    return {
      left: along(at.x, size.width, frame.width),
      top: along(at.y, size.height, frame.height),
    };
  }

  /** The recording changed: layers re-resolve on the next frame and the tooltip refreshes. */
  dataChanged(): void {
    this.invalidate();
    if (this.#hover) queueMicrotask(() => this.#updateHover());
  }
}

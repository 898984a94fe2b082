/**
 * A 2D view: owns a canvas, a camera (fit, pan, zoom), the hover tooltip and the list of layers,
 * and hands frames to the shared renderer. `<rr-view>` and a standalone layer element both host
 * one, so there is one implementation of a view.
 */
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type {
  LayerCounts,
  LayerOverrides,
  LayerPick,
  LayerState,
  ViewLayer,
} from '../../render/layer.js';
import { getRenderer, type FrameDescription, type RenderTarget } from '../../render/renderer.js';
import type { Recording } from '../../store/recording.js';
import { formatPickValue } from './format-value.js';
import { parseCssColor } from './css-color.js';

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

interface Camera {
  zoom: number;
  /** Pan in CSS pixels. */
  x: number;
  y: number;
}

const MIN_ZOOM = 1 / 64;
const MAX_ZOOM = 4096;

function sameState(a: LayerState, b: LayerState | undefined): boolean {
  if (!b || a.status !== b.status) return false;
  return a.status !== 'error' || a.message === (b as { message: string }).message;
}

export class ViewController implements ReactiveController, RenderTarget {
  readonly canvas: HTMLCanvasElement;
  #renderer = getRenderer();
  #camera: Camera = { zoom: 1, x: 0, y: 0 };
  #size = { width: 0, height: 0, dpr: 1 };
  /** The canvas size is known (the ResizeObserver reported at least once). */
  #measured = false;
  #resizeObserver: ResizeObserver | undefined;
  #dirty = false;
  #frameWaiters: Array<() => void> = [];
  #states = new WeakMap<ViewLayer, LayerState>();
  #pointers = new Map<number, { x: number; y: number }>();
  #hover: { clientX: number; clientY: number } | undefined;
  /** Tooltip content, rendered by the host. */
  tooltip: { left: number; top: number; lines: string[] } | undefined;
  /** Content bounds of the last resolved frame. */
  #bounds: { width: number; height: number } | undefined;

  constructor(
    private readonly host: Host,
    private readonly options: {
      layers: () => readonly ViewLayerEntry[];
      background: () => string | null | undefined;
      tooltip: () => boolean;
    },
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('part', 'canvas');
    this.canvas.setAttribute('aria-hidden', 'true');
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
    const el = this.canvas;
    el.addEventListener('pointerdown', this.#onPointerDown);
    el.addEventListener('pointermove', this.#onPointerMove);
    el.addEventListener('pointerup', this.#onPointerUp);
    el.addEventListener('pointercancel', this.#onPointerUp);
    el.addEventListener('pointerleave', this.#onPointerLeave);
    el.addEventListener('wheel', this.#onWheel, { passive: false });
    el.addEventListener('dblclick', this.#onDoubleClick);
    this.host.addEventListener('keydown', this.#onKeyDown);
    this.#renderer.register(this);
    this.invalidate();
  }

  hostDisconnected(): void {
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    const el = this.canvas;
    el.removeEventListener('pointerdown', this.#onPointerDown);
    el.removeEventListener('pointermove', this.#onPointerMove);
    el.removeEventListener('pointerup', this.#onPointerUp);
    el.removeEventListener('pointercancel', this.#onPointerUp);
    el.removeEventListener('pointerleave', this.#onPointerLeave);
    el.removeEventListener('wheel', this.#onWheel);
    el.removeEventListener('dblclick', this.#onDoubleClick);
    this.host.removeEventListener('keydown', this.#onKeyDown);
    this.#renderer.unregister(this);
    this.#dirty = false;
    this.#measured = false;
    this.#flushWaiters();
  }

  /** The canvas, tooltip and layer slot; the host places it in its shadow root. */
  template(content: TemplateResult | typeof nothing = nothing): TemplateResult {
    const tip = this.tooltip;
    return html`<div class="rr-frame" part="frame">
      ${this.canvas}
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
    </div>`;
  }

  /** Schedules a redraw at the next animation frame. */
  invalidate(): void {
    this.#dirty = true;
    this.#renderer.invalidate(this);
  }

  /** Resolves once every layer's data has loaded and the current state is on screen. */
  async renderComplete(): Promise<void> {
    await this.#settle();
    if (!this.host.isConnected) return;
    if (!this.#dirty) return;
    await new Promise<void>((resolve) => this.#frameWaiters.push(resolve));
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
      if (!pending.length) break;
      await Promise.allSettled(pending);
    }
    await this.#renderer.whenReady();
  }

  /** Brings every layer up to date and returns the ready ones, back to front. */
  #resolveLayers(): { entries: ViewLayerEntry[]; counts: LayerCounts } {
    const ready: ViewLayerEntry[] = [];
    const counts: LayerCounts = { color: 0, depth: 0, segmentation: 0, geometry: 0 };
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
      if (state.status === 'ready' && entry.layer.extent) {
        ready.push(entry);
        counts[entry.layer.kind]++;
      }
    }
    // Painter's order: draw order, then Rerun's visualizer name (points over lines), then
    // document order (Array.sort is stable).
    ready.sort((a, b) => {
      const x = a.layer.visualizer ?? '';
      const y = b.layer.visualizer ?? '';
      return a.layer.drawOrder - b.layer.drawOrder || (x < y ? -1 : x > y ? 1 : 0);
    });
    let width = 0;
    let height = 0;
    for (const entry of ready) {
      width = Math.max(width, entry.layer.extent!.width);
      height = Math.max(height, entry.layer.extent!.height);
    }
    if (this.#autoLabel) this.#setLabel(ready.map((entry) => entry.entity));
    const bounds = ready.length ? { width, height } : undefined;
    if (
      bounds &&
      (bounds.width !== this.#bounds?.width || bounds.height !== this.#bounds?.height)
    ) {
      this.host.style.setProperty('--rr-aspect', `${bounds.width} / ${bounds.height}`);
    }
    this.#bounds = bounds;
    return { entries: ready, counts };
  }

  #setLabel(entities: string[]): void {
    const label = entities.length ? `Image view of ${entities.join(', ')}` : 'Image view, empty';
    if (label === this.#label) return;
    this.#label = label;
    this.host.setAttribute('aria-label', label);
  }

  /** Scale (CSS px per scene unit) and offset (CSS px) of the current camera. */
  #view(): { scale: number; x: number; y: number } | undefined {
    const bounds = this.#bounds;
    const { width, height } = this.#size;
    if (!bounds || width <= 0 || height <= 0) return undefined;
    const cssWidth = width / this.#size.dpr;
    const cssHeight = height / this.#size.dpr;
    const fit = Math.min(cssWidth / bounds.width, cssHeight / bounds.height);
    const scale = fit * this.#camera.zoom;
    return {
      scale,
      x: (cssWidth - bounds.width * scale) / 2 + this.#camera.x,
      y: (cssHeight - bounds.height * scale) / 2 + this.#camera.y,
    };
  }

  describeFrame(): FrameDescription | undefined {
    const { entries, counts } = this.#resolveLayers();
    const view = this.#view();
    if (!view) return undefined;
    const dpr = this.#size.dpr;
    const drawables = entries.map((e) => e.layer.prepare(counts)).filter((d) => d !== undefined);
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

  frameRendered(): void {
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
   * covering the union of their extents, whatever the on-screen size, zoom or DPR.
   */
  async snapshot({ scale = 1 }: SnapshotOptions = {}): Promise<ImageData> {
    if (!(scale > 0) || !Number.isFinite(scale))
      throw new RangeError(`expected a positive scale, got ${scale}`);
    await this.#settle();
    const { entries, counts } = this.#resolveLayers();
    const bounds = this.#bounds;
    if (!bounds) throw new Error('nothing to snapshot: no layer of this view has data to show');
    const drawables = entries.map((e) => e.layer.prepare(counts)).filter((d) => d !== undefined);
    return this.#renderer.renderToImageData({
      width: Math.ceil(bounds.width * scale),
      height: Math.ceil(bounds.height * scale),
      scale,
      offset: [0, 0],
      background: [0, 0, 0, 0],
      drawables,
    });
  }

  /** What lies at scene point (x, y), top layer first. */
  pick(x: number, y: number): PickResult[] {
    const { entries } = this.#resolveLayers();
    const picks: PickResult[] = [];
    const scale = this.#view()?.scale;
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i];
      const hit = entry.layer.pick(x, y, scale);
      if (hit)
        picks.push({
          entity: entry.entity,
          layer: entry.element,
          x: Math.floor(x),
          y: Math.floor(y),
          ...hit,
        });
    }
    return picks;
  }

  /** Back to the fitted view. */
  resetView(): void {
    this.#camera = { zoom: 1, x: 0, y: 0 };
    this.invalidate();
  }

  /** Zooms by `factor` about a point in CSS pixels relative to the canvas (default: centre). */
  zoomBy(factor: number, cssX?: number, cssY?: number): void {
    const rect = this.canvas.getBoundingClientRect();
    const px = cssX ?? rect.width / 2;
    const py = cssY ?? rect.height / 2;
    const before = this.#view();
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.#camera.zoom * factor));
    if (!before) {
      this.#camera.zoom = zoom;
      return;
    }
    // Keep the scene point under (px, py) fixed.
    const sceneX = (px - before.x) / before.scale;
    const sceneY = (py - before.y) / before.scale;
    this.#camera.zoom = zoom;
    const after = this.#view()!;
    this.#camera.x += px - (after.x + sceneX * after.scale);
    this.#camera.y += py - (after.y + sceneY * after.scale);
    this.invalidate();
  }

  /** Pans by CSS pixels. */
  panBy(dx: number, dy: number): void {
    this.#camera.x += dx;
    this.#camera.y += dy;
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

  #onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    this.canvas.setPointerCapture?.(event.pointerId);
    this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  };

  #onPointerMove = (event: PointerEvent): void => {
    const last = this.#pointers.get(event.pointerId);
    if (last) {
      if (this.#pointers.size === 2) {
        // Pinch: zoom by the change of distance between the two pointers, about their middle.
        const [a, b] = [...this.#pointers.entries()].map(([id, p]) =>
          id === event.pointerId ? { x: event.clientX, y: event.clientY } : p,
        );
        const [a0, b0] = [...this.#pointers.values()];
        const before = Math.hypot(a0.x - b0.x, a0.y - b0.y);
        const after = Math.hypot(a.x - b.x, a.y - b.y);
        const rect = this.canvas.getBoundingClientRect();
        if (before > 0)
          this.zoomBy(after / before, (a.x + b.x) / 2 - rect.left, (a.y + b.y) / 2 - rect.top);
      } else {
        this.panBy(event.clientX - last.x, event.clientY - last.y);
      }
      this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    }
    this.#hover = { clientX: event.clientX, clientY: event.clientY };
    this.#updateHover();
  };

  #onPointerUp = (event: PointerEvent): void => {
    this.#pointers.delete(event.pointerId);
  };

  #onPointerLeave = (): void => {
    this.#hover = undefined;
    if (this.tooltip) {
      this.tooltip = undefined;
      this.host.requestUpdate();
    }
    this.host.dispatchEvent(
      new CustomEvent<HoverDetail>('rr-hover', {
        detail: { x: NaN, y: NaN, picks: [] },
        bubbles: true,
        composed: true,
      }),
    );
  };

  /** Recomputes hover (after a move, or when the data under the pointer changed). */
  #updateHover(): void {
    const hover = this.#hover;
    if (!hover) return;
    const point = this.#scenePoint(hover.clientX, hover.clientY);
    if (!point) return;
    const picks = this.pick(point.x, point.y);
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
    for (const pick of picks) {
      if (picks.length > 1) lines.push(pick.entity);
      if (pick.label !== undefined || pick.classId !== undefined)
        lines.push(`Label: ${pick.label ?? pick.classId}`);
      lines.push(formatPickValue(pick));
    }
    this.tooltip = {
      left: hover.clientX - rect.left + 12,
      top: hover.clientY - rect.top + 12,
      lines,
    };
    this.host.requestUpdate();
  }

  #onWheel = (event: WheelEvent): void => {
    if (!this.#bounds) return;
    event.preventDefault();
    const rect = this.canvas.getBoundingClientRect();
    // deltaMode 1 = lines; a line is about 16 px.
    const delta = event.deltaY * (event.deltaMode === 1 ? 16 : 1);
    this.zoomBy(Math.exp(-delta * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
  };

  #onDoubleClick = (): void => this.resetView();

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const step = 32;
    switch (event.key) {
      case '+':
      case '=':
        this.zoomBy(1.25);
        break;
      case '-':
      case '_':
        this.zoomBy(0.8);
        break;
      case '0':
        this.resetView();
        break;
      case 'ArrowLeft':
        this.panBy(step, 0);
        break;
      case 'ArrowRight':
        this.panBy(-step, 0);
        break;
      case 'ArrowUp':
        this.panBy(0, step);
        break;
      case 'ArrowDown':
        this.panBy(0, -step);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  /** The recording changed: layers re-resolve on the next frame and the tooltip refreshes. */
  dataChanged(): void {
    this.invalidate();
    if (this.#hover) queueMicrotask(() => this.#updateHover());
  }
}

/**
 * The layer kind for Rerun's SegmentationImage: class ids from the recording, coloured through
 * the annotation context that applies to the entity (nearest ancestor including itself, not
 * merged, SPEC §4.1) and through the shared class state legends write (hidden, soloed,
 * highlighted classes).
 *
 * The id texture is uploaded only when the image row changes; a new context row or a class
 * state change only rewrites the colour table.
 */
import {
  annotationContextOf,
  premultiplyGamma,
  resolveClass,
  type AnnotationContextData,
} from '../store/annotation-context.js';
import type { Rgba8 } from '../store/auto-color.js';
import { classStateFor, type ClassState, type ClassStateChange } from '../store/class-state.js';
import {
  asBytes,
  describeFormat,
  ImageFormatError,
  isFloatDatatype,
  resolveImageFormat,
  validateImageBuffer,
  type BufferInput,
  type ImageFormat,
} from '../store/image-format.js';
import { readPixelValue } from '../store/pixel-value.js';
import type {
  LayerFrame,
  LayerKind,
  LayerOverrides,
  LayerPick,
  LayerQuery,
  LayerState,
  SceneRect,
  ViewLayer,
} from './layer.js';
import { hasAnyComponent, type AutoLayerKind } from './layer-kinds.js';
import type { Renderer } from './renderer.js';
import { SegmentationDrawable, type SegmentationRenderMode } from './segmentation-drawable.js';
import { planSegmentationIds, roundClassId } from './segmentation-ids.js';

/** Rerun's default draw order for SegmentationImage (SPEC §5.1). */
export const SEGMENTATION_DRAW_ORDER = 0;
/** Alpha factor of classes other than the highlighted one. */
const DIM = 0.25;
const CONTEXT_COMPONENT = 'AnnotationContext:context';

/** Overrides a segmentation element may give besides opacity and draw order. */
export interface SegmentationOverrides extends LayerOverrides {
  renderMode?: SegmentationRenderMode;
  outlineWidth?: number;
}

/** Accepts `fill`, `outline`, `fill-outline` in any case. */
export function parseRenderMode(value: unknown): SegmentationRenderMode | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return v === 'fill' || v === 'outline' || v === 'fill-outline' ? v : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const SEGMENTATION_KIND: LayerKind = {
  name: 'segmentation',
  // Rerun: 0.5 when a colour or depth image shares the view, else 1 (SPEC §3.6).
  defaultOpacity: (counts) => ((counts.color ?? 0) + (counts.depth ?? 0) > 0 ? 0.5 : 1),
};

/** Automatic views show entities holding a segmentation image. */
export const SEGMENTATION_AUTO_KIND: AutoLayerKind = {
  matches: (recording, entity) => hasAnyComponent(recording, entity, ['SegmentationImage:buffer']),
  create: (renderer, onAsyncChange) => new SegmentationLayer(renderer, onAsyncChange),
};

export class SegmentationLayer implements ViewLayer {
  readonly kind = SEGMENTATION_KIND;
  readonly drawable: SegmentationDrawable;
  #state: LayerState = { status: 'empty' };
  #imageKey = '';
  #tableKey = '';
  #raw:
    { bytes: Uint8Array; format: ImageFormat; highIds: number[]; tableSize: number } | undefined;
  #context: AnnotationContextData | undefined;
  #classState: ClassState | undefined;
  #drawOrder = SEGMENTATION_DRAW_ORDER;
  #opacity: number | undefined;

  constructor(
    renderer: Renderer,
    private readonly onAsyncChange: () => void,
  ) {
    this.drawable = new SegmentationDrawable(renderer);
  }

  get state(): LayerState {
    return this.#state;
  }

  get pending(): Promise<void> | undefined {
    return undefined;
  }

  get bounds(): SceneRect | undefined {
    return this.drawable.ready
      ? { x: 0, y: 0, width: this.drawable.width, height: this.drawable.height }
      : undefined;
  }

  get drawOrder(): number {
    return this.#drawOrder;
  }

  /** The annotation context the layer currently colours with. */
  get context(): AnnotationContextData | undefined {
    return this.#context;
  }

  /** The shared class state of that context, if there is a context. */
  get classState(): ClassState | undefined {
    return this.#classState;
  }

  update(query: LayerQuery, overrides: SegmentationOverrides): LayerState {
    const { recording, entity, timeline, time } = query;
    const row = (component: string) => recording.latestAtRow(entity, component, timeline, time);
    const value = (field: string) => row(`SegmentationImage:${field}`)?.value;

    const drawOrder = overrides.drawOrder ?? Number(value('draw_order') ?? SEGMENTATION_DRAW_ORDER);
    this.#drawOrder = Number.isNaN(drawOrder) ? SEGMENTATION_DRAW_ORDER : drawOrder;
    const opacity = overrides.opacity ?? value('opacity');
    this.#opacity = opacity == null ? undefined : Number(opacity);
    this.drawable.renderMode = overrides.renderMode ?? 'fill';
    this.drawable.outlineWidth = overrides.outlineWidth ?? 1;

    const buffer = row('SegmentationImage:buffer');
    const format = row('SegmentationImage:format');
    if (!buffer || buffer.value == null || !format || format.value == null) return this.#empty();

    const imageKey = `${buffer.rowId}:${format.rowId}`;
    if (imageKey !== this.#imageKey) {
      this.#imageKey = imageKey;
      this.#tableKey = '';
      try {
        const resolved = resolveImageFormat(format.value as never);
        if (resolved.pixelFormat || resolved.colorModel !== 'L') {
          throw new ImageFormatError(
            `expected a single-channel (L) segmentation image, got ${describeFormat(resolved)}`,
          );
        }
        const bytes = asBytes(buffer.value as BufferInput);
        validateImageBuffer(resolved, bytes);
        const ids = planSegmentationIds(bytes, resolved);
        this.drawable.setIds(ids);
        this.#raw = { bytes, format: resolved, highIds: ids.highIds, tableSize: ids.tableSize };
      } catch (error) {
        return this.#fail(errorMessage(error));
      }
    } else if (this.#state.status === 'error' && !this.#raw) {
      return this.#state;
    }

    // The context: nearest ancestor including the entity itself, at the view's time.
    const match = recording.annotationContextFor(entity, timeline, time);
    const contextRow = match
      ? recording.latestAtRow(match.entity, CONTEXT_COMPONENT, timeline, time)
      : undefined;
    let context: AnnotationContextData | undefined;
    if (match) {
      try {
        context = annotationContextOf(match.context);
      } catch (error) {
        return this.#fail(`annotation context at ${match.entity}: ${errorMessage(error)}`, false);
      }
    }
    this.#context = context;
    this.#follow(match ? classStateFor(recording, match.entity) : undefined);

    const state = this.#classState;
    const tableKey = `${match?.entity ?? ''}:${contextRow?.rowId ?? ''}:${state?.version ?? ''}`;
    if (tableKey !== this.#tableKey) {
      this.#tableKey = tableKey;
      this.drawable.setTable(this.#buildTable());
    }
    this.#state = { status: 'ready' };
    return this.#state;
  }

  /** The table index → class id mapping (SPEC §3.2; ids above 65535 after 65535). */
  #classIdAt(index: number): number {
    return index < 65536 ? index : this.#raw!.highIds[index - 65536]!;
  }

  #buildTable(): Uint8Array {
    const raw = this.#raw!;
    const size = raw.tableSize;
    const out = new Uint8Array(size * 4);
    const state = this.#classState;
    const context = this.#context;
    const neutral = !state || state.neutral;
    const highlighted = state?.highlighted ?? null;
    const used = raw.highIds.length ? 65536 + raw.highIds.length : size;
    for (let i = 0; i < used; i++) {
      const id = this.#classIdAt(i);
      let color: Rgba8 = resolveClass(context, id).color;
      if (!neutral) {
        if (!state!.isVisible(id)) continue;
        if (highlighted !== null && id !== highlighted)
          color = [color[0], color[1], color[2], Math.round(color[3] * DIM)];
      }
      out.set(premultiplyGamma(color), i * 4);
    }
    return out;
  }

  #follow(state: ClassState | undefined): void {
    if (state === this.#classState) return;
    this.#classState?.removeEventListener('change', this.#onClassState);
    this.#classState = state;
    state?.addEventListener('change', this.#onClassState);
  }

  #onClassState = (event: Event): void => {
    // Hover only marks legend rows; everything else changes the colours.
    if ((event as CustomEvent<ClassStateChange>).detail?.what === 'hover') return;
    this.onAsyncChange();
  };

  #empty(): LayerState {
    this.drawable.clear();
    this.#raw = undefined;
    this.#imageKey = '';
    this.#tableKey = '';
    this.#state = { status: 'empty' };
    return this.#state;
  }

  /** Nothing half-drawn: a bad image or context shows no picture. */
  #fail(message: string, dropImage = true): LayerState {
    if (dropImage) {
      this.drawable.clear();
      this.#raw = undefined;
    } else {
      // The image stays valid; a later good context row must rebuild the table.
      this.#tableKey = '';
    }
    this.#state = { status: 'error', message };
    return this.#state;
  }

  prepare(frame: LayerFrame): SegmentationDrawable | undefined {
    if (this.#state.status !== 'ready') return undefined;
    this.drawable.opacity = this.#opacity ?? frame.defaultOpacity;
    return this.drawable;
  }

  pick(x: number, y: number): LayerPick | undefined {
    if (this.#state.status !== 'ready' || !this.#raw) return undefined;
    const px = Math.floor(x);
    const py = Math.floor(y);
    const value = readPixelValue(this.#raw.bytes, this.#raw.format, px, py);
    if (typeof value !== 'number') return undefined;
    const id = isFloatDatatype(this.#raw.format.channelDatatype) ? roundClassId(value) : value;
    if (!(id >= 0)) return { value, valueName: 'Val' };
    const resolved = resolveClass(this.#context, id);
    const pick: LayerPick = { value, valueName: 'Val', classId: id, color: resolved.color };
    if (resolved.label !== undefined) pick.label = resolved.label;
    return pick;
  }

  dispose(): void {
    this.#follow(undefined);
    this.drawable.dispose();
    this.#raw = undefined;
    this.#imageKey = '';
    this.#tableKey = '';
    this.#state = { status: 'empty' };
  }
}

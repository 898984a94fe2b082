/**
 * The layer for Rerun's SegmentationImage (a lazy chunk: segmentation-kind.ts): class ids from
 * the recording, coloured through the annotation context that applies to the entity (nearest
 * ancestor including itself, not merged, SPEC §4.1) and through the shared class state legends
 * write (hidden, soloed, highlighted classes).
 *
 * The id texture is uploaded only when the image row changes; a new context row rewrites the
 * colour table. The layer keeps every class's base colour, so a class state change never
 * resolves a colour again: hiding or showing classes rewrites only their entries, a solo or a
 * highlight rewrites the table from the kept colours.
 */
import {
  annotationContextOf,
  resolveClass,
  type AnnotationContextData,
} from '../store/annotation-context.js';
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
  type ImageFormatInput,
} from '../store/image-format.js';
import { readPixelValue } from '../store/pixel-value.js';
import type {
  LayerFrame,
  LayerOverrides,
  LayerPick,
  LayerQuery,
  LayerState,
  SceneRect,
  ViewLayer,
} from './layer.js';
import type { Renderer } from './renderer.js';
import { SegmentationDrawable, type SegmentationRenderMode } from './segmentation-drawable.js';
import { planSegmentationIds, roundClassId } from './segmentation-ids.js';
import { SEGMENTATION_DRAW_ORDER, SEGMENTATION_KIND } from './segmentation-kind.js';

export { SEGMENTATION_DRAW_ORDER, SEGMENTATION_KIND };
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
  /** Straight sRGB RGBA8 base colour of every used table entry (for `#baseKey`). */
  #base: Uint8Array | undefined;
  #baseKey = '';
  /** The table the drawable holds, and the class state it shows. */
  #table: Uint8Array | undefined;
  #applied:
    { hidden: Set<number>; solo: number | undefined; highlighted: number | null } | undefined;
  /** Class id → table index of ids above 65535 (SPEC §3.2). */
  #highIndex: Map<number, number> | undefined;
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
        const resolved = resolveImageFormat(format.value as ImageFormatInput);
        if (resolved.pixelFormat || resolved.colorModel !== 'L') {
          throw new ImageFormatError(
            `expected a single-channel (L) segmentation image, got ${describeFormat(resolved)}`,
          );
        }
        const bytes = asBytes(buffer.value as BufferInput);
        validateImageBuffer(resolved, bytes);
        const ids = planSegmentationIds(bytes, resolved);
        this.drawable.setIds(ids);
        this.#highIndex = undefined;
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
      this.#refreshTable(`${this.#imageKey}|${match?.entity ?? ''}:${contextRow?.rowId ?? ''}`);
    }
    this.#state = { status: 'ready' };
    return this.#state;
  }

  /** The table index → class id mapping (SPEC §3.2; ids above 65535 after 65535). */
  #classIdAt(index: number): number {
    return index < 65536 ? index : this.#raw!.highIds[index - 65536]!;
  }

  /** Base colours of the used entries: the only place class colours are resolved. */
  #buildBase(): Uint8Array {
    const raw = this.#raw!;
    const used = raw.highIds.length ? 65536 + raw.highIds.length : raw.tableSize;
    const base = new Uint8Array(used * 4);
    const context = this.#context;
    for (let i = 0; i < used; i++) base.set(resolveClass(context, this.#classIdAt(i)).color, i * 4);
    return base;
  }

  /** Writes table entry `i` from its base colour and the class state. */
  #writeEntry(table: Uint8Array, i: number, state: ClassState | undefined): void {
    const base = this.#base!;
    const o = i * 4;
    let a = base[o + 3]!;
    if (state && !state.neutral) {
      const id = this.#classIdAt(i);
      if (!state.isVisible(id)) a = 0;
      else if (state.highlighted !== null && id !== state.highlighted) a = Math.round(a * DIM);
    }
    // premultiplyGamma, inline: egui's Color32 (premultiplied in gamma space).
    if (a === 255) {
      table[o] = base[o]!;
      table[o + 1] = base[o + 1]!;
      table[o + 2] = base[o + 2]!;
    } else {
      table[o] = Math.round((base[o]! * a) / 255);
      table[o + 1] = Math.round((base[o + 1]! * a) / 255);
      table[o + 2] = Math.round((base[o + 2]! * a) / 255);
    }
    table[o + 3] = a;
  }

  /** Table index of a class id, or undefined when the image has no such id. */
  #indexOf(id: number): number | undefined {
    const raw = this.#raw!;
    if (id < 65536)
      return Number.isInteger(id) && id >= 0 && id < this.#base!.length / 4 ? id : undefined;
    this.#highIndex ??= new Map(raw.highIds.map((high, k) => [high, 65536 + k]));
    return this.#highIndex.get(id);
  }

  /**
   * Brings the colour table up to date. Same image and context, and only explicit hiding
   * changed: just the toggled classes' entries are rewritten (and uploaded). Otherwise the whole
   * table is rewritten from the kept base colours (resolved again only for a new image or
   * context).
   */
  #refreshTable(baseKey: string): void {
    const raw = this.#raw!;
    const state = this.#classState;
    const applied = this.#applied;
    const next = {
      hidden: new Set(state?.hidden ?? []),
      solo: state?.solo,
      highlighted: state?.highlighted ?? null,
    };
    if (
      baseKey === this.#baseKey &&
      this.#table &&
      applied &&
      applied.solo === undefined &&
      next.solo === undefined &&
      applied.highlighted === next.highlighted
    ) {
      const changed: number[] = [];
      for (const id of next.hidden) if (!applied.hidden.has(id)) changed.push(id);
      for (const id of applied.hidden) if (!next.hidden.has(id)) changed.push(id);
      const indices: number[] = [];
      for (const id of changed) {
        const i = this.#indexOf(id);
        if (i === undefined) continue;
        this.#writeEntry(this.#table, i, state);
        indices.push(i);
      }
      this.#applied = next;
      this.drawable.updateEntries(indices);
      return;
    }
    if (baseKey !== this.#baseKey || !this.#base) {
      this.#base = this.#buildBase();
      this.#baseKey = baseKey;
    }
    const table = new Uint8Array(raw.tableSize * 4);
    const used = this.#base.length / 4;
    for (let i = 0; i < used; i++) this.#writeEntry(table, i, state);
    this.#table = table;
    this.#applied = next;
    this.drawable.setTable(table);
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

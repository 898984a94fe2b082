/**
 * The layer for Rerun's DepthImage (SPEC §12.10), a lazy chunk that depth-image-kind.ts loads:
 * a single-channel image through the image path, never sRGB-decoded, mapped from
 * `[0, largest finite sample]` (or the logged `depth_range`) through a colour map, Turbo by
 * default, evaluated as Rerun's polynomial.
 * Drawn at opacity 1 and draw order −20; its kind (`depth`) makes the images and
 * segmentations of its view default to opacity 0.5.
 */
import {
  asBytes,
  resolveImageFormat,
  validateImageBuffer,
  type BufferInput,
  type ImageFormat,
} from '../store/image-format.js';
import { readPixelValue } from '../store/pixel-value.js';
import { resolveDepthImage } from '../store/geometry/depth-resolve.js';
import type { DepthImageSettingsInput, ResolvedDepthImage } from '../store/geometry/types.js';
import { ImageDrawable, type MagnificationFilter } from './image-drawable.js';
import { parseMagnificationFilter } from './image-layer.js';
import { imageSamples, planRawImage } from './image-plan.js';
import type {
  LayerOverrides,
  LayerPick,
  LayerQuery,
  LayerState,
  SceneRect,
  ViewLayer,
} from './layer.js';
import { DEPTH_IMAGE_DRAW_ORDER, DEPTH_KIND } from './depth-image-kind.js';
import type { Renderer } from './renderer.js';
import type { Samples } from '../store/value-range.js';

/** Overrides a `<rr-depth-image>` element gives (its attributes) over what was logged. */
export interface DepthImageOverrides extends LayerOverrides {
  /** As the element's attributes give them; checked like logged values. */
  meter?: DepthImageSettingsInput['meter'];
  depthRange?: DepthImageSettingsInput['depthRange'];
  colormap?: DepthImageSettingsInput['colormap'];
  magnificationFilter?: MagnificationFilter;
  /** An attribute the element could not parse: the layer shows this instead of a picture. */
  overrideError?: string;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class DepthImageLayer implements ViewLayer {
  readonly kind = DEPTH_KIND;
  readonly drawable: ImageDrawable;
  #state: LayerState = { status: 'empty' };
  /** Identity of what the texture holds: the rows it came from. */
  #key = '';
  #raw: { bytes: Uint8Array; format: ImageFormat; samples: Samples } | undefined;
  /** The settings last resolved, and what they resolved to (resolving scans the samples). */
  #settingsKey = '';
  #depth: ResolvedDepthImage | undefined;
  #drawOrder = DEPTH_IMAGE_DRAW_ORDER;
  #meter = 1;

  constructor(renderer: Renderer) {
    this.drawable = new ImageDrawable(renderer);
  }

  get state(): LayerState {
    return this.#state;
  }

  /** Nothing loads asynchronously (the colour maps are in the shader). */
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

  /** Raw units per metre in effect (for the `Depth:` hover text). */
  get meter(): number {
    return this.#meter;
  }

  update(query: LayerQuery, overrides: DepthImageOverrides): LayerState {
    const { recording, entity, timeline, time } = query;
    const row = (field: string) =>
      recording.latestAtRow(entity, `DepthImage:${field}`, timeline, time);
    const value = (field: string) => row(field)?.value;
    this.drawable.magnificationFilter =
      overrides.magnificationFilter ??
      parseMagnificationFilter(value('magnification_filter')) ??
      'nearest';
    if (overrides.overrideError) return this.#fail(overrides.overrideError, '');

    const buffer = row('buffer');
    const format = row('format');
    if (!buffer || buffer.value == null || !format || format.value == null)
      return this.#set({ status: 'empty' }, '');
    const key = `${buffer.rowId}:${format.rowId}`;
    if (key !== this.#key) {
      try {
        const resolved = resolveImageFormat(format.value as never);
        if (resolved.pixelFormat || resolved.colorModel !== 'L') {
          throw new RangeError(
            `expected a single-channel (L) depth image, got ${resolved.pixelFormat ?? resolved.colorModel}`,
          );
        }
        const bytes = asBytes(buffer.value as BufferInput);
        validateImageBuffer(resolved, bytes);
        const plan = planRawImage(bytes, resolved);
        this.drawable.setPlan(plan);
        this.#raw = {
          bytes,
          format: resolved,
          samples: imageSamples(bytes, resolved.channelDatatype),
        };
        this.#settingsKey = '';
        this.#set({ status: 'ready' }, key);
      } catch (error) {
        return this.#fail(errorMessage(error), key);
      }
    }
    const raw = this.#raw;
    if (!raw) return this.#state;

    const settings: DepthImageSettingsInput = {
      meter: overrides.meter ?? (value('meter') as DepthImageSettingsInput['meter']),
      depthRange:
        overrides.depthRange ?? (value('depth_range') as DepthImageSettingsInput['depthRange']),
      colormap: overrides.colormap ?? (value('colormap') as DepthImageSettingsInput['colormap']),
      drawOrder: overrides.drawOrder ?? (value('draw_order') as number | undefined),
    };
    const settingsKey = JSON.stringify(settings);
    if (settingsKey !== this.#settingsKey || !this.#depth) {
      this.#depth = resolveDepthImage(settings, raw.format.channelDatatype, raw.samples);
      this.#settingsKey = settingsKey;
    }
    const depth = this.#depth;
    if (depth.issues.length) return this.#fail(depth.issues[0].message, '');
    this.#drawOrder = depth.drawOrder;
    this.#meter = depth.meter;
    // (An all-zero image resolves to [0, 1]: Rerun leaves t undefined there, SPEC §12.13 item 8.)
    const range = depth.range;
    this.drawable.overrides = { valueRange: range, colormap: depth.colormap };
    this.drawable.opacity = 1;
    return this.#state;
  }

  #set(state: LayerState, key: string): LayerState {
    if (state.status === 'empty') {
      this.drawable.clear();
      this.#raw = undefined;
    }
    this.#key = key;
    this.#state = state;
    return state;
  }

  #fail(message: string, key: string): LayerState {
    // Nothing half-drawn: a bad row replaces the picture by nothing.
    this.drawable.clear();
    this.#raw = undefined;
    this.#key = key;
    this.#state = { status: 'error', message };
    return this.#state;
  }

  prepare(): ImageDrawable | undefined {
    // Rerun has no opacity for depth images: always 1 (SPEC §12.10).
    return this.#state.status === 'ready' ? this.drawable : undefined;
  }

  pick(x: number, y: number): LayerPick | undefined {
    const raw = this.#raw;
    if (this.#state.status !== 'ready' || !raw) return undefined;
    const value = readPixelValue(raw.bytes, raw.format, Math.floor(x), Math.floor(y));
    if (value === undefined) return undefined;
    const sample = typeof value === 'number' ? value : value[0];
    return { value, valueName: 'Val', depth: sample / this.#meter };
  }

  dispose(): void {
    this.drawable.dispose();
    this.#raw = undefined;
    this.#key = '';
    this.#state = { status: 'empty' };
  }
}

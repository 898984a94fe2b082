/**
 * The layer kind for Rerun's Image and EncodedImage archetypes: reads buffer + format (or an
 * encoded blob) latest-at from the recording and keeps one texture up to date, re-uploading only
 * when the row behind it changes.
 */
import {
  asBytes,
  resolveImageFormat,
  validateImageBuffer,
  type BufferInput,
  type ImageFormat,
  type ImageFormatInput,
} from '../store/image-format.js';
import { readPixelValue } from '../store/pixel-value.js';
import { magnificationFilterName } from '../store/components/normalize.js';
import { yuvPixelRgb } from '../store/yuv.js';
import { ImageDrawable, type MagnificationFilter } from './image-drawable.js';
import { planRawImage } from './image-plan.js';
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
import type { ColormapName } from './colormaps.js';

/** Rerun's default draw order for Image and EncodedImage (SPEC §5.1). */
export const IMAGE_DRAW_ORDER = -10;

/** Accepts Rerun's numeric MagnificationFilter or its name. */
export const parseMagnificationFilter: (value: unknown) => MagnificationFilter | undefined =
  magnificationFilterName;

/** Overrides an image element may give besides opacity and draw order. */
export interface ImageOverrides extends LayerOverrides {
  magnificationFilter?: MagnificationFilter;
  /** `value-range` (API.md): replaces Rerun's range heuristic. */
  valueRange?: [number, number];
  /** `colormap` (API.md) for single-channel images. */
  colormap?: ColormapName;
  /** An override the element could not parse: the layer shows this instead of a picture. */
  overrideError?: string;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Decodes with the browser (off the main thread); the message names what failed. */
async function decodeBitmap(
  bytes: Uint8Array,
  mediaType: string | undefined,
): Promise<ImageBitmap> {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], mediaType ? { type: mediaType } : {});
  try {
    return await createImageBitmap(blob, {
      premultiplyAlpha: 'none',
      colorSpaceConversion: 'none',
    });
  } catch (error) {
    const type = mediaType ? `a ${mediaType} image` : 'an image (PNG, JPEG, WebP, GIF, AVIF, BMP)';
    throw new Error(
      `expected ${type} the browser can decode, got ${bytes.byteLength} bytes it cannot decode (${errorMessage(error)})`,
    );
  }
}

function guessMediaType(bytes: Uint8Array): string | undefined {
  const b = bytes;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return 'image/gif';
  if (b[0] === 0x42 && b[1] === 0x4d) return 'image/bmp';
  if (b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'image/webp';
  if (b[4] === 0x66 && b[5] === 0x74 && b[6] === 0x79 && b[7] === 0x70) return 'image/avif';
  return undefined;
}

/** Image and EncodedImage: colour images. */
export const COLOR_KIND: LayerKind = {
  name: 'color',
  // Rerun: colour images default to 0.5 only when a depth image shares the view (SPEC §3.6).
  defaultOpacity: (counts) => ((counts.depth ?? 0) > 0 ? 0.5 : 1),
};

/** Automatic views show entities holding an image or an encoded image. */
export const IMAGE_AUTO_KIND: AutoLayerKind = {
  matches: (recording, entity) =>
    hasAnyComponent(recording, entity, ['Image:buffer', 'EncodedImage:blob']),
  create: (renderer, onAsyncChange) => new ImageLayer(renderer, onAsyncChange),
};

export class ImageLayer implements ViewLayer {
  readonly kind = COLOR_KIND;
  readonly drawable: ImageDrawable;
  #state: LayerState = { status: 'empty' };
  #pending: Promise<void> | undefined;
  /** Identity of what the texture holds: the rows it came from. */
  #key = '';
  #raw: { bytes: Uint8Array; format: ImageFormat } | undefined;
  #drawOrder = IMAGE_DRAW_ORDER;
  #opacity: number | undefined;
  #decodeGeneration = 0;

  constructor(
    renderer: Renderer,
    private readonly onAsyncChange: () => void,
  ) {
    this.drawable = new ImageDrawable(renderer);
  }

  get state(): LayerState {
    return this.#state;
  }

  get pending(): Promise<void> | undefined {
    return this.#pending;
  }

  get bounds(): SceneRect | undefined {
    return this.drawable.ready
      ? { x: 0, y: 0, width: this.drawable.width, height: this.drawable.height }
      : undefined;
  }

  get drawOrder(): number {
    return this.#drawOrder;
  }

  update(query: LayerQuery, overrides: ImageOverrides): LayerState {
    const { recording, entity, timeline, time } = query;
    const row = (component: string) => recording.latestAtRow(entity, component, timeline, time);
    const buffer = row('Image:buffer');
    const blob = row('EncodedImage:blob');
    // An entity may hold both archetypes over time; the later row is what was meant.
    const archetype = blob && (!buffer || blob.rowId > buffer.rowId) ? 'EncodedImage' : 'Image';
    const value = (field: string) => row(`${archetype}:${field}`)?.value;

    const drawOrder = overrides.drawOrder ?? Number(value('draw_order') ?? IMAGE_DRAW_ORDER);
    this.#drawOrder = Number.isNaN(drawOrder) ? IMAGE_DRAW_ORDER : drawOrder;
    const opacity = overrides.opacity ?? value('opacity');
    this.#opacity = opacity == null ? undefined : Number(opacity);
    this.drawable.magnificationFilter =
      overrides.magnificationFilter ??
      parseMagnificationFilter(value('magnification_filter')) ??
      'nearest';
    this.drawable.overrides = { valueRange: overrides.valueRange, colormap: overrides.colormap };
    if (overrides.overrideError) {
      // Forget the row key so that fixing the attribute re-uploads the picture.
      return this.#fail(overrides.overrideError, '');
    }

    if (archetype === 'Image') {
      const format = row('Image:format');
      if (!buffer || buffer.value == null || !format || format.value == null)
        return this.#set({ status: 'empty' }, '');
      const key = `raw:${buffer.rowId}:${format.rowId}`;
      if (key === this.#key) return this.#state;
      this.#decodeGeneration++;
      try {
        const resolved = resolveImageFormat(format.value as ImageFormatInput);
        const bytes = asBytes(buffer.value as BufferInput);
        validateImageBuffer(resolved, bytes);
        const plan = planRawImage(bytes, resolved);
        this.drawable.setPlan(plan);
        this.#raw = { bytes, format: resolved };
        return this.#set({ status: 'ready' }, key);
      } catch (error) {
        return this.#fail(errorMessage(error), key);
      }
    }

    if (!blob || blob.value == null) return this.#set({ status: 'empty' }, '');
    const mediaRow = row('EncodedImage:media_type');
    const key = `encoded:${blob.rowId}:${mediaRow?.rowId ?? ''}`;
    if (key === this.#key) return this.#state;
    let bytes: Uint8Array;
    try {
      bytes = asBytes(blob.value as BufferInput);
    } catch (error) {
      return this.#fail(errorMessage(error), key);
    }
    const mediaType = (mediaRow?.value as string | undefined) ?? guessMediaType(bytes);
    const generation = ++this.#decodeGeneration;
    this.#pending = this.#decode(bytes, mediaType, generation);
    return this.#set({ status: 'loading' }, key);
  }

  async #decode(
    bytes: Uint8Array,
    mediaType: string | undefined,
    generation: number,
  ): Promise<void> {
    let bitmap: ImageBitmap | undefined;
    let failure: string | undefined;
    try {
      // Loaded on first use (it is not needed until an encoded image comes).
      const { checkImageHeader, checkImageSize } = await import('../io/image-header.js');
      // The size the header declares, before anything is decoded (a 95-byte PNG may claim a
      // billion pixels); the browser then decodes off the main thread.
      checkImageHeader(bytes);
      bitmap = await decodeBitmap(bytes, mediaType);
      // Formats whose header is not read here (AVIF …) are checked once decoded.
      checkImageSize(bitmap.width, bitmap.height, `a decoded ${mediaType ?? 'image'}`);
    } catch (error) {
      bitmap?.close();
      bitmap = undefined;
      failure = errorMessage(error);
    }
    // A newer row replaced this one while it was decoding.
    if (generation !== this.#decodeGeneration) {
      bitmap?.close();
      return;
    }
    this.#pending = undefined;
    if (bitmap) {
      try {
        this.drawable.setBitmap(bitmap, bitmap.width, bitmap.height);
        this.#raw = undefined;
        this.#state = { status: 'ready' };
      } catch (error) {
        this.drawable.clear();
        this.#state = { status: 'error', message: errorMessage(error) };
      }
    } else {
      this.drawable.clear();
      this.#state = { status: 'error', message: failure! };
    }
    this.onAsyncChange();
  }

  #set(state: LayerState, key: string): LayerState {
    if (state.status === 'empty') {
      this.drawable.clear();
      this.#raw = undefined;
      this.#pending = undefined;
      this.#decodeGeneration++;
    }
    this.#key = key;
    this.#state = state;
    return state;
  }

  #fail(message: string, key: string): LayerState {
    // Nothing half-drawn: a bad row replaces the picture by nothing.
    this.drawable.clear();
    this.#raw = undefined;
    this.#pending = undefined;
    this.#key = key;
    this.#state = { status: 'error', message };
    return this.#state;
  }

  prepare(frame: LayerFrame): ImageDrawable | undefined {
    if (this.#state.status !== 'ready') return undefined;
    this.drawable.opacity = this.#opacity ?? frame.defaultOpacity;
    return this.drawable;
  }

  pick(x: number, y: number): LayerPick | undefined {
    if (this.#state.status !== 'ready') return undefined;
    const px = Math.floor(x);
    const py = Math.floor(y);
    if (px < 0 || py < 0 || px >= this.drawable.width || py >= this.drawable.height)
      return undefined;
    if (this.#raw) {
      const { bytes, format } = this.#raw;
      const value = format.pixelFormat
        ? yuvPixelRgb(bytes, format, px, py)
        : readPixelValue(bytes, format, px, py);
      // YUV is shown as the RGB it decodes to; other values in their stored channel order.
      return value === undefined
        ? undefined
        : { value, valueName: format.pixelFormat ? 'RGB' : format.colorModel };
    }
    const texel = this.drawable.readBitmapTexel(px, py);
    return texel ? { value: [...texel], valueName: 'RGBA' } : undefined;
  }

  dispose(): void {
    this.#decodeGeneration++;
    this.drawable.dispose();
    this.#raw = undefined;
    this.#key = '';
    this.#state = { status: 'empty' };
  }
}

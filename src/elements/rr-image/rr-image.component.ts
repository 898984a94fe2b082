import { property } from 'lit/decorators.js';
import { ImageLayer, type ImageOverrides } from '../../render/image-layer.js';
import { parseColormap } from '../../render/colormaps.js';
import { parseValueRange } from '../../store/value-range.js';
import { isNpy, loadNpy } from '../../io/npy-magic.js';
import { imageRow } from '../../store/components/keys.js';
import type { Renderer } from '../../render/renderer.js';
import {
  asBytes,
  type BufferInput,
  formatFromNdArray,
  validateImageBuffer,
} from '../../store/image-format.js';
import { MAGNIFICATION_FILTER } from '../shared/attributes.js';
import { ImageLayerElement } from '../shared/image-layer-element.js';
import type { OwnRow } from '../shared/layer-element.js';

/**
 * A layer showing a Rerun Image (raw `buffer` + `format`, or `data`) or EncodedImage (`src`:
 * PNG, JPEG, WebP, GIF, AVIF, BMP). Inside an `<rr-view>` it is one of the view's layers; on its
 * own it is a view of its own, with pan, zoom, hover, `snapshot()` and `pick()`.
 *
 * @fires rr-error - The data is unusable: detail `{entity, message}` says what was expected and what came.
 * @fires rr-hover - Standalone only: the pointer moved over the picture; detail `{x, y, picks}`.
 * @csspart canvas - The canvas the view draws into (standalone only).
 * @csspart frame - The box holding canvas and tooltip (standalone only).
 * @csspart tooltip - The hover tooltip (standalone only).
 * @csspart hint - How to zoom, shown a moment when the wheel scrolls the page past the view (standalone only).
 * @csspart error - The message shown in place of the picture when the data is bad.
 * @cssprop --rr-aspect - Aspect ratio used when no CSS height is given; set from the content.
 * @cssprop --rr-view-background - Background of the frame behind the canvas.
 * @cssprop --rr-tooltip-background - Tooltip background.
 * @cssprop --rr-tooltip-color - Tooltip text colour.
 * @cssprop --rr-focus-color - Focus ring colour.
 */
export class RrImage extends ImageLayerElement {
  /** Colour model of `buffer`: `L`, `RGB`, `RGBA`, `BGR`, `BGRA` (or Rerun's number). */
  @property({ attribute: 'color-model' }) colorModel: string | undefined;
  /** YUV pixel format of `buffer` (`NV12`, `YUY2`, `Y_U_V16_FullRange`, …); overrides the colour model. */
  @property({ attribute: 'pixel-format' }) pixelFormat: string | undefined;
  /** Filter when zoomed in: `nearest` (default), `linear` or `bicubic`. */
  @property({ attribute: 'magnification-filter' }) magnificationFilter: string | undefined;
  /** `"min max"`: the values shown black and white (or the colour map's ends), instead of Rerun's heuristic. */
  @property({ attribute: 'value-range' }) valueRange: string | undefined;
  /** Colour map for single-channel images: grayscale, inferno, magma, plasma, turbo, viridis, cyan-to-yellow, spectral, twilight. */
  @property() colormap: string | undefined;

  protected static override overrideProperties = new Set<PropertyKey>([
    'magnificationFilter',
    'valueRange',
    'colormap',
  ]);

  protected static override dataProperties = new Set<PropertyKey>([
    ...ImageLayerElement.dataProperties,
    'colorModel',
    'pixelFormat',
  ]);

  #layer: ImageLayer | undefined;

  /** @internal The layer (tests read its drawable's counters). */
  get imageLayer(): ImageLayer | undefined {
    return this.#layer;
  }

  protected createLayer(renderer: Renderer, onAsyncChange: () => void): ImageLayer {
    this.#layer = new ImageLayer(renderer, onAsyncChange);
    return this.#layer;
  }

  protected override extraOverrides(): Record<string, unknown> {
    const overrides: ImageOverrides = {
      magnificationFilter: this.checkedAttribute(
        'magnification-filter',
        this.magnificationFilter,
        MAGNIFICATION_FILTER,
      ),
    };
    try {
      overrides.valueRange = parseValueRange(this.valueRange);
      overrides.colormap = parseColormap(this.colormap);
    } catch (error) {
      overrides.overrideError = error instanceof Error ? error.message : String(error);
    }
    return overrides as Record<string, unknown>;
  }

  protected rowFromProperties(): OwnRow | undefined | Promise<OwnRow> {
    if (this.data !== undefined && this.data !== null) {
      // `.npy` file contents (API.md: `.npy` input for `data` too).
      const raw = this.data as unknown;
      if (raw instanceof ArrayBuffer || raw instanceof Uint8Array) {
        const npy = asBytes(raw);
        if (isNpy(npy)) return this.#npyRow(npy);
      }
      const { bytes, format } = formatFromNdArray(this.data);
      return imageRow('Image', bytes, format);
    }
    const format = this.bufferFormat({
      colorModel: this.colorModel,
      pixelFormat: this.pixelFormat,
    });
    if (!format) return undefined;
    const bytes = asBytes(this.buffer as BufferInput);
    validateImageBuffer(format, bytes);
    return imageRow('Image', bytes, format);
  }

  async #npyRow(npy: Uint8Array): Promise<OwnRow> {
    const { npyToImageRow } = await loadNpy();
    const { bytes, format } = npyToImageRow(npy);
    return imageRow('Image', bytes, format);
  }

  protected rowFromSource(
    bytes: Uint8Array,
    url: string,
    contentType: string | null,
  ): OwnRow | Promise<OwnRow> {
    if (isNpy(bytes, url)) return this.#npyRow(bytes);
    const mediaType =
      contentType && contentType.startsWith('image/') ? contentType.split(';')[0] : undefined;
    const row: OwnRow = { 'EncodedImage:blob': bytes };
    if (mediaType) row['EncodedImage:media_type'] = mediaType;
    return row;
  }
}

import { property } from 'lit/decorators.js';
import { decodeGrayscalePng, isPng } from '../../io/png16.js';
import { isNpy, loadNpy } from '../../io/npy-magic.js';
import { createDepthImageLayer } from '../../render/depth-image-kind.js';
import type { DepthImageOverrides } from '../../render/depth-image-layer.js';
import type { LazyLayer } from '../../render/lazy-layer.js';
import type { Renderer } from '../../render/renderer.js';
import {
  asBytes,
  type BufferInput,
  describeFormat,
  formatFromNdArray,
  ImageFormatError,
  validateImageBuffer,
  type ImageFormat,
} from '../../store/image-format.js';
import { parseDepthColormap, parseDepthRange } from '../../store/geometry/depth.js';
import {
  AttributeValueError,
  MAGNIFICATION_FILTER,
  numberAttribute,
  parsedAttribute,
  type AttributeParser,
} from '../shared/attributes.js';
import { ImageLayerElement } from '../shared/image-layer-element.js';
import type { OwnRow } from '../shared/layer-element.js';

const POSITIVE = 'a positive number of raw units per metre';
const FINITE = numberAttribute({ what: POSITIVE });
/** DepthMeter: raw units per metre, > 0 (as the layer resolves it, geometry/depth.ts). */
const METER: AttributeParser<number> = (value) => {
  const n = FINITE(value);
  if (n !== undefined && !(n > 0)) throw new AttributeValueError(POSITIVE);
  return n;
};
const DEPTH_RANGE = parsedAttribute(parseDepthRange);
const COLORMAP = parsedAttribute(parseDepthColormap);

/**
 * A layer showing a Rerun DepthImage: a single-channel image mapped from `[0, largest finite
 * value]` (or `depth-range`) through a colour map, Rerun's polynomial Turbo by default, at
 * opacity 1 and draw order −20. Images and segmentations in the same view then default to
 * opacity 0.5. Hover shows `Depth:` in metres (`meter` raw units per metre) and the raw value.
 * Data from `src` (16- or 8-bit grayscale PNG, or `.npy`), `buffer` + `format`, or `data`.
 *
 * @fires rr-error - The data or an attribute is unusable: detail `{entity, message}` says what was expected and what came.
 * @fires rr-hover - Standalone only: the pointer moved over the picture; detail `{x, y, picks}` with `depth` in metres.
 * @csspart canvas - The canvas the view draws into (standalone only).
 * @csspart labels - The canvas over the picture that shows instance labels (standalone only).
 * @csspart frame - The box holding canvas and tooltip (standalone only).
 * @csspart tooltip - The hover tooltip (standalone only).
 * @csspart error - The message shown in place of the picture when the data is bad.
 * @cssprop --rr-aspect - Aspect ratio used when no CSS height is given; set from the content.
 * @cssprop --rr-view-background - Background of the frame behind the canvas.
 * @cssprop --rr-tooltip-background - Tooltip background.
 * @cssprop --rr-tooltip-color - Tooltip text colour.
 * @cssprop --rr-focus-color - Focus ring colour.
 */
export class RrDepthImage extends ImageLayerElement {
  /** Raw units per metre (hover `Depth:`); default 1000 for integer data, 1 for float data. */
  @property() meter: string | undefined;
  /** `"min max"`: the depths mapped to the colour map's ends; default `0` and the largest finite value. */
  @property({ attribute: 'depth-range' }) depthRange: string | undefined;
  /** Colour map, Rerun's names: grayscale, inferno, magma, plasma, turbo (default), viridis, cyan-to-yellow, spectral, twilight (or Rerun's number). */
  @property() colormap: string | undefined;
  /** Filter when zoomed in: `nearest` (default), `linear` or `bicubic`. */
  @property({ attribute: 'magnification-filter' }) magnificationFilter: string | undefined;

  protected static override overrideProperties = new Set<PropertyKey>([
    'meter',
    'depthRange',
    'colormap',
    'magnificationFilter',
  ]);

  protected createLayer(renderer: Renderer, onAsyncChange: () => void): LazyLayer {
    return createDepthImageLayer(renderer, onAsyncChange);
  }

  protected override extraOverrides(): Record<string, unknown> {
    // Read by the same parsers as logged values, checked as every element checks its
    // attributes: a bad one is an `rr-error` and the last good value keeps drawing.
    const overrides: DepthImageOverrides = {
      magnificationFilter: this.checkedAttribute(
        'magnification-filter',
        this.magnificationFilter,
        MAGNIFICATION_FILTER,
      ),
      meter: this.checkedAttribute('meter', this.meter, METER) as DepthImageOverrides['meter'],
      depthRange: this.checkedAttribute(
        'depth-range',
        this.depthRange,
        DEPTH_RANGE,
      ) as DepthImageOverrides['depthRange'],
      colormap: this.checkedAttribute(
        'colormap',
        this.colormap,
        COLORMAP,
      ) as DepthImageOverrides['colormap'],
    };
    return { ...overrides };
  }

  protected rowFromProperties(): OwnRow | undefined | Promise<OwnRow> {
    if (this.data !== undefined && this.data !== null) {
      const raw = this.data as unknown;
      if (raw instanceof ArrayBuffer || raw instanceof Uint8Array) {
        const npy = asBytes(raw);
        if (isNpy(npy)) return this.#npyRow(npy);
      }
      const { bytes, format } = formatFromNdArray(this.data);
      return this.#row(bytes, format);
    }
    const format = this.bufferFormat();
    if (!format) return undefined;
    const bytes = asBytes(this.buffer as BufferInput);
    validateImageBuffer(format, bytes);
    return this.#row(bytes, format);
  }

  async rowFromSource(bytes: Uint8Array, url: string): Promise<OwnRow> {
    if (isPng(bytes)) {
      const decoded = await decodeGrayscalePng(bytes);
      return this.#row(decoded.bytes, decoded.format);
    }
    if (isNpy(bytes, url)) return this.#npyRow(bytes);
    throw new ImageFormatError(
      `expected a 16- or 8-bit grayscale PNG or an .npy file at ${url}, got something else`,
    );
  }

  async #npyRow(npy: Uint8Array): Promise<OwnRow> {
    const { npyToImageRow } = await loadNpy();
    const { bytes, format } = npyToImageRow(npy);
    return this.#row(bytes, format);
  }

  #row(bytes: Uint8Array, format: ImageFormat): OwnRow {
    if (format.pixelFormat || format.colorModel !== 'L') {
      throw new ImageFormatError(
        `expected a single-channel (L) depth image, got ${describeFormat(format)}`,
      );
    }
    return { 'DepthImage:buffer': bytes, 'DepthImage:format': format };
  }
}

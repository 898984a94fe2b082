/**
 * Base of the image-like layer elements (`<rr-image>`, `<rr-segmentation>`, `<rr-depth-image>`
 * to come): their own data is a `src` URL, raw `buffer` + `format` (or the format attributes),
 * or an ndarray-like `data`.
 */
import { property } from 'lit/decorators.js';
import {
  ImageFormatError,
  resolveImageFormat,
  type BufferInput,
  type ImageFormat,
  type ImageFormatInput,
  type NdArrayLike,
} from '../../store/image-format.js';
import { LayerElement, type OwnRow } from './layer-element.js';
import { fetchOk } from '../../io/fetch.js';

export abstract class ImageLayerElement extends LayerElement {
  /** URL of the data to show. */
  @property() src: string | undefined;
  /** Raw bytes; needs `format` (or the format attributes). */
  @property({ attribute: false }) buffer: BufferInput | undefined;
  /** `{width, height, colorModel?, channelDatatype?, pixelFormat?}` of `buffer`. */
  @property({ attribute: false }) format: ImageFormatInput | undefined;
  /** An ndarray-like `{data: TypedArray, shape: number[]}`, or the bytes of a `.npy` file. */
  @property({ attribute: false }) data: NdArrayLike | undefined;
  /** Width of `buffer`, when `format` is not given. */
  @property({ type: Number }) width: number | undefined;
  /** Height of `buffer`, when `format` is not given. */
  @property({ type: Number }) height: number | undefined;
  /** Channel datatype of `buffer` (`U8`, `U16`, `F32`, … or Rerun's number). */
  @property({ attribute: 'channel-datatype' }) channelDatatype: string | undefined;

  protected static override dataProperties = new Set<PropertyKey>([
    ...LayerElement.dataProperties,
    'src',
    'buffer',
    'format',
    'data',
    'width',
    'height',
    'channelDatatype',
  ]);

  /** Rows from `buffer`/`data` + format properties, or undefined when the element has none. */
  protected abstract rowFromProperties(): OwnRow | undefined | Promise<OwnRow>;
  /** Rows from a fetched `src`. */
  protected abstract rowFromSource(
    bytes: Uint8Array,
    url: string,
    contentType: string | null,
  ): Promise<OwnRow> | OwnRow;

  /**
   * The resolved format of `buffer`: `format`, or the format attributes (`width`, `height`,
   * `channel-datatype` and the element's own `more`); undefined without a buffer. Throws an
   * ImageFormatError when neither a format nor both width and height are given.
   */
  protected bufferFormat(more?: Partial<ImageFormatInput>): ImageFormat | undefined {
    if (this.buffer === undefined || this.buffer === null) return undefined;
    if (!this.format && (this.width === undefined || this.height === undefined)) {
      throw new ImageFormatError(
        'expected a format (or width and height attributes) for the buffer, got none',
      );
    }
    return resolveImageFormat(
      this.format ?? {
        width: this.width as number,
        height: this.height as number,
        channelDatatype: this.channelDatatype,
        ...more,
      },
    );
  }

  protected ownRow(): OwnRow | undefined | Promise<OwnRow> {
    return this.src ? this.#fetchSource(this.src) : this.rowFromProperties();
  }

  async #fetchSource(url: string): Promise<OwnRow> {
    const response = await fetchOk(url);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return this.rowFromSource(bytes, url, response.headers.get('content-type'));
  }
}

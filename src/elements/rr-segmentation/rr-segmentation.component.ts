import { property } from 'lit/decorators.js';
import { decodeGrayscalePng, isPng } from '../../io/png16.js';
import { isNpy, loadNpy } from '../../io/npy-magic.js';
import { imageRow } from '../../store/components/keys.js';
import type { Renderer } from '../../render/renderer.js';
import { annotationContextErrorFor } from '../../store/context-errors.js';
import type { LazyLayer } from '../../render/lazy-layer.js';
import { createSegmentationLayer } from '../../render/segmentation-kind.js';
import type { SegmentationLayer } from '../../render/segmentation-layer.js';
import {
  asBytes,
  type BufferInput,
  describeFormat,
  formatFromNdArray,
  ImageFormatError,
  validateImageBuffer,
  type ImageFormat,
} from '../../store/image-format.js';
import { changedOrNaN, enumAttribute, numberAttribute } from '../shared/attributes.js';
import { ImageLayerElement } from '../shared/image-layer-element.js';
import type { OwnRow } from '../shared/layer-element.js';

const RENDER_MODE = enumAttribute(['fill', 'outline', 'fill-outline'] as const);
/** Past about 100 CSS pixels an outline covers the whole picture (1e9 drew nothing). */
const OUTLINE_WIDTH = numberAttribute({ min: 0, max: 100, what: 'a width in CSS pixels' });

/**
 * A layer showing a Rerun SegmentationImage: class ids coloured through the annotation context
 * that applies to its entity (nearest ancestor including itself), else Rerun's auto colours.
 * Data from `src` (8- or 16-bit grayscale PNG with exact ids, or `.npy`), `buffer` + `format`,
 * or `data`. Inside an `<rr-view>` it is one of the view's layers; on its own it is a view.
 *
 * @fires rr-error - The data is unusable: detail `{entity, message}` says what was expected and what came.
 * @fires rr-hover - Standalone only: the pointer moved over the picture; detail `{x, y, picks}` with classId, label, color.
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
export class RrSegmentation extends ImageLayerElement {
  /** `fill` (default), `outline` or `fill-outline`. Beyond Rerun. */
  @property({ attribute: 'render-mode' }) renderMode: string | undefined;
  /** Outline width in CSS pixels (default 1). */
  @property({ type: Number, attribute: 'outline-width', hasChanged: changedOrNaN })
  outlineWidth: number | undefined;

  // Render settings are read through the overrides: the view only needs a redraw.
  protected static override overrideProperties = new Set<PropertyKey>([
    'renderMode',
    'outlineWidth',
  ]);

  #layer: LazyLayer | undefined;

  /** @internal The layer, once its code has loaded (tests and the benchmark read its upload counters). */
  get segmentationLayer(): SegmentationLayer | undefined {
    return this.#layer?.inner as SegmentationLayer | undefined;
  }

  /** A broken annotation context at or above the entity (its JSON does not parse …). */
  protected override notice(): string | undefined {
    const recording = this.recording;
    const applies = recording.annotationContextFor(this.entityPath)?.entity;
    const broken = annotationContextErrorFor(recording, this.entityPath, applies);
    return broken
      ? `annotation context at ${broken.entity}: ${broken.message} (auto colours are used)`
      : undefined;
  }

  protected createLayer(renderer: Renderer, onAsyncChange: () => void): LazyLayer {
    this.#layer = createSegmentationLayer(renderer, onAsyncChange);
    return this.#layer;
  }

  protected override extraOverrides(): Record<string, unknown> {
    return {
      renderMode: this.checkedAttribute('render-mode', this.renderMode, RENDER_MODE),
      outlineWidth: this.checkedAttribute('outline-width', this.outlineWidth, OUTLINE_WIDTH),
    };
  }

  protected rowFromProperties(): OwnRow | undefined {
    if (this.data !== undefined && this.data !== null) {
      const { bytes, format } = formatFromNdArray(this.data, { segmentation: true });
      return this.#row(bytes, format);
    }
    const format = this.bufferFormat();
    if (!format) return undefined;
    if (format.pixelFormat || format.colorModel !== 'L') {
      throw new ImageFormatError(
        `expected a single-channel (L) segmentation image, got ${describeFormat(format)}`,
      );
    }
    const bytes = asBytes(this.buffer as BufferInput);
    validateImageBuffer(format, bytes);
    return this.#row(bytes, format);
  }

  async rowFromSource(bytes: Uint8Array, url: string): Promise<OwnRow> {
    if (isPng(bytes)) {
      const decoded = await decodeGrayscalePng(bytes);
      return this.#row(decoded.bytes, decoded.format);
    }
    if (isNpy(bytes, url)) {
      const { npyToImageRow } = await loadNpy();
      const read = npyToImageRow(bytes, { segmentation: true });
      return this.#row(read.bytes, read.format);
    }
    throw new ImageFormatError(
      `expected an 8- or 16-bit grayscale PNG or an .npy file at ${url}, got something else`,
    );
  }

  #row(bytes: Uint8Array, format: ImageFormat): OwnRow {
    return imageRow('SegmentationImage', bytes, format);
  }
}

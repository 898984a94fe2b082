/**
 * The normaliser of each component key: what a user may give for it (to `log()`,
 * `sendColumns()`, or a writer) → the value the recording stores, or a {@link ComponentValueError}
 * saying what was expected and what came. This is the one place per component that decides
 * what a value means: the recording calls it on every logged value, and the table's Arrow
 * writers (`entry.ts`) call it before they convert.
 *
 * The image and scalar keys are registered here; `AnnotationContext:context` by
 * `annotation-context.ts` and the geometry keys by `store/geometry/log-fields.ts` when they are
 * imported (every element that uses contexts or geometry does), so a page that shows only
 * images carries neither parser. A key without a normaliser is stored as given.
 *
 * No Arrow here: this file is in the main bundle (the recording imports it).
 */
import { describeValue } from '../describe-value.js';
import {
  asBytes,
  resolveImageFormat,
  type BufferInput,
  type ImageFormatInput,
} from '../image-format.js';
import { BUFFER_IMAGES } from './keys.js';

/** What a normaliser throws: `expected` and `got` are ready for a sentence. */
export class ComponentValueError extends Error {
  override name = 'ComponentValueError';
  constructor(
    readonly expected: string,
    readonly got: string,
  ) {
    super(`expected ${expected}, got ${got}`);
  }
}

/** A logged value → its stored form; throws (preferably a ComponentValueError) when it makes no sense. */
export type Normalizer = (value: unknown) => unknown;

const NORMALIZERS = new Map<string, Normalizer>();

/** Adds normalisers by component key; a key may be registered once. */
export function registerNormalizers(normalizers: Readonly<Record<string, Normalizer>>): void {
  for (const [key, normalize] of Object.entries(normalizers)) {
    if (NORMALIZERS.has(key)) throw new Error(`component ${key} has two normalisers`);
    NORMALIZERS.set(key, normalize);
  }
}

/**
 * The stored form of `value` for component `key` (the value itself when the key has no
 * normaliser; `null`, a clear, always passes). Throws what the normaliser throws.
 */
export function normalizeComponent(key: string, value: unknown): unknown {
  if (value === null) return null;
  const normalize = NORMALIZERS.get(key);
  return normalize ? normalize(value) : value;
}

// ---- the normalisers of the image archetypes and their scalars -----------------------------

/** A finite number, also from a numeric string (`"0.5"`). */
function finite(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** A finite number (DrawOrder, DepthMeter, FillRatio, …). */
export function finiteNumber(what = 'a finite number'): Normalizer {
  return (value) => {
    const n = finite(value);
    if (n === undefined) throw new ComponentValueError(what, describeValue(value));
    return n;
  };
}

/** Rerun clamps opacity to [0, 1] (2 → 1 without a word); anything not a number is an error. */
const opacity: Normalizer = (value) => {
  const n = finite(value);
  if (n === undefined) {
    throw new ComponentValueError('a number from 0 to 1 (clamped)', describeValue(value));
  }
  return Math.min(1, Math.max(0, n));
};

/** Rerun's MagnificationFilter names, in the order of its enum numbers 1, 2, 3. */
export const MAGNIFICATION_FILTERS = ['nearest', 'linear', 'bicubic'] as const;
export type MagnificationFilterName = (typeof MAGNIFICATION_FILTERS)[number];

/** A MagnificationFilter's name (any case) or Rerun's number (1, 2, 3) → its name, else undefined. */
export function magnificationFilterName(value: unknown): MagnificationFilterName | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1 ? MAGNIFICATION_FILTERS[value - 1] : undefined;
  }
  const name = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  return MAGNIFICATION_FILTERS.find((f) => f === name);
}

/** A MagnificationFilter: its name (any case) or Rerun's number (1, 2, 3) → its name. */
const magnificationFilter: Normalizer = (value) => {
  const found = magnificationFilterName(value);
  if (!found) {
    throw new ComponentValueError(
      `one of ${MAGNIFICATION_FILTERS.map((f) => `"${f}"`).join(', ')} (or 1, 2, 3)`,
      describeValue(value),
    );
  }
  return found;
};

/** A media type such as `image/png`. */
const mediaType: Normalizer = (value) => {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ComponentValueError('a media type such as "image/png"', describeValue(value));
  }
  return value.trim();
};

/** Bytes: an ArrayBuffer or any ArrayBufferView, viewed as a Uint8Array without copying. */
const bytes: Normalizer = (value) => {
  if (!(value instanceof ArrayBuffer) && !ArrayBuffer.isView(value)) {
    throw new ComponentValueError('an ArrayBuffer or a typed array', describeValue(value));
  }
  return asBytes(value as BufferInput);
};

/** An ImageFormat `{width, height, colorModel?, channelDatatype?, pixelFormat?}`, enums resolved. */
const imageFormat: Normalizer = (value) => resolveImageFormat(value as ImageFormatInput);

/** Archetypes with a DrawOrder / Opacity / MagnificationFilter of the image kind. */
export const DRAW_ORDER_IMAGES = ['Image', 'SegmentationImage', 'DepthImage', 'EncodedImage'];
export const OPACITY_IMAGES = ['Image', 'SegmentationImage', 'EncodedImage'];
export const FILTER_IMAGES = ['Image', 'EncodedImage'];

const byKey = (archetypes: readonly string[], field: string, normalize: Normalizer) =>
  Object.fromEntries(archetypes.map((a) => [`${a}:${field}`, normalize]));

registerNormalizers({
  ...byKey(BUFFER_IMAGES, 'buffer', bytes),
  ...byKey(BUFFER_IMAGES, 'format', imageFormat),
  'EncodedImage:blob': bytes,
  'EncodedImage:media_type': mediaType,
  ...byKey(DRAW_ORDER_IMAGES, 'draw_order', finiteNumber()),
  ...byKey(OPACITY_IMAGES, 'opacity', opacity),
  ...byKey(FILTER_IMAGES, 'magnification_filter', magnificationFilter),
});

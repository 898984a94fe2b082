/**
 * Rerun's image format vocabulary (SPEC §1.3–§1.4): the enums with Rerun's numeric values,
 * parsing of the names users write, byte sizes and validation. Pure data, no DOM, no GL.
 */

import { describeValue } from './describe-value.js';

/** Rerun's `ColorModel` with its numeric values. */
export const ColorModel = { L: 1, RGB: 2, RGBA: 3, BGR: 4, BGRA: 5 } as const;
export type ColorModelName = keyof typeof ColorModel;

/** Rerun's `ChannelDatatype` with its numeric values (low bit = signed for integers). */
export const ChannelDatatype = {
  U8: 6,
  I8: 7,
  U16: 8,
  I16: 9,
  U32: 10,
  I32: 11,
  U64: 12,
  I64: 13,
  F16: 33,
  F32: 34,
  F64: 35,
} as const;
export type ChannelDatatypeName = keyof typeof ChannelDatatype;

/** Rerun's `PixelFormat` with its numeric values. */
export const PixelFormat = {
  Y_U_V12_LimitedRange: 20,
  NV12: 26,
  YUY2: 27,
  Y8_FullRange: 30,
  Y_U_V24_LimitedRange: 39,
  Y_U_V24_FullRange: 40,
  Y8_LimitedRange: 41,
  Y_U_V12_FullRange: 44,
  Y_U_V16_LimitedRange: 49,
  Y_U_V16_FullRange: 50,
} as const;
export type PixelFormatName = keyof typeof PixelFormat;

/** What users may pass for an enum: Rerun's name (any case) or its numeric value. */
export type EnumInput<N extends string> = N | Lowercase<N> | number | string;

/** An image format as users give it (the `format` property). */
export interface ImageFormatInput {
  width: number;
  height: number;
  colorModel?: EnumInput<ColorModelName> | null;
  channelDatatype?: EnumInput<ChannelDatatypeName> | null;
  pixelFormat?: EnumInput<PixelFormatName> | null;
}

/** A validated image format with enums resolved to their names. */
export interface ImageFormat {
  width: number;
  height: number;
  /** Set when the image is a YUV pixel format; then colorModel/channelDatatype are ignored. */
  pixelFormat?: PixelFormatName;
  colorModel: ColorModelName;
  channelDatatype: ChannelDatatypeName;
}

/** Raised for a format or buffer that does not describe a valid image. */
export class ImageFormatError extends Error {
  override name = 'ImageFormatError';
}

function resolveEnum<T extends Record<string, number>>(
  table: T,
  what: string,
  value: unknown,
): keyof T & string {
  if (typeof value === 'number') {
    for (const [name, v] of Object.entries(table)) if (v === value) return name;
  } else if (typeof value === 'string') {
    const wanted = value.trim().toLowerCase();
    for (const name of Object.keys(table)) if (name.toLowerCase() === wanted) return name;
    // Rerun's numeric values written as attribute text ("2").
    if (/^\d+$/.test(wanted)) return resolveEnum(table, what, Number(wanted));
  }
  throw new ImageFormatError(
    `unknown ${what} ${describeValue(value)}: expected one of ${Object.keys(table).join(', ')}`,
  );
}

/** Resolves a colour model name or number (`"rgb"`, `"BGR"`, `2`). */
export function parseColorModel(value: unknown): ColorModelName {
  return resolveEnum(ColorModel, 'color model', value);
}
/** Resolves a channel datatype name or number (`"u16"`, `"F32"`, `8`). */
export function parseChannelDatatype(value: unknown): ChannelDatatypeName {
  return resolveEnum(ChannelDatatype, 'channel datatype', value);
}
/** Resolves a pixel format name or number (`"NV12"`, `"y_u_v16_fullrange"`, `26`). */
export function parsePixelFormat(value: unknown): PixelFormatName {
  return resolveEnum(PixelFormat, 'pixel format', value);
}

/** Channels per pixel of a colour model. */
export function channelCount(model: ColorModelName): number {
  return model === 'L' ? 1 : model === 'RGB' || model === 'BGR' ? 3 : 4;
}

/** Bits per channel of a datatype. */
export function bitsPerChannel(dt: ChannelDatatypeName): number {
  switch (dt) {
    case 'U8':
    case 'I8':
      return 8;
    case 'U16':
    case 'I16':
    case 'F16':
      return 16;
    case 'U32':
    case 'I32':
    case 'F32':
      return 32;
    default:
      return 64;
  }
}

/** True for F16, F32, F64. */
export function isFloatDatatype(dt: ChannelDatatypeName): boolean {
  return dt === 'F16' || dt === 'F32' || dt === 'F64';
}

/** Total bytes of a YUV image in a pixel format (SPEC §1.4; Y_U_V24 is 3·w·h, not Rerun's 4·w·h). */
export function pixelFormatByteSize(pf: PixelFormatName, width: number, height: number): number {
  const n = width * height;
  switch (pf) {
    case 'Y8_FullRange':
    case 'Y8_LimitedRange':
      return n;
    case 'NV12':
    case 'Y_U_V12_LimitedRange':
    case 'Y_U_V12_FullRange':
      return n * 1.5;
    case 'YUY2':
    case 'Y_U_V16_LimitedRange':
    case 'Y_U_V16_FullRange':
      return n * 2;
    case 'Y_U_V24_LimitedRange':
    case 'Y_U_V24_FullRange':
      return n * 3;
  }
}

/** Bytes a buffer must have for this format (exact, as Rerun's viewer requires). */
export function expectedByteLength(format: ImageFormat): number {
  if (format.pixelFormat)
    return pixelFormatByteSize(format.pixelFormat, format.width, format.height);
  const bits =
    format.width *
    format.height *
    channelCount(format.colorModel) *
    bitsPerChannel(format.channelDatatype);
  return Math.ceil(bits / 8);
}

/** Human description used in messages: "300×200 RGB U8" or "640×480 NV12". */
export function describeFormat(format: ImageFormat): string {
  const kind = format.pixelFormat ?? `${format.colorModel} ${format.channelDatatype}`;
  return `${format.width}×${format.height} ${kind}`;
}

function dimension(name: string, value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0 || n > 0xffffffff) {
    throw new ImageFormatError(
      `expected ${name} to be a positive integer, got ${describeValue(value)}`,
    );
  }
  return n;
}

/**
 * Validates a user-given format and resolves its enums. Defaults follow Rerun (SPEC §1.3):
 * colour model L and datatype U8 when not given; a pixel format takes precedence over both.
 */
export function resolveImageFormat(input: ImageFormatInput | null | undefined): ImageFormat {
  if (!input || typeof input !== 'object') {
    throw new ImageFormatError(`expected a format {width, height, …}, got ${describeValue(input)}`);
  }
  const width = dimension('width', input.width);
  const height = dimension('height', input.height);
  const colorModel = input.colorModel == null ? 'L' : parseColorModel(input.colorModel);
  const channelDatatype =
    input.channelDatatype == null ? 'U8' : parseChannelDatatype(input.channelDatatype);
  const format: ImageFormat = { width, height, colorModel, channelDatatype };
  if (input.pixelFormat != null) format.pixelFormat = parsePixelFormat(input.pixelFormat);
  return format;
}

/** Any binary input users may hand us. */
export type BufferInput = ArrayBuffer | ArrayBufferView;

/** Views any ArrayBuffer/ArrayBufferView as bytes without copying. */
export function asBytes(buffer: BufferInput): Uint8Array {
  if (buffer instanceof Uint8Array) return buffer;
  if (ArrayBuffer.isView(buffer))
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
  // SharedArrayBuffer and friends.
  if (buffer && typeof (buffer as ArrayBufferLike).byteLength === 'number') {
    return new Uint8Array(buffer as ArrayBufferLike);
  }
  throw new ImageFormatError(
    `expected the buffer to be an ArrayBuffer or a typed array, got ${buffer === null ? 'null' : typeof buffer}`,
  );
}

/**
 * Chroma-subsampled pixel formats need even sides (SPEC §1.4, §10.7): 4:2:2 halves the width,
 * 4:2:0 both sides; anything else has no well-defined chroma sample for the last column/row.
 */
function validatePixelFormatSize(format: ImageFormat): void {
  const pf = format.pixelFormat;
  if (!pf) return;
  const halvesWidth =
    pf === 'YUY2' || pf === 'NV12' || pf.startsWith('Y_U_V16') || pf.startsWith('Y_U_V12');
  const halvesHeight = pf === 'NV12' || pf.startsWith('Y_U_V12');
  if (halvesWidth && format.width % 2) {
    throw new ImageFormatError(
      `expected an even width for ${pf} (chroma is shared by pixel pairs), got ${describeFormat(format)}`,
    );
  }
  if (halvesHeight && format.height % 2) {
    throw new ImageFormatError(
      `expected an even height for ${pf} (chroma is shared by row pairs), got ${describeFormat(format)}`,
    );
  }
}

/** Throws an ImageFormatError unless the buffer has exactly the bytes the format needs. */
export function validateImageBuffer(format: ImageFormat, bytes: Uint8Array): void {
  validatePixelFormatSize(format);
  const expected = expectedByteLength(format);
  if (bytes.byteLength !== expected) {
    throw new ImageFormatError(
      `expected ${expected} bytes for ${describeFormat(format)}, got ${bytes.byteLength}`,
    );
  }
}

/** Datatype of a typed array (for ndarray-like `data`). */
export function datatypeOfTypedArray(data: ArrayBufferView): ChannelDatatypeName {
  if (data instanceof Uint8Array || data instanceof Uint8ClampedArray) return 'U8';
  if (data instanceof Int8Array) return 'I8';
  if (data instanceof Uint16Array) return 'U16';
  if (data instanceof Int16Array) return 'I16';
  if (data instanceof Uint32Array) return 'U32';
  if (data instanceof Int32Array) return 'I32';
  if (data instanceof BigUint64Array) return 'U64';
  if (data instanceof BigInt64Array) return 'I64';
  if (data instanceof Float32Array) return 'F32';
  if (data instanceof Float64Array) return 'F64';
  // Float16Array where the browser has it.
  if ((data as { constructor?: { name?: string } }).constructor?.name === 'Float16Array')
    return 'F16';
  throw new ImageFormatError(
    `expected a typed array for data, got ${(data as object)?.constructor?.name ?? typeof data}`,
  );
}

/** An ndarray-like value: `{data: TypedArray, shape: number[]}`. */
export interface NdArrayLike {
  data: ArrayBufferView;
  shape: readonly number[];
}

/**
 * Data is read as row-major (C-contiguous) elements: strides (numpy's `strides` in bytes, or
 * scijs ndarray's `stride` in elements) or an `offset` that say otherwise are refused, not
 * silently ignored.
 */
function checkContiguous(value: NdArrayLike, shape: readonly number[]): void {
  const given = value as unknown as { strides?: unknown; stride?: unknown; offset?: unknown };
  const elements: number[] = [];
  let step = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    elements[i] = step;
    step *= shape[i];
  }
  const bytesPer = (value.data as unknown as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
  const same = (a: unknown, b: number[]) =>
    Array.isArray(a) && a.length === b.length && a.every((v, i) => v === b[i] || shape[i] <= 1);
  for (const [name, want] of [
    ['strides', elements.map((e) => e * bytesPer)],
    ['stride', elements],
  ] as const) {
    const got = given[name];
    if (got === undefined || got === null) continue;
    if (!same(got, want) && !same(got, elements))
      throw new ImageFormatError(
        `expected row-major (C-contiguous) data, ${name} [${want.join(', ')}], got ${name} ${
          Array.isArray(got) ? `[${got.join(', ')}]` : String(got)
        } (copy the array into row-major order first)`,
      );
  }
  if (given.offset !== undefined && given.offset !== null && given.offset !== 0)
    throw new ImageFormatError(
      `expected data starting at its first element, got offset ${String(given.offset)} (copy the array first)`,
    );
}

/**
 * Turns an ndarray-like value into bytes + format the way Rerun's Python SDK infers it
 * (SPEC §1.3): size-1 dimensions at either end are dropped; 2-D → L, H×W×3 → RGB, H×W×4 → RGBA.
 */
export function formatFromNdArray(
  value: NdArrayLike,
  options: { segmentation?: boolean } = {},
): { bytes: Uint8Array; format: ImageFormat } {
  if (
    !value ||
    typeof value !== 'object' ||
    !ArrayBuffer.isView(value.data) ||
    !Array.isArray(value.shape)
  ) {
    throw new ImageFormatError('expected data as {data: TypedArray, shape: number[]}');
  }
  const shape = [...value.shape];
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0)
      throw new ImageFormatError(`expected a shape of non-negative integers, got [${shape}]`);
  }
  checkContiguous(value, shape);
  // Drop size-1 dimensions at either end, but keep at least two, and keep a trailing 3 or 4
  // that names the channels of a single-row image (H=1, W, C).
  for (;;) {
    const last = shape[shape.length - 1];
    if (shape.length > 2 && last === 1) shape.pop();
    else if (shape.length > 3 && shape[0] === 1) shape.shift();
    else if (
      shape.length === 3 &&
      shape[0] === 1 &&
      (options.segmentation || (last !== 3 && last !== 4))
    )
      shape.shift();
    else break;
  }
  const datatype = datatypeOfTypedArray(value.data);
  let colorModel: ColorModelName;
  if (shape.length === 2) colorModel = 'L';
  else if (shape.length === 3 && !options.segmentation && (shape[2] === 3 || shape[2] === 4)) {
    colorModel = shape[2] === 3 ? 'RGB' : 'RGBA';
  } else {
    const wanted = options.segmentation ? 'H×W' : 'H×W, H×W×3 or H×W×4';
    throw new ImageFormatError(`expected a shape of ${wanted}, got [${value.shape.join(', ')}]`);
  }
  const elements = shape.reduce((a, b) => a * b, 1);
  const length = (value.data as unknown as { length: number }).length;
  if (length !== elements) {
    throw new ImageFormatError(
      `expected ${elements} elements for shape [${value.shape.join(', ')}], got ${length}`,
    );
  }
  const format = resolveImageFormat({
    width: shape[1],
    height: shape[0],
    colorModel,
    channelDatatype: datatype,
  });
  return { bytes: asBytes(value.data), format };
}

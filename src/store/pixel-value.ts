/** Reading the value of one pixel from raw image bytes, for hover and `pick()` (SPEC §3.7). */
import { bitsPerChannel, channelCount, type ImageFormat } from './image-format.js';

/** A number for single-channel images, else one number per channel in stored order. */
export type PixelValue = number | number[];

function readSample(view: DataView, format: ImageFormat, offset: number): number {
  // Multi-byte channels are little-endian, as every Rerun SDK writes them (SPEC §1.3).
  switch (format.channelDatatype) {
    case 'U8':
      return view.getUint8(offset);
    case 'I8':
      return view.getInt8(offset);
    case 'U16':
      return view.getUint16(offset, true);
    case 'I16':
      return view.getInt16(offset, true);
    case 'U32':
      return view.getUint32(offset, true);
    case 'I32':
      return view.getInt32(offset, true);
    case 'U64':
      return Number(view.getBigUint64(offset, true));
    case 'I64':
      return Number(view.getBigInt64(offset, true));
    case 'F16':
      return float16(view.getUint16(offset, true));
    case 'F32':
      return view.getFloat32(offset, true);
    case 'F64':
      return view.getFloat64(offset, true);
  }
}

/** IEEE half to number. */
export function float16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/**
 * The stored value at integer pixel (x, y) of a raw (non-YUV) image, or undefined outside it.
 * YUV pixel formats are handled by the caller.
 */
export function readPixelValue(
  bytes: Uint8Array,
  format: ImageFormat,
  x: number,
  y: number,
): PixelValue | undefined {
  if (format.pixelFormat) return undefined;
  if (x < 0 || y < 0 || x >= format.width || y >= format.height) return undefined;
  const channels = channelCount(format.colorModel);
  const size = bitsPerChannel(format.channelDatatype) / 8;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const base = (y * format.width + x) * channels * size;
  const values: number[] = [];
  for (let c = 0; c < channels; c++) values.push(readSample(view, format, base + c * size));
  return channels === 1 ? values[0] : values;
}

/** Raw image bytes of every datatype, made in code, and an `<rr-image>` to show them. */
import { fixture, html } from '@open-wc/testing';
import type { RrImage } from '../../src/elements/rr-image/rr-image.js';
import type { ChannelDatatypeName } from '../../src/store/image-format.js';

/** IEEE half-float bits of a number (round to nearest even; enough for test values). */
export function toHalf(value: number): number {
  if (Number.isNaN(value)) return 0x7e00;
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  const v = Math.abs(value);
  if (v === Infinity) return sign | 0x7c00;
  if (v >= 65520) return sign | 0x7c00;
  if (v < 2 ** -24) return sign;
  let exponent = Math.floor(Math.log2(v));
  if (exponent < -14) {
    // Subnormal.
    return sign | Math.round(v / 2 ** -24);
  }
  let mantissa = Math.round((v / 2 ** exponent - 1) * 1024);
  if (mantissa === 1024) {
    mantissa = 0;
    exponent++;
  }
  return sign | ((exponent + 15) << 10) | mantissa;
}

/** Little-endian bytes of `values` as a datatype (64-bit integers via BigInt). */
export function bytesOf(dt: ChannelDatatypeName, values: readonly number[]): Uint8Array {
  let array: ArrayBufferView;
  switch (dt) {
    case 'U8':
      array = Uint8Array.from(values);
      break;
    case 'I8':
      array = Int8Array.from(values);
      break;
    case 'U16':
      array = Uint16Array.from(values);
      break;
    case 'I16':
      array = Int16Array.from(values);
      break;
    case 'U32':
      array = Uint32Array.from(values);
      break;
    case 'I32':
      array = Int32Array.from(values);
      break;
    case 'U64':
      array = BigUint64Array.from(values, (v) => BigInt(v));
      break;
    case 'I64':
      array = BigInt64Array.from(values, (v) => BigInt(v));
      break;
    case 'F16':
      array = Uint16Array.from(values, toHalf);
      break;
    case 'F32':
      array = Float32Array.from(values);
      break;
    case 'F64':
      array = Float64Array.from(values);
      break;
  }
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** A standalone `<rr-image>` showing `buffer` in `format`, with optional attributes. */
export async function showImage(
  buffer: Uint8Array,
  format: object,
  attributes: Record<string, string> = {},
): Promise<RrImage> {
  const el = await fixture<RrImage>(html`<rr-image style="width: 200px"></rr-image>`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.format = format as RrImage['format'];
  el.buffer = buffer;
  return el;
}

/** sRGB encoding of a linear value in [0, 1], as a byte. */
export function srgbByte(linear: number): number {
  const c = Math.min(1, Math.max(0, linear));
  const s = c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055;
  return Math.round(s * 255);
}

/** sRGB decoding of a byte to a linear value. */
export function linearOf(byte: number): number {
  const c = byte / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** A deterministic pseudo-random byte source. */
export function randomBytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

/**
 * NumPy `.npy` files (format versions 1.0, 2.0 and 3.0) as images, shape inferred as Rerun's
 * Python SDK does (SPEC §1.3).
 *
 * Hand-written rather than a dependency: the npm readers (npyjs, …) cover little-endian C-order
 * arrays only, and the format is a magic string, a length and a Python dict literal.
 * Big-endian data is swapped to little-endian and Fortran-order data transposed to C order, so
 * what comes out is exactly what `ndarray.tobytes()` of a C-contiguous little-endian array gives.
 */
import {
  formatFromNdArray,
  ImageFormatError,
  type ChannelDatatypeName,
  type ImageFormat,
} from '../store/image-format.js';

/** A parsed `.npy` array. */
export interface NpyArray {
  /** Samples in C order, little-endian. F16 data is a Uint16Array of the raw half-float bits. */
  data: ArrayBufferView;
  shape: number[];
  dtype: ChannelDatatypeName;
}

import { isNpy } from './npy-magic.js';

export { isNpy };

const DTYPES: Record<string, ChannelDatatypeName> = {
  u1: 'U8',
  i1: 'I8',
  u2: 'U16',
  i2: 'I16',
  u4: 'U32',
  i4: 'I32',
  u8: 'U64',
  i8: 'I64',
  f2: 'F16',
  f4: 'F32',
  f8: 'F64',
};

type Ctor = new (buffer: ArrayBuffer, offset?: number, length?: number) => ArrayBufferView;
const CTORS: Record<ChannelDatatypeName, Ctor> = {
  U8: Uint8Array,
  I8: Int8Array,
  U16: Uint16Array,
  I16: Int16Array,
  U32: Uint32Array,
  I32: Int32Array,
  U64: BigUint64Array,
  I64: BigInt64Array,
  F16: Uint16Array,
  F32: Float32Array,
  F64: Float64Array,
};

function fail(message: string): never {
  throw new ImageFormatError(`malformed .npy file: ${message}`);
}

/** The three keys of the header dict; anything else in it is rejected. */
function parseHeader(text: string): { descr: string; fortran: boolean; shape: number[] } {
  const body = text.trim();
  if (!body.startsWith('{') || !body.endsWith('}'))
    fail(`expected a header dict, got ${JSON.stringify(body.slice(0, 80))}`);
  const descr = /['"]descr['"]\s*:\s*['"]([^'"]*)['"]/.exec(body)?.[1];
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(body)?.[1];
  const shapeText = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(body)?.[1];
  if (descr === undefined)
    fail(`expected a 'descr' string in the header, got ${JSON.stringify(body)}`);
  if (fortran === undefined)
    fail(`expected 'fortran_order': True or False in the header, got ${JSON.stringify(body)}`);
  if (shapeText === undefined)
    fail(`expected a 'shape' tuple in the header, got ${JSON.stringify(body)}`);
  const parts = shapeText
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const shape = parts.map((p) => {
    // Python 2 era files may write long integers as 3L.
    const n = /^\d+L?$/.test(p) ? Number(p.replace('L', '')) : NaN;
    if (!Number.isSafeInteger(n))
      fail(`expected non-negative integers in 'shape', got (${shapeText})`);
    return n;
  });
  return { descr, fortran: fortran === 'True', shape };
}

/** Swaps each `size`-byte element of `bytes` in place. */
function swapBytes(bytes: Uint8Array, size: number): void {
  for (let i = 0; i < bytes.length; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) {
      const t = bytes[a];
      bytes[a] = bytes[b];
      bytes[b] = t;
    }
  }
}

/** Reorders Fortran-order elements (first index fastest) to C order (last index fastest). */
function fortranToC(src: Uint8Array, shape: number[], size: number): Uint8Array {
  const n = shape.length;
  const out = new Uint8Array(src.length);
  if (n < 2) {
    out.set(src);
    return out;
  }
  const fStrides: number[] = [];
  let stride = 1;
  for (let k = 0; k < n; k++) {
    fStrides.push(stride);
    stride *= shape[k];
  }
  const total = stride;
  const index = new Array<number>(n).fill(0);
  let f = 0;
  for (let c = 0; c < total; c++) {
    out.set(src.subarray(f * size, f * size + size), c * size);
    // Advance the C-order multi-index, keeping the Fortran offset in step.
    for (let k = n - 1; k >= 0; k--) {
      index[k]++;
      f += fStrides[k];
      if (index[k] < shape[k]) break;
      f -= fStrides[k] * shape[k];
      index[k] = 0;
    }
  }
  return out;
}

/** Parses a `.npy` file. Truncated files and headers that disagree with the data are errors. */
export function parseNpy(input: Uint8Array): NpyArray {
  if (!isNpy(input)) fail('expected the magic string \\x93NUMPY at the start');
  if (input.length < 10) fail(`expected at least 10 bytes of preamble, got ${input.length}`);
  const major = input[6];
  const minor = input[7];
  if (major < 1 || major > 3)
    fail(`expected format version 1.0, 2.0 or 3.0, got ${major}.${minor}`);
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  if (input.length < 8 + lengthBytes)
    fail(`expected a header length, got ${input.length} bytes in all`);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = 8 + lengthBytes;
  const dataStart = headerStart + headerLength;
  if (dataStart > input.length) {
    fail(
      `the header claims ${headerLength} bytes but the file ends after ${input.length - headerStart}`,
    );
  }
  // Version 3.0 allows UTF-8 in the header; 1.0 and 2.0 are latin-1 (ASCII in practice).
  const headerBytes = input.subarray(headerStart, dataStart);
  const header =
    major === 3
      ? new TextDecoder('utf-8').decode(headerBytes)
      : String.fromCharCode(...headerBytes);
  const { descr, fortran, shape } = parseHeader(header);

  const m = /^([<>|=])?([a-z])(\d+)$/.exec(descr);
  const dtype = m ? DTYPES[`${m[2]}${m[3]}`] : undefined;
  if (!m || !dtype) {
    fail(`expected a dtype of u1, i1, u2, i2, u4, i4, u8, i8, f2, f4 or f8, got '${descr}'`);
  }
  const size = Number(m[3]);
  const order = m[1] ?? '=';
  if (order === '|' && size > 1)
    fail(`byte order '|' is only valid for 1-byte types, got '${descr}'`);
  const count = shape.reduce((a, b) => a * b, 1);
  const expected = count * size;
  const actual = input.length - dataStart;
  if (actual !== expected) {
    fail(
      `expected ${expected} bytes of data for shape (${shape.join(', ')}) of '${descr}', got ${actual}`,
    );
  }

  // A fresh, aligned copy: we swap and reorder in it, and typed views need alignment.
  let data: Uint8Array = input.slice(dataStart);
  if (order === '>' && size > 1) swapBytes(data, size);
  if (fortran) data = fortranToC(data, shape, size);
  const Type = CTORS[dtype];
  return { data: new Type(data.buffer as ArrayBuffer, 0, count), shape, dtype };
}

/**
 * A `.npy` file as an Image (or SegmentationImage) row: the C-order little-endian bytes and
 * the format Rerun's Python SDK infers from the shape and dtype (SPEC §1.3).
 */
export function npyToImageRow(
  bytes: Uint8Array,
  options: { segmentation?: boolean } = {},
): { bytes: Uint8Array; format: ImageFormat } {
  const array = parseNpy(bytes);
  const row = formatFromNdArray({ data: array.data, shape: array.shape }, options);
  // Half floats travel as their raw bits in a Uint16Array: name the real datatype.
  if (array.dtype === 'F16') row.format.channelDatatype = 'F16';
  return row;
}

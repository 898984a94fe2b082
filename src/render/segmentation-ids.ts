/**
 * How a segmentation image's class ids go to the GPU (SPEC §3.1, §3.2, §11), and the size of
 * the class-colour table they index.
 *
 * Samples are uploaded as they are where WebGL2 has an integer or float format for them.
 * 64-bit ids are narrowed on the CPU (WebGL2 has no 64-bit textures): U64 to R32UI and I64 to
 * R32I, clamped, which keeps every id below 2^31 exact (f32 would only keep ids below 2^24).
 *
 * Ids above 65535 (U32/I32/U64/I64/F32/F64 images): Rerun's class ids are u16 and its table
 * stops at 65535. A table sized to the largest id could need billions of entries, so instead the
 * id texture holds table *indices*: ids ≤ 65535 are their own index and every distinct larger id
 * present in the image gets the next index after 65535, in ascending order. The table then holds
 * exactly the colours the image uses (annotated or auto), toggling still only rewrites the table,
 * and the original ids stay on the CPU for hover and labels.
 */
import {
  describeFormat,
  ImageFormatError,
  isFloatDatatype,
  type ImageFormat,
} from '../store/image-format.js';
import { float16 } from '../store/pixel-value.js';
import type { TexturePlan } from './textures.js';
import { GL } from './gl-enums.js';

/** The id texture plus what the colour table must cover. */
export interface SegmentationIds {
  texture: TexturePlan;
  /** Entries in the colour table: a multiple of 256 (SPEC §3.2). */
  tableSize: number;
  /** Class ids of table entries from 65536 on (ids above 65535 present in the image). */
  highIds: number[];
}

/** Largest class-colour table the shader addresses (256 × 4096 rows of RGBA8, 4 MiB). */
export const MAX_TABLE_ENTRIES = 256 * 4096;

function aligned<T extends ArrayBufferView>(
  bytes: Uint8Array,
  size: number,
  make: (b: ArrayBuffer, o: number, n: number) => T,
): T {
  const n = bytes.byteLength / size;
  if (bytes.byteOffset % size === 0) return make(bytes.buffer as ArrayBuffer, bytes.byteOffset, n);
  // Typed arrays need aligned offsets; a buffer sliced at an odd byte is copied once.
  const copy = bytes.slice();
  return make(copy.buffer, 0, n);
}

/** The sample values as a JS array-like of numbers (64-bit ids as numbers). */
function values(bytes: Uint8Array, format: ImageFormat): ArrayLike<number> {
  switch (format.channelDatatype) {
    case 'U8':
      return bytes;
    case 'I8':
      return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    case 'U16':
      return aligned(bytes, 2, (b, o, n) => new Uint16Array(b, o, n));
    case 'I16':
      return aligned(bytes, 2, (b, o, n) => new Int16Array(b, o, n));
    case 'U32':
      return aligned(bytes, 4, (b, o, n) => new Uint32Array(b, o, n));
    case 'I32':
      return aligned(bytes, 4, (b, o, n) => new Int32Array(b, o, n));
    case 'F32':
      return aligned(bytes, 4, (b, o, n) => new Float32Array(b, o, n));
    case 'F64':
      return aligned(bytes, 8, (b, o, n) => new Float64Array(b, o, n));
    case 'F16': {
      const bits = aligned(bytes, 2, (b, o, n) => new Uint16Array(b, o, n));
      const out = new Float32Array(bits.length);
      for (let i = 0; i < bits.length; i++) out[i] = float16(bits[i]!);
      return out;
    }
    case 'U64':
    case 'I64': {
      const big =
        format.channelDatatype === 'U64'
          ? aligned(bytes, 8, (b, o, n) => new BigUint64Array(b, o, n))
          : aligned(bytes, 8, (b, o, n) => new BigInt64Array(b, o, n));
      const out = new Float64Array(big.length);
      for (let i = 0; i < big.length; i++) out[i] = Number(big[i]!);
      return out;
    }
  }
}

/** Round half to even, as the shader (and WGSL's `round`) does. */
export function roundClassId(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function tableSizeFor(maxIndex: number): number {
  return 256 * Math.max(1, Math.ceil((maxIndex + 1) / 256));
}

/** Plans the id texture of a validated L segmentation image. */
export function planSegmentationIds(bytes: Uint8Array, format: ImageFormat): SegmentationIds {
  const { width, height, channelDatatype: dt } = format;
  const float = isFloatDatatype(dt);
  const samples = values(bytes, format);
  let max = -Infinity;
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i]!;
    if (v > max) max = v;
  }
  if (float) max = roundClassId(max);

  if (max > 65535) return remapped(samples, format, float);

  const tableSize = tableSizeFor(Math.max(0, max));
  const base = { width, height, tableSize, highIds: [] as number[] };
  const plan = (
    internalFormat: number,
    formatEnum: number,
    type: number,
    sampler: TexturePlan['sampler'],
    data: ArrayBufferView,
    bytesPerTexel: number,
  ): SegmentationIds => ({
    texture: {
      width,
      height,
      internalFormat,
      format: formatEnum,
      type,
      sampler,
      data,
      bytesPerTexel,
    },
    tableSize: base.tableSize,
    highIds: base.highIds,
  });
  switch (dt) {
    case 'U8':
      return plan(GL.R8UI, GL.RED_INTEGER, GL.UNSIGNED_BYTE, 'uint', bytes, 1);
    case 'U16':
      return plan(GL.R16UI, GL.RED_INTEGER, GL.UNSIGNED_SHORT, 'uint', samples as Uint16Array, 2);
    case 'U32':
      return plan(GL.R32UI, GL.RED_INTEGER, GL.UNSIGNED_INT, 'uint', samples as Uint32Array, 4);
    case 'I8':
      return plan(GL.R8I, GL.RED_INTEGER, GL.BYTE, 'int', samples as Int8Array, 1);
    case 'I16':
      return plan(GL.R16I, GL.RED_INTEGER, GL.SHORT, 'int', samples as Int16Array, 2);
    case 'I32':
      return plan(GL.R32I, GL.RED_INTEGER, GL.INT, 'int', samples as Int32Array, 4);
    case 'U64': {
      const out = new Uint32Array(samples.length);
      for (let i = 0; i < samples.length; i++) out[i] = Math.min(samples[i]!, 0xffffffff);
      return plan(GL.R32UI, GL.RED_INTEGER, GL.UNSIGNED_INT, 'uint', out, 4);
    }
    case 'I64': {
      const out = new Int32Array(samples.length);
      for (let i = 0; i < samples.length; i++)
        out[i] = Math.max(-0x80000000, Math.min(samples[i]!, 0x7fffffff));
      return plan(GL.R32I, GL.RED_INTEGER, GL.INT, 'int', out, 4);
    }
    case 'F16': {
      const bits = aligned(bytes, 2, (b, o, n) => new Uint16Array(b, o, n));
      return plan(GL.R16F, GL.RED, GL.HALF_FLOAT, 'float', bits, 2);
    }
    case 'F32':
      return plan(GL.R32F, GL.RED, GL.FLOAT, 'float', samples as Float32Array, 4);
    case 'F64':
      return plan(GL.R32F, GL.RED, GL.FLOAT, 'float', Float32Array.from(samples), 4);
  }
}

function remapped(
  samples: ArrayLike<number>,
  format: ImageFormat,
  float: boolean,
): SegmentationIds {
  const high = new Set<number>();
  for (let i = 0; i < samples.length; i++) {
    const v = float ? roundClassId(samples[i]!) : samples[i]!;
    if (v > 65535) high.add(v);
  }
  const highIds = [...high].sort((a, b) => a - b);
  if (65536 + highIds.length > MAX_TABLE_ENTRIES) {
    throw new ImageFormatError(
      `expected at most ${MAX_TABLE_ENTRIES - 65536} distinct class ids above 65535 in a ${describeFormat(format)} segmentation image, got ${highIds.length}`,
    );
  }
  const index = new Map<number, number>();
  highIds.forEach((id, i) => index.set(id, 65536 + i));
  const out = new Uint32Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const raw = samples[i]!;
    const v = float ? roundClassId(raw) : raw;
    // Negative or NaN: no class, an index past every table.
    out[i] = !(v >= 0) ? 0xffffffff : v <= 65535 ? v : index.get(v)!;
  }
  return {
    texture: {
      width: format.width,
      height: format.height,
      internalFormat: GL.R32UI,
      format: GL.RED_INTEGER,
      type: GL.UNSIGNED_INT,
      sampler: 'uint',
      data: out,
      bytesPerTexel: 4,
    },
    tableSize: tableSizeFor(65535 + highIds.length),
    highIds,
  };
}

/**
 * Decides how a raw image goes to the GPU and how the shader turns its samples into colour:
 * Rerun's `image_to_gpu.rs` (SPEC §2.1–§2.5, §2.7).
 *
 * Samples are uploaded as they are wherever WebGL2 has a matching texture format (integer
 * textures for integer data, R16F from the raw half-float bits, R32F), so GPU memory stays at
 * the raw byte size; only 64-bit data is narrowed to f32 on the CPU (statistics come from the
 * original values). YUV images are uploaded as their raw bytes and converted in the shader.
 */
import {
  channelCount,
  isFloatDatatype,
  type ChannelDatatypeName,
  type ImageFormat,
  type PixelFormatName,
} from '../store/image-format.js';
import { float16 } from '../store/pixel-value.js';
import {
  dataRangeHeuristic,
  decodeSrgbHeuristic,
  srgbRangeCheck,
  valueStats,
  type Samples,
} from '../store/value-range.js';
import type { ShaderColormap } from './colormaps.js';
import type { TexturePlan } from './textures.js';
import { GL } from './gl-enums.js';

/** How the shader reads YUV bytes (SPEC §1.4, §2.7). */
export interface YuvShading {
  /** 1 Y_U_V24, 2 Y_U_V16, 3 Y_U_V12, 4 NV12, 5 YUY2, 6 Y8 (shader constants). */
  layout: number;
  limited: boolean;
  /** BT.601 (NV12, YUY2) instead of BT.709. */
  bt601: boolean;
}

/** Uniform-level decisions for the image shader. */
export interface ImageShading {
  /** Channels the texture holds: 1, 3 or 4. */
  channels: 1 | 3 | 4;
  /** Sample values mapped to [0, 1], in texture units. */
  range: [number, number];
  /** Texture units per data unit: 1/255 for U8 (normalised textures), else 1. */
  unitScale: number;
  /** Samples are sRGB-encoded (decoded in the shader; out-of-range → magenta). */
  decodeSrgb: boolean;
  /**
   * The texture is an sRGB format (colour U8, bitmaps): the GPU decodes on fetch, the shader
   * sees linear values. Such bytes are never outside [0, 1], so Rerun's magenta cannot occur,
   * and a user's value range does not apply (sRGB bytes have one meaning).
   */
  hardwareSrgb?: boolean;
  /** BGR(A) channel order. */
  bgr: boolean;
  alphaMode: 'opaque' | 'separate' | 'premultiplied';
  /** grayscale: (r, r, r); rgb: as is; colormap: the scalar through `colormap`. */
  mapper: 'grayscale' | 'rgb' | 'colormap';
  /** The map of the colormap mapper (Rerun's Function(Grayscale) is `grayscale`). */
  colormap: ShaderColormap;
  /** Set for YUV pixel formats: the texture holds the raw bytes. */
  yuv?: YuvShading;
  /**
   * The range is Rerun's heuristic over the exact finite min/max, which the GPU computes from
   * the texture (render/gpu-range.ts) and the shader reads; `range` is then only a placeholder.
   * The samples and datatype are kept for GPUs that cannot (the CPU statistics then).
   */
  gpuRange?: { samples: ArrayLike<number>; datatype: ChannelDatatypeName };
}

/** Everything needed to upload and draw one raw image. */
export interface ImagePlan {
  /** Image size in pixels (= scene units). */
  width: number;
  height: number;
  texture: TexturePlan;
  shading: ImageShading;
}

/** What a user may override on top of Rerun's decisions (API.md: value-range, colormap). */
export interface ShadingOverrides {
  valueRange?: [number, number];
  colormap?: ShaderColormap;
}

interface Layout {
  internal: [number, number, number];
  format: [number, number, number];
  type: number;
  sampler: 'float' | 'uint' | 'int';
  bytes: number;
}

const FLOAT_FORMATS: [number, number, number] = [GL.RED, GL.RGB, GL.RGBA];
const INT_FORMATS: [number, number, number] = [GL.RED_INTEGER, GL.RGB_INTEGER, GL.RGBA_INTEGER];

/** WebGL2 texture formats per datatype (1, 3, 4 channels): SPEC §11. */
const LAYOUTS: Record<ChannelDatatypeName, Layout> = {
  // Colour U8 is sRGB-encoded by definition: the texture unit decodes it (exactly, and much
  // cheaper than pow() per tap on software GPUs). WebGL2 has no single-channel sRGB format.
  U8: {
    internal: [GL.R8, GL.SRGB8, GL.SRGB8_ALPHA8],
    format: FLOAT_FORMATS,
    type: GL.UNSIGNED_BYTE,
    sampler: 'float',
    bytes: 1,
  },
  I8: {
    internal: [GL.R8I, GL.RGB8I, GL.RGBA8I],
    format: INT_FORMATS,
    type: GL.BYTE,
    sampler: 'int',
    bytes: 1,
  },
  U16: {
    internal: [GL.R16UI, GL.RGB16UI, GL.RGBA16UI],
    format: INT_FORMATS,
    type: GL.UNSIGNED_SHORT,
    sampler: 'uint',
    bytes: 2,
  },
  I16: {
    internal: [GL.R16I, GL.RGB16I, GL.RGBA16I],
    format: INT_FORMATS,
    type: GL.SHORT,
    sampler: 'int',
    bytes: 2,
  },
  U32: {
    internal: [GL.R32UI, GL.RGB32UI, GL.RGBA32UI],
    format: INT_FORMATS,
    type: GL.UNSIGNED_INT,
    sampler: 'uint',
    bytes: 4,
  },
  I32: {
    internal: [GL.R32I, GL.RGB32I, GL.RGBA32I],
    format: INT_FORMATS,
    type: GL.INT,
    sampler: 'int',
    bytes: 4,
  },
  F16: {
    internal: [GL.R16F, GL.RGB16F, GL.RGBA16F],
    format: FLOAT_FORMATS,
    type: GL.HALF_FLOAT,
    sampler: 'float',
    bytes: 2,
  },
  F32: {
    internal: [GL.R32F, GL.RGB32F, GL.RGBA32F],
    format: FLOAT_FORMATS,
    type: GL.FLOAT,
    sampler: 'float',
    bytes: 4,
  },
  // 64-bit data has no WebGL2 format: narrowed to f32 on the CPU, as Rerun does.
  U64: {
    internal: [GL.R32F, GL.RGB32F, GL.RGBA32F],
    format: FLOAT_FORMATS,
    type: GL.FLOAT,
    sampler: 'float',
    bytes: 4,
  },
  I64: {
    internal: [GL.R32F, GL.RGB32F, GL.RGBA32F],
    format: FLOAT_FORMATS,
    type: GL.FLOAT,
    sampler: 'float',
    bytes: 4,
  },
  F64: {
    internal: [GL.R32F, GL.RGB32F, GL.RGBA32F],
    format: FLOAT_FORMATS,
    type: GL.FLOAT,
    sampler: 'float',
    bytes: 4,
  },
};

type TypedCtor =
  | Int8ArrayConstructor
  | Uint16ArrayConstructor
  | Int16ArrayConstructor
  | Uint32ArrayConstructor
  | Int32ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor
  | BigInt64ArrayConstructor
  | BigUint64ArrayConstructor;

/** A typed view of the bytes, copied only when their offset is not aligned for the type. */
function typedView<C extends TypedCtor>(bytes: Uint8Array, Ctor: C): InstanceType<C> {
  const size = Ctor.BYTES_PER_ELEMENT;
  const count = Math.floor(bytes.byteLength / size);
  if (bytes.byteOffset % size === 0)
    return new Ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset, count) as InstanceType<C>;
  return new Ctor(bytes.slice().buffer as ArrayBuffer, 0, count) as InstanceType<C>;
}

let halfTable: Float32Array | undefined;
/** Every half-float bit pattern decoded once (256 KiB), for statistics over F16 data. */
function halfFloats(bits: Uint16Array): Float32Array {
  if (!halfTable) {
    halfTable = new Float32Array(65536);
    for (let i = 0; i < 65536; i++) halfTable[i] = float16(i);
  }
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = halfTable[bits[i]];
  return out;
}

/** The typed array each datatype's samples are read as (U8 is the bytes themselves). */
const SAMPLE_ARRAYS: Record<Exclude<ChannelDatatypeName, 'U8'>, TypedCtor> = {
  I8: Int8Array,
  U16: Uint16Array,
  I16: Int16Array,
  U32: Uint32Array,
  I32: Int32Array,
  F16: Uint16Array,
  F32: Float32Array,
  F64: Float64Array,
  U64: BigUint64Array,
  I64: BigInt64Array,
};

/** Samples as the GPU gets them, and as statistics see them (the original values). */
function samplesOf(
  bytes: Uint8Array,
  dt: ChannelDatatypeName,
): { upload: ArrayBufferView; stats: Samples } {
  if (dt === 'U8') return { upload: bytes, stats: bytes };
  const v = typedView(bytes, SAMPLE_ARRAYS[dt]);
  // Half floats go up as their bits (HALF_FLOAT); statistics need their values.
  if (dt === 'F16') return { upload: v, stats: halfFloats(v as Uint16Array) };
  // 64-bit data is narrowed to f32 for the GPU; statistics keep the original values.
  if (dt === 'F64' || dt === 'U64' || dt === 'I64')
    return { upload: Float32Array.from(v as ArrayLike<number>, Number), stats: v as Samples };
  return { upload: v, stats: v as Samples };
}

/** Single-channel datatypes whose every value is exact in f32 (the GPU range is exact). */
const GPU_RANGE_DATATYPES = new Set<ChannelDatatypeName>(['I8', 'U16', 'I16', 'F16', 'F32']);

/**
 * The same samples several to a texel, for the GPU range reduction's fetches (the texture's
 * width is then the image's over the count; the shader picks the sample): U16 eight to an
 * RGBA32UI texel (its bytes as little-endian u32, where they are 4-byte aligned and the
 * width a multiple of 8), else four to an RGBA texel of the datatype (width a multiple of 4).
 */
function packedPlan(texture: TexturePlan, dt: ChannelDatatypeName): TexturePlan | undefined {
  const { width, data } = texture;
  const eight = dt === 'U16' && width % 8 === 0 && data.byteOffset % 4 === 0;
  if (!eight && width % 4 !== 0) return undefined;
  const layout = LAYOUTS[eight ? 'U32' : dt];
  return {
    ...texture,
    width: width / (eight ? 8 : 4),
    internalFormat: layout.internal[2],
    format: layout.format[2],
    type: layout.type,
    data: eight ? new Uint32Array(data.buffer, data.byteOffset, data.byteLength / 4) : data,
    bytesPerTexel: 4 * layout.bytes,
  };
}

/** The CPU's range for a plan whose range was left to the GPU (GPUs without float targets). */
export function cpuRange(gpu: NonNullable<ImageShading['gpuRange']>): [number, number] {
  const isFloat = isFloatDatatype(gpu.datatype);
  return dataRangeHeuristic(valueStats(gpu.samples, gpu.datatype).finiteRange, isFloat);
}

/** The sample values of a raw (non-YUV) image, as the statistics see them. */
export function imageSamples(bytes: Uint8Array, dt: ChannelDatatypeName): Samples {
  return samplesOf(bytes, dt).stats;
}

/** Plans a raw image already validated against its format (exact byte length). */
export function planRawImage(bytes: Uint8Array, format: ImageFormat): ImagePlan {
  if (format.pixelFormat) return planYuvImage(bytes, format, format.pixelFormat);
  const { width, height, channelDatatype: dt } = format;
  const channels = channelCount(format.colorModel) as 1 | 3 | 4;
  const layout = LAYOUTS[dt];
  const slot = channels === 1 ? 0 : channels === 3 ? 1 : 2;
  const { upload, stats } = samplesOf(bytes, dt);
  const texture: TexturePlan = {
    width,
    height,
    internalFormat: layout.internal[slot],
    format: layout.format[slot],
    type: layout.type,
    sampler: layout.sampler,
    data: upload,
    // GPUs store three-channel textures padded to four (RGB8 as RGBA8): count what they take.
    bytesPerTexel: (channels === 3 ? 4 : channels) * layout.bytes,
  };
  if (channels === 1 && GPU_RANGE_DATATYPES.has(dt)) texture.packed = packedPlan(texture, dt);
  const bgr = format.colorModel === 'BGR' || format.colorModel === 'BGRA';
  const alphaMode = channels === 4 ? 'separate' : 'opaque';
  if (dt === 'U8') {
    // U8 images are sRGB-encoded: the displayed byte equals the stored byte (SPEC §2.5).
    // Colour ones sit in an sRGB texture, so the shader already reads linear values.
    return {
      width,
      height,
      texture,
      shading: {
        channels,
        range: [0, 1],
        unitScale: 1 / 255,
        decodeSrgb: channels === 1,
        hardwareSrgb: channels !== 1,
        bgr,
        alphaMode,
        mapper: channels === 1 ? 'grayscale' : 'rgb',
        colormap: 'grayscale',
      },
    };
  }
  const isFloat = isFloatDatatype(dt);
  if (channels === 1 && GPU_RANGE_DATATYPES.has(dt)) {
    // No walk over every sample on the main thread: the heuristics are settled by the first
    // sample outside [0, 255], and the exact range then comes from the GPU.
    const samples = stats as ArrayLike<number>;
    const check = srgbRangeCheck(samples, isFloat, dt);
    return {
      width,
      height,
      texture,
      shading: {
        channels,
        range: check.outside ? [0, 1] : check.range,
        unitScale: 1,
        decodeSrgb: !check.outside && check.decodeSrgb,
        bgr,
        alphaMode,
        mapper: !check.outside && check.decodeSrgb ? 'grayscale' : 'colormap',
        colormap: 'grayscale',
        ...(check.outside ? { gpuRange: { samples, datatype: dt } } : {}),
      },
    };
  }
  const { finiteRange } = valueStats(stats, dt);
  const decodeSrgb = decodeSrgbHeuristic(finiteRange, isFloat);
  return {
    width,
    height,
    texture,
    shading: {
      channels,
      range: dataRangeHeuristic(finiteRange, isFloat),
      unitScale: 1,
      decodeSrgb,
      bgr,
      alphaMode,
      // Rerun's asymmetry (SPEC §2.5): single-channel data outside the sRGB ranges goes through
      // the Grayscale colour map (t as sRGB), multi-channel data shows t as linear.
      mapper: channels === 1 ? (decodeSrgb ? 'grayscale' : 'colormap') : 'rgb',
      colormap: 'grayscale',
    },
  };
}

const YUV_LAYOUT: Record<PixelFormatName, YuvShading> = {
  Y_U_V24_LimitedRange: { layout: 1, limited: true, bt601: false },
  Y_U_V24_FullRange: { layout: 1, limited: false, bt601: false },
  Y_U_V16_LimitedRange: { layout: 2, limited: true, bt601: false },
  Y_U_V16_FullRange: { layout: 2, limited: false, bt601: false },
  Y_U_V12_LimitedRange: { layout: 3, limited: true, bt601: false },
  Y_U_V12_FullRange: { layout: 3, limited: false, bt601: false },
  NV12: { layout: 4, limited: true, bt601: true },
  YUY2: { layout: 5, limited: true, bt601: true },
  Y8_FullRange: { layout: 6, limited: false, bt601: false },
  Y8_LimitedRange: { layout: 6, limited: true, bt601: false },
};

/** Width of the byte texture holding `total` bytes: the image width when it fits the limit. */
export function byteTextureWidth(total: number, imageWidth: number, maxSize: number): number {
  if (imageWidth <= maxSize && Math.ceil(total / imageWidth) <= maxSize) return imageWidth;
  return Math.min(maxSize, Math.max(1, total));
}

/**
 * YUV bytes go to the GPU untouched, as one R8UI texture; the shader finds each pixel's Y, U, V
 * bytes by the offsets of SPEC §1.4 and converts them (SPEC §2.7). GPU memory = raw size.
 */
function planYuvImage(
  bytes: Uint8Array,
  format: ImageFormat,
  pixelFormat: PixelFormatName,
): ImagePlan {
  const total = bytes.byteLength;
  // The row width is settled by the texture code, which knows the GPU's limit.
  const texWidth = Math.max(1, format.width);
  return {
    width: format.width,
    height: format.height,
    texture: {
      width: texWidth,
      height: Math.ceil(total / texWidth),
      internalFormat: GL.R8UI,
      format: GL.RED_INTEGER,
      type: GL.UNSIGNED_BYTE,
      sampler: 'uint',
      data: bytes,
      bytesPerTexel: 1,
      linearBytes: total,
    },
    shading: {
      channels: 3,
      range: [0, 1],
      unitScale: 1 / 255,
      decodeSrgb: true,
      bgr: false,
      alphaMode: 'opaque',
      mapper: 'rgb',
      colormap: 'grayscale',
      yuv: YUV_LAYOUT[pixelFormat],
    },
  };
}

/**
 * The shading with a user's value range and colour map applied (API.md, beyond Rerun).
 * A value range replaces Rerun's range heuristic; on a single-channel image it (like a colour
 * map) turns the image into a scalar field shown through the colour map, values clamped,
 * as Rerun shows depth images and tensors. A colour map only applies to single-channel images.
 */
export function applyShadingOverrides(
  shading: ImageShading,
  overrides: ShadingOverrides,
): ImageShading {
  if (shading.yuv || (!overrides.valueRange && !overrides.colormap)) return shading;
  const next = { ...shading };
  if (overrides.valueRange && !shading.hardwareSrgb) {
    next.gpuRange = undefined;
    next.range = [
      overrides.valueRange[0] * shading.unitScale,
      overrides.valueRange[1] * shading.unitScale,
    ];
  }
  if (shading.channels === 1) {
    next.mapper = 'colormap';
    next.decodeSrgb = false;
    next.colormap = overrides.colormap ?? 'grayscale';
  }
  return next;
}

/** Shading of a decoded PNG/JPEG/… bitmap: RGBA8, sRGB, straight alpha (SPEC §2.9). */
export const BITMAP_SHADING: ImageShading = {
  channels: 4,
  range: [0, 1],
  unitScale: 1 / 255,
  decodeSrgb: false,
  hardwareSrgb: true,
  bgr: false,
  alphaMode: 'separate',
  mapper: 'rgb',
  colormap: 'grayscale',
};

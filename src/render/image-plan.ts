/**
 * Decides how a raw image goes to the GPU and how the shader turns its samples into colour:
 * Rerun's `image_to_gpu.rs` (SPEC §2.1–§2.5).
 */
import {
  channelCount,
  describeFormat,
  ImageFormatError,
  type ImageFormat,
} from '../store/image-format.js';
import type { TexturePlan } from './textures.js';

/** Uniform-level decisions for the image shader. */
export interface ImageShading {
  /** Channels the texture holds: 1, 3 or 4. */
  channels: 1 | 3 | 4;
  /** Sample values mapped to [0, 1]. */
  range: [number, number];
  /** Samples are sRGB-encoded (decoded in the shader; out-of-range → magenta). */
  decodeSrgb: boolean;
  /** BGR(A) channel order. */
  bgr: boolean;
  alphaMode: 'opaque' | 'separate' | 'premultiplied';
  /** grayscale: (r, r, r); rgb: as is; colormap: the scalar through a colour map. */
  mapper: 'grayscale' | 'rgb' | 'colormap';
}

/** Everything needed to upload and draw one raw image. */
export interface ImagePlan {
  texture: TexturePlan;
  shading: ImageShading;
}

const GL = WebGL2RenderingContext;

/** Plans a raw image already validated against its format (exact byte length). */
export function planRawImage(bytes: Uint8Array, format: ImageFormat): ImagePlan {
  if (format.pixelFormat || format.channelDatatype !== 'U8') {
    throw new ImageFormatError(`${describeFormat(format)} images are not supported yet`);
  }
  const channels = channelCount(format.colorModel) as 1 | 3 | 4;
  // U8 colour goes into sRGB textures: the GPU decodes each texel to linear on fetch, exactly
  // the per-texel decode Rerun's shader does (SPEC §2.1 step 3), without a pow() per tap.
  // WebGL2 has no single-channel sRGB format, so L stays R8 and the shader decodes it.
  const layout =
    channels === 1
      ? { internalFormat: GL.R8, format: GL.RED }
      : channels === 3
        ? { internalFormat: GL.SRGB8, format: GL.RGB }
        : { internalFormat: GL.SRGB8_ALPHA8, format: GL.RGBA };
  return {
    texture: {
      width: format.width,
      height: format.height,
      ...layout,
      type: GL.UNSIGNED_BYTE,
      sampler: 'float',
      data: bytes,
      bytesPerTexel: channels,
    },
    // U8 images are sRGB-encoded: the displayed byte equals the stored byte (SPEC §2.5).
    shading: {
      channels,
      range: [0, 1],
      decodeSrgb: channels === 1,
      bgr: format.colorModel === 'BGR' || format.colorModel === 'BGRA',
      alphaMode: channels === 4 ? 'separate' : 'opaque',
      mapper: channels === 1 ? 'grayscale' : 'rgb',
    },
  };
}

/**
 * Shading of a decoded PNG/JPEG/… bitmap: sRGB with straight alpha (SPEC §2.9), uploaded into an
 * SRGB8_ALPHA8 texture so the GPU does the sRGB decode.
 */
export const BITMAP_SHADING: ImageShading = {
  channels: 4,
  range: [0, 1],
  decodeSrgb: false,
  bgr: false,
  alphaMode: 'separate',
  mapper: 'rgb',
};

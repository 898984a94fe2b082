/**
 * Per-instance data of the geometry layers as textures: n texels per instance, row after row,
 * read in the vertex shader with texelFetch by gl_InstanceID. A TrackedTexture keeps the packed
 * array, so a lost context rebuilds it like any image.
 */
import type { Renderer, TrackedTexture } from './renderer.js';

/** Texels per row: wide enough that a million instances need a few hundred rows. */
const ROW = 4096;

/** Width and height of a texture holding `texels` texels. */
export function instanceTextureSize(texels: number): { width: number; height: number } {
  const width = Math.max(1, Math.min(ROW, texels));
  return { width, height: Math.max(1, Math.ceil(texels / width)) };
}

/** A float array with room for `texels` RGBA32F texels, padded to whole rows. */
export function instanceFloats(texels: number): Float32Array {
  const { width, height } = instanceTextureSize(texels);
  return new Float32Array(width * height * 4);
}

/** A byte array with room for `texels` RGBA8 texels, padded to whole rows. */
export function instanceBytes(texels: number): Uint8Array {
  const { width, height } = instanceTextureSize(texels);
  return new Uint8Array(width * height * 4);
}

/**
 * Uploads packed texels (from `instanceFloats` or `instanceBytes`): RGBA32F for floats, RGBA8
 * (or SRGB8_ALPHA8 when `srgb`, decoded to linear on fetch) for bytes.
 */
export function createInstanceTexture(
  renderer: Renderer,
  data: Float32Array | Uint8Array,
  srgb = false,
): TrackedTexture {
  const texels = data.length / 4;
  const { width, height } = instanceTextureSize(texels);
  if (width * height !== texels) throw new Error('instance data is not padded to whole rows');
  const float = data instanceof Float32Array;
  return renderer.createTexture((gl) => {
    const texture = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    const internal = float ? gl.RGBA32F : srgb ? gl.SRGB8_ALPHA8 : gl.RGBA8;
    gl.texStorage2D(gl.TEXTURE_2D, 1, internal, width, height);
    gl.texSubImage2D(
      gl.TEXTURE_2D,
      0,
      0,
      0,
      width,
      height,
      gl.RGBA,
      float ? gl.FLOAT : gl.UNSIGNED_BYTE,
      data,
    );
    // Fetched by index only; NEAREST also makes RGBA32F complete without float filtering.
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.bindTexture(gl.TEXTURE_2D, null);
    return texture;
  }, data.byteLength);
}

/**
 * Texture uploads. Samples go to the GPU as they are wherever WebGL2 has a matching format;
 * the shader reads them with texelFetch and does all decoding, as Rerun's shader does.
 */
import type { Renderer, TrackedTexture } from './renderer.js';

/** How raw samples are laid out for texImage2D. */
export interface TexturePlan {
  width: number;
  height: number;
  internalFormat: number;
  format: number;
  type: number;
  /** The sampler type the shader must use for this internal format. */
  sampler: 'float' | 'uint' | 'int';
  /** Samples in the layout `type` expects. */
  data: ArrayBufferView;
  /** Bytes per texel on the GPU (for memory statistics). */
  bytesPerTexel: number;
}

/** Uploads a plan into a new tracked texture (re-uploaded from `plan.data` after a context loss). */
export function createPlannedTexture(renderer: Renderer, plan: TexturePlan): TrackedTexture {
  return renderer.createTexture((gl) => {
    const texture = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, texture);
    // Rows of RGB U8 (and odd-width) images are not 4-byte aligned.
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    gl.texStorage2D(gl.TEXTURE_2D, 1, plan.internalFormat, plan.width, plan.height);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, plan.width, plan.height, plan.format, plan.type, plan.data);
    setNearest(gl);
    gl.bindTexture(gl.TEXTURE_2D, null);
    return texture;
  }, plan.width * plan.height * plan.bytesPerTexel);
}

/** Uploads a decoded bitmap as SRGB8_ALPHA8, with straight alpha and no colour-space conversion. */
export function createBitmapTexture(
  renderer: Renderer,
  source: TexImageSource,
  width: number,
  height: number,
): TrackedTexture {
  return renderer.createTexture((gl) => {
    const texture = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    // Rerun premultiplies in the shader, after sRGB decode; the browser must not do it first.
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_COLORSPACE_CONVERSION_WEBGL, gl.NONE);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.SRGB8_ALPHA8, width, height);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, source);
    setNearest(gl);
    gl.bindTexture(gl.TEXTURE_2D, null);
    return texture;
  }, width * height * 4);
}

/** Integer textures are only complete with NEAREST; we texelFetch everything anyway. */
function setNearest(gl: WebGL2RenderingContext): void {
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
}

/** Reads back one RGBA8 texel of a texture (hover values of decoded images). */
export function readTexel(renderer: Renderer, texture: TrackedTexture, x: number, y: number): Uint8Array {
  const gl = renderer.gl;
  const framebuffer = gl.createFramebuffer()!;
  const out = new Uint8Array(4);
  gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
  gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture.texture, 0);
  gl.readPixels(x, y, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, out);
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.deleteFramebuffer(framebuffer);
  return out;
}

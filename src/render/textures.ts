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
  /**
   * Set for a byte texture holding `linearBytes` bytes row after row (YUV): the last row may be
   * partial. `width`×`height` is then the texture's size, not the image's.
   */
  linearBytes?: number;
  /**
   * The same samples four to a texel (a single-channel image whose width is a multiple of 4,
   * as RGBA of a quarter of the width): a quarter of the fetches for the GPU range reduction.
   */
  packed?: TexturePlan;
}

/** A rectangle of a plan's texels (a tile of an image larger than the GPU's limit). */
export interface TextureRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Uploads a plan (or a region of it) into a new tracked texture, re-uploaded from `plan.data`
 * after a context loss. Regions are read straight out of the full image with UNPACK_ROW_LENGTH /
 * SKIP_PIXELS / SKIP_ROWS, so tiling copies nothing on the CPU.
 */
export function createPlannedTexture(
  renderer: Renderer,
  plan: TexturePlan,
  region?: TextureRegion,
  onUpload?: () => void,
): TrackedTexture {
  const r = region ?? { x: 0, y: 0, width: plan.width, height: plan.height };
  const upload = plannedUpload(plan, r);
  return renderer.createTexture(
    onUpload
      ? (gl) => {
          onUpload();
          return upload(gl);
        }
      : upload,
    r.width * r.height * plan.bytesPerTexel,
  );
}

/**
 * Writes a plan of the same layout into an existing planned texture (see
 * `texturePlanLayout`): the storage stays, only the texels change.
 */
export function refillPlannedTexture(
  texture: TrackedTexture,
  plan: TexturePlan,
  region?: TextureRegion,
  /** The plan's internal format differs from the texture's (same size): new storage. */
  reformat = false,
): void {
  const r = region ?? { x: 0, y: 0, width: plan.width, height: plan.height };
  if (reformat) return texture.replace(plannedUpload(plan, r));
  texture.refill(plannedUpload(plan, r), (gl, handle) => {
    gl.bindTexture(gl.TEXTURE_2D, handle);
    fillPlanned(gl, plan, r);
    gl.bindTexture(gl.TEXTURE_2D, null);
  });
}

/** What must match for `refillPlannedTexture`: size, formats and byte layout. */
export function texturePlanLayout(plan: TexturePlan): string {
  return [
    plan.width,
    plan.height,
    plan.internalFormat,
    plan.format,
    plan.type,
    plan.linearBytes,
  ].join(',');
}

function plannedUpload(
  plan: TexturePlan,
  r: TextureRegion,
): (gl: WebGL2RenderingContext) => WebGLTexture {
  return (gl) => {
    const texture = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texStorage2D(gl.TEXTURE_2D, 1, plan.internalFormat, r.width, r.height);
    fillPlanned(gl, plan, r);
    setNearest(gl);
    gl.bindTexture(gl.TEXTURE_2D, null);
    return texture;
  };
}

/** Writes the plan's texels (of region `r`) into the bound texture. */
function fillPlanned(gl: WebGL2RenderingContext, plan: TexturePlan, r: TextureRegion): void {
  // Rows of RGB U8 (and odd-width) images are not 4-byte aligned.
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
  gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
  if (plan.linearBytes !== undefined) {
    uploadLinear(gl, plan, plan.linearBytes);
    resetUnpack(gl);
    return;
  }
  gl.pixelStorei(gl.UNPACK_ROW_LENGTH, plan.width);
  gl.pixelStorei(gl.UNPACK_SKIP_PIXELS, r.x);
  gl.pixelStorei(gl.UNPACK_SKIP_ROWS, r.y);
  gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, r.width, r.height, plan.format, plan.type, plan.data);
  resetUnpack(gl);
}

/** Full rows, then the partial last row: no padded copy of the bytes is needed. */
function uploadLinear(gl: WebGL2RenderingContext, plan: TexturePlan, total: number): void {
  const bytes = plan.data as Uint8Array;
  const fullRows = Math.floor(total / plan.width);
  resetUnpack(gl);
  if (fullRows > 0) {
    gl.texSubImage2D(
      gl.TEXTURE_2D,
      0,
      0,
      0,
      plan.width,
      fullRows,
      plan.format,
      plan.type,
      bytes.subarray(0, fullRows * plan.width),
    );
  }
  const rest = total - fullRows * plan.width;
  if (rest > 0) {
    gl.texSubImage2D(
      gl.TEXTURE_2D,
      0,
      0,
      fullRows,
      rest,
      1,
      plan.format,
      plan.type,
      bytes.subarray(fullRows * plan.width, total),
    );
  }
}

/** Other uploads assume the default unpack state. */
function resetUnpack(gl: WebGL2RenderingContext): void {
  gl.pixelStorei(gl.UNPACK_ROW_LENGTH, 0);
  gl.pixelStorei(gl.UNPACK_SKIP_PIXELS, 0);
  gl.pixelStorei(gl.UNPACK_SKIP_ROWS, 0);
}

/**
 * Uploads a decoded bitmap (or a region of it, a tile) as sRGB RGBA8, with straight alpha and no
 * colour-space conversion. WebGL2 honours UNPACK_SKIP_PIXELS / SKIP_ROWS for DOM sources too,
 * so a tile is cut out of the bitmap by the upload itself.
 */
export function createBitmapTexture(
  renderer: Renderer,
  source: TexImageSource,
  region: TextureRegion,
): TrackedTexture {
  const { x, y, width, height } = region;
  return renderer.createTexture(
    (gl) => {
      const texture = gl.createTexture()!;
      gl.bindTexture(gl.TEXTURE_2D, texture);
      gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
      gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
      // Rerun premultiplies in the shader, after sRGB decode; the browser must not do it first.
      gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
      gl.pixelStorei(gl.UNPACK_COLORSPACE_CONVERSION_WEBGL, gl.NONE);
      // An sRGB texture: the GPU decodes to linear on fetch (the shader expects that, BITMAP_SHADING).
      gl.texStorage2D(gl.TEXTURE_2D, 1, gl.SRGB8_ALPHA8, width, height);
      gl.pixelStorei(gl.UNPACK_SKIP_PIXELS, x);
      gl.pixelStorei(gl.UNPACK_SKIP_ROWS, y);
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, source);
      resetUnpack(gl);
      setNearest(gl);
      gl.bindTexture(gl.TEXTURE_2D, null);
      return texture;
    },
    width * height * 4,
  );
}

/** Integer textures are only complete with NEAREST; we texelFetch everything anyway. */
function setNearest(gl: WebGL2RenderingContext): void {
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
}

/** Reads back one RGBA8 texel of a texture (hover values of decoded images). */
export function readTexel(
  renderer: Renderer,
  texture: TrackedTexture,
  x: number,
  y: number,
): Uint8Array {
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

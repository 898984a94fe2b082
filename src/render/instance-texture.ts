/**
 * Per-instance data of the geometry layers as textures: n texels per instance, row after row,
 * read in the vertex shader with texelFetch by gl_InstanceID. A TrackedTexture keeps the packed
 * array, so a lost context rebuilds it like any image.
 */
import * as programs from './gl-program.js';
import type { DrawContext, Renderer, TrackedTexture } from './renderer.js';

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

/** How a geometry drawable draws: its colour program, or a pass of the hover outline. */
export interface GeometryPass {
  /** The program's cache key. */
  key: string;
  fragment: string;
  /** Device pixels added to every radius (the outline's mask). */
  boost?: number;
  uniforms?: Record<string, unknown>;
}

/**
 * Draws `count` instanced quads (4-vertex triangle strips) for `pass`, setting the scene
 * uniforms every geometry shader declares (shaders/geometry.glsl.ts) and the drawable's `own`.
 */
export function drawInstances(
  context: DrawContext,
  pass: GeometryPass,
  vertex: string,
  count: number,
  own: Record<string, unknown>,
): void {
  const { gl, renderer } = context;
  const program = renderer.program(pass.key, vertex, pass.fragment);
  gl.useProgram(program.program);
  programs.setUniforms(program.uniformSetters, {
    u_scale: context.scale,
    u_offset: context.offset,
    u_viewport: context.viewport,
    u_pointSize: context.pixelRatio ?? 1,
    u_boost: pass.boost ?? 0,
    ...own,
    ...pass.uniforms,
  });
  gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, count);
}

/**
 * One image on the GPU: a texture plus the shading decisions, drawn as a quad covering scene
 * (0, 0)–(width, height).
 */
import * as twgl from 'twgl.js';
import type { ImagePlan, ImageShading } from './image-plan.js';
import { BITMAP_SHADING } from './image-plan.js';
import type { DrawContext, Drawable, Renderer, TrackedTexture } from './renderer.js';
import type { ImageFilter } from './shaders/image.glsl.js';
import { createBitmapTexture, createPlannedTexture, readTexel } from './textures.js';

/** Rerun's MagnificationFilter, by name. */
export type MagnificationFilter = ImageFilter;

const ALPHA_INDEX = { opaque: 0, separate: 1, premultiplied: 2 } as const;
const MAPPER_INDEX = { grayscale: 0, rgb: 1, colormap: 2 } as const;

export class ImageDrawable implements Drawable {
  #texture: TrackedTexture | undefined;
  #shading: ImageShading | undefined;
  #sampler: 'float' | 'uint' | 'int' = 'float';
  /** Size in texels (= scene units). */
  width = 0;
  height = 0;
  /** Opacity tint, clamped to [0, 1] when drawn. */
  opacity = 1;
  /** Filter when magnifying. */
  magnificationFilter: MagnificationFilter = 'nearest';

  constructor(private readonly renderer: Renderer) {}

  /** True once a texture is in place. */
  get ready(): boolean {
    return this.#texture !== undefined;
  }

  /** The texture (for tests and readback). */
  get texture(): TrackedTexture | undefined {
    return this.#texture;
  }

  /** Replaces the picture with a planned raw image. */
  setPlan(plan: ImagePlan): void {
    this.clear();
    this.#texture = createPlannedTexture(this.renderer, plan.texture);
    this.#shading = plan.shading;
    this.#sampler = plan.texture.sampler;
    this.width = plan.texture.width;
    this.height = plan.texture.height;
  }

  /** Replaces the picture with a decoded bitmap (RGBA8, straight alpha, sRGB). */
  setBitmap(source: TexImageSource, width: number, height: number): void {
    this.clear();
    this.#texture = createBitmapTexture(this.renderer, source, width, height);
    this.#shading = BITMAP_SHADING;
    this.#sampler = 'float';
    this.width = width;
    this.height = height;
  }

  /** Reads one RGBA8 texel of a bitmap-backed image. */
  readBitmapTexel(x: number, y: number): Uint8Array | undefined {
    if (!this.#texture || this.#shading !== BITMAP_SHADING) return undefined;
    return readTexel(this.renderer, this.#texture, x, y);
  }

  /** Frees the texture. */
  clear(): void {
    this.#texture?.dispose();
    this.#texture = undefined;
    this.#shading = undefined;
    this.width = 0;
    this.height = 0;
  }

  draw(context: DrawContext): void {
    const shading = this.#shading;
    if (!this.#texture || !shading) return;
    const { gl, renderer } = context;
    // Rerun decides per fragment: magnifying iff fwidth(texcoord) < 1 (rectangle_fs.wgsl). Our
    // quads are axis-aligned with one scale, so that is one decision per draw: scale > 1.
    // Minifying, Nearest stays nearest only for colour-mapped images, else Linear (SPEC §2.6).
    const mag = this.magnificationFilter;
    let filter: ImageFilter =
      context.scale > 1 ? mag : mag === 'nearest' && shading.mapper === 'colormap' ? 'nearest' : 'linear';
    // At one pixel per texel on whole-pixel offsets every tap lands on a texel centre: bilinear
    // and bicubic reduce to nearest, which is four to sixteen times cheaper.
    if (context.scale === 1 && Number.isInteger(context.offset[0]) && Number.isInteger(context.offset[1])) {
      filter = 'nearest';
    }
    const program = renderer.imageProgram(this.#sampler, filter);
    gl.useProgram(program.program);
    twgl.setUniforms(program, {
      u_texture: this.#texture.texture,
      u_textureSize: [this.width, this.height],
      u_channels: shading.channels,
      u_range: shading.range,
      u_bgr: shading.bgr,
      u_decodeSrgb: shading.decodeSrgb,
      u_alphaMode: ALPHA_INDEX[shading.alphaMode],
      u_mapper: MAPPER_INDEX[shading.mapper],
      u_opacity: Math.min(1, Math.max(0, Number.isFinite(this.opacity) ? this.opacity : 1)),
      u_extent: [this.width, this.height],
      u_origin: [0, 0],
      u_texelOrigin: [0, 0],
      u_scale: [context.scale, context.scale],
      u_offset: context.offset,
      u_viewport: context.viewport,
    });
    renderer.drawQuad(program);
  }

  /** Frees everything; the drawable must not be used afterwards. */
  dispose(): void {
    this.clear();
  }
}

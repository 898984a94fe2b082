/**
 * One image on the GPU: textures plus the shading decisions, drawn as quads covering scene
 * (0, 0)–(width, height).
 *
 * Images larger than the GPU's texture limit (where Rerun fails, rerun issue #3782) are split
 * into tiles, each its own texture drawn as its own quad. Neighbouring tiles overlap by
 * TILE_OVERLAP texels so that bilinear and bicubic filtering near a seam read the same texels
 * they would in one big texture: the seam is invisible.
 */
import * as twgl from 'twgl.js';
import {
  colormapCode,
  colormapSize,
  colormapTablesLoaded,
  colormapTexture,
  isTableColormap,
} from './colormaps.js';
import { GpuRange, gpuRangeSupported } from './gpu-range.js';
import {
  applyShadingOverrides,
  BITMAP_SHADING,
  byteTextureWidth,
  cpuRange,
  type ImagePlan,
  type ImageShading,
  type ShadingOverrides,
} from './image-plan.js';
import type { DrawContext, Drawable, Renderer, TrackedTexture } from './renderer.js';
import {
  createBitmapTexture,
  createPlannedTexture,
  readTexel,
  refillPlannedTexture,
  texturePlanLayout,
} from './textures.js';

/** Rerun's MagnificationFilter, by name. */
export type MagnificationFilter = 'nearest' | 'linear' | 'bicubic';

const FILTER_INDEX: Record<MagnificationFilter, number> = { nearest: 0, linear: 1, bicubic: 2 };
const ALPHA_INDEX = { opaque: 0, separate: 1, premultiplied: 2 } as const;
const MAPPER_INDEX = { grayscale: 0, rgb: 1, colormap: 2 } as const;

/** Texels each tile reaches past its quad: bicubic reads two texels beyond the sample point. */
export const TILE_OVERLAP = 2;

/** One texture and the part of the scene it draws. */
interface Tile {
  texture: TrackedTexture;
  /** The quad, in scene units (= image pixels). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Image pixel of the texture's texel (0, 0), and the texture's size. */
  texX: number;
  texY: number;
  texWidth: number;
  texHeight: number;
}

/** Splits [0, size) into spans of at most `limit − 2·overlap` (one span when it fits). */
function spans(size: number, limit: number): Array<[number, number]> {
  if (size <= limit) return [[0, size]];
  const step = Math.max(1, limit - 2 * TILE_OVERLAP);
  const out: Array<[number, number]> = [];
  for (let start = 0; start < size; start += step) out.push([start, Math.min(size, start + step)]);
  return out;
}

export class ImageDrawable implements Drawable {
  #tiles: Tile[] = [];
  #shading: ImageShading | undefined;
  #sampler: 'float' | 'uint' | 'int' = 'float';
  /** Size, formats and texture limit of the tiles (textures are refilled while it stays). */
  #layout = '';
  /** The texture is SRGB8: filterable by the texture unit, decoded by it before filtering. */
  #hardwareFilterable = false;
  #byteRow = 0;
  /** Bumped with every new picture: the GPU range is recomputed for a new generation. */
  #generation = 0;
  #gpuRange: GpuRange | undefined;
  /** The CPU's range where the GPU cannot compute it (per generation). */
  #cpuRange: { generation: number; range: [number, number] } | undefined;
  /** Size in texels (= scene units). */
  width = 0;
  height = 0;
  /** Opacity tint, clamped to [0, 1] when drawn. */
  opacity = 1;
  /** Filter when magnifying. */
  magnificationFilter: MagnificationFilter = 'nearest';
  /** The user's value range and colour map (API.md). */
  overrides: ShadingOverrides = {};

  constructor(private readonly renderer: Renderer) {}

  /** True once a texture is in place. */
  get ready(): boolean {
    return this.#tiles.length > 0;
  }

  /** The (first) texture, for tests and readback. */
  get texture(): TrackedTexture | undefined {
    return this.#tiles[0]?.texture;
  }

  /** How many textures the image takes (more than one when it is tiled). */
  get tileCount(): number {
    return this.#tiles.length;
  }

  /**
   * Every fragment comes out with alpha exactly 1: no alpha channel (or it is ignored), full
   * opacity, and no bicubic filter (whose weights need not sum to exactly 1 in float).
   */
  get opaque(): boolean {
    const shading = this.shading;
    if (!shading) return false;
    return (
      (shading.alphaMode === 'opaque' || shading.channels !== 4) &&
      this.opacity >= 1 &&
      this.magnificationFilter !== 'bicubic'
    );
  }

  /** The shading in effect, with the user's overrides applied. */
  get shading(): ImageShading | undefined {
    return this.#shading && applyShadingOverrides(this.#shading, this.overrides);
  }

  /** Replaces the picture with a planned raw image. */
  setPlan(plan: ImagePlan): void {
    const max = this.renderer.maxTextureSize;
    const texture = plan.texture;
    const layout = `${texturePlanLayout(texture)},${max}`;
    this.#generation++;
    if (this.#tiles.length && layout === this.#layout) {
      // Same size and format as the picture before (the next frame of a video, a scrubbed
      // timeline): write the new texels into the textures we have instead of reallocating.
      for (const tile of this.#tiles) {
        if (texture.linearBytes !== undefined) {
          refillPlannedTexture(tile.texture, {
            ...texture,
            width: this.#byteRow,
            height: Math.ceil(texture.linearBytes / this.#byteRow),
          });
        } else {
          refillPlannedTexture(tile.texture, texture, {
            x: tile.texX,
            y: tile.texY,
            width: tile.texWidth,
            height: tile.texHeight,
          });
        }
      }
      this.#shading = plan.shading;
      return;
    }
    this.clear();
    this.#layout = layout;
    if (texture.linearBytes !== undefined) {
      // YUV bytes: one byte texture, rows of the image width where that fits the limit.
      const total = texture.linearBytes;
      const row = byteTextureWidth(total, texture.width, max);
      const rows = Math.ceil(total / row);
      if (rows > max) {
        throw new RangeError(
          `a ${plan.width}×${plan.height} YUV image of ${total} bytes exceeds the GPU's texture limit`,
        );
      }
      const sized = { ...texture, width: row, height: rows };
      this.#byteRow = row;
      this.#tiles = [
        {
          texture: createPlannedTexture(this.renderer, sized),
          x: 0,
          y: 0,
          width: plan.width,
          height: plan.height,
          texX: 0,
          texY: 0,
          texWidth: plan.width,
          texHeight: plan.height,
        },
      ];
    } else {
      for (const [y0, y1] of spans(plan.height, max)) {
        for (const [x0, x1] of spans(plan.width, max)) {
          const texX = Math.max(0, x0 - (x0 > 0 ? TILE_OVERLAP : 0));
          const texY = Math.max(0, y0 - (y0 > 0 ? TILE_OVERLAP : 0));
          const texRight = Math.min(plan.width, x1 + (x1 < plan.width ? TILE_OVERLAP : 0));
          const texBottom = Math.min(plan.height, y1 + (y1 < plan.height ? TILE_OVERLAP : 0));
          const region = { x: texX, y: texY, width: texRight - texX, height: texBottom - texY };
          this.#tiles.push({
            texture: createPlannedTexture(this.renderer, texture, region),
            x: x0,
            y: y0,
            width: x1 - x0,
            height: y1 - y0,
            texX,
            texY,
            texWidth: region.width,
            texHeight: region.height,
          });
        }
      }
    }
    this.#shading = plan.shading;
    this.#sampler = texture.sampler;
    this.#hardwareFilterable = texture.internalFormat === WebGL2RenderingContext.SRGB8;
    this.width = plan.width;
    this.height = plan.height;
  }

  /** Replaces the picture with a decoded bitmap (RGBA8, straight alpha, sRGB). */
  setBitmap(source: TexImageSource, width: number, height: number): void {
    this.clear();
    this.#tiles = [
      {
        texture: createBitmapTexture(this.renderer, source, width, height),
        x: 0,
        y: 0,
        width,
        height,
        texX: 0,
        texY: 0,
        texWidth: width,
        texHeight: height,
      },
    ];
    this.#shading = BITMAP_SHADING;
    this.#sampler = 'float';
    this.#hardwareFilterable = false;
    this.width = width;
    this.height = height;
  }

  /** Reads one RGBA8 texel of a bitmap-backed image. */
  readBitmapTexel(x: number, y: number): Uint8Array | undefined {
    const texture = this.texture;
    if (!texture || this.#shading !== BITMAP_SHADING) return undefined;
    return readTexel(this.renderer, texture, x, y);
  }

  /** The range where the plan left it to the GPU: the GPU's texture, or the CPU's numbers. */
  #rangeSource(
    shading: ImageShading,
    gl: WebGL2RenderingContext,
    textures: WebGLTexture[],
  ): { stats?: WebGLTexture; range?: [number, number] } {
    const gpu = shading.gpuRange;
    if (!gpu) return {};
    const tile = this.#tiles[0]!;
    if (this.#tiles.length === 1 && gpuRangeSupported(gl)) {
      this.#gpuRange ??= new GpuRange(this.renderer);
      const stats = this.#gpuRange.texture(
        textures[0]!,
        this.#sampler,
        tile.texWidth,
        tile.texHeight,
        this.#generation,
      );
      return { stats };
    }
    if (this.#cpuRange?.generation !== this.#generation)
      this.#cpuRange = { generation: this.#generation, range: cpuRange(gpu) };
    return { range: this.#cpuRange.range };
  }

  /** Frees the textures. */
  clear(): void {
    for (const tile of this.#tiles) tile.texture.dispose();
    this.#tiles = [];
    this.#gpuRange?.dispose();
    this.#gpuRange = undefined;
    this.#cpuRange = undefined;
    this.#layout = '';
    this.#shading = undefined;
    this.width = 0;
    this.height = 0;
  }

  draw(context: DrawContext): void {
    const shading = this.shading;
    if (!this.#tiles.length || !shading) return;
    const { gl, renderer } = context;
    const tableMap = shading.mapper === 'colormap' && isTableColormap(shading.colormap);
    // The layer loads the tables first (its `pending`); until then there is nothing to draw.
    if (tableMap && !colormapTablesLoaded()) return;
    // Uploads happen lazily on first use and bind on the active unit: do them all before any
    // sampler uniform is bound, or an upload would unbind what a sampler was just given.
    const lut = tableMap ? colormapTexture(renderer) : null;
    const textures = this.#tiles.map((tile) => tile.texture.texture);
    const range = this.#rangeSource(shading, gl, textures);
    const mag = FILTER_INDEX[this.magnificationFilter];
    // Rerun's minification rule (SPEC §2.6): Nearest stays nearest only for colour-mapped images.
    const min = mag === 0 && shading.mapper === 'colormap' ? 0 : 1;
    // Rerun magnifies iff fwidth(texcoord) < 1; in a 2D view that is scale > 1 over the whole
    // quad, so the filter is chosen here and the program carries only that one.
    let filter = (context.scale > 1 ? mag : min) as 0 | 1 | 2 | 3;
    // At one pixel per texel on whole-pixel offsets every tap lands on a texel centre: bilinear
    // and bicubic reduce to nearest, which is four to sixteen times cheaper.
    if (
      context.scale === 1 &&
      Number.isInteger(context.offset[0]) &&
      Number.isInteger(context.offset[1])
    )
      filter = 0;
    // Minifying opaque sRGB colour (RGB/BGR U8, decoded by the texture unit): the texture unit's
    // own bilinear filter gives the same result from one fetch (exact to its weight precision,
    // so magnification, where the filter's look is tested to the byte, keeps the shader's).
    const hardware =
      filter === 1 &&
      context.scale < 1 &&
      this.#sampler === 'float' &&
      !shading.yuv &&
      !shading.decodeSrgb &&
      shading.channels === 3 &&
      shading.mapper === 'rgb' &&
      this.#hardwareFilterable;
    if (hardware) filter = 3;
    const program = renderer.imageProgram(this.#sampler, {
      yuv: shading.yuv,
      filter,
      gpuRange: range.stats !== undefined,
      shading: {
        channels: shading.channels,
        bgr: shading.bgr,
        decodeSrgb: shading.decodeSrgb,
        alphaMode: ALPHA_INDEX[shading.alphaMode],
        mapper: MAPPER_INDEX[shading.mapper],
        colormap: shading.mapper === 'colormap' ? colormapCode(shading.colormap) : 0,
      },
    });
    gl.useProgram(program.program);
    twgl.setUniforms(program.uniformSetters, {
      u_channels: shading.channels,
      u_range: range.range ?? shading.range,
      u_stats: range.stats ?? null,
      u_bgr: shading.bgr,
      u_decodeSrgb: shading.decodeSrgb,
      u_alphaMode: ALPHA_INDEX[shading.alphaMode],
      u_mapper: MAPPER_INDEX[shading.mapper],
      u_magFilter: mag,
      u_minFilter: min,
      u_opacity: Math.min(1, Math.max(0, Number.isFinite(this.opacity) ? this.opacity : 1)),
      u_byteRow: Math.max(1, this.#byteRow),
      u_colormap: colormapCode(shading.colormap),
      u_colormapSize: tableMap ? colormapSize(shading.colormap) : 0,
      u_colormapLut: lut,
      u_scale: [context.scale, context.scale],
      u_offset: context.offset,
      u_viewport: context.viewport,
    });
    this.#tiles.forEach((tile, i) => {
      twgl.setUniforms(program.uniformSetters, {
        u_texture: hardware
          ? { texture: textures[i], sampler: renderer.linearSampler }
          : textures[i],
        u_textureSize: [tile.texWidth, tile.texHeight],
        u_extent: [tile.width, tile.height],
        u_origin: [tile.x, tile.y],
        u_texelOrigin: [tile.x - tile.texX, tile.y - tile.texY],
      });
      renderer.drawQuad();
    });
  }

  /** Frees everything; the drawable must not be used afterwards. */
  dispose(): void {
    this.clear();
  }
}

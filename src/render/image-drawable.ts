/**
 * One image on the GPU: textures plus the shading decisions, drawn as quads covering scene
 * (0, 0)–(width, height). Images larger than the GPU's texture limit are tiled (tiled-texture.ts).
 */
import type { MagnificationFilterName } from '../store/components/normalize.js';
import * as programs from './gl-program.js';
import { colormapCode } from './colormaps.js';
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
import {
  sceneUniforms,
  type DrawContext,
  type Drawable,
  type Program,
  type Renderer,
  type TrackedTexture,
} from './renderer.js';
import {
  imageFragmentShader,
  imageVertexShader,
  type ImageShaderVariant,
} from './shaders/image.glsl.js';
import {
  createPlannedTexture,
  readTexel,
  texturePlanLayout,
  type TexturePlan,
} from './textures.js';
import { TiledTexture } from './tiled-texture.js';
import { GL } from './gl-enums.js';

/** Rerun's MagnificationFilter, by name. */
export type MagnificationFilter = MagnificationFilterName;

const FILTER_INDEX: Record<MagnificationFilter, number> = { nearest: 0, linear: 1, bicubic: 2 };
const ALPHA_INDEX = { opaque: 0, separate: 1, premultiplied: 2 } as const;
const MAPPER_INDEX = { grayscale: 0, rgb: 1, colormap: 2 } as const;

/** The compiled image program for a sampler kind and a specialised variant. */
function imageProgram(
  renderer: Renderer,
  sampler: 'float' | 'uint' | 'int',
  variant: ImageShaderVariant,
): Program {
  const v = variant.yuv;
  const yuv = v ? `yuv${v.layout}${v.limited ? 'l' : 'f'}${v.bt601 ? '601' : '709'}` : 'raw';
  const sh = variant.shading;
  const shading = sh
    ? `${sh.channels}${+sh.bgr}${+sh.decodeSrgb}${sh.alphaMode}${sh.mapper}c${sh.colormap ?? 0}`
    : 'dyn';
  const key = `image-${sampler}-${yuv}-${variant.filter ?? -1}-${shading}${variant.gpuRange ? '-gpurange' : ''}-p${variant.packed ?? 1}${variant.encoded ? '-encoded' : ''}${variant.scalar ? '-s' : ''}${variant.flatCoord ? '-f' : ''}${variant.unitRange ? '-unit' : ''}${variant.wholePixels ? '-whole' : ''}`;
  return renderer.program(
    key,
    imageVertexShader(
      variant.gpuRange === true,
      variant.scalar === true,
      variant.flatCoord === true,
    ),
    imageFragmentShader(sampler, variant),
  );
}

export class ImageDrawable implements Drawable {
  #tiled: TiledTexture | undefined;
  #shading: ImageShading | undefined;
  #sampler: 'float' | 'uint' | 'int' = 'float';
  /** Size, formats and texture limit of the tiles (textures are refilled while it stays). */
  #layout = '';
  /** The texture is SRGB8: filterable by the texture unit, decoded by it before filtering. */
  #hardwareFilterable = false;
  #byteRow = 0;
  /** Samples a texel: 1, or 4 or 8 where the texture is `TexturePlan.packed`. */
  #lanes = 1;
  /**
   * The SRGB8 plan of RGB/BGR U8 colour (else undefined), whose texture may hold the bytes
   * undecoded (RGB8): where every fragment takes one texel (`drawsEncodedAt`), a frame drawn
   * encoded writes them straight into an RGBA8 target. Filtered and composited draws need it
   * SRGB8 (decoded by the texture unit); switching re-uploads this plan.
   */
  #srgbPlan: TexturePlan | undefined;
  /** The texture holds the bytes as RGB8. */
  #rawTexture = false;
  /** How the picture was drawn since it came: 0 not yet, 1 only encoded, 2 also otherwise. */
  #drawnAs = 0;
  /** Draws that wrote an RGB8 texture's bytes as they are (tests count them). */
  rawDraws = 0;
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
    return this.#tiled !== undefined;
  }

  /** The (first) texture, for tests and readback. */
  get texture(): TrackedTexture | undefined {
    return this.#tiled?.tiles[0]?.texture;
  }

  /** How many textures the image takes (more than one when it is tiled). */
  get tileCount(): number {
    return this.#tiled?.tiles.length ?? 0;
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

  /**
   * Opaque and colour-mapped: every pixel is the colour map's sRGB value of one (filtered)
   * scalar, which can go straight into an RGBA8 target (the linear path decodes it and the sRGB
   * target encodes it back to the same byte).
   */
  get drawsEncoded(): boolean {
    return this.opaque && this.shading?.mapper === 'colormap';
  }

  /**
   * Opaque RGB/BGR U8 colour with the Nearest filter where every fragment takes exactly one
   * texel (magnified, or 1:1 on whole-pixel offsets, where bilinear taps land on texel
   * centres): the displayed byte is the stored byte (sRGB decode, then the target's encode,
   * give it back), so a frame of such layers can be drawn encoded (`Drawable.drawsEncodedAt`).
   */
  drawsEncodedAt(frame: { scale: number; offset: readonly [number, number] }): boolean {
    // (At 1:1 a Linear filter would take the texel too; it is left to the linear path.)
    if (!this.#srgbPlan || !this.opaque || this.magnificationFilter !== 'nearest') return false;
    const { scale, offset } = frame;
    return scale > 1 || (scale === 1 && Number.isInteger(offset[0]) && Number.isInteger(offset[1]));
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
    // Four samples a texel where the image is one texture (tiles are cut in image pixels).
    const packed = plan.width <= max && plan.height <= max ? texture.packed : undefined;
    this.#generation++;
    const srgb = texture.internalFormat === GL.SRGB8 ? texture : undefined;
    // The bytes go up undecoded when the picture before was only drawn encoded (a scrub at 1:1),
    // decoded once it was drawn otherwise; else as the texture is.
    const raw = !!srgb && (this.#drawnAs ? this.#drawnAs < 2 : this.#rawTexture);
    const upload = raw ? { ...texture, internalFormat: GL.RGB8 } : texture;
    const reformat = raw !== this.#rawTexture;
    this.#drawnAs = 0;
    this.#rawTexture = raw;
    this.#srgbPlan = srgb;
    if (this.#tiled && layout === this.#layout) {
      // Same size and format as the picture before (the next frame of a video, a scrubbed
      // timeline): write the new texels into the textures we have instead of reallocating.
      this.#tiled.refill(
        packed ??
          (texture.linearBytes !== undefined
            ? {
                ...texture,
                width: this.#byteRow,
                height: Math.ceil(texture.linearBytes / this.#byteRow),
              }
            : upload),
        // Texels of the same size either way: new storage when the format flips.
        reformat,
      );
      this.#shading = plan.shading;
      return;
    }
    this.clear();
    this.#rawTexture = raw;
    this.#srgbPlan = srgb;
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
      this.#tiled = TiledTexture.single(
        createPlannedTexture(this.renderer, sized),
        plan.width,
        plan.height,
      );
    } else if (packed) {
      this.#tiled = TiledTexture.single(
        createPlannedTexture(this.renderer, packed),
        plan.width,
        plan.height,
      );
    } else {
      this.#tiled = TiledTexture.fromPlan(this.renderer, upload);
    }
    this.#lanes = packed ? plan.width / packed.width : 1;
    this.#shading = plan.shading;
    this.#sampler = texture.sampler;
    this.#hardwareFilterable = texture.internalFormat === GL.SRGB8;
    this.width = plan.width;
    this.height = plan.height;
  }

  /** Replaces the picture with a decoded bitmap (RGBA8, straight alpha, sRGB). */
  setBitmap(source: TexImageSource, width: number, height: number): void {
    this.clear();
    this.#tiled = TiledTexture.fromSource(this.renderer, source, width, height);
    this.#shading = BITMAP_SHADING;
    this.#sampler = 'float';
    this.#hardwareFilterable = false;
    this.width = width;
    this.height = height;
  }

  /** Reads one RGBA8 texel of a bitmap-backed image. */
  readBitmapTexel(x: number, y: number): Uint8Array | undefined {
    const tile = this.#tiled?.tileAt(x, y);
    if (!tile || this.#shading !== BITMAP_SHADING) return undefined;
    return readTexel(this.renderer, tile.texture, x - tile.texX, y - tile.texY);
  }

  /** The range where the plan left it to the GPU: the GPU's texture, or the CPU's numbers. */
  #rangeSource(
    shading: ImageShading,
    gl: WebGL2RenderingContext,
    tiles: readonly { texWidth: number; texHeight: number }[],
    textures: WebGLTexture[],
  ): { stats?: WebGLTexture; range?: [number, number] } {
    const gpu = shading.gpuRange;
    if (!gpu) return {};
    const tile = tiles[0]!;
    if (tiles.length === 1 && gpuRangeSupported(gl)) {
      this.#gpuRange ??= new GpuRange(this.renderer);
      const stats = this.#gpuRange.texture(
        textures[0]!,
        this.#sampler,
        tile.texWidth / this.#lanes,
        tile.texHeight,
        this.#generation,
        this.#lanes,
      );
      return { stats };
    }
    if (this.#cpuRange?.generation !== this.#generation)
      this.#cpuRange = { generation: this.#generation, range: cpuRange(gpu) };
    return { range: this.#cpuRange.range };
  }

  /** Frees the textures. */
  clear(): void {
    this.#tiled?.dispose();
    this.#tiled = undefined;
    this.#gpuRange?.dispose();
    this.#gpuRange = undefined;
    this.#cpuRange = undefined;
    this.#layout = '';
    this.#rawTexture = false;
    this.#srgbPlan = undefined;
    this.#lanes = 1;
    this.#shading = undefined;
    this.width = 0;
    this.height = 0;
  }

  draw(context: DrawContext): void {
    const shading = this.shading;
    const tiles = this.#tiled?.tiles;
    if (!tiles || !shading) return;
    const { gl, renderer } = context;
    // Encoded, such a layer writes the stored bytes (`drawsEncodedAt`); drawn in linear light,
    // it needs them decoded by the texture unit: new storage, uploaded once from the bytes kept.
    const rawFrame = context.encoded === true && this.#srgbPlan !== undefined;
    if (this.#srgbPlan) {
      this.#drawnAs = rawFrame && this.#drawnAs < 2 ? 1 : 2;
      if (!rawFrame && this.#rawTexture) {
        this.#tiled!.refill(this.#srgbPlan, true);
        this.#rawTexture = false;
      }
    }
    // Uploads happen lazily on first use and bind on the active unit: do them all before any
    // sampler uniform is bound, or an upload would unbind what a sampler was just given.
    const textures = tiles.map((tile) => tile.texture.texture);
    const range = this.#rangeSource(shading, gl, tiles, textures);
    const mag = FILTER_INDEX[this.magnificationFilter];
    // Rerun's minification rule (SPEC §2.6): Nearest stays nearest only for colour-mapped images.
    const min = mag === 0 && shading.mapper === 'colormap' ? 0 : 1;
    // Rerun magnifies iff fwidth(texcoord) < 1; in a 2D view that is scale > 1 over the whole
    // quad, so the filter is chosen here and the program carries only that one.
    let filter = (context.scale > 1 ? mag : min) as 0 | 1 | 2 | 3;
    // At one pixel per texel on whole-pixel offsets every tap lands on a texel centre: bilinear
    // and bicubic reduce to nearest, which is four to sixteen times cheaper.
    const [ox, oy] = context.offset;
    const wholePixels = context.scale === 1 && Number.isInteger(ox) && Number.isInteger(oy);
    if (wholePixels) filter = 0;
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
    // Colour maps give sRGB values; an SRGB8 texture's bytes come back decoded and are encoded
    // again in the shader (exact: a byte's decode is far from the next byte's rounding edge).
    if (rawFrame && this.#rawTexture) this.rawDraws++;
    const encoded =
      context.encoded === true &&
      (shading.mapper === 'colormap' || (rawFrame && !this.#rawTexture));
    let yuv = shading.yuv;
    // NV12 whose byte rows are the image's, of an even width (U, V pairs never straddle a row):
    // fetched by coordinate (7); at 2:1 on whole pixels, where every bilinear footprint is one
    // even-aligned 2×2 block, with one U, V fetch for the four taps (8).
    if (yuv?.layout === 4 && this.#byteRow === this.width && this.width % 2 === 0) {
      const halving =
        filter === 1 && context.scale === 0.5 && Number.isInteger(ox) && Number.isInteger(oy);
      yuv = { ...yuv, layout: halving ? 8 : 7 };
    }
    const uRange = range.range ?? shading.range;
    const unitRange = range.stats === undefined && uRange[0] === 0 && uRange[1] === 1;
    const scalar =
      tiles.length === 1 && filter === 0 && shading.channels === 1 && shading.mapper === 'colormap';
    const program = imageProgram(renderer, this.#sampler, {
      yuv,
      filter,
      unitRange,
      flatCoord: !scalar && !wholePixels,
      wholePixels,
      gpuRange: range.stats !== undefined,
      packed: this.#lanes,
      encoded,
      scalar,
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
    programs.setUniforms(program.uniformSetters, {
      u_channels: shading.channels,
      u_range: uRange,
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
      ...sceneUniforms(context),
    });
    tiles.forEach((tile, i) => {
      programs.setUniforms(program.uniformSetters, {
        u_texture: hardware
          ? { texture: textures[i], sampler: renderer.linearSampler }
          : textures[i],
        u_textureSize: [tile.texWidth, tile.texHeight],
        u_extent: [tile.width, tile.height],
        u_origin: [tile.x, tile.y],
        u_texelOrigin: [tile.x - tile.texX, tile.y - tile.texY],
        u_texelShift: [ox + tile.texX, oy + tile.texY],
      });
      renderer.drawQuad();
    });
  }

  /** Frees everything; the drawable must not be used afterwards. */
  dispose(): void {
    this.clear();
  }
}

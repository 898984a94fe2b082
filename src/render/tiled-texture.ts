/**
 * The one texture path of every image-like layer (images, decoded images, segmentation ids):
 * a picture larger than the GPU's texture limit (where Rerun fails, rerun issue #3782) is split
 * into tiles, each its own texture drawn as its own quad. Neighbouring tiles overlap by
 * TILE_OVERLAP texels so that bilinear and bicubic filtering (and outline look-ups) near a seam
 * read the same texels they would in one big texture: the seam is invisible.
 */
import type { Renderer, TrackedTexture } from './renderer.js';
import {
  createBitmapTexture,
  createPlannedTexture,
  refillPlannedTexture,
  type TexturePlan,
  type TextureRegion,
} from './textures.js';

/** Texels each tile reaches past its quad: bicubic reads two texels beyond the sample point. */
export const TILE_OVERLAP = 2;

/** One texture and the part of the scene it draws. */
export interface Tile {
  texture: TrackedTexture;
  /** The quad, in image pixels (the layer places the image in the scene). */
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

/** The tiles of a width×height picture under a texture limit of `max` texels per side. */
function layoutTiles(width: number, height: number, max: number): Array<Omit<Tile, 'texture'>> {
  const out: Array<Omit<Tile, 'texture'>> = [];
  for (const [y0, y1] of spans(height, max)) {
    for (const [x0, x1] of spans(width, max)) {
      const texX = Math.max(0, x0 - (x0 > 0 ? TILE_OVERLAP : 0));
      const texY = Math.max(0, y0 - (y0 > 0 ? TILE_OVERLAP : 0));
      const texRight = Math.min(width, x1 + (x1 < width ? TILE_OVERLAP : 0));
      const texBottom = Math.min(height, y1 + (y1 < height ? TILE_OVERLAP : 0));
      out.push({
        x: x0,
        y: y0,
        width: x1 - x0,
        height: y1 - y0,
        texX,
        texY,
        texWidth: texRight - texX,
        texHeight: texBottom - texY,
      });
    }
  }
  return out;
}

function regionOf(tile: Omit<Tile, 'texture'>): TextureRegion {
  return { x: tile.texX, y: tile.texY, width: tile.texWidth, height: tile.texHeight };
}

/** A picture on the GPU as one or more tiles. */
export class TiledTexture {
  private constructor(
    readonly tiles: readonly Tile[],
    /** Size in texels (= image pixels). */
    readonly width: number,
    readonly height: number,
  ) {}

  /** One texture holding the whole picture (YUV byte textures, which are not tiled). */
  static single(texture: TrackedTexture, width: number, height: number): TiledTexture {
    const tile = {
      x: 0,
      y: 0,
      width,
      height,
      texX: 0,
      texY: 0,
      texWidth: width,
      texHeight: height,
    };
    return new TiledTexture([{ ...tile, texture }], width, height);
  }

  /** Raw samples, tiled under the renderer's texture limit; `onUpload` counts uploads. */
  static fromPlan(renderer: Renderer, plan: TexturePlan, onUpload?: () => void): TiledTexture {
    const tiles = layoutTiles(plan.width, plan.height, renderer.maxTextureSize).map((tile) => ({
      ...tile,
      texture: createPlannedTexture(renderer, plan, regionOf(tile), onUpload),
    }));
    return new TiledTexture(tiles, plan.width, plan.height);
  }

  /** A decoded bitmap (RGBA8, straight alpha, sRGB), tiled under the renderer's texture limit. */
  static fromSource(
    renderer: Renderer,
    source: TexImageSource,
    width: number,
    height: number,
  ): TiledTexture {
    const tiles = layoutTiles(width, height, renderer.maxTextureSize).map((tile) => ({
      ...tile,
      texture: createBitmapTexture(renderer, source, regionOf(tile)),
    }));
    return new TiledTexture(tiles, width, height);
  }

  /**
   * Writes new samples of the same layout into the tiles (no reallocation); `reformat`: the
   * plan's internal format is another one of the same size (new storage, see
   * `TrackedTexture.replace`).
   */
  refill(plan: TexturePlan, reformat = false): void {
    // One tile is the whole plan (for YUV bytes the plan's size is the byte texture's, not the image's).
    if (this.tiles.length === 1)
      refillPlannedTexture(this.tiles[0]!.texture, plan, undefined, reformat);
    else
      for (const tile of this.tiles)
        refillPlannedTexture(tile.texture, plan, regionOf(tile), reformat);
  }

  /** The tile whose quad covers image pixel (x, y). */
  tileAt(x: number, y: number): Tile | undefined {
    return this.tiles.find((t) => x >= t.x && y >= t.y && x < t.x + t.width && y < t.y + t.height);
  }

  /** Frees the textures. */
  dispose(): void {
    for (const tile of this.tiles) tile.texture.dispose();
  }
}

/**
 * One segmentation image on the GPU: the id texture, uploaded once per image, and the
 * class-colour lookup texture, rewritten in place whenever colours, visibility or highlight
 * change. Toggling a class therefore costs a table of at most a few thousand texels, never the
 * id image.
 */
import * as programs from './gl-program.js';
import {
  sceneUniforms,
  type DrawContext,
  type Drawable,
  type Renderer,
  type TrackedTexture,
} from './renderer.js';
import { TiledTexture } from './tiled-texture.js';
import type { SegmentationIds } from './segmentation-ids.js';
import {
  SEGMENTATION_VERTEX_SHADER,
  segmentationFragmentShader,
} from './shaders/segmentation.glsl.js';

/** Beyond Rerun: how classes are drawn. */
export type SegmentationRenderMode = 'fill' | 'outline' | 'fill-outline';

const MODE_INDEX: Record<SegmentationRenderMode, number> = {
  fill: 0,
  outline: 1,
  'fill-outline': 2,
};
/** Interior weight in fill + outline mode: the outline stays at full strength. */
const FILL_WEIGHT = 0.5;
const TABLE_WIDTH = 256;

export class SegmentationDrawable implements Drawable {
  #ids: TiledTexture | undefined;
  #sampler: 'float' | 'uint' | 'int' = 'uint';
  #table: TrackedTexture | undefined;
  /** Table entries as RGBA8 (kept for re-upload after a context loss). */
  #tableData: Uint8Array | undefined;
  #tableDirty = false;
  /** Entries rewritten in place since the last draw (uploaded alone, not the whole table). */
  #dirtyEntries = new Set<number>();
  width = 0;
  height = 0;
  opacity = 1;
  renderMode: SegmentationRenderMode = 'fill';
  /** Outline width in CSS pixels. */
  outlineWidth = 1;
  /** How many times the id image went to the GPU (tests and the benchmark read it). */
  idUploads = 0;
  /** How many times the colour table (or some of its entries) went to the GPU. */
  tableUploads = 0;
  /** Table entries written to the GPU so far (a whole table counts all of its entries). */
  tableEntriesUploaded = 0;

  constructor(private readonly renderer: Renderer) {}

  get ready(): boolean {
    return this.#ids !== undefined && this.#tableData !== undefined;
  }

  /** Entries of the current table. */
  get tableSize(): number {
    return this.#tableData ? this.#tableData.length / 4 : 0;
  }

  /** Replaces the id image. */
  setIds(ids: SegmentationIds): void {
    this.clear();
    const plan = ids.texture;
    this.#sampler = plan.sampler;
    this.width = plan.width;
    this.height = plan.height;
    // Larger than the texture limit: tiled like any image (NEAREST ids need no filter overlap,
    // but outlines read neighbours across the seam).
    this.#ids = TiledTexture.fromPlan(this.renderer, plan, () => this.idUploads++);
  }

  /**
   * Replaces the colour table: `entries` holds premultiplied-in-gamma RGBA8 (egui Color32),
   * a multiple of 256 entries. A table of the same size is rewritten in place.
   */
  setTable(entries: Uint8Array): void {
    const sameSize = this.#tableData?.length === entries.length;
    this.#tableData = entries;
    this.#dirtyEntries.clear();
    if (sameSize && this.#table) {
      this.#tableDirty = true;
      return;
    }
    this.#table?.dispose();
    const rows = entries.length / 4 / TABLE_WIDTH;
    this.#tableDirty = false;
    this.#table = this.renderer.createTexture((gl) => {
      this.tableUploads++;
      const texture = gl.createTexture()!;
      gl.bindTexture(gl.TEXTURE_2D, texture);
      // The table is sRGB: the fetch decodes colours to linear, as Rerun's Rgba8UnormSrgb table.
      gl.texStorage2D(gl.TEXTURE_2D, 1, gl.SRGB8_ALPHA8, TABLE_WIDTH, rows);
      this.#writeTable(gl);
      this.#tableDirty = false;
      setNearest(gl);
      gl.bindTexture(gl.TEXTURE_2D, null);
      return texture;
    }, entries.length);
  }

  /**
   * Entries `indices` of the table given to `setTable` were rewritten in place: only they go to
   * the GPU at the next draw (one texel each).
   */
  updateEntries(indices: readonly number[]): void {
    if (!this.#table || this.#tableDirty) return; // The whole table goes up anyway.
    for (const i of indices) this.#dirtyEntries.add(i);
  }

  #writeEntries(gl: WebGL2RenderingContext): void {
    const data = this.#tableData!;
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    for (const i of this.#dirtyEntries) {
      const x = i % TABLE_WIDTH;
      const y = (i - x) / TABLE_WIDTH;
      gl.texSubImage2D(gl.TEXTURE_2D, 0, x, y, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, data, i * 4);
    }
    this.tableEntriesUploaded += this.#dirtyEntries.size;
    this.renderer.bytesUploaded(this.#dirtyEntries.size * 4);
    this.#dirtyEntries.clear();
  }

  #writeTable(gl: WebGL2RenderingContext): void {
    const data = this.#tableData!;
    this.#dirtyEntries.clear();
    this.tableEntriesUploaded += data.length / 4;
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    gl.texSubImage2D(
      gl.TEXTURE_2D,
      0,
      0,
      0,
      TABLE_WIDTH,
      data.length / 4 / TABLE_WIDTH,
      gl.RGBA,
      gl.UNSIGNED_BYTE,
      data,
    );
  }

  clear(): void {
    this.#ids?.dispose();
    this.#ids = undefined;
    this.width = 0;
    this.height = 0;
  }

  draw(context: DrawContext): void {
    if (!this.#ids || !this.#table || !this.#tableData) return;
    const { gl, renderer } = context;
    // Uploads bind on the active unit: do them all before any sampler uniform is set.
    const tiles = this.#ids.tiles;
    const ids = tiles.map((tile) => tile.texture.texture);
    const table = this.#table.texture;
    if (this.#tableDirty || this.#dirtyEntries.size) {
      this.tableUploads++;
      gl.bindTexture(gl.TEXTURE_2D, table);
      if (this.#tableDirty) {
        this.renderer.bytesUploaded(this.#tableData.length);
        this.#writeTable(gl);
      } else this.#writeEntries(gl);
      this.#tableDirty = false;
      gl.bindTexture(gl.TEXTURE_2D, null);
    }
    const program = renderer.program(
      `segmentation-${this.#sampler}`,
      SEGMENTATION_VERTEX_SHADER,
      segmentationFragmentShader(this.#sampler),
    );
    gl.useProgram(program.program);
    const pixelRatio = context.pixelRatio ?? 1;
    const width =
      Number.isFinite(this.outlineWidth) && this.outlineWidth > 0 ? this.outlineWidth : 1;
    programs.setUniforms(program.uniformSetters, {
      u_imageSize: [this.width, this.height],
      u_lookup: table,
      u_tableSize: this.#tableData.length / 4,
      u_opacity: Math.min(1, Math.max(0, Number.isFinite(this.opacity) ? this.opacity : 1)),
      u_mode: MODE_INDEX[this.renderMode] ?? 0,
      u_halfWidth: (width * pixelRatio) / 2 / context.scale,
      u_fillAlpha: FILL_WEIGHT,
      ...sceneUniforms(context),
    });
    tiles.forEach((tile, i) => {
      programs.setUniforms(program.uniformSetters, {
        u_ids: ids[i],
        u_size: [tile.texWidth, tile.texHeight],
        u_texBase: [tile.texX, tile.texY],
        u_extent: [tile.width, tile.height],
        u_origin: [tile.x, tile.y],
        u_texelOrigin: [tile.x - tile.texX, tile.y - tile.texY],
      });
      renderer.drawQuad();
    });
  }

  dispose(): void {
    this.clear();
    this.#table?.dispose();
    this.#table = undefined;
    this.#tableData = undefined;
  }
}

/** Integer textures are only complete with NEAREST, and class ids must never be blended. */
function setNearest(gl: WebGL2RenderingContext): void {
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
}

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
  /**
   * The table on the GPU twice, each made on first use and kept up to date only when used:
   * SRGB8_ALPHA8 (decoded to linear light for compositing) and RGBA8 (its bytes as they are,
   * for frames drawn encoded, `drawsEncoded`).
   */
  #tables: Record<'srgb' | 'bytes', LookupTexture>;
  /** Table entries as RGBA8 (kept for re-upload after a context loss). */
  #tableData: Uint8Array | undefined;
  /** 1 for each table entry whose alpha is neither 0 nor 255, and how many there are. */
  #translucent: Uint8Array | undefined;
  #translucentCount = 0;
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
  /** Draws that wrote the table's bytes as they are (`DrawContext.encoded`), for tests. */
  encodedDraws = 0;

  constructor(private readonly renderer: Renderer) {
    const count = (entries: number) => {
      this.tableUploads++;
      this.tableEntriesUploaded += entries;
    };
    this.#tables = {
      srgb: new LookupTexture(renderer, 'srgb', count),
      bytes: new LookupTexture(renderer, 'bytes', count),
    };
  }

  /** Opaque, and every pixel is a table entry's bytes: it can draw them as they are. */
  get drawsEncoded(): boolean {
    return this.opaque;
  }

  /**
   * Every fragment drawn has alpha exactly 1: a plain fill at full opacity of a table whose
   * entries are all opaque or transparent (transparent fragments are discarded by the shader).
   * The renderer then draws without blending, and a view of such layers over a transparent
   * background in one pass that writes the table's bytes as they are (`drawsEncoded`), with no
   * sRGB decode or encode: the same bytes, one pass instead of two.
   */
  get opaque(): boolean {
    return (
      this.renderMode === 'fill' &&
      this.opacity === 1 &&
      this.#translucentCount === 0 &&
      this.#tableData !== undefined
    );
  }

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
    this.#tableData = entries;
    this.#countTranslucent(entries);
    this.#tables.srgb.replace(entries);
    this.#tables.bytes.replace(entries);
  }

  /**
   * Entries `indices` of the table given to `setTable` were rewritten in place: only they go to
   * the GPU at the next draw (one texel each).
   */
  updateEntries(indices: readonly number[]): void {
    const data = this.#tableData;
    const translucent = this.#translucent;
    if (data && translucent) {
      for (const i of indices) {
        const a = data[i * 4 + 3]!;
        const now = a !== 0 && a !== 255 ? 1 : 0;
        this.#translucentCount += now - translucent[i]!;
        translucent[i] = now;
      }
    }
    this.#tables.srgb.touch(indices);
    this.#tables.bytes.touch(indices);
  }

  #countTranslucent(entries: Uint8Array): void {
    const n = entries.length / 4;
    const translucent =
      this.#translucent?.length === n ? this.#translucent.fill(0) : new Uint8Array(n);
    let count = 0;
    for (let i = 0, o = 3; i < n; i++, o += 4) {
      const a = entries[o]!;
      if (a !== 0 && a !== 255) {
        translucent[i] = 1;
        count++;
      }
    }
    this.#translucent = translucent;
    this.#translucentCount = count;
  }

  clear(): void {
    this.#ids?.dispose();
    this.#ids = undefined;
    this.width = 0;
    this.height = 0;
  }

  draw(context: DrawContext): void {
    if (!this.#ids || !this.#tableData) return;
    const { gl, renderer } = context;
    // Uploads bind on the active unit: do them all before any sampler uniform is set.
    const tiles = this.#ids.tiles;
    const ids = tiles.map((tile) => tile.texture.texture);
    // Drawn encoded (only when opaque): the entries' bytes go out as they are, colour and an
    // alpha of 1; otherwise the sRGB table decodes them to linear light for compositing.
    if (context.encoded) this.encodedDraws++;
    const table = this.#tables[context.encoded ? 'bytes' : 'srgb'].texture(gl, this.#tableData);
    const outline = this.renderMode !== 'fill';
    const program = renderer.program(
      `segmentation-${this.#sampler}${outline ? '-outline' : ''}`,
      SEGMENTATION_VERTEX_SHADER,
      segmentationFragmentShader(this.#sampler, outline),
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
    this.#tables.srgb.dispose();
    this.#tables.bytes.dispose();
    this.#tableData = undefined;
    this.#translucent = undefined;
    this.#translucentCount = 0;
  }
}

/**
 * One GPU copy of the colour table, 256 entries a row: made on first use, then brought up to
 * date when next used (the whole table after `replace`, else the entries `touch` named).
 */
class LookupTexture {
  #texture: TrackedTexture | undefined;
  #data: Uint8Array | undefined;
  #whole = false;
  #entries = new Set<number>();

  constructor(
    private readonly renderer: Renderer,
    private readonly format: 'srgb' | 'bytes',
    private readonly counted: (entries: number) => void,
  ) {}

  /** The whole table changed (its size too, perhaps). */
  replace(data: Uint8Array): void {
    if (this.#texture && this.#data?.length !== data.length) {
      this.#texture.dispose();
      this.#texture = undefined;
    }
    this.#data = data;
    this.#whole = true;
    this.#entries.clear();
  }

  /** Entries rewritten in place. */
  touch(indices: readonly number[]): void {
    if (this.#whole || !this.#texture) return; // The whole table goes up anyway.
    for (const i of indices) this.#entries.add(i);
  }

  /** The GL texture, up to date with `data` (the table given to `replace`). */
  texture(gl: WebGL2RenderingContext, data: Uint8Array): WebGLTexture {
    if (!this.#texture) {
      const rows = data.length / 4 / TABLE_WIDTH;
      this.#texture = this.renderer.createTexture((gl) => {
        const texture = gl.createTexture()!;
        gl.bindTexture(gl.TEXTURE_2D, texture);
        // sRGB: the fetch decodes colours to linear, as Rerun's Rgba8UnormSrgb table.
        const internal = this.format === 'srgb' ? gl.SRGB8_ALPHA8 : gl.RGBA8;
        gl.texStorage2D(gl.TEXTURE_2D, 1, internal, TABLE_WIDTH, rows);
        this.#write(gl, this.#data!, undefined);
        setNearest(gl);
        gl.bindTexture(gl.TEXTURE_2D, null);
        return texture;
      }, data.length);
      this.#whole = false;
      this.#entries.clear();
      return this.#texture.texture; // Uploaded whole by the first use.
    }
    const texture = this.#texture.texture;
    if (this.#whole || this.#entries.size) {
      gl.bindTexture(gl.TEXTURE_2D, texture);
      this.#write(gl, data, this.#whole ? undefined : this.#entries);
      if (this.#whole) this.renderer.bytesUploaded(data.length);
      gl.bindTexture(gl.TEXTURE_2D, null);
      this.#whole = false;
      this.#entries.clear();
    }
    return texture;
  }

  /** Writes the whole table, or only `entries` (one texel each), into the bound texture. */
  #write(gl: WebGL2RenderingContext, data: Uint8Array, entries: Set<number> | undefined): void {
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    if (!entries) {
      const rows = data.length / 4 / TABLE_WIDTH;
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, TABLE_WIDTH, rows, gl.RGBA, gl.UNSIGNED_BYTE, data);
      this.counted(data.length / 4);
      return;
    }
    for (const i of entries) {
      const x = i % TABLE_WIDTH;
      const y = (i - x) / TABLE_WIDTH;
      gl.texSubImage2D(gl.TEXTURE_2D, 0, x, y, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, data, i * 4);
    }
    this.counted(entries.size);
    this.renderer.bytesUploaded(entries.size * 4);
  }

  dispose(): void {
    this.#texture?.dispose();
    this.#texture = undefined;
  }
}

/** Integer textures are only complete with NEAREST, and class ids must never be blended. */
function setNearest(gl: WebGL2RenderingContext): void {
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
}

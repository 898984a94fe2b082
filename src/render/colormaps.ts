/**
 * The colour maps of `colormap` (API.md, beyond Rerun) and their lookup texture.
 *
 * Grayscale and cyan-to-yellow are formulas (Rerun's `colormap.wgsl`) and are computed in the
 * shader; the others are tables (`colormap-tables.ts`), looked up as matplotlib does: entry
 * `min(n − 1, floor(t·n))` of an n-entry table, so each map equals its published definition.
 * The tables load on first use (a lazy chunk): pages that never set `colormap` do not download them.
 */
import type { Renderer } from './renderer.js';

export const COLORMAP_NAMES = [
  'grayscale',
  'inferno',
  'magma',
  'plasma',
  'turbo',
  'viridis',
  'cyan-to-yellow',
  'spectral',
  'twilight',
] as const;
export type ColormapName = (typeof COLORMAP_NAMES)[number];

/**
 * What the image shader can map through: the named maps, plus Rerun's polynomial Turbo that
 * depth images use (SPEC §12.10), which differs from the published 256-entry Turbo table by
 * a few bytes.
 */
export type ShaderColormap = ColormapName | 'turbo-polynomial';

/** The maps that are tables, in the order of the lookup texture's rows. */
const TABLE_ORDER = [
  'inferno',
  'magma',
  'plasma',
  'viridis',
  'turbo',
  'twilight',
  'spectral',
] as const;
type TableName = (typeof TABLE_ORDER)[number];

let tables: Map<TableName, Uint8Array> | undefined;
let loading: Promise<void> | undefined;

/** True for maps that need the tables. */
export function isTableColormap(name: ShaderColormap | undefined): name is TableName {
  return (TABLE_ORDER as readonly string[]).includes(name ?? '');
}

/** True once the tables are here (always needed before drawing a table map). */
export function colormapTablesLoaded(): boolean {
  return tables !== undefined;
}

/** Loads and decodes the tables (once). */
export function loadColormapTables(): Promise<void> {
  loading ??= import('./colormap-tables.js').then(({ COLORMAP_TABLES, decodeColormapTable }) => {
    tables = new Map(TABLE_ORDER.map((name) => [name, decodeColormapTable(COLORMAP_TABLES[name])]));
  });
  return loading;
}

/** A table's sRGB bytes (3 per entry); the tables must be loaded. */
function table(name: TableName): Uint8Array {
  const bytes = tables?.get(name);
  if (!bytes) throw new Error(`colour-map tables used before loadColormapTables() resolved`);
  return bytes;
}
/** Widest table (twilight has 510 entries). */
const LUT_WIDTH = 510;

/** Parses a `colormap` attribute (case-insensitive; `cyan_to_yellow` accepted too). */
export function parseColormap(value: unknown): ColormapName | undefined {
  if (value == null || value === '') return undefined;
  const name = String(value).trim().toLowerCase().replace(/_/g, '-');
  if ((COLORMAP_NAMES as readonly string[]).includes(name)) return name as ColormapName;
  throw new RangeError(
    `unknown colormap ${JSON.stringify(value)}: expected one of ${COLORMAP_NAMES.join(', ')}`,
  );
}

/** Shader code of a map: −1 Turbo polynomial, 0 grayscale, 1 cyan-to-yellow, 2 + row of the lookup texture. */
export function colormapCode(name: ShaderColormap): number {
  if (name === 'turbo-polynomial') return -1;
  if (name === 'grayscale') return 0;
  if (name === 'cyan-to-yellow') return 1;
  return 2 + TABLE_ORDER.indexOf(name as TableName);
}

/** Entries of a table map (for the shader's index computation). */
export function colormapSize(name: ShaderColormap): number {
  return isTableColormap(name) ? table(name).length / 3 : 0;
}

/** One RGBA8 row per table map (sRGB bytes, decoded in the shader), shared by all images. */
export function colormapTexture(renderer: Renderer): WebGLTexture {
  return renderer.sharedTexture('colormaps', (gl) => {
    const pixels = new Uint8Array(LUT_WIDTH * TABLE_ORDER.length * 4);
    TABLE_ORDER.forEach((name, row) => {
      const bytes = table(name);
      for (let i = 0; i < bytes.length / 3; i++) {
        pixels.set(
          [bytes[i * 3], bytes[i * 3 + 1], bytes[i * 3 + 2], 255],
          (row * LUT_WIDTH + i) * 4,
        );
      }
    });
    const texture = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.pixelStorei(gl.UNPACK_ROW_LENGTH, 0);
    gl.pixelStorei(gl.UNPACK_SKIP_PIXELS, 0);
    gl.pixelStorei(gl.UNPACK_SKIP_ROWS, 0);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA8, LUT_WIDTH, TABLE_ORDER.length);
    gl.texSubImage2D(
      gl.TEXTURE_2D,
      0,
      0,
      0,
      LUT_WIDTH,
      TABLE_ORDER.length,
      gl.RGBA,
      gl.UNSIGNED_BYTE,
      pixels,
    );
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.bindTexture(gl.TEXTURE_2D, null);
    return texture;
  });
}

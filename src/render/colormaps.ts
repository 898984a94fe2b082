/**
 * The colour maps of `colormap` (API.md) on images and depth images: Rerun's, evaluated in the
 * image shader as re_renderer's `colormap.wgsl` does (polynomial fits in f32, output treated as
 * sRGB; `shaders/image.glsl.ts`), so a map looks the same here as in Rerun wherever it is used.
 */

/** In the order of Rerun's `Colormap` enum: a map's value is its index + 1 (`colormapCode()`). */
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

/** What the image shader can map through. */
export type ShaderColormap = ColormapName;

/** Parses a `colormap` attribute (case-insensitive; `cyan_to_yellow` accepted too). */
export function parseColormap(value: unknown): ColormapName | undefined {
  if (value == null || value === '') return undefined;
  const name = String(value).trim().toLowerCase().replace(/_/g, '-');
  if ((COLORMAP_NAMES as readonly string[]).includes(name)) return name as ColormapName;
  throw new RangeError(
    `unknown colormap ${JSON.stringify(value)}: expected one of ${COLORMAP_NAMES.join(', ')}`,
  );
}

/** The shader's code of a map: Rerun's enum value (1 grayscale … 9 twilight). */
export function colormapCode(name: ShaderColormap): number {
  return COLORMAP_NAMES.indexOf(name) + 1;
}

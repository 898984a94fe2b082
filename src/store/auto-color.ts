/**
 * Rerun's automatic class colour (SPEC §3.3): `auto_color_egui` in
 * `re_viewer_context/src/utils/color.rs`, i.e. egui's HSV → linear RGB → sRGB bytes.
 *
 * Rerun computes in f32, and rounding happens at byte boundaries, so every step goes through
 * `Math.fround` to land on the same bytes (SPEC Appendix A is the check).
 */

export type Rgba8 = [number, number, number, number];

const f = Math.fround;
const GOLDEN = f(f(f(Math.sqrt(5)) - 1) / 2);
const S = f(0.85);
const V = f(0.5);
const INV_GAMMA = f(1 / 2.4);

/** Rust's `f32::fract`: x − trunc(x). */
function fract(x: number): number {
  return f(x - Math.trunc(x));
}

/** egui `gamma_u8_from_linear_f32` (ecolor/src/lib.rs), with its truncating `fast_round`. */
export function gammaU8FromLinearF32(l: number): number {
  l = f(l);
  if (!(l > 0)) return 0;
  if (l <= f(0.0031308)) return Math.trunc(f(f(f(3294.6) * l) + 0.5));
  if (l <= 1) {
    const p = f(Math.pow(l, INV_GAMMA));
    return Math.trunc(f(f(f(f(269.025) * p) - f(14.025)) + 0.5));
  }
  return 255;
}

/** egui `rgb_from_hsv` (ecolor/src/hsva.rs), linear RGB. */
function rgbFromHsv(hue: number, s: number, v: number): [number, number, number] {
  const h = fract(f(fract(hue) + 1));
  const h6 = f(h * 6);
  const fl = Math.floor(h6);
  const frac = f(h6 - fl);
  const p = f(v * f(1 - s));
  const q = f(v * f(1 - f(frac * s)));
  const t = f(v * f(1 - f(f(1 - frac) * s)));
  switch (((fl % 6) + 6) % 6) {
    case 0:
      return [v, t, p];
    case 1:
      return [q, v, p];
    case 2:
      return [p, v, t];
    case 3:
      return [p, q, v];
    case 4:
      return [t, p, v];
    default:
      return [v, p, q];
  }
}

function compute(id: number): Rgba8 {
  // `val as f32`: ids above 2^24 lose their low bits exactly as the cast does in Rust.
  const h = f(f(id) * GOLDEN);
  const [r, g, b] = rgbFromHsv(h, S, V);
  return [gammaU8FromLinearF32(r), gammaU8FromLinearF32(g), gammaU8FromLinearF32(b), 255];
}

/** Packed 0xRRGGBBAA of every u16 id, filled on first use (SPEC §11). */
let table: Uint32Array | undefined;

function packed(id: number): number {
  if (!table) {
    table = new Uint32Array(65536);
    for (let i = 0; i < 65536; i++) {
      const [r, g, b, a] = compute(i);
      table[i] = ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
    }
  }
  return table[id]!;
}

/**
 * The colour Rerun picks for a class id without an annotated colour, as sRGB bytes
 * `[r, g, b, 255]`.
 *
 * Rerun's class ids are u16, so it never colours larger ids. Here an id above 65535 (from a
 * U32/I32/U64/I64 segmentation image) gets the same formula applied to the id converted to f32,
 * as Rust's `id as f32` would: a stable, well-spread colour (ids above 2^24 share the colour of
 * their f32 neighbour). Negative or non-integer input is rounded and taken as its absolute value.
 */
export function autoColor(classId: number): Rgba8 {
  let id = Math.round(Number(classId));
  if (!Number.isFinite(id)) id = 0;
  id = Math.abs(id);
  if (id <= 65535) {
    const v = packed(id);
    return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
  }
  return compute(id);
}

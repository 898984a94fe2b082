/**
 * DepthImage semantics in a 2D view (SPEC §12.10): the depth range and colormap readers, the
 * `Depth:` hover text, and Turbo as a CPU reference of the shader's polynomial. The fallbacks
 * (depth-resolve.ts) are the lazy depth image layer's alone.
 */
import { describe, issue } from './issues.js';
import type { DepthColormapName, GeometryIssue } from './types.js';

/** Rerun's `Colormap` enum values of the maps a DepthImage can use here. */
export const DEPTH_COLORMAPS: Readonly<Record<DepthColormapName, number>> = {
  grayscale: 1,
  inferno: 2,
  magma: 3,
  plasma: 4,
  turbo: 5,
  viridis: 6,
  'cyan-to-yellow': 7,
  spectral: 8,
  twilight: 9,
};

/** Rerun's enum values this library does not draw (ROS maps). */
const UNSUPPORTED: Record<number, string> = { 10: 'RvizMap', 11: 'RvizCostmap', 12: 'Costmap' };

/** `cyan_to_yellow`, `CyanToYellow`, `cyan-to-yellow` → `cyan-to-yellow`. */
function colormapKey(text: string): string {
  return text
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
}

/** Reads a colormap name or Rerun enum value; undefined + issue for anything else. */
export function parseDepthColormap(value: unknown): {
  value: DepthColormapName | undefined;
  issues: GeometryIssue[];
} {
  if (value === undefined || value === null || value === '')
    return { value: undefined, issues: [] };
  const names = Object.keys(DEPTH_COLORMAPS) as DepthColormapName[];
  let name: DepthColormapName | undefined;
  if (typeof value === 'number') {
    name = names.find((n) => DEPTH_COLORMAPS[n] === value);
  } else if (typeof value === 'string') {
    const key = colormapKey(value);
    name =
      names.find((n) => n === key) ??
      (/^\d+$/.test(key) ? names.find((n) => DEPTH_COLORMAPS[n] === Number(key)) : undefined);
  }
  if (name) return { value: name, issues: [] };
  const unsupported = typeof value === 'number' ? UNSUPPORTED[value] : undefined;
  return {
    value: undefined,
    issues: [
      issue(
        'colormap',
        `one of ${names.join(', ')} (or Rerun's values 1–9)`,
        unsupported ? `${value} (${unsupported}, not supported)` : describe(value),
        undefined,
        'turbo used',
      ),
    ],
  };
}

/** `[min, max]` or "min max" of finite numbers with min ≠ max. */
export function parseDepthRange(value: unknown): {
  value: [number, number] | undefined;
  issues: GeometryIssue[];
} {
  if (value === undefined || value === null || value === '')
    return { value: undefined, issues: [] };
  let items: unknown[] = [];
  if (typeof value === 'string')
    items = value
      .trim()
      .split(/[\s,]+/)
      .map(Number);
  else if (Array.isArray(value) || ArrayBuffer.isView(value))
    items = Array.from(value as ArrayLike<unknown>);
  const [a, b] = items;
  if (
    items.length === 2 &&
    typeof a === 'number' &&
    typeof b === 'number' &&
    Number.isFinite(a) &&
    Number.isFinite(b) &&
    a !== b
  ) {
    return { value: [a, b], issues: [] };
  }
  return {
    value: undefined,
    issues: [
      issue(
        'depthRange',
        'two different finite numbers "min max"',
        describe(value),
        undefined,
        '[0, largest finite value] used',
      ),
    ],
  };
}

/** The t the shader maps a raw value to: `(v − min) / (max − min)` in f32, saturated. */
export function depthT(value: number, [min, max]: readonly [number, number]): number {
  const f = Math.fround;
  const t = f(f(f(value) - f(min)) / f(f(max) - f(min)));
  return Math.min(1, Math.max(0, t));
}

/**
 * Rerun's hover text after `Depth:` (`picking_ui_pixel.rs`): `raw / meter` metres, printed
 * `"{:.1} mm"` (×1000) below one metre, else `"{:.3} m"`.
 */
export function formatDepth(raw: number, meter: number): string {
  const metres = raw / meter;
  return metres < 1 ? `${(metres * 1000).toFixed(1)} mm` : `${metres.toFixed(3)} m`;
}

const TURBO = {
  r: [0.13572138, 4.6153926, -42.66032258, 132.13108234, -152.94239396, 59.28637943],
  g: [0.09140261, 2.19418839, 4.84296658, -14.18503333, 4.27729857, 2.82956604],
  b: [0.1066733, 12.64194608, -60.58204836, 110.36276771, -89.90310912, 27.34824973],
};

/** `dot(v4, c4) + dot(v2, c2)` in f32, as the shader evaluates it. */
function poly(c: readonly number[], t: number): number {
  const f = Math.fround;
  const t2 = f(t * t);
  const t3 = f(t2 * t);
  const t4 = f(t3 * t);
  const t5 = f(t4 * t);
  const d4 = f(f(f(f(c[0]!) + f(f(c[1]!) * t)) + f(f(c[2]!) * t2)) + f(f(c[3]!) * t3));
  const d2 = f(f(f(c[4]!) * t4) + f(f(c[5]!) * t5));
  return f(d4 + d2);
}

/**
 * Google's Turbo polynomial (`colormap_turbo_srgba`, `colormap.wgsl`) at t, as sRGB 0…1,
 * unclamped (B at t = 1 is slightly negative).
 */
export function turboColormap(t: number): [number, number, number] {
  const tt = Math.fround(Math.min(1, Math.max(0, t)));
  return [poly(TURBO.r, tt), poly(TURBO.g, tt), poly(TURBO.b, tt)];
}

/** The bytes Turbo shows at t: `round(255 · clamp(p, 0, 1))` per channel. */
export function turboBytes(t: number): [number, number, number] {
  return turboColormap(t).map((p) => Math.round(255 * Math.min(1, Math.max(0, p)))) as [
    number,
    number,
    number,
  ];
}

/**
 * Rerun's value statistics and the range / sRGB heuristics built on them (SPEC §2.2–§2.5):
 * `image_stats.rs` and `gpu_bridge/mod.rs::data_range_heuristic`,
 * `image_decode_srgb_gamma_heuristic`. Pure functions over samples; no GL.
 */
import { isFloatDatatype, type ChannelDatatypeName } from './image-format.js';

/** Min/max over every sample (all channels, alpha too). */
export interface ValueStats {
  /** Min/max ignoring NaN (±inf included); undefined for an image without non-NaN samples. */
  range: [number, number] | undefined;
  /** Min/max ignoring NaN and ±inf; the datatype's limits when no sample is finite. */
  finiteRange: [number, number];
}

/** Any array of samples: numbers, or bigints for 64-bit integers. */
export type Samples = ArrayLike<number> | BigInt64Array | BigUint64Array;

/** Smallest and largest value a datatype holds (F16/F32 as their largest finite values). */
export function datatypeLimits(dt: ChannelDatatypeName): [number, number] {
  switch (dt) {
    case 'U8':
      return [0, 255];
    case 'I8':
      return [-128, 127];
    case 'U16':
      return [0, 65535];
    case 'I16':
      return [-32768, 32767];
    case 'U32':
      return [0, 4294967295];
    case 'I32':
      return [-2147483648, 2147483647];
    case 'U64':
      return [0, 2 ** 64 - 1];
    case 'I64':
      return [-(2 ** 63), 2 ** 63 - 1];
    case 'F16':
      return [-65504, 65504];
    case 'F32':
      return [-3.4028234663852886e38, 3.4028234663852886e38];
    case 'F64':
      return [-Number.MAX_VALUE, Number.MAX_VALUE];
  }
}

/** Statistics of samples of one datatype (SPEC §2.2). */
export function valueStats(samples: Samples, dt: ChannelDatatypeName): ValueStats {
  let min = Infinity;
  let max = -Infinity;
  let finiteMin = Infinity;
  let finiteMax = -Infinity;
  let any = false;
  if (samples instanceof BigInt64Array || samples instanceof BigUint64Array) {
    // 64-bit integers: compare exactly as bigints, convert only the two extremes.
    let lo: bigint | undefined;
    let hi: bigint | undefined;
    for (let i = 0; i < samples.length; i++) {
      const v = samples[i];
      if (lo === undefined || v < lo) lo = v;
      if (hi === undefined || v > hi) hi = v;
    }
    if (lo === undefined || hi === undefined)
      return { range: undefined, finiteRange: datatypeLimits(dt) };
    const r: [number, number] = [Number(lo), Number(hi)];
    return { range: r, finiteRange: [...r] };
  }
  const n = samples.length;
  if (isFloatDatatype(dt)) {
    for (let i = 0; i < n; i++) {
      const v = samples[i];
      if (v !== v) continue; // NaN
      any = true;
      if (v < min) min = v;
      if (v > max) max = v;
      if (v !== Infinity && v !== -Infinity) {
        if (v < finiteMin) finiteMin = v;
        if (v > finiteMax) finiteMax = v;
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = samples[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    any = n > 0;
    finiteMin = min;
    finiteMax = max;
  }
  return {
    range: any ? [min, max] : undefined,
    finiteRange: finiteMin <= finiteMax ? [finiteMin, finiteMax] : datatypeLimits(dt),
  };
}

/**
 * What Rerun's heuristics need to know before the exact range: whether every finite sample
 * lies in [0, 255] (then the range is a constant and the samples are sRGB-encoded, SPEC
 * §2.3–§2.4). The walk stops at the first finite sample outside, which for data that is not
 * 8-bit-like (depth, HDR, U16 sensors) is one of the first few; only then is the exact range
 * needed, and that is computed on the GPU (render/gpu-range.ts).
 *
 * Returns the heuristics' result when the walk settles them (`range` set), else `outside`.
 */
export function srgbRangeCheck(
  samples: ArrayLike<number>,
  isFloat: boolean,
  dt: ChannelDatatypeName,
): { outside: true } | { outside: false; range: [number, number]; decodeSrgb: boolean } {
  const n = samples.length;
  let unit = true;
  let finite = false;
  for (let i = 0; i < n; i++) {
    const v = samples[i]!;
    if (v < 0 || v > 255) {
      if (v === Infinity || v === -Infinity) continue;
      return { outside: true };
    }
    if (v === v) {
      finite = true;
      if (v > 1) unit = false;
    }
  }
  if (!finite) {
    // No finite sample: the datatype's limits, as valueStats gives them.
    const limits = datatypeLimits(dt);
    return { outside: false, range: dataRangeHeuristic(limits, isFloat), decodeSrgb: false };
  }
  return { outside: false, range: isFloat && unit ? [0, 1] : [0, 255], decodeSrgb: true };
}

/** Rerun's `data_range_heuristic` on the finite range (SPEC §2.3). */
export function dataRangeHeuristic(
  [min, max]: readonly [number, number],
  isFloat: boolean,
): [number, number] {
  if (isFloat && min >= 0 && max <= 1) return [0, 1];
  if (min >= 0 && max <= 255) return [0, 255];
  // A uniform image would divide by zero: widen so it shows mid gray.
  if (min === max) return [min - 1, max + 1];
  return [min, max];
}

/** Rerun's `image_decode_srgb_gamma_heuristic` for non-U8 data (SPEC §2.4). */
export function decodeSrgbHeuristic(
  [min, max]: readonly [number, number],
  isFloat: boolean,
): boolean {
  if (min >= 0 && max <= 255) return true;
  return isFloat && min >= 0 && max <= 1;
}

/** Parses a `value-range` attribute: two finite numbers, `"min max"` (commas allowed), min ≠ max. */
export function parseValueRange(value: unknown): [number, number] | undefined {
  if (value == null || value === '') return undefined;
  const parts = Array.isArray(value)
    ? value.map(Number)
    : String(value)
        .trim()
        .split(/[\s,]+/)
        .map(Number);
  if (parts.length !== 2 || !parts.every(Number.isFinite) || parts[0] === parts[1]) {
    throw new RangeError(
      `expected value-range as two different numbers "min max", got ${JSON.stringify(value)}`,
    );
  }
  return [parts[0], parts[1]];
}

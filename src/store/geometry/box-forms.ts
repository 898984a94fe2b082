/**
 * Boxes2D construction forms (SPEC §12.1.1): Rerun stores only `half_sizes` and `centers`, and
 * its SDKs convert every other form when logging. These are the Python SDK's rules
 * (`boxes2d_ext.py`): `sizes` xor `halfSizes`; `mins` needs one of them and excludes
 * `centers`; `array` + `arrayFormat` excludes all four. One deliberate difference: an all-zero
 * `array` is one zero box here, not zero boxes (numpy's `np.any` quirk).
 */
import { describe, issue } from './issues.js';
import { parseVec2List, type Parsed } from './parse.js';
import type { Box2DFormat, GeometryIssue } from './types.js';

export const BOX2D_FORMATS: readonly Box2DFormat[] = [
  'XYWH',
  'YXHW',
  'XYXY',
  'YXYX',
  'XCYCWH',
  'XCYCW2H2',
];

/** Reads an `array-format` value (case-insensitive), or undefined with an issue. */
export function parseBox2DFormat(value: unknown): Parsed<Box2DFormat> {
  if (value === undefined || value === null) return { value: undefined, issues: [], bad: [] };
  const name = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if ((BOX2D_FORMATS as readonly string[]).includes(name)) {
    return { value: name as Box2DFormat, issues: [], bad: [] };
  }
  return {
    value: undefined,
    issues: [issue('arrayFormat', `one of ${BOX2D_FORMATS.join(', ')}`, describe(value))],
    bad: [],
  };
}

/** One box `[a, b, c, d]` in `format` → centre and half size. */
export function boxFromFormat(
  format: Box2DFormat,
  a: number,
  b: number,
  c: number,
  d: number,
): { center: [number, number]; half: [number, number] } {
  switch (format) {
    case 'XYWH':
      return { center: [a + c / 2, b + d / 2], half: [c / 2, d / 2] };
    case 'YXHW':
      return { center: [b + d / 2, a + c / 2], half: [d / 2, c / 2] };
    case 'XYXY': {
      const center: [number, number] = [(a + c) / 2, (b + d) / 2];
      return { center, half: [c - center[0], d - center[1]] };
    }
    case 'YXYX': {
      const center: [number, number] = [(b + d) / 2, (a + c) / 2];
      return { center, half: [d - center[0], c - center[1]] };
    }
    case 'XCYCWH':
      return { center: [a, b], half: [c / 2, d / 2] };
    case 'XCYCW2H2':
      return { center: [a, b], half: [c, d] };
  }
}

/** What {@link boxesFromForms} returns: Rerun's two components plus problems. */
export interface BoxComponents {
  halfSizes: Float32Array | undefined;
  centers: Float32Array | undefined;
  issues: GeometryIssue[];
  /** Box indices whose geometry could not be read. */
  bad: number[];
}

export interface BoxFormsInput {
  halfSizes?: unknown;
  centers?: unknown;
  sizes?: unknown;
  mins?: unknown;
  array?: unknown;
  arrayFormat?: unknown;
}

/** `array`: a flat numeric array (length a multiple of 4), 4-number boxes, or a string. */
function parseBoxArray(value: unknown): Parsed<Float64Array> {
  const out: Parsed<Float64Array> = { value: undefined, issues: [], bad: [] };
  let flat: ArrayLike<unknown>;
  if (typeof value === 'string') {
    flat = value
      .split(/[\s,;]+/)
      .filter((t) => t !== '')
      .map((t) => (Number.isNaN(Number(t)) && t.toLowerCase() !== 'nan' ? t : Number(t)));
  } else if (Array.isArray(value) && value.length > 0 && Array.isArray(value[0])) {
    const rows = value as unknown[];
    const bad = rows.flatMap((r, i) => (Array.isArray(r) && r.length === 4 ? [] : [i]));
    if (bad.length) {
      out.issues.push(issue('array', 'boxes of 4 numbers', describe(rows[bad[0]!]), bad));
    }
    flat = rows.flatMap((r) => (Array.isArray(r) && r.length === 4 ? r : [NaN, NaN, NaN, NaN]));
    out.bad = bad;
  } else if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    flat = value as ArrayLike<unknown>;
  } else {
    out.issues.push(issue('array', 'an array of 4-number boxes', describe(value)));
    return out;
  }
  const n = Math.floor(flat.length / 4);
  if (flat.length % 4 !== 0) {
    out.issues.push(
      issue(
        'array',
        'a length that is a multiple of 4 (one box = 4 numbers)',
        `${flat.length} numbers`,
        undefined,
        `the last ${flat.length % 4} dropped`,
      ),
    );
  }
  const result = new Float64Array(n * 4);
  for (let i = 0; i < n * 4; i++) {
    const v = flat[i];
    if (typeof v === 'number') result[i] = v;
    else {
      result[i] = NaN;
      if (!out.bad.includes(i >> 2)) out.bad.push(i >> 2);
    }
  }
  if (out.bad.length && !out.issues.some((p) => p.instances)) {
    const at = flat[out.bad[0]! * 4];
    out.issues.push(issue('array', 'numbers', describe(at), out.bad));
  }
  out.value = result;
  return out;
}

/** Two f32 pairs arrays: element i of `b` clamped to its last (SPEC §12.2). */
function clampedAt(values: Float32Array, i: number): [number, number] {
  const n = values.length / 2;
  const j = Math.min(i, n - 1);
  return [values[2 * j]!, values[2 * j + 1]!];
}

/**
 * Every Boxes2D construction form → `halfSizes` + `centers` (centers undefined = all (0, 0)).
 * Conflicting forms are reported and the stronger one is used (array > halfSizes > sizes;
 * centers > mins).
 */
export function boxesFromForms(input: BoxFormsInput): BoxComponents {
  const issues: GeometryIssue[] = [];
  const bad = new Set<number>();
  const given = (v: unknown) => v !== undefined && v !== null;

  if (given(input.array)) {
    for (const other of ['halfSizes', 'sizes', 'mins', 'centers'] as const) {
      if (given(input[other])) {
        issues.push(issue(other, `no ${other} together with array`, describe(input[other])));
      }
    }
    const format = parseBox2DFormat(input.arrayFormat ?? undefined);
    issues.push(...format.issues);
    if (!given(input.arrayFormat)) {
      issues.push(issue('arrayFormat', `one of ${BOX2D_FORMATS.join(', ')} with array`, 'nothing'));
    }
    const array = parseBoxArray(input.array);
    issues.push(...array.issues);
    if (!format.value || !array.value) {
      return { halfSizes: undefined, centers: undefined, issues, bad: [] };
    }
    const n = array.value.length / 4;
    const halfSizes = new Float32Array(n * 2);
    const centers = new Float32Array(n * 2);
    const a = array.value;
    for (let i = 0; i < n; i++) {
      const { center, half } = boxFromFormat(
        format.value,
        a[4 * i]!,
        a[4 * i + 1]!,
        a[4 * i + 2]!,
        a[4 * i + 3]!,
      );
      centers.set(center, 2 * i);
      halfSizes.set(half, 2 * i);
    }
    return { halfSizes, centers, issues, bad: array.bad };
  }

  if (given(input.arrayFormat)) {
    issues.push(issue('arrayFormat', 'array with it', 'no array', undefined, 'ignored'));
  }

  let halfSizes: Float32Array | undefined;
  if (given(input.halfSizes)) {
    const parsed = parseVec2List(input.halfSizes, 'halfSizes');
    issues.push(...parsed.issues);
    parsed.bad.forEach((i) => bad.add(i));
    halfSizes = parsed.value;
    if (given(input.sizes)) {
      issues.push(
        issue('sizes', 'sizes or halfSizes, not both', 'both', undefined, 'sizes ignored'),
      );
    }
  } else if (given(input.sizes)) {
    const parsed = parseVec2List(input.sizes, 'sizes');
    issues.push(...parsed.issues);
    parsed.bad.forEach((i) => bad.add(i));
    halfSizes = parsed.value?.map((v) => v / 2);
  }

  let centers: Float32Array | undefined;
  if (given(input.centers)) {
    const parsed = parseVec2List(input.centers, 'centers');
    issues.push(...parsed.issues);
    centers = parsed.value;
    if (centers && halfSizes)
      markClamped(parsed.bad, centers.length / 2, halfSizes.length / 2, bad);
    if (given(input.mins)) {
      issues.push(issue('mins', 'mins or centers, not both', 'both', undefined, 'mins ignored'));
    }
  } else if (given(input.mins)) {
    const parsed = parseVec2List(input.mins, 'mins');
    issues.push(...parsed.issues);
    if (!halfSizes) {
      issues.push(issue('mins', 'sizes or halfSizes with mins', 'neither'));
    } else if (parsed.value && parsed.value.length > 0) {
      markClamped(parsed.bad, parsed.value.length / 2, halfSizes.length / 2, bad);
      const n = halfSizes.length / 2;
      centers = new Float32Array(n * 2);
      for (let i = 0; i < n; i++) {
        const [mx, my] = clampedAt(parsed.value, i);
        centers[2 * i] = mx + halfSizes[2 * i]!;
        centers[2 * i + 1] = my + halfSizes[2 * i + 1]!;
      }
    }
  }
  if (!halfSizes && !issues.length) {
    issues.push(issue('halfSizes', 'halfSizes, sizes, or array with arrayFormat', 'none of them'));
  }
  return { halfSizes, centers, issues, bad: [...bad].sort((x, y) => x - y) };
}

/** Bad entries of a clamped per-instance array → the instances (of `n`) that use them. */
export function markClamped(
  badEntries: readonly number[],
  length: number,
  n: number,
  into: Set<number>,
): void {
  for (const j of badEntries) {
    if (j < length - 1) {
      if (j < n) into.add(j);
    } else {
      for (let i = j; i < n; i++) into.add(i);
    }
  }
}

/**
 * Reading one geometry field from any input form API.md allows (properties, `log()` values,
 * attribute strings) into Rerun's component representation. Parsers never throw: what cannot
 * be read becomes an issue, and the instances it spoils are named in `bad` so the resolvers
 * leave them out while the rest draws.
 */
import { parseColor } from '../annotation-context.js';
import { describe, issue } from './issues.js';
import type { GeometryIssue } from './types.js';

/** A parsed field: its value (undefined = absent or unusable), issues, spoiled instances. */
export interface Parsed<T> {
  value: T | undefined;
  issues: GeometryIssue[];
  /** Instance indices whose value could not be read (in the field's own indexing). */
  bad: number[];
}

const none = <T>(): Parsed<T> => ({ value: undefined, issues: [], bad: [] });

/** Tokens separated by spaces and/or commas: numbers, or the token itself where it is none. */
function numbersOf(text: string): Array<number | string> {
  return text
    .split(/[\s,]+/)
    .filter((t) => t !== '')
    .map((t) => {
      const n = Number(t);
      return Number.isNaN(n) && t.toLowerCase() !== 'nan' ? t : n;
    });
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return (
    Array.isArray(value) ||
    (ArrayBuffer.isView(value) && !(value instanceof DataView)) ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { length?: unknown }).length === 'number')
  );
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

const PAIRS = 'an even count of numbers (x y pairs), a flat numeric array or [x, y] pairs';

/**
 * 2D vectors: a flat numeric array (typed or not), an array of `[x, y]` pairs, or a string of
 * numbers separated by spaces/commas. An odd trailing number is dropped; a pair that is not
 * two numbers spoils its instance (stored as NaN).
 */
export function parseVec2List(value: unknown, field: string): Parsed<Float32Array> {
  if (value === undefined || value === null) return none();
  const out: Parsed<Float32Array> = { value: undefined, issues: [], bad: [] };
  let flat: ArrayLike<unknown>;
  if (typeof value === 'string') {
    const tokens = numbersOf(value);
    if (tokens.length > 0 && tokens.every((t) => typeof t === 'string')) {
      out.issues.push(issue(field, PAIRS, describe(value)));
      return out;
    }
    flat = tokens;
  } else if (value instanceof Float32Array) {
    flat = value;
  } else if (isArrayLike(value)) {
    const first = value.length > 0 ? value[0] : undefined;
    if (Array.isArray(value) && value.length > 0 && isArrayLike(first)) {
      // [x, y] pairs.
      const result = new Float32Array(value.length * 2);
      const bad: number[] = [];
      for (let i = 0; i < value.length; i++) {
        const pair = value[i];
        const x = isArrayLike(pair) && pair.length === 2 ? toNumber(pair[0]) : undefined;
        const y = isArrayLike(pair) && pair.length === 2 ? toNumber(pair[1]) : undefined;
        if (x === undefined || y === undefined) {
          bad.push(i);
          result[2 * i] = result[2 * i + 1] = NaN;
        } else {
          result[2 * i] = x;
          result[2 * i + 1] = y;
        }
      }
      if (bad.length) {
        out.issues.push(issue(field, 'each pair as [x, y] numbers', describe(value[bad[0]!]), bad));
        out.bad = bad;
      }
      out.value = result;
      return out;
    }
    flat = value;
  } else {
    out.issues.push(issue(field, PAIRS, describe(value)));
    return out;
  }
  const n = Math.floor(flat.length / 2);
  if (flat.length % 2 !== 0) {
    out.issues.push(
      issue(field, PAIRS, `${flat.length} numbers`, undefined, 'the last number dropped'),
    );
  }
  const result = new Float32Array(n * 2);
  for (let i = 0; i < n * 2; i++) {
    const v = toNumber(flat[i]);
    if (v === undefined) {
      const instance = i >> 1;
      if (out.bad[out.bad.length - 1] !== instance) out.bad.push(instance);
      result[i] = NaN;
    } else {
      result[i] = v;
    }
  }
  if (out.bad.length) {
    const at = out.bad[0]! * 2;
    out.issues.push(
      issue(
        field,
        'numbers',
        describe(toNumber(flat[at]) === undefined ? flat[at] : flat[at + 1]),
        out.bad,
      ),
    );
  }
  out.value = result;
  return out;
}

/**
 * Line strips: an array of strips, each any {@link parseVec2List} form, or a string with `;`
 * between strips. An array of `[x, y]` pairs (numpy shape (N, 2)) is one strip, as in
 * Rerun's Python SDK. A strip that cannot be read is empty (draws nothing) and spoiled.
 */
export function parseStrips(value: unknown, field = 'strips'): Parsed<Float32Array[]> {
  if (value === undefined || value === null) return none();
  const out: Parsed<Float32Array[]> = { value: [], issues: [], bad: [] };
  let items: unknown[];
  if (typeof value === 'string') {
    items = value.split(';').filter((s) => s.trim() !== '');
  } else if (value instanceof Float32Array || !isArrayLike(value)) {
    items = [value];
  } else {
    items = Array.from(value);
    const isPairs =
      items.length > 0 &&
      items.every(
        (p) =>
          isArrayLike(p) &&
          p.length === 2 &&
          toNumber(p[0]) !== undefined &&
          toNumber(p[1]) !== undefined,
      );
    if (isPairs) items = [items];
    else if (items.length > 0 && items.every((p) => toNumber(p) !== undefined)) items = [value];
  }
  items.forEach((item, i) => {
    const strip = parseVec2List(item, field);
    if (strip.value === undefined || strip.bad.length) {
      const got = strip.issues[0]?.got ?? describe(item);
      out.issues.push(issue(field, `strip ${i} as ${PAIRS}`, got, [i]));
      out.bad.push(i);
      out.value!.push(new Float32Array(0));
      return;
    }
    if (strip.issues.length) {
      const got = strip.issues[0]!.got;
      out.issues.push(
        issue(field, `strip ${i} as ${PAIRS}`, got, undefined, 'its last number dropped'),
      );
    }
    out.value!.push(strip.value);
  });
  return out;
}

/** How the numbers of a scalar field are checked. */
export type ScalarKind = 'f32' | 'u16';

/**
 * One number or one per instance: a number, a numeric array (typed or not), or a string of
 * numbers. `u16` fields (class ids, keypoint ids) take integers 0–65535; anything else spoils
 * its instance. Finiteness of `f32` fields is the resolver's business (NaN radii).
 */
export function parseScalars(value: unknown, field: string, kind: 'u16'): Parsed<Uint16Array>;
export function parseScalars(value: unknown, field: string, kind: 'f32'): Parsed<Float32Array>;
export function parseScalars(
  value: unknown,
  field: string,
  kind: ScalarKind,
): Parsed<Uint16Array | Float32Array> {
  if (value === undefined || value === null) return none();
  const out: Parsed<Uint16Array | Float32Array> = { value: undefined, issues: [], bad: [] };
  let items: ArrayLike<unknown>;
  if (typeof value === 'number' || typeof value === 'bigint') items = [value];
  else if (typeof value === 'string') {
    const tokens = numbersOf(value);
    items = tokens;
    if (tokens.length > 0 && tokens.every((t) => typeof t === 'string')) {
      // Not one number in it: a wrong value, not wrong entries.
      out.issues.push(
        issue(field, kind === 'u16' ? 'integers 0–65535' : 'numbers', describe(value)),
      );
      return out;
    }
  } else if (isArrayLike(value)) items = value;
  else {
    out.issues.push(
      issue(
        field,
        kind === 'u16'
          ? 'integers 0–65535, one or one per instance'
          : 'numbers, one or one per instance',
        describe(value),
      ),
    );
    return out;
  }
  const result = kind === 'u16' ? new Uint16Array(items.length) : new Float32Array(items.length);
  let firstBad: unknown;
  for (let i = 0; i < items.length; i++) {
    const v = toNumber(items[i]);
    const ok = v !== undefined && (kind === 'f32' || (Number.isInteger(v) && v >= 0 && v <= 65535));
    if (!ok) {
      if (out.bad.length === 0) firstBad = items[i];
      out.bad.push(i);
    } else result[i] = v;
  }
  if (out.bad.length) {
    out.issues.push(
      issue(field, kind === 'u16' ? 'integers 0–65535' : 'numbers', describe(firstBad), out.bad),
    );
  }
  out.value = result;
  return out;
}

/** A colour as Rerun's packed `0xRRGGBBAA` (straight alpha), or undefined. */
function packedColor(value: unknown): number | undefined {
  try {
    const [r, g, b, a] = parseColor(value);
    return ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
  } catch {
    return undefined;
  }
}

/** `[r, g, b]` or `[r, g, b, a]` of numbers that read as one colour. */
function isOneColor(value: ArrayLike<unknown>): boolean {
  if (value.length !== 3 && value.length !== 4) return false;
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (typeof v !== 'number' || v < 0 || v > 255) return false;
  }
  return true;
}

const COLORS =
  'colours ([r, g, b(, a)], #rrggbb(aa), CSS names, 0xRRGGBBAA), one or one per instance';

/**
 * One colour or one per instance, as Rerun's Color (packed `0xRRGGBBAA`): any colour form of
 * `<rr-annotation-context>`; a `Uint32Array` of packed colours; a `Uint8Array` of RGBA bytes;
 * an attribute string of colours separated by spaces or `;` (`"#f00 #0f0"`, `"255 0 0"`).
 */
export function parseColors(value: unknown, field = 'colors'): Parsed<Uint32Array> {
  if (value === undefined || value === null) return none();
  const out: Parsed<Uint32Array> = { value: undefined, issues: [], bad: [] };
  let items: ArrayLike<unknown>;
  if (value instanceof Uint32Array) {
    out.value = value;
    return out;
  }
  if (value instanceof Uint8Array || value instanceof Uint8ClampedArray) {
    const n = Math.floor(value.length / 4);
    if (value.length % 4 !== 0) {
      out.issues.push(
        issue(
          field,
          'RGBA bytes, 4 per colour',
          `${value.length} bytes`,
          undefined,
          'the last bytes dropped',
        ),
      );
    }
    const result = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const at = i * 4;
      result[i] =
        ((value[at]! << 24) | (value[at + 1]! << 16) | (value[at + 2]! << 8) | value[at + 3]!) >>>
        0;
    }
    out.value = result;
    return out;
  }
  if (typeof value === 'string') {
    const text = value.trim();
    const numeric = /^[\d.\s,]+$/.test(text) ? numbersOf(text) : undefined;
    if (numeric && isOneColor(numeric)) items = [numeric];
    else if (text.includes(';'))
      items = text
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s);
    else items = text.split(/\s+/).filter((s) => s);
    items = Array.from(items, (s) =>
      typeof s !== 'string'
        ? s
        : /^0x[0-9a-f]+$/i.test(s)
          ? Number(s)
          : /^[\d.\s,]+$/.test(s)
            ? numbersOf(s)
            : s,
    );
  } else if (typeof value === 'number') {
    items = [value];
  } else if (isArrayLike(value)) {
    items = isOneColor(value) ? [value] : value;
  } else {
    out.issues.push(issue(field, COLORS, describe(value)));
    return out;
  }
  const result = new Uint32Array(items.length);
  let firstBad: unknown;
  for (let i = 0; i < items.length; i++) {
    const packed = packedColor(items[i]);
    if (packed === undefined) {
      if (out.bad.length === 0) firstBad = items[i];
      out.bad.push(i);
    } else result[i] = packed;
  }
  if (typeof value === 'string' && out.bad.length === items.length) {
    // Not one colour in the string: the value is wrong, not its entries.
    return { value: undefined, issues: [issue(field, COLORS, describe(value))], bad: [] };
  }
  if (out.bad.length) out.issues.push(issue(field, 'colours', describe(firstBad), out.bad));
  out.value = result;
  return out;
}

/**
 * Texts: one string (for the whole entity when there are several instances) or one per
 * instance. A non-string entry shows no label (no instance is left out for a label).
 */
export function parseTexts(value: unknown, field = 'labels'): Parsed<string[]> {
  if (value === undefined || value === null) return none();
  if (typeof value === 'string') return { value: [value], issues: [], bad: [] };
  if (!Array.isArray(value)) {
    return {
      value: undefined,
      issues: [issue(field, 'a text or an array of texts', describe(value))],
      bad: [],
    };
  }
  const wrong = value.findIndex((v) => typeof v !== 'string');
  const issues =
    wrong < 0
      ? []
      : [issue(field, 'texts', `${describe(value[wrong])} at ${wrong}`, undefined, 'not shown')];
  return { value: value.map((v) => (typeof v === 'string' ? v : '')), issues, bad: [] };
}

/** A boolean: `true`/`false`, or the attribute strings "true"/"false" ("" = present = true). */
export function parseBoolean(value: unknown, field: string): Parsed<boolean> {
  if (value === undefined || value === null) return none();
  if (typeof value === 'boolean') return { value, issues: [], bad: [] };
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true' || text === '') return { value: true, issues: [], bad: [] };
    if (text === 'false') return { value: false, issues: [], bad: [] };
  }
  return { value: undefined, issues: [issue(field, 'true or false', describe(value))], bad: [] };
}

/** One finite number (a number or a numeric string). */
export function parseNumber(value: unknown, field: string): Parsed<number> {
  if (value === undefined || value === null || value === '') return none();
  const n = typeof value === 'string' ? Number(value.trim()) : toNumber(value);
  if (n !== undefined && Number.isFinite(n)) return { value: n, issues: [], bad: [] };
  return { value: undefined, issues: [issue(field, 'a finite number', describe(value))], bad: [] };
}

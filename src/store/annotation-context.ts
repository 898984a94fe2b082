/**
 * Annotation contexts (SPEC §1.2, §3.2, §4): parsing every form Rerun's Python SDK accepts (and
 * the colour forms API.md adds) into one normalised shape, and resolving a class id to its
 * label and colour. Pure data: no DOM, no GL.
 */
import { autoColor, type Rgba8 } from './auto-color.js';
import { cssColorBytes } from './css-color.js';
import { registerNormalizers } from './components/normalize.js';

/** Rerun's AnnotationInfo: a class or keypoint id with an optional label and colour. */
export interface AnnotationInfo {
  id: number;
  label?: string;
  /** sRGB bytes with straight (unmultiplied) alpha, as Rerun's Rgba32. */
  color?: Rgba8;
}

/** Rerun's ClassDescription. */
export interface ClassDescription {
  info: AnnotationInfo;
  keypoints: AnnotationInfo[];
  /** Pairs of keypoint ids. */
  connections: Array<[number, number]>;
}

/** A parsed annotation context: class id → description. */
export interface AnnotationContextData {
  readonly classes: ReadonlyMap<number, ClassDescription>;
}

/** A form or value in an annotation context that cannot be read; the message names the entry. */
export class AnnotationContextError extends Error {
  override name = 'AnnotationContextError';
}

const parsed = new WeakSet<object>();

/** True for a value returned by {@link parseAnnotationContext}. */
export function isAnnotationContextData(value: unknown): value is AnnotationContextData {
  return typeof value === 'object' && value !== null && parsed.has(value);
}

function show(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 80 ? text.slice(0, 77) + '…' : text;
  } catch {
    return String(value);
  }
}

function byte(value: unknown, float: boolean): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  // Rerun's Python SDK reads float colours as 0–1 (rgba32_ext.py).
  const v = float ? Math.round(value * 255) : value;
  return Number.isInteger(v) && v >= 0 && v <= 255 ? v : undefined;
}

/**
 * A colour as sRGB bytes with straight alpha: `[r, g, b]`, `[r, g, b, a]` (0–255, or 0–1
 * floats), `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, a CSS colour name, or a packed
 * `0xRRGGBBAA` number. Throws a message saying what came.
 */
export function parseColor(value: unknown): Rgba8 {
  if (Array.isArray(value)) {
    if (value.length === 3 || value.length === 4) {
      const float = value.some((v) => typeof v === 'number' && !Number.isInteger(v));
      const bytes = value.map((v) => byte(v, float));
      if (bytes.every((b) => b !== undefined)) {
        return [bytes[0]!, bytes[1]!, bytes[2]!, bytes.length === 4 ? bytes[3]! : 255];
      }
    }
    throw new AnnotationContextError(
      `expected a colour [r, g, b] or [r, g, b, a] of 0–255, got ${show(value)}`,
    );
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0 && value <= 0xffffffff) {
      return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
    }
    throw new AnnotationContextError(`expected a packed 0xRRGGBBAA colour, got ${show(value)}`);
  }
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text);
    if (hex) {
      let digits = hex[1]!;
      if (digits.length <= 4) digits = [...digits].map((d) => d + d).join('');
      if (digits.length === 6) digits += 'ff';
      const n = parseInt(digits, 16);
      return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    }
    if (text === 'transparent') return [0, 0, 0, 0];
    // Colour names only: functional forms (`rgb(…)`) are not among the forms API.md lists.
    const named = /^[a-z]+$/.test(text) ? cssColorBytes(text) : undefined;
    if (named !== undefined) return named;
    throw new AnnotationContextError(
      `expected a colour (#rrggbb, #rrggbbaa, a CSS colour name, …), got ${show(value)}`,
    );
  }
  throw new AnnotationContextError(`expected a colour, got ${show(value)}`);
}

function parseId(value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff)
    return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return parseId(Number(value), what);
  throw new AnnotationContextError(
    `expected ${what} to be a non-negative integer, got ${show(value)}`,
  );
}

function parseLabel(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  throw new AnnotationContextError(`expected a text label, got ${show(value)}`);
}

/** `id`, `[id]`, `[id, label]`, `[id, label, color]` or `{id, label?, color?}`. */
function parseInfo(value: unknown, what: string): AnnotationInfo {
  let id: unknown;
  let label: unknown;
  let color: unknown;
  if (typeof value === 'number' || typeof value === 'string') {
    id = value;
  } else if (Array.isArray(value)) {
    if (value.length < 1 || value.length > 3) {
      throw new AnnotationContextError(
        `expected ${what} as [id, label?, color?], got ${show(value)}`,
      );
    }
    [id, label, color] = value;
  } else if (typeof value === 'object' && value !== null) {
    ({ id, label, color } = value as Record<string, unknown>);
  } else {
    throw new AnnotationContextError(
      `expected ${what} as id, [id, label, color] or {id, label, color}, got ${show(value)}`,
    );
  }
  const info: AnnotationInfo = { id: parseId(id, `the id of ${what}`) };
  const text = parseLabel(label);
  if (text !== undefined) info.label = text;
  if (color !== undefined && color !== null) info.color = parseColor(color);
  return info;
}

function parseConnection(value: unknown): [number, number] {
  if (Array.isArray(value) && value.length === 2)
    return [parseId(value[0], 'a keypoint id'), parseId(value[1], 'a keypoint id')];
  if (typeof value === 'object' && value !== null) {
    const pair = value as Record<string, unknown>;
    return [parseId(pair.keypoint0, 'keypoint0'), parseId(pair.keypoint1, 'keypoint1')];
  }
  throw new AnnotationContextError(`expected a keypoint connection [a, b], got ${show(value)}`);
}

function parseClass(value: unknown, index: number): ClassDescription {
  const where = `class entry ${index} (${show(value)})`;
  try {
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'info' in value) {
      const entry = value as Record<string, unknown>;
      const keypoints = entry.keypointAnnotations ?? entry.keypoint_annotations ?? [];
      const connections = entry.keypointConnections ?? entry.keypoint_connections ?? [];
      if (!Array.isArray(keypoints))
        throw new AnnotationContextError(
          `expected keypointAnnotations to be a list, got ${show(keypoints)}`,
        );
      if (!Array.isArray(connections))
        throw new AnnotationContextError(
          `expected keypointConnections to be a list, got ${show(connections)}`,
        );
      return {
        info: parseInfo(entry.info, 'info'),
        keypoints: keypoints.map((k, i) => {
          try {
            return parseInfo(k, 'a keypoint');
          } catch (error) {
            throw new AnnotationContextError(`keypoint ${i}: ${(error as Error).message}`);
          }
        }),
        connections: connections.map((c, i) => {
          try {
            return parseConnection(c);
          } catch (error) {
            throw new AnnotationContextError(`connection ${i}: ${(error as Error).message}`);
          }
        }),
      };
    }
    return { info: parseInfo(value, 'a class'), keypoints: [], connections: [] };
  } catch (error) {
    throw new AnnotationContextError(`${where}: ${(error as Error).message}`);
  }
}

/**
 * Reads an annotation context in any form API.md lists: a list of class entries (or one
 * ClassDescription-like object), or an already parsed context. A later entry with the same id
 * replaces an earlier one.
 */
export function parseAnnotationContext(value: unknown): AnnotationContextData {
  if (isAnnotationContextData(value)) return value;
  let entries: unknown[];
  if (Array.isArray(value)) entries = value;
  else if (
    typeof value === 'object' &&
    value !== null &&
    'classes' in value &&
    Array.isArray((value as { classes: unknown }).classes)
  ) {
    entries = (value as { classes: unknown[] }).classes;
  } else if (typeof value === 'object' && value !== null && 'info' in value) {
    // A bare ClassDescription is a context with one class (class_description_ext.py).
    entries = [value];
  } else {
    throw new AnnotationContextError(
      `expected an annotation context as a list of classes, got ${show(value)}`,
    );
  }
  const classes = new Map<number, ClassDescription>();
  entries.forEach((entry, i) => {
    const description = parseClass(entry, i);
    classes.set(description.info.id, description);
  });
  const data: AnnotationContextData = { classes };
  parsed.add(data);
  return data;
}

const cache = new WeakMap<object, AnnotationContextData | AnnotationContextError>();

/** Like {@link parseAnnotationContext}, remembering the result per logged object. */
export function annotationContextOf(value: unknown): AnnotationContextData {
  if (typeof value !== 'object' || value === null) return parseAnnotationContext(value);
  let hit = cache.get(value);
  if (!hit) {
    try {
      hit = parseAnnotationContext(value);
    } catch (error) {
      hit =
        error instanceof AnnotationContextError ? error : new AnnotationContextError(String(error));
    }
    cache.set(value, hit);
  }
  if (hit instanceof AnnotationContextError) throw hit;
  return hit;
}

/** How a class id resolves: its colour and whether it was chosen automatically. */
export interface ResolvedClass {
  label: string | undefined;
  color: Rgba8;
  /** No colour was logged: Rerun's auto colour. */
  auto: boolean;
}

/**
 * SPEC §3.2: the annotated colour; else the auto colour of `info.id` when the class is listed
 * without a colour; else the auto colour of the id itself.
 */
export function resolveClass(
  context: AnnotationContextData | undefined,
  id: number,
): ResolvedClass {
  const description = context?.classes.get(id);
  if (!description) return { label: undefined, color: autoColor(id), auto: true };
  const { info } = description;
  return info.color
    ? { label: info.label, color: info.color, auto: false }
    : { label: info.label, color: autoColor(info.id), auto: true };
}

/** The colour of a class id (SPEC §3.2), sRGB bytes with straight alpha. */
export function resolveClassColor(context: AnnotationContextData | undefined, id: number): Rgba8 {
  return resolveClass(context, id).color;
}

/** A keypoint's colour within its class (SPEC §4.2): keypoint colour, else auto colour of its id. */
export function resolveKeypoint(info: AnnotationInfo): { color: Rgba8; auto: boolean } {
  return info.color
    ? { color: info.color, auto: false }
    : { color: autoColor(info.id), auto: true };
}

/**
 * egui's Color32 from straight sRGB bytes: premultiplied in gamma space (SPEC §3.2), the form
 * Rerun's class-colour table holds.
 */
export function premultiplyGamma([r, g, b, a]: Rgba8): Rgba8 {
  if (a === 255) return [r, g, b, a];
  if (a === 0) return [0, 0, 0, 0];
  return [Math.round((r * a) / 255), Math.round((g * a) / 255), Math.round((b * a) / 255), a];
}

// log(), sendColumns() and the writers store a context parsed (components/normalize.ts).
registerNormalizers({ 'AnnotationContext:context': parseAnnotationContext });

/**
 * INTERIM (issue-14b): a minimal stand-in for issue-14a's geometry store, with the names and
 * signatures of `types.ts`, so the layers can be built and tested before 14a's module lands.
 * Replaced wholesale by issue-14a's `index.ts` on merge.
 */
import { parseColor, premultiplyGamma, resolveClass } from '../annotation-context.js';
import { autoColor, type Rgba8 } from '../auto-color.js';
import type {
  Boxes2DData,
  Boxes2DInput,
  GeometryCommonData,
  GeometryCommonInput,
  GeometryIssue,
  KeypointSegments,
  LineStrips2DData,
  LineStrips2DInput,
  Normalized,
  Points2DData,
  Points2DInput,
  ResolveContext,
  ResolvedBoxes,
  ResolvedCommon,
  ResolvedPoints,
  ResolvedStrips,
  SceneRect,
  Vec2ListInput,
} from './types.js';

export * from './types.js';

function numbers(input: unknown): number[] {
  if (input == null) return [];
  if (typeof input === 'string')
    return input
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number);
  if (typeof input === 'number') return [input];
  const list = Array.from(input as ArrayLike<unknown>);
  return list.flatMap((v) => (Array.isArray(v) ? v.map(Number) : [Number(v)]));
}

const vec2 = (input: Vec2ListInput | undefined) => Float32Array.from(numbers(input));

function common(input: GeometryCommonInput): GeometryCommonData {
  const data: GeometryCommonData = {};
  if (input.radii !== undefined) data.radii = Float32Array.from(numbers(input.radii));
  if (input.classIds !== undefined) data.classIds = Uint16Array.from(numbers(input.classIds));
  if (input.colors !== undefined) {
    const c = input.colors;
    const list = typeof c === 'string' || !Array.isArray(c) || typeof c[0] === 'number' ? [c] : c;
    data.colors = Uint32Array.from(
      list.map((v: unknown) => {
        const [r, g, b, a] = parseColor(v);
        return ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
      }),
    );
  }
  if (input.labels !== undefined)
    data.labels = typeof input.labels === 'string' ? [input.labels] : [...input.labels];
  if (input.showLabels !== undefined) data.showLabels = String(input.showLabels) === 'true';
  if (input.drawOrder !== undefined) data.drawOrder = Number(input.drawOrder);
  return data;
}

function pairs(
  input: Vec2ListInput | undefined,
  field: string,
  attribute: string,
  issues: GeometryIssue[],
) {
  const values = vec2(input);
  if (values.length % 2 === 0) return values;
  const got = `${values.length} numbers`;
  const expected = 'an even count of numbers (x y pairs)';
  issues.push({
    field,
    attribute,
    expected,
    got,
    message: `${attribute}: expected ${expected}, got ${got}`,
  });
  return values.slice(0, values.length - 1);
}

export function normalizePoints2D(input: Points2DInput): Normalized<Points2DData> {
  const issues: GeometryIssue[] = [];
  const data: Points2DData = {
    ...common(input),
    positions: pairs(input.positions, 'positions', 'positions', issues),
  };
  if (input.keypointIds !== undefined)
    data.keypointIds = Uint16Array.from(numbers(input.keypointIds));
  return { data, issues };
}

export function normalizeBoxes2D(input: Boxes2DInput): Normalized<Boxes2DData> {
  const half = input.halfSizes ? vec2(input.halfSizes) : vec2(input.sizes).map((v) => v / 2);
  let centers = input.centers ? vec2(input.centers) : undefined;
  if (input.mins) {
    const mins = vec2(input.mins);
    centers = mins.map((m, i) => m + half[i]!);
  }
  const data: Boxes2DData = { ...common(input), halfSizes: half };
  if (centers) data.centers = centers;
  return { data, issues: [] };
}

export function normalizeLineStrips2D(input: LineStrips2DInput): Normalized<LineStrips2DData> {
  const strips = typeof input.strips === 'string' ? input.strips.split(';') : [...input.strips];
  return { data: { ...common(input), strips: strips.map((s) => vec2(s)) }, issues: [] };
}

function clamp<T extends { length: number }>(array: T | undefined, i: number, per = 1) {
  if (!array || array.length === 0) return undefined;
  return Math.min(i, array.length / per - 1);
}

function resolveCommon(
  data: GeometryCommonData,
  count: number,
  ctx: ResolveContext,
  keypointIds?: Uint16Array,
): Omit<ResolvedCommon, 'drawOrder' | 'region'> {
  const radii = new Float32Array(count);
  const colors = new Uint8Array(count * 4);
  const instances = new Uint32Array(count);
  const classIds = data.classIds?.length ? new Uint16Array(count) : undefined;
  for (let i = 0; i < count; i++) {
    instances[i] = i;
    const r = clamp(data.radii, i);
    radii[i] = r === undefined ? -1.5 : data.radii![r]!;
    const c = clamp(data.colors, i);
    let color: Rgba8;
    if (c !== undefined) {
      const v = data.colors![c]!;
      color = [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
    } else if (classIds) {
      const id = data.classIds![clamp(data.classIds, i)!]!;
      const kp = keypointIds?.length ? keypointIds[clamp(keypointIds, i)!] : undefined;
      const keypoint =
        kp === undefined
          ? undefined
          : ctx.annotations?.classes.get(id)?.keypoints.find((k) => k.id === kp);
      color = keypoint
        ? (keypoint.color ?? autoColor(kp!))
        : resolveClass(ctx.annotations, id).color;
    } else {
      color = autoColor(0);
    }
    if (classIds) classIds[i] = data.classIds![clamp(data.classIds, i)!]!;
    colors.set(premultiplyGamma(color), i * 4);
  }
  const out: Omit<ResolvedCommon, 'drawOrder' | 'region'> = {
    entity: ctx.entity,
    count,
    instances,
    radii,
    colors,
    labels: [],
    issues: [],
  };
  if (classIds) out.classIds = classIds;
  return out;
}

function bbox(xy: Float32Array): SceneRect | undefined {
  if (xy.length < 2) return undefined;
  const r = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (let i = 0; i < xy.length; i += 2) {
    r.x0 = Math.min(r.x0, xy[i]!);
    r.x1 = Math.max(r.x1, xy[i]!);
    r.y0 = Math.min(r.y0, xy[i + 1]!);
    r.y1 = Math.max(r.y1, xy[i + 1]!);
  }
  return r;
}

export function resolvePoints2D(data: Points2DData, ctx: ResolveContext): ResolvedPoints {
  const count = data.positions.length >> 1;
  const base = resolveCommon(data, count, ctx, data.keypointIds);
  const connections: KeypointSegments = {
    count: 0,
    endpoints: new Float32Array(0),
    colors: new Uint8Array(0),
    classIds: new Uint16Array(0),
    radius: -1.5,
  };
  if (base.classIds && data.keypointIds?.length) {
    const seen = new Map<number, Map<number, [number, number]>>();
    for (let i = 0; i < count; i++) {
      const cls = base.classIds[i]!;
      const kp = data.keypointIds[clamp(data.keypointIds, i)!]!;
      if (!seen.has(cls)) seen.set(cls, new Map());
      seen.get(cls)!.set(kp, [data.positions[i * 2]!, data.positions[i * 2 + 1]!]);
    }
    const ends: number[] = [];
    const colors: number[] = [];
    const ids: number[] = [];
    for (const [cls, kps] of seen) {
      const description = ctx.annotations?.classes.get(cls);
      if (!description) continue;
      for (const [a, b] of description.connections) {
        const pa = kps.get(a);
        const pb = kps.get(b);
        if (!pa || !pb) continue;
        ends.push(...pa, ...pb);
        colors.push(...premultiplyGamma(resolveClass(ctx.annotations, cls).color));
        ids.push(cls);
      }
    }
    connections.count = ids.length;
    connections.endpoints = Float32Array.from(ends);
    connections.colors = Uint8Array.from(colors);
    connections.classIds = Uint16Array.from(ids);
  }
  const out: ResolvedPoints = {
    ...base,
    kind: 'points',
    positions: data.positions.slice(0, count * 2),
    connections,
    drawOrder: data.drawOrder ?? 20,
  };
  const region = bbox(out.positions);
  if (region) out.region = region;
  if (data.keypointIds?.length && base.classIds) {
    out.keypointIds = Uint16Array.from(
      { length: count },
      (_, i) => data.keypointIds![clamp(data.keypointIds, i)!]!,
    );
  }
  return out;
}

export function resolveBoxes2D(data: Boxes2DData, ctx: ResolveContext): ResolvedBoxes {
  const count = data.halfSizes.length >> 1;
  const centers = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    const c = clamp(data.centers, i, 2);
    if (c !== undefined) centers.set(data.centers!.subarray(c * 2, c * 2 + 2), i * 2);
  }
  const halfSizes = data.halfSizes.slice(0, count * 2);
  const corners = new Float32Array(count * 4);
  for (let i = 0; i < count; i++) {
    corners[i * 4] = centers[i * 2]! - Math.abs(halfSizes[i * 2]!);
    corners[i * 4 + 1] = centers[i * 2 + 1]! - Math.abs(halfSizes[i * 2 + 1]!);
    corners[i * 4 + 2] = centers[i * 2]! + Math.abs(halfSizes[i * 2]!);
    corners[i * 4 + 3] = centers[i * 2 + 1]! + Math.abs(halfSizes[i * 2 + 1]!);
  }
  const out: ResolvedBoxes = {
    ...resolveCommon(data, count, ctx),
    kind: 'boxes',
    centers,
    halfSizes,
    drawOrder: data.drawOrder ?? 10,
  };
  const region = bbox(corners);
  if (region) out.region = region;
  return out;
}

export function resolveLineStrips2D(data: LineStrips2DData, ctx: ResolveContext): ResolvedStrips {
  const count = data.strips.length;
  const offsets = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + (data.strips[i]!.length >> 1);
  const vertices = new Float32Array(offsets[count]! * 2);
  data.strips.forEach((s, i) => vertices.set(s.subarray(0, (s.length >> 1) * 2), offsets[i]! * 2));
  const out: ResolvedStrips = {
    ...resolveCommon(data, count, ctx),
    kind: 'strips',
    vertices,
    offsets,
    drawOrder: data.drawOrder ?? 20,
  };
  const region = bbox(vertices);
  if (region) out.region = region;
  return out;
}

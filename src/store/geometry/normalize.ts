/**
 * Raw input of a Points2D, Boxes2D or LineStrips2D (element properties and attributes,
 * `log()` fields, values read back from Arrow) → Rerun's components (`*Data`), with every
 * problem reported and the instances it spoils listed in `leftOut`. Never throws.
 */
import { boxesFromForms, markClamped } from './box-forms.js';
import { issue } from './issues.js';
import {
  parseBoolean,
  parseColors,
  parseNumber,
  parseScalars,
  parseStrips,
  parseTexts,
  parseVec2List,
  type Parsed,
} from './parse.js';
import type {
  Boxes2DData,
  Boxes2DInput,
  GeometryCommonData,
  GeometryCommonInput,
  GeometryIssue,
  LineStrips2DData,
  LineStrips2DInput,
  Normalized,
  Points2DData,
  Points2DInput,
} from './types.js';

/** Collects parsed fields: issues, and the instances their bad entries spoil (clamped). */
class Collector {
  readonly issues: GeometryIssue[] = [];
  readonly leftOut = new Set<number>();
  constructor(readonly count: number) {}

  /** A per-instance field: bad entries spoil the instances that use them (SPEC §12.2). */
  instances<T extends ArrayLike<unknown>>(parsed: Parsed<T>): T | undefined {
    if (!parsed.value || !parsed.bad.length) {
      this.issues.push(...parsed.issues);
      return parsed.value;
    }
    // The parser names entries; a short array repeats its last entry, so name instances.
    const spoiled = new Set<number>();
    markClamped(parsed.bad, parsed.value.length, this.count, spoiled);
    spoiled.forEach((i) => this.leftOut.add(i));
    const instances = [...spoiled].sort((a, b) => a - b);
    for (const p of parsed.issues) {
      this.issues.push(
        p.instances ? issue(p.field, p.expected, p.got, instances, 'no instance left out') : p,
      );
    }
    return parsed.value;
  }

  /** A field whose problems spoil no instance (labels, mono values). */
  plain<T>(parsed: Parsed<T>): T | undefined {
    this.issues.push(...parsed.issues);
    return parsed.value;
  }

  result<T>(data: T): Normalized<T> {
    return { data, issues: this.issues, leftOut: [...this.leftOut].sort((a, b) => a - b) };
  }
}

/** The optional fields every geometry archetype has. */
function common(input: GeometryCommonInput, c: Collector): GeometryCommonData {
  const data: GeometryCommonData = {};
  const radii = c.instances(parseScalars(input.radii, 'radii', 'f32'));
  if (radii) data.radii = radii;
  const colors = c.instances(parseColors(input.colors));
  if (colors) data.colors = colors;
  const labels = c.plain(parseTexts(input.labels));
  if (labels) data.labels = labels;
  const classIds = c.instances(parseScalars(input.classIds, 'classIds', 'u16'));
  if (classIds) data.classIds = classIds;
  const showLabels = c.plain(parseBoolean(input.showLabels, 'showLabels'));
  if (showLabels !== undefined) data.showLabels = showLabels;
  const drawOrder = c.plain(parseNumber(input.drawOrder, 'drawOrder'));
  if (drawOrder !== undefined) data.drawOrder = drawOrder;
  return data;
}

function inputObject<T extends object>(input: T | null | undefined): Partial<T> {
  return typeof input === 'object' && input !== null ? input : {};
}

/** Points2D: `positions` defines the instance count. */
export function normalizePoints2D(input: Points2DInput): Normalized<Points2DData> {
  const raw = inputObject(input);
  const positions = parseVec2List(raw.positions, 'positions');
  const count = (positions.value?.length ?? 0) / 2;
  const c = new Collector(count);
  c.issues.push(...positions.issues);
  positions.bad.forEach((i) => c.leftOut.add(i));
  const data: Points2DData = {
    positions: positions.value ?? new Float32Array(0),
    ...common(raw, c),
  };
  const keypointIds = c.instances(parseScalars(raw.keypointIds, 'keypointIds', 'u16'));
  if (keypointIds) data.keypointIds = keypointIds;
  return c.result(data);
}

/** Boxes2D in any construction form → `halfSizes` (the instance count) + `centers`. */
export function normalizeBoxes2D(input: Boxes2DInput): Normalized<Boxes2DData> {
  const raw = inputObject(input);
  const boxes = boxesFromForms(raw);
  const halfSizes = boxes.halfSizes ?? new Float32Array(0);
  const c = new Collector(halfSizes.length / 2);
  c.issues.push(...boxes.issues);
  boxes.bad.forEach((i) => c.leftOut.add(i));
  const data: Boxes2DData = { halfSizes, ...common(raw, c) };
  if (boxes.centers) data.centers = boxes.centers;
  return c.result(data);
}

/** LineStrips2D: one instance per strip. */
export function normalizeLineStrips2D(input: LineStrips2DInput): Normalized<LineStrips2DData> {
  const raw = inputObject(input);
  const strips = parseStrips(raw.strips);
  const c = new Collector(strips.value?.length ?? 0);
  c.issues.push(...strips.issues);
  strips.bad.forEach((i) => c.leftOut.add(i));
  return c.result({ strips: strips.value ?? [], ...common(raw, c) });
}

/**
 * What `log()` and `sendColumns()` store for a Points2D, Boxes2D, LineStrips2D or DepthImage
 * row: API.md's camelCase fields checked one by one and stored as Rerun's components (typed
 * arrays), Boxes2D's construction forms converted to `halfSizes` + `centers` as Rerun's SDKs
 * do. A row may hold any subset of fields (omitted ones carry forward, SPEC §7). A field that
 * cannot be read throws a {@link GeometryInputError} naming it, so nothing of the row is stored.
 *
 * Importing this module registers it with the recording (`registerArchetypeFields`).
 */
import { boxesFromForms } from './box-forms.js';
import { parseDepthColormap, parseDepthRange } from './depth.js';
import { issue } from './issues.js';
import {
  parseBoolean,
  parseColors,
  parseNumber,
  parseScalars,
  parseStrips,
  parseTexts,
  parseVec2List,
} from './parse.js';
import { registerArchetypeFields } from '../recording.js';
import { GeometryInputError, type GeometryIssue } from './types.js';

type FieldParser = (value: unknown) => { value: unknown; issues: readonly GeometryIssue[] };

const COMMON: Record<string, FieldParser> = {
  radii: (v) => parseScalars(v, 'radii', 'f32'),
  colors: (v) => parseColors(v),
  labels: (v) => parseTexts(v),
  classIds: (v) => parseScalars(v, 'classIds', 'u16'),
  showLabels: (v) => parseBoolean(v, 'showLabels'),
  drawOrder: (v) => parseNumber(v, 'drawOrder'),
};

const vec2 =
  (field: string): FieldParser =>
  (v) =>
    parseVec2List(v, field);

const FIELDS: Record<string, Record<string, FieldParser>> = {
  Points2D: {
    positions: vec2('positions'),
    keypointIds: (v) => parseScalars(v, 'keypointIds', 'u16'),
    ...COMMON,
  },
  Boxes2D: { halfSizes: vec2('halfSizes'), centers: vec2('centers'), ...COMMON },
  LineStrips2D: { strips: (v) => parseStrips(v), ...COMMON },
};

/** Boxes2D fields that are construction forms, not components. */
const BOX_FORMS = ['sizes', 'mins', 'array', 'arrayFormat'] as const;

/** DepthImage's own settings (buffer, format and draw order are the image components'). */
const DEPTH: Record<string, FieldParser> = {
  meter: (v) => parseNumber(v, 'meter'),
  depthRange: (v) => parseDepthRange(v),
  colormap: (v) => parseDepthColormap(v),
  pointFillRatio: (v) => parseNumber(v, 'pointFillRatio'),
};

/** Whether `log()` checks and converts this archetype's fields here. */
export function isGeometryArchetype(archetype: string): boolean {
  return archetype in FIELDS || archetype === 'DepthImage';
}

function fail(problem: GeometryIssue, archetype: string): never {
  throw new GeometryInputError({ ...problem, message: `${archetype} ${problem.message}` });
}

/**
 * A row's fields (without `archetype`) → the fields to store. Throws on the first problem,
 * prefixed with the archetype (`Points2D positions: expected …, got …`).
 */
export function geometryLogFields(
  archetype: string,
  fields: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (archetype === 'DepthImage') {
    for (const [field, value] of Object.entries(fields)) {
      const parse = DEPTH[field];
      if (!parse || value === undefined) {
        out[field] = value;
        continue;
      }
      const parsed = parse(value);
      if (parsed.issues.length) fail(parsed.issues[0]!, archetype);
      out[field] = parsed.value;
    }
    return out;
  }
  const parsers = FIELDS[archetype]!;
  const forms = archetype === 'Boxes2D' && BOX_FORMS.some((f) => fields[f] !== undefined);
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (forms && (BOX_FORMS as readonly string[]).includes(field)) continue;
    if (forms && (field === 'halfSizes' || field === 'centers')) continue;
    const parse = parsers[field];
    if (!parse) {
      const known = [...Object.keys(parsers), ...(archetype === 'Boxes2D' ? BOX_FORMS : [])];
      fail(issue(field, `one of the fields ${known.join(', ')}`, `"${field}"`), archetype);
    }
    const parsed = parse(value);
    if (parsed.issues.length) fail(parsed.issues[0]!, archetype);
    out[field] = parsed.value;
  }
  if (forms) {
    const boxes = boxesFromForms(fields);
    if (boxes.issues.length) fail(boxes.issues[0]!, archetype);
    out.halfSizes = boxes.halfSizes;
    if (boxes.centers) out.centers = boxes.centers;
  }
  return out;
}

/**
 * One `sendColumns()` column of a geometry field → its N row values: an array of N values, or
 * one typed array split evenly into N views of the same type (e.g. all positions of all rows
 * in one Float32Array, when every row has the same count).
 */
export function splitGeometryColumn(
  field: string,
  column: unknown,
  rows: number,
): ArrayLike<unknown> {
  if (Array.isArray(column)) {
    if (column.length !== rows) {
      throw new RangeError(
        `sendColumns: expected "${field}" to hold ${rows} rows (the index length), got ${column.length}`,
      );
    }
    return column;
  }
  if (ArrayBuffer.isView(column) && !(column instanceof DataView)) {
    const typed = column as unknown as { length: number; subarray(a: number, b: number): unknown };
    if (rows === 0 ? typed.length !== 0 : typed.length % rows !== 0) {
      throw new RangeError(
        `sendColumns: expected the length of "${field}" to be a multiple of the ${rows} rows, got ${typed.length}`,
      );
    }
    const size = rows === 0 ? 0 : typed.length / rows;
    return Array.from({ length: rows }, (_, i) => typed.subarray(i * size, (i + 1) * size));
  }
  throw new TypeError(
    `sendColumns: expected "${field}" to be an array of ${rows} values or one typed array to split into ${rows} rows, got ${
      column === null ? 'null' : typeof column
    }`,
  );
}

// Side effect: log() and sendColumns() of these archetypes go through the functions above.
for (const archetype of ['Points2D', 'Boxes2D', 'LineStrips2D']) {
  registerArchetypeFields(archetype, {
    prepare: (fields) => geometryLogFields(archetype, fields),
    splitColumn: splitGeometryColumn,
  });
}
// DepthImage keeps the image buffer's byte splitting.
registerArchetypeFields('DepthImage', {
  prepare: (fields) => geometryLogFields('DepthImage', fields),
});

/**
 * What `log()` and `sendColumns()` store for a Points2D, Boxes2D, LineStrips2D or DepthImage
 * row: API.md's camelCase fields, each checked and stored as Rerun's component (typed arrays) by
 * the normaliser this module registers for its key (`components/normalize.ts`), Boxes2D's
 * construction forms converted to `halfSizes` + `centers` as Rerun's SDKs do. A row may hold any
 * subset of fields (omitted ones carry forward, SPEC §7). A field that cannot be read is
 * reported by the recording (its `error` event) and not stored: the last good value stays.
 *
 * Importing this module registers the normalisers and the row handling with the recording
 * (`registerNormalizers`, `registerArchetypeFields`).
 */
import { boxesFromForms } from './box-forms.js';
import { parseDepthColormap, parseDepthRange } from './depth.js';
import { describe } from './issues.js';
import {
  parseBoolean,
  parseColors,
  parseNumber,
  parseScalars,
  parseStrips,
  parseTexts,
  parseVec2List,
} from './parse.js';
import { componentKey } from '../components/keys.js';
import {
  ComponentValueError,
  registerNormalizers,
  type Normalizer,
} from '../components/normalize.js';
import { registerArchetypeFields } from '../recording.js';
import type { GeometryIssue } from './types.js';

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

/**
 * A lenient parser made strict: any issue (or nothing readable) is a ComponentValueError
 * saying what was expected and what came.
 */
function strict(parse: FieldParser): Normalizer {
  return (value) => {
    const parsed = parse(value);
    const problem = parsed.issues[0];
    if (problem) throw new ComponentValueError(problem.expected, problem.got);
    if (parsed.value === undefined) throw new ComponentValueError('a value', describe(value));
    return parsed.value;
  };
}

// The normalisers of every geometry component key: what `log()`, `sendColumns()` and the
// writers store (typed arrays, `geometry/types.ts`).
registerNormalizers(
  Object.fromEntries(
    [...Object.entries(FIELDS), ['DepthImage', DEPTH] as const].flatMap(([archetype, parsers]) =>
      Object.entries(parsers).map(([field, parse]) => [
        componentKey(archetype, field),
        strict(parse),
      ]),
    ),
  ),
);

/** A problem with one field of a row: the field (camelCase) and what was wrong. */
export type FieldProblem = (field: string, problem: ComponentValueError) => void;

/**
 * A row's fields (without `archetype`) → the fields to store, each then normalised by its
 * component's normaliser. Boxes2D's construction forms become `halfSizes` + `centers`; a
 * field the archetype does not have, or forms that cannot be read, are reported (and left out).
 */
export function geometryLogFields(
  archetype: string,
  fields: Readonly<Record<string, unknown>>,
  report: FieldProblem,
): Record<string, unknown> {
  if (archetype === 'DepthImage') return { ...fields };
  const parsers = FIELDS[archetype]!;
  const out: Record<string, unknown> = {};
  const forms = archetype === 'Boxes2D' && BOX_FORMS.some((f) => fields[f] !== undefined);
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (forms && (BOX_FORMS as readonly string[]).includes(field)) continue;
    if (forms && (field === 'halfSizes' || field === 'centers')) continue;
    if (!parsers[field]) {
      const known = [...Object.keys(parsers), ...(archetype === 'Boxes2D' ? BOX_FORMS : [])];
      report(field, new ComponentValueError(`one of the fields ${known.join(', ')}`, `"${field}"`));
      continue;
    }
    out[field] = value;
  }
  if (forms) {
    const boxes = boxesFromForms(fields);
    const problem = boxes.issues[0];
    if (problem) report(problem.field, new ComponentValueError(problem.expected, problem.got));
    else {
      out.halfSizes = boxes.halfSizes;
      if (boxes.centers) out.centers = boxes.centers;
    }
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
    prepare: (fields, report) => geometryLogFields(archetype, fields, report),
    splitColumn: splitGeometryColumn,
  });
}
// DepthImage keeps the image buffer's byte splitting.
registerArchetypeFields('DepthImage', {
  prepare: (fields, report) => geometryLogFields('DepthImage', fields, report),
});

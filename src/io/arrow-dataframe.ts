/**
 * Arrow tables in Rerun's layouts → recording rows (SPEC §8.1, §8.2).
 *
 * This file is the one place that loads apache-arrow (`await import('apache-arrow')`): Arrow
 * support costs nothing until Arrow or `.rrd` data is actually given. Everything else imports
 * Arrow types only.
 *
 * Two layouts are read:
 * * the dataframe layout (`/entity:Archetype:field` columns, one index column per timeline,
 *   static columns repeated in every row), from Rerun's dataframe API;
 * * the chunk layout (one entity per batch, `rerun.controls.RowId`, index columns, `Archetype:field`
 *   data columns), one per ArrowMsg of an `.rrd` file.
 * Older column metadata (dotted `rerun.` keys, fully qualified names, indicator columns) is
 * migrated the way the viewer does it (SPEC §8.2).
 */
import type * as Arrow from 'apache-arrow';
import type { BatchRow } from '../store/recording.js';
import type { TimelineKind } from '../store/time.js';
import { checkIpcFile, checkIpcStreamBytes } from './arrow-ipc-check.js';

export type ArrowModule = typeof Arrow;

let arrowModule: Promise<ArrowModule> | undefined;

/** apache-arrow, loaded on first use. */
export function loadArrow(): Promise<ArrowModule> {
  return (arrowModule ??= import('apache-arrow'));
}

/** Raised for Arrow data that does not follow Rerun's layout. */
export class ArrowLayoutError extends Error {
  override name = 'ArrowLayoutError';
}

/** The parts of an Arrow table this reader uses (a structural type, as Arquero does). */
export interface ArrowTableLike {
  schema: {
    fields: Array<{ name: string; type: unknown; metadata: Map<string, string> }>;
    metadata: Map<string, string>;
  };
  numRows: number;
  getChildAt(index: number): ArrowVectorLike | null;
}

/** The parts of an Arrow vector this reader uses. */
export interface ArrowVectorLike {
  length: number;
  type: unknown;
  get(index: number): unknown;
  isValid(index: number): boolean;
  data: ReadonlyArray<{ length: number; offset: number; values: unknown }>;
}

/** Duck test for an apache-arrow Table (from any copy of the library). */
export function isArrowTable(value: unknown): value is ArrowTableLike {
  const t = value as Partial<ArrowTableLike> | null;
  return (
    !!t &&
    typeof t === 'object' &&
    typeof t.getChildAt === 'function' &&
    typeof t.numRows === 'number' &&
    !!t.schema &&
    Array.isArray(t.schema.fields)
  );
}

// ---- metadata -----------------------------------------------------------------------------

/** A metadata value under its current key (`rerun:x`) or its pre-0.1.0 dotted key (`rerun.x`). */
function meta(map: Map<string, string> | undefined, key: string): string | undefined {
  return map?.get(`rerun:${key}`) ?? map?.get(`rerun.${key}`);
}

function shortName(name: string, prefix: string): string {
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/** Arrow type ids (apache-arrow's `Type` enum), so no runtime import is needed to inspect types. */
const TYPE = {
  Int: 2,
  Utf8: 5,
  FixedSizeBinary: 15,
  Timestamp: 10,
  Duration: 18,
  List: 12,
  Struct: 13,
} as const;

interface TypeLike {
  typeId: number;
  unit?: number;
  bitWidth?: number;
  isSigned?: boolean;
}

/** The timeline kind of an index column's Arrow type, and its factor to nanoseconds. */
function timeKindOf(type: unknown): { kind: TimelineKind; toNs: bigint } | undefined {
  const t = type as TypeLike;
  // TimeUnit: SECOND 0, MILLISECOND 1, MICROSECOND 2, NANOSECOND 3.
  const factor = [1_000_000_000n, 1_000_000n, 1_000n, 1n][t.unit ?? 3] ?? 1n;
  if (t.typeId === TYPE.Int && t.bitWidth === 64 && t.isSigned)
    return { kind: 'sequence', toNs: 1n };
  if (t.typeId === TYPE.Timestamp) return { kind: 'timestamp', toNs: factor };
  if (t.typeId === TYPE.Duration) return { kind: 'duration', toNs: factor };
  return undefined;
}

/** The exact i64 values of an index column (Arrow JS returns timestamps as float ms). */
function int64Values(vector: ArrowVectorLike, toNs: bigint): Array<bigint | undefined> {
  const out: Array<bigint | undefined> = [];
  for (const chunk of vector.data) {
    const values = chunk.values as BigInt64Array | Int32Array;
    for (let i = 0; i < chunk.length; i++) {
      const k = chunk.offset + i;
      const v =
        values instanceof BigInt64Array
          ? values[k]!
          : (BigInt(values[2 * k + 1]!) << 32n) | BigInt(values[2 * k]! >>> 0);
      out.push(v * toNs);
    }
  }
  for (let i = 0; i < out.length; i++) if (!vector.isValid(i)) out[i] = undefined;
  return out;
}

interface ColumnInfo {
  kind: 'control' | 'index' | 'data' | 'ignore';
  /** Canonical entity path for data columns (dataframe layout). */
  entity?: string;
  /** `Archetype:field`. */
  component?: string;
  timeline?: string;
  timeKind?: { kind: TimelineKind; toNs: bigint };
  isStatic?: boolean;
}

const ROW_ID_NAMES = new Set(['rerun.controls.RowId', 'rerun.RowId', 'RowId']);

/** Classifies one field by its metadata (current or legacy keys), else by its name and type. */
function classify(
  field: { name: string; type: unknown; metadata: Map<string, string> },
  layout: 'chunk' | 'dataframe',
): ColumnInfo {
  const m = field.metadata;
  const kind = meta(m, 'kind');
  if (kind === 'control' || ROW_ID_NAMES.has(field.name)) return { kind: 'control' };
  const timeKind = timeKindOf(field.type);
  if (
    kind === 'index' ||
    kind === 'time' ||
    (kind === undefined && timeKind && !field.name.includes(':'))
  ) {
    if (!timeKind) return { kind: 'ignore' };
    return { kind: 'index', timeline: meta(m, 'index_name') ?? field.name, timeKind };
  }
  if (kind !== undefined && kind !== 'data' && kind !== 'component') return { kind: 'ignore' };

  // Component identifier: `rerun:component` (≥ 0.1.0), else built from the legacy archetype
  // and field keys (the v0.0.2 → v0.1.0 migration), else the column name.
  let component: string | undefined;
  const current = m.get('rerun:component');
  const archetype = m.get('rerun:archetype') ?? m.get('rerun.archetype');
  const archetypeField = m.get('rerun.archetype_field');
  if (current) component = current;
  else if (archetype && archetypeField)
    component = `${shortName(archetype, 'rerun.archetypes.')}:${archetypeField}`;
  const legacyName = m.get('rerun.component');
  // Indicator columns were dropped by the v0.1.0 → v0.1.1 migration.
  if (
    /Indicator$/.test(legacyName ?? component ?? field.name) ||
    m.get('rerun.is_indicator') === 'true'
  )
    return { kind: 'ignore' };

  let entity = meta(m, 'entity_path');
  if (layout === 'dataframe') {
    const match = /^(.*):([^:]+):([^:]+)$/.exec(field.name);
    if (match) {
      entity ??= match[1]!;
      component ??= `${match[2]}:${match[3]}`;
    } else if (!component) {
      // `rerun_segment_id`, `property:…` and other non-component columns.
      return { kind: 'ignore' };
    }
  } else {
    component ??= legacyName ? shortName(legacyName, 'rerun.components.') : field.name;
  }
  if (!component || (layout === 'dataframe' && entity === undefined)) return { kind: 'ignore' };
  return { kind: 'data', entity, component, isStatic: meta(m, 'is_static') === 'true' };
}

// ---- values -------------------------------------------------------------------------------

interface ListLike {
  length: number;
  get(i: number): unknown;
  toArray(): ArrayLike<unknown>;
}

function isList(v: unknown): v is ListLike {
  return (
    !!v &&
    typeof (v as ListLike).get === 'function' &&
    typeof (v as ListLike).toArray === 'function'
  );
}

function plainNumber(v: unknown): number | undefined {
  if (v === null || v === undefined) return undefined;
  return typeof v === 'bigint' ? Number(v) : Number(v);
}

function structField(row: unknown, name: string): unknown {
  if (!row || typeof row !== 'object') return undefined;
  return (row as Record<string, unknown>)[name];
}

/** An AnnotationInfo struct → `{id, label?, color?}` (colour packed 0xRRGGBBAA). */
function annotationInfo(row: unknown): { id: number; label?: string; color?: number } {
  const info: { id: number; label?: string; color?: number } = {
    id: plainNumber(structField(row, 'id')) ?? 0,
  };
  const label = structField(row, 'label');
  if (label !== null && label !== undefined) info.label = String(label);
  const color = plainNumber(structField(row, 'color'));
  if (color !== undefined) info.color = color >>> 0;
  return info;
}

function listItems(v: unknown): unknown[] {
  if (!isList(v)) return [];
  const out: unknown[] = [];
  for (let i = 0; i < v.length; i++) out.push(v.get(i));
  return out;
}

/** The AnnotationContext Arrow value → the plain `context` array the rest of the code uses. */
export function annotationContextFromArrow(value: unknown): unknown[] {
  return listItems(value).map((elem) => {
    const description = structField(elem, 'class_description');
    return {
      info: annotationInfo(structField(description, 'info')),
      keypointAnnotations: listItems(structField(description, 'keypoint_annotations')).map(
        annotationInfo,
      ),
      keypointConnections: listItems(structField(description, 'keypoint_connections')).map(
        (pair) => [
          plainNumber(structField(pair, 'keypoint0')) ?? 0,
          plainNumber(structField(pair, 'keypoint1')) ?? 0,
        ],
      ),
    };
  });
}

function imageFormatFromArrow(row: unknown): Record<string, number> {
  const format: Record<string, number> = {
    width: plainNumber(structField(row, 'width')) ?? 0,
    height: plainNumber(structField(row, 'height')) ?? 0,
  };
  const optional: Array<[string, string]> = [
    ['pixel_format', 'pixelFormat'],
    ['color_model', 'colorModel'],
    ['channel_datatype', 'channelDatatype'],
  ];
  for (const [arrowName, jsName] of optional) {
    const v = plainNumber(structField(row, arrowName));
    if (v !== undefined) format[jsName] = v;
  }
  return format;
}

/**
 * One cell of a component column (a batch of instances) → the value the recording stores.
 * `undefined`: no data in this cell; `null`: an empty batch, which clears the component.
 */
function cellValue(component: string, cell: unknown): unknown {
  if (cell === null || cell === undefined) return undefined;
  // Data columns are List<component>; a few writers store bare values (the viewer wraps them).
  const items = isList(cell) ? cell : undefined;
  if (items && items.length === 0) return null;
  const first = items ? items.get(0) : cell;
  if (first === null || first === undefined) return null;
  const field = component.slice(component.indexOf(':') + 1);
  if (component === 'AnnotationContext:context') return annotationContextFromArrow(first);
  if (field === 'format') return imageFormatFromArrow(first);
  if (isList(first)) return first.toArray();
  if (typeof first === 'bigint') return Number(first);
  if (
    first &&
    typeof first === 'object' &&
    typeof (first as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return (first as { toJSON(): unknown }).toJSON();
  }
  return first;
}

// ---- checks -------------------------------------------------------------------------------

const NEEDS_FORMAT = ['Image', 'SegmentationImage', 'DepthImage'];

function checkImageColumns(
  source: string,
  entities: Map<string, Set<string>>,
  known?: (entity: string, component: string) => boolean,
): void {
  for (const [entity, components] of entities) {
    for (const archetype of NEEDS_FORMAT) {
      const buffer = `${archetype}:buffer`;
      const format = `${archetype}:format`;
      if (components.has(buffer) && !components.has(format) && !known?.(entity, format)) {
        throw new ArrowLayoutError(
          `${source}: expected a "${entity}:${format}" column next to "${entity}:${buffer}" (an ${archetype} needs its format), got none`,
        );
      }
    }
  }
}

// ---- the dataframe layout -----------------------------------------------------------------

/**
 * Rows of a table in Rerun's dataframe layout: one recording row per (table row, entity) with
 * the times of every non-null index column; static columns become one static row per entity.
 * Throws {@link ArrowLayoutError} for a table that is not in that layout.
 */
export function dataframeToRows(table: ArrowTableLike, source = 'Arrow table'): BatchRow[] {
  const fields = table.schema.fields;
  // An in-memory table was built by code, not read from bytes: no byte budget, offsets still checked.
  checkTableSizes(table, Number.MAX_SAFE_INTEGER, 1, source);
  const infos = fields.map((f) => classify(f, 'dataframe'));
  const indexes: Array<{
    timeline: string;
    kind: TimelineKind;
    values: Array<bigint | undefined>;
  }> = [];
  const data: Array<{ info: ColumnInfo; vector: ArrowVectorLike }> = [];
  const entities = new Map<string, Set<string>>();
  infos.forEach((info, i) => {
    const vector = table.getChildAt(i);
    if (!vector) return;
    if (info.kind === 'index') {
      indexes.push({
        timeline: info.timeline!,
        kind: info.timeKind!.kind,
        values: int64Values(vector, info.timeKind!.toNs),
      });
    } else if (info.kind === 'data') {
      data.push({ info, vector });
      let set = entities.get(info.entity!);
      if (!set) entities.set(info.entity!, (set = new Set()));
      set.add(info.component!);
    }
  });
  if (data.length === 0) {
    throw new ArrowLayoutError(
      `${source}: expected columns named "/entity:Archetype:field" (Rerun's dataframe layout), got ${
        fields.length === 0 ? 'no columns' : fields.map((f) => JSON.stringify(f.name)).join(', ')
      }`,
    );
  }
  checkImageColumns(source, entities);

  const rows: BatchRow[] = [];
  // Static values first: they are the same in every row, so the first non-null one stands.
  const statics = new Map<string, Record<string, unknown>>();
  for (const { info, vector } of data) {
    const isStatic = info.isStatic || indexes.length === 0;
    if (!isStatic) continue;
    for (let r = 0; r < vector.length; r++) {
      const value = cellValue(info.component!, vector.get(r));
      if (value === undefined) continue;
      let components = statics.get(info.entity!);
      if (!components) statics.set(info.entity!, (components = {}));
      components[info.component!] = value;
      break;
    }
  }
  for (const [entity, components] of statics) rows.push({ entity, components, static: true });

  if (indexes.length > 0) {
    const temporal = data.filter(({ info }) => !info.isStatic);
    for (let r = 0; r < table.numRows; r++) {
      const time: Record<
        string,
        { sequence: bigint } | { duration: bigint } | { timestamp: bigint }
      > = {};
      for (const index of indexes) {
        const t = index.values[r];
        if (t !== undefined) time[index.timeline] = { [index.kind]: t } as never;
      }
      if (Object.keys(time).length === 0) continue;
      const perEntity = new Map<string, Record<string, unknown>>();
      for (const { info, vector } of temporal) {
        const value = cellValue(info.component!, vector.get(r));
        if (value === undefined) continue;
        let components = perEntity.get(info.entity!);
        if (!components) perEntity.set(info.entity!, (components = {}));
        components[info.component!] = value;
      }
      for (const [entity, components] of perEntity) rows.push({ entity, components, time });
    }
  }
  return rows;
}

// ---- the chunk layout ---------------------------------------------------------------------

/** A row of a chunk, with the RowId that orders it among all rows of a file. */
export interface ChunkRow extends BatchRow {
  /** The TUID as an unsigned 128-bit integer (big-endian bytes), or undefined when absent. */
  rowId: bigint | undefined;
}

function rowIdValue(cell: unknown): bigint | undefined {
  if (cell instanceof Uint8Array && cell.length === 16) {
    let v = 0n;
    for (const b of cell) v = (v << 8n) | BigInt(b);
    return v;
  }
  // Sorbet < 0.0.2 stored the TUID as Struct{time_ns: u64, inc: u64}.
  const time = structField(cell, 'time_ns');
  const inc = structField(cell, 'inc');
  if (typeof time === 'bigint' && typeof inc === 'bigint')
    return (BigInt.asUintN(64, time) << 64n) | BigInt.asUintN(64, inc);
  return undefined;
}

interface DataLike {
  offset: number;
  length: number;
  type: { typeId: number; byteWidth?: number; listSize?: number };
  valueOffsets?: Int32Array | BigInt64Array;
  values?: ArrayLike<unknown>;
  children?: DataLike[];
}

/**
 * Checks the offsets of list, string and binary data: apache-arrow uses them as given, so a
 * corrupt offset would make one list cell claim billions of items.
 */
function checkData(d: DataLike, where: string, depth = 0): void {
  if (depth > 64) throw new ArrowLayoutError(`${where}: expected data nested at most 64 deep`);
  const end = d.offset + d.length;
  const child = d.children?.[0];
  if (d.valueOffsets && d.length > 0) {
    const o = d.valueOffsets;
    if (o.length < end + 1)
      throw new ArrowLayoutError(`${where}: expected ${end + 1} offsets, got ${o.length}`);
    let previous = Number(o[d.offset]);
    if (previous < 0) throw new ArrowLayoutError(`${where}: expected offsets ≥ 0, got ${previous}`);
    for (let i = d.offset + 1; i <= end; i++) {
      const v = Number(o[i]);
      if (v < previous)
        throw new ArrowLayoutError(
          `${where}: expected non-decreasing offsets, got ${previous} then ${v}`,
        );
      previous = v;
    }
    const limit = child ? child.offset + child.length : (d.values?.length ?? 0);
    if (previous > limit)
      throw new ArrowLayoutError(`${where}: expected offsets up to ${limit}, got ${previous}`);
  }
  if (
    d.type.typeId === TYPE.FixedSizeBinary &&
    d.values &&
    d.values.length < end * (d.type.byteWidth ?? 0)
  ) {
    throw new ArrowLayoutError(
      `${where}: expected ${end * (d.type.byteWidth ?? 0)} bytes of fixed-size binary, got ${d.values.length}`,
    );
  }
  for (const c of d.children ?? []) {
    if (!d.valueOffsets && d.type.typeId === TYPE.Struct && c.offset + c.length < end) {
      throw new ArrowLayoutError(
        `${where}: expected struct children of ${end} values, got ${c.offset + c.length}`,
      );
    }
    checkData(c, where, depth + 1);
  }
}

/**
 * Checks the sizes Arrow reports against the bytes they came from: apache-arrow trusts the
 * lengths in the IPC metadata, so a corrupt length must be caught before we iterate over it.
 */
export function checkTableSizes(
  table: ArrowTableLike,
  byteLength: number,
  bytesPerRow: number,
  source: string,
): void {
  const rows = table.numRows;
  if (!Number.isSafeInteger(rows) || rows < 0 || rows * bytesPerRow > byteLength) {
    throw new ArrowLayoutError(
      `${source}: expected at most ${Math.floor(byteLength / bytesPerRow)} rows in ${byteLength} bytes, got a batch claiming ${rows}`,
    );
  }
  table.schema.fields.forEach((field, i) => {
    const vector = table.getChildAt(i);
    if (!vector) return;
    if (vector.length !== rows) {
      throw new ArrowLayoutError(
        `${source}: expected column ${JSON.stringify(field.name)} to hold ${rows} rows, got ${vector.length}`,
      );
    }
    for (const chunk of vector.data) {
      checkData(chunk as unknown as DataLike, `${source}: column ${JSON.stringify(field.name)}`);
      const values = chunk.values as ArrayLike<unknown> | undefined;
      const width = timeKindOf(field.type) ? 1 : 0;
      if (
        width &&
        values &&
        (values as BigInt64Array).length !== undefined &&
        (values as BigInt64Array).length <
          (chunk.offset + chunk.length) * (values instanceof BigInt64Array ? 1 : 2)
      ) {
        throw new ArrowLayoutError(
          `${source}: index column ${JSON.stringify(field.name)} holds fewer values than its ${chunk.length} rows`,
        );
      }
    }
  });
}

/** Rows of one chunk batch (SPEC §8.1): one entity, RowIds, index columns, `Archetype:field` columns. */
export function chunkToRows(table: ArrowTableLike, source = 'chunk'): ChunkRow[] {
  const entity = meta(table.schema.metadata, 'entity_path');
  if (entity === undefined) {
    throw new ArrowLayoutError(
      `${source}: expected the chunk's schema metadata to name its entity ("rerun:entity_path"), got none`,
    );
  }
  let rowIds: ArrowVectorLike | undefined;
  const indexes: Array<{
    timeline: string;
    kind: TimelineKind;
    values: Array<bigint | undefined>;
  }> = [];
  const data: Array<{ component: string; vector: ArrowVectorLike }> = [];
  table.schema.fields.forEach((field, i) => {
    const vector = table.getChildAt(i);
    if (!vector) return;
    const info = classify(field, 'chunk');
    if (info.kind === 'control') rowIds ??= vector;
    else if (info.kind === 'index')
      indexes.push({
        timeline: info.timeline!,
        kind: info.timeKind!.kind,
        values: int64Values(vector, info.timeKind!.toNs),
      });
    else if (info.kind === 'data') data.push({ component: info.component!, vector });
  });
  const rows: ChunkRow[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const components: Record<string, unknown> = {};
    let any = false;
    for (const { component, vector } of data) {
      const value = cellValue(component, vector.get(r));
      if (value === undefined) continue;
      components[component] = value;
      any = true;
    }
    if (!any) continue;
    const time: Record<string, never> = {};
    for (const index of indexes) {
      const t = index.values[r];
      if (t !== undefined) (time as Record<string, unknown>)[index.timeline] = { [index.kind]: t };
    }
    const isStatic = indexes.length === 0;
    rows.push({
      entity,
      components,
      rowId: rowIds ? rowIdValue(rowIds.get(r)) : undefined,
      ...(isStatic ? { static: true } : { time }),
    });
  }
  return rows;
}

/** Checks the rows of a whole file for images without a format anywhere in the file. */
export function checkImageRows(source: string, rows: readonly BatchRow[]): void {
  const entities = new Map<string, Set<string>>();
  for (const row of rows) {
    const key = typeof row.entity === 'string' ? row.entity : row.entity.join('/');
    let set = entities.get(key);
    if (!set) entities.set(key, (set = new Set()));
    for (const c of Object.keys(row.components)) set.add(c);
  }
  checkImageColumns(source, entities);
}

// ---- bytes --------------------------------------------------------------------------------

/** Which Arrow IPC format bytes hold, by their magic: the file format starts with `ARROW1`. */
export function arrowIpcKind(bytes: Uint8Array): 'file' | 'stream' | undefined {
  const magic = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];
  if (magic.every((b, i) => bytes[i] === b)) return 'file';
  // A stream starts with a schema message: the 0xFFFFFFFF continuation marker (or, before
  // Arrow 0.15, directly with a positive int32 length).
  if (
    bytes.length >= 8 &&
    bytes[0] === 0xff &&
    bytes[1] === 0xff &&
    bytes[2] === 0xff &&
    bytes[3] === 0xff
  )
    return 'stream';
  return undefined;
}

/**
 * Checks an Arrow IPC *stream* against the bytes there are (see `arrow-ipc-check.ts`) before
 * apache-arrow reads it. Returns the number of record batches.
 */
export async function checkIpcStream(
  bytes: Uint8Array,
  source: string,
  options?: { schemaFirst?: boolean },
): Promise<number> {
  try {
    return checkIpcStreamBytes(bytes, options);
  } catch (error) {
    throw new ArrowLayoutError(
      `${source}: expected an Arrow IPC stream, got ${(error as Error).message}`,
    );
  }
}

/** Checks an Arrow IPC file's footer and the messages its blocks point at; returns the stream part. */
function fileStream(bytes: Uint8Array, source: string): Uint8Array {
  const n = bytes.length;
  const magicAtEnd =
    n >= 18 && [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31].every((b, i) => bytes[n - 6 + i] === b);
  if (!magicAtEnd)
    throw new ArrowLayoutError(
      `${source}: expected an Arrow IPC file ending in "ARROW1", got ${n} bytes without it (truncated file?)`,
    );
  const footer = new DataView(bytes.buffer, bytes.byteOffset, n).getInt32(n - 10, true);
  if (footer < 0 || footer > n - 18)
    throw new ArrowLayoutError(
      `${source}: expected an Arrow IPC file footer of at most ${n - 18} bytes, got ${footer}`,
    );
  try {
    checkIpcFile(bytes, n - 10 - footer, footer);
  } catch (error) {
    throw new ArrowLayoutError(
      `${source}: expected an Arrow IPC file footer, got ${(error as Error).message}`,
    );
  }
  return bytes.subarray(8, n - 10 - footer);
}

/** Parses Arrow IPC bytes (file or stream format) into a table; clear errors for bad bytes. */
export async function tableFromIpcBytes(
  bytes: Uint8Array,
  source = 'Arrow IPC data',
): Promise<ArrowTableLike> {
  const arrow = await loadArrow();
  // The file format wraps a stream between its 8-byte magic and its footer (flatbuffer footer,
  // its int32 length and the 6-byte magic).
  if (arrowIpcKind(bytes) === 'stream') await checkIpcStream(bytes, source);
  else fileStream(bytes, source);
  let table: Arrow.Table;
  try {
    table = arrow.tableFromIPC(bytes);
  } catch (error) {
    throw new ArrowLayoutError(
      `${source}: expected Arrow IPC data, got bytes Arrow cannot read (${(error as Error).message})`,
    );
  }
  return table as unknown as ArrowTableLike;
}

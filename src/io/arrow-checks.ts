/**
 * Checks of Arrow data before and after reading: sizes and offsets against the bytes they came
 * from (apache-arrow trusts them), and images that come without their format.
 */
import { BUFFER_IMAGES } from '../store/components/index.js';
import type { BatchRow } from '../store/recording.js';
import { ArrowLayoutError, type ArrowTableLike } from './arrow.js';
import { TYPE, timeKindOf } from './arrow-columns.js';

export function checkImageColumns(
  source: string,
  entities: Map<string, Set<string>>,
  known?: (entity: string, component: string) => boolean,
): void {
  for (const [entity, components] of entities) {
    for (const archetype of BUFFER_IMAGES) {
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

interface DataLike {
  offset: number;
  length: number;
  type: { typeId: number; byteWidth?: number; listSize?: number };
  valueOffsets?: Int32Array | BigInt64Array;
  values?: ArrayLike<unknown>;
  children?: DataLike[];
}

/** Whether an Arrow Data chunk has the fields {@link checkData} reads (apache-arrow's `Data` does). */
function isDataLike(d: unknown): d is DataLike {
  if (typeof d !== 'object' || d === null) return false;
  const { offset, length, type, children } = d as Partial<Record<keyof DataLike, unknown>>;
  return (
    typeof offset === 'number' &&
    typeof length === 'number' &&
    typeof type === 'object' &&
    type !== null &&
    typeof (type as { typeId?: unknown }).typeId === 'number' &&
    (children === undefined || Array.isArray(children))
  );
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
    if (!isDataLike(c)) throw new ArrowLayoutError(`${where}: expected Arrow child data`);
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
      const where = `${source}: column ${JSON.stringify(field.name)}`;
      if (!isDataLike(chunk)) throw new ArrowLayoutError(`${where}: expected Arrow data`);
      checkData(chunk, where);
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

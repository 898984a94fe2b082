/**
 * Rerun's chunk layout (SPEC §8.1) → recording rows: one entity per batch, `rerun.controls.RowId`,
 * index columns and `Archetype:field` data columns, one batch per ArrowMsg of an `.rrd` file.
 */
import { structField } from '../store/components/entry.js';
import type { BatchRow } from '../store/recording.js';
import type { TimelineKind } from '../store/time.js';
import { ArrowLayoutError, type ArrowTableLike, type ArrowVectorLike } from './arrow.js';
import { cellValue } from './arrow-cells.js';
import { classify, int64Values, meta } from './arrow-columns.js';

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

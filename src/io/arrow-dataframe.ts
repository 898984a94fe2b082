/**
 * Rerun's dataframe layout (SPEC §8.2) → recording rows: `/entity:Archetype:field` columns,
 * one index column per timeline, static columns repeated in every row.
 */
import type { BatchRow } from '../store/recording.js';
import type { TimelineKind } from '../store/time.js';
import { ArrowLayoutError, type ArrowTableLike, type ArrowVectorLike } from './arrow.js';
import { cellValue } from './arrow-cells.js';
import { checkImageColumns, checkTableSizes } from './arrow-checks.js';
import { classify, int64Values, type ColumnInfo } from './arrow-columns.js';

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

/**
 * Column metadata of Arrow tables in Rerun's layouts (SPEC §8.1, §8.2): what each column is
 * (control, index, data), its entity, component and timeline. Older metadata (dotted `rerun.`
 * keys, fully qualified names, indicator columns) is migrated the way the viewer does it.
 */
import type { TimelineKind } from '../store/time.js';
import type { ArrowVectorLike } from './arrow.js';

/** A metadata value under its current key (`rerun:x`) or its pre-0.1.0 dotted key (`rerun.x`). */
export function meta(map: Map<string, string> | undefined, key: string): string | undefined {
  return map?.get(`rerun:${key}`) ?? map?.get(`rerun.${key}`);
}

function shortName(name: string, prefix: string): string {
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/** Arrow type ids (apache-arrow's `Type` enum), so no runtime import is needed to inspect types. */
export const TYPE = {
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
export function timeKindOf(type: unknown): { kind: TimelineKind; toNs: bigint } | undefined {
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
export function int64Values(vector: ArrowVectorLike, toNs: bigint): Array<bigint | undefined> {
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

export interface ColumnInfo {
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
export function classify(
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

/**
 * The shape of one entry of the component table (see `index.ts`): what a component key is
 * in Rerun's Arrow layout, and how its values cross the recording boundary.
 *
 * Only Arrow *types* are imported here: the builders receive the lazily loaded apache-arrow
 * module as an argument, so the table costs the main bundle nothing of Arrow.
 */
import type * as Arrow from 'apache-arrow';
import { normalizeComponent } from './normalize.js';

/** The apache-arrow module, as `import('apache-arrow')` gives it. */
export type ArrowModule = typeof Arrow;

/** A batch of instances as a reader hands it over: an Arrow list cell, or a plain array. */
export interface InstancesLike {
  readonly length: number;
  get(index: number): unknown;
}

/** One component key (`Image:buffer`): its Rerun names, its Arrow type and its conversions. */
export interface ComponentEntry {
  /** The component key, `Archetype:field` in snake_case (`Image:draw_order`). */
  readonly key: string;
  /** Rerun's component type without its namespace (`ImageBuffer`, `DrawOrder`). */
  readonly componentType: string;
  /** The Arrow type of one instance (the item type of the chunk column's list). */
  arrowType(A: ArrowModule): Arrow.DataType;
  /**
   * A logged value → its stored form, through the key's normaliser (`normalize.ts`), the same
   * one `log()` and `sendColumns()` use. Throws with a message saying what was expected and
   * what came.
   */
  normalize(value: unknown): unknown;
  /**
   * A logged value → its instances, each as the plain value `vectorFromArray` takes for
   * {@link arrowType}; the value goes through {@link normalize} first, so it throws as that does.
   */
  toInstances(value: unknown): unknown[];
  /** A batch read from Arrow (never empty) → the value the recording stores. */
  fromInstances(batch: InstancesLike): unknown;
  /** Optional fast path that builds the instances' Arrow data itself (large binary values). */
  toArrowData?(A: ArrowModule, values: readonly unknown[]): Arrow.Data;
}

/** What {@link monoComponent} and {@link batchComponent} take. */
export interface ComponentSpec<T> {
  key: string;
  componentType: string;
  arrowType(A: ArrowModule): Arrow.DataType;
  /** One instance in its stored form (normalised) → its plain Arrow value. */
  write(instance: unknown): unknown;
  /** One Arrow instance → the stored value of that instance. */
  read(instance: unknown): T;
  toArrowData?(A: ArrowModule, values: readonly unknown[]): Arrow.Data;
}

/** The normaliser of a key, as {@link ComponentEntry.normalize} (looked up when called). */
export function normalizerOf(key: string): (value: unknown) => unknown {
  return (value) => normalizeComponent(key, value);
}

/** A component Rerun logs one instance of per row (a buffer, a format, an opacity, …). */
export function monoComponent<T>(spec: ComponentSpec<T>): ComponentEntry {
  const normalize = normalizerOf(spec.key);
  return {
    key: spec.key,
    componentType: spec.componentType,
    arrowType: spec.arrowType,
    normalize,
    toInstances: (value) => [spec.write(normalize(value))],
    fromInstances: (batch) => spec.read(batch.get(0)),
    ...(spec.toArrowData ? { toArrowData: spec.toArrowData } : {}),
  };
}

/**
 * A component of N instances per row (positions, radii, colours, labels, …): the stored value
 * is the array of N instances, and it reads back as N, in order.
 */
export function batchComponent<T>(spec: ComponentSpec<T>): ComponentEntry {
  const normalize = normalizerOf(spec.key);
  return {
    key: spec.key,
    componentType: spec.componentType,
    arrowType: spec.arrowType,
    normalize,
    toInstances: (value) => {
      const stored = normalize(value);
      const items = Array.isArray(stored) ? stored : [stored];
      return items.map((item) => spec.write(item));
    },
    fromInstances: (batch) =>
      Array.from({ length: batch.length }, (_, i) => spec.read(batch.get(i))),
  };
}

// ---- plain values read from Arrow ---------------------------------------------------------

/** A number from an Arrow scalar (bigint for 64-bit types); undefined for null. */
export function plainNumber(v: unknown): number | undefined {
  if (v === null || v === undefined) return undefined;
  return Number(v);
}

/** A named field of an Arrow struct row (a StructRow proxy or a plain object). */
export function structField(row: unknown, name: string): unknown {
  if (!row || typeof row !== 'object') return undefined;
  return (row as Record<string, unknown>)[name];
}

/** The items of an Arrow list value (a Vector) or of a plain array. */
export function listItems(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  const list = v as InstancesLike | null;
  if (!list || typeof list.get !== 'function' || typeof list.length !== 'number') return [];
  return Array.from({ length: list.length }, (_, i) => list.get(i));
}

/** Any Arrow instance as a plain JS value: numbers for bigints, arrays for lists, objects for structs. */
export function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v && typeof v === 'object') {
    const o = v as { toArray?: () => unknown; toJSON?: () => unknown; get?: unknown };
    if (typeof o.toArray === 'function' && typeof o.get === 'function') return o.toArray();
    if (typeof o.toJSON === 'function') return o.toJSON();
  }
  return v;
}

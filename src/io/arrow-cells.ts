/**
 * One cell of a component column → the value the recording stores, through the component
 * table. A cell is a batch of instances (`List<component>`); a few writers store bare values,
 * which the viewer wraps as batches of one, and so do we.
 */
import { componentEntry, plainValue, type InstancesLike } from '../store/components/index.js';

function isList(v: unknown): v is InstancesLike & { toArray(): ArrayLike<unknown> } {
  const list = v as { get?: unknown; toArray?: unknown } | null;
  return !!list && typeof list.get === 'function' && typeof list.toArray === 'function';
}

/**
 * The stored value of one cell. `undefined`: no data in this cell; `null`: an empty batch (or
 * a null instance), which clears the component. A known component converts its batch as its
 * table entry says; an unknown one reads back as its one plain value, or as an array of N.
 */
export function cellValue(component: string, cell: unknown): unknown {
  if (cell === null || cell === undefined) return undefined;
  const batch: InstancesLike = isList(cell) ? cell : { length: 1, get: () => cell };
  if (batch.length === 0) return null;
  const first = batch.get(0);
  if (first === null || first === undefined) return null;
  const entry = componentEntry(component);
  if (entry) return entry.fromInstances(batch);
  if (batch.length === 1) return plainValue(first);
  return Array.from({ length: batch.length }, (_, i) => plainValue(batch.get(i)));
}

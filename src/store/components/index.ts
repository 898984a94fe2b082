/**
 * The component table: one entry per component key the library knows, naming its Rerun
 * component type and Arrow type and converting its values to and from Arrow. `log()` names its
 * keys with {@link componentKey}; the Arrow and `.rrd` readers and the `.rrd` writer convert
 * every value through {@link componentEntry}. Keys not in the table are stored as given and
 * read back as plain values (a batch of N instances as N), and the writer skips them.
 *
 * Adding an archetype is adding its entries: a file next to this one exporting an array of
 * {@link ComponentEntry} (made with `monoComponent` / `batchComponent` from `entry.ts`, or the
 * scalar helpers of `scalars.ts`), listed in `TABLE` below.
 */
import { annotationContextComponents } from './annotation-context.js';
import type { ComponentEntry } from './entry.js';
import { imageComponents } from './image.js';
import { scalarComponents } from './scalars.js';

export type { ArrowModule, ComponentEntry, ComponentSpec, InstancesLike } from './entry.js';
export { batchComponent, monoComponent, plainValue } from './entry.js';
export { BUFFER_IMAGES, componentKey, imageRow } from './keys.js';
export { f32Component, filterComponent, utf8Component } from './scalars.js';

const TABLE = new Map<string, ComponentEntry>();

/** Adds entries to the table; a key may be registered once. */
export function registerComponents(entries: readonly ComponentEntry[]): void {
  for (const entry of entries) {
    if (TABLE.has(entry.key)) throw new Error(`component ${entry.key} is registered twice`);
    TABLE.set(entry.key, entry);
  }
}

registerComponents([...imageComponents, ...scalarComponents, ...annotationContextComponents]);

/** The entry of a component key, or undefined for a key the table does not know. */
export function componentEntry(key: string): ComponentEntry | undefined {
  return TABLE.get(key);
}

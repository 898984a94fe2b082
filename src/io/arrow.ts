/**
 * apache-arrow, loaded on first use, and the structural types the Arrow readers take.
 *
 * This is the one place that loads apache-arrow (`await import('./vendor/apache-arrow.js')`):
 * Arrow support costs nothing until Arrow or `.rrd` data is actually given. Everything else
 * imports Arrow types only.
 */
import type { ArrowModule } from '../store/components/index.js';

export type { ArrowModule };
export { isArrowTable, type ArrowTableLike, type ArrowVectorLike } from './arrow-like.js';

let arrowModule: Promise<ArrowModule> | undefined;
/** apache-arrow, loaded on first use. */
export function loadArrow(): Promise<ArrowModule> {
  // The package's own copy (src/io/vendor/, bundled into dist/io/vendor/ by the build): users
  // install no apache-arrow, and bundlers put it in a chunk that loads only here.
  return (arrowModule ??= import('./vendor/apache-arrow.js') as Promise<ArrowModule>);
}

/** Raised for Arrow data that does not follow Rerun's layout. */
export class ArrowLayoutError extends Error {
  override name = 'ArrowLayoutError';
}

/**
 * apache-arrow, loaded on first use, and the structural types the Arrow readers take.
 *
 * This is the one place that loads apache-arrow (`await import('apache-arrow')`): Arrow support
 * costs nothing until Arrow or `.rrd` data is actually given. Everything else imports Arrow
 * types only.
 */
import type { ArrowModule } from '../store/components/index.js';

export type { ArrowModule };

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

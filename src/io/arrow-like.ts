/**
 * The structural types of the Arrow data the readers take (as Arquero does): any copy of
 * apache-arrow fits them, and they import nothing, so the public types pull in no apache-arrow
 * (and through it no Node) types.
 */

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

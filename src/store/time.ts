/**
 * Time values on timelines (SPEC §7). Every timeline holds i64 values; `duration` and
 * `timestamp` are nanoseconds. Times are kept as bigint so values beyond 2^53 stay exact.
 */

/** The three kinds of Rerun timeline. */
export type TimelineKind = 'sequence' | 'duration' | 'timestamp';

/** A raw time value: a safe-integer number or a bigint (nanoseconds for duration/timestamp). */
export type TimeValue = number | bigint;

/** A time on one timeline; the object forms name the timeline's kind. */
export type TimeInput =
  TimeValue | { sequence: TimeValue } | { duration: TimeValue } | { timestamp: TimeValue };

/** A value tagged with a timeline kind, or the bare value (kind unknown). */
export type KindTagged<T> = T | { sequence: T } | { duration: T } | { timestamp: T };

/** The smallest valid time: i64::MIN + 1, since Rerun reserves i64::MIN for static data. */
export const TIME_INT_MIN = -(2n ** 63n) + 1n;

/** The largest valid time: i64::MAX. */
export const TIME_INT_MAX = 2n ** 63n - 1n;

const KINDS: readonly TimelineKind[] = ['sequence', 'duration', 'timestamp'];

/** Converts a time value to the exact i64 it stands for; throws on anything else. */
export function toTimeInt(v: TimeValue): bigint {
  let t: bigint;
  if (typeof v === 'bigint') {
    t = v;
  } else if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) {
      throw new TypeError(
        Number.isInteger(v)
          ? `expected a time as a safe integer (|t| ≤ 2^53−1) or a bigint, got ${v}, which a number cannot hold exactly; pass a bigint`
          : `expected a time as an integer (number or bigint), got ${v}`,
      );
    }
    t = BigInt(v);
  } else {
    throw new TypeError(`expected a time as a number or bigint, got ${describe(v)}`);
  }
  if (t < TIME_INT_MIN || t > TIME_INT_MAX) {
    throw new RangeError(
      `expected a time in i64::MIN+1 … i64::MAX (${TIME_INT_MIN} … ${TIME_INT_MAX}; i64::MIN is reserved for static data), got ${t}`,
    );
  }
  return t;
}

/**
 * Splits `{sequence: x}` / `{duration: x}` / `{timestamp: x}` into kind and value; anything
 * else is returned as the value with no kind. Throws when an object names no kind or several.
 */
export function unwrapTimeKind<T>(input: KindTagged<T>): {
  kind: TimelineKind | undefined;
  value: T;
} {
  if (typeof input !== 'object' || input === null || 'length' in input) {
    return { kind: undefined, value: input as T };
  }
  const found = KINDS.filter((k) => k in input);
  if (found.length !== 1) {
    throw new TypeError(
      `expected exactly one of {sequence}, {duration} or {timestamp}, got an object with ${
        found.length === 0 ? `keys [${Object.keys(input).join(', ')}]` : found.join(' and ')
      }`,
    );
  }
  const kind = found[0]!;
  return { kind, value: (input as Record<TimelineKind, T>)[kind] };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  return typeof v;
}

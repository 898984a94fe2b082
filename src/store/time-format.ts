/**
 * Time values as people read them, by timeline kind (SPEC §7): sequence steps as integers,
 * durations in s or ms, timestamps as local date-time. Everything is done on the bigint
 * nanoseconds, so times beyond 2^53 ns (every real timestamp) keep their last digits.
 */
import type { TimelineKind } from './time.js';

const NS_PER_MS = 1_000_000n;
const NS_PER_S = 1_000_000_000n;

function abs(t: bigint): bigint {
  return t < 0n ? -t : t;
}

/** `digits` of the fraction `rest / unit`, trailing zeros dropped ("" when there is none). */
function fraction(rest: bigint, digits: number): string {
  if (rest === 0n) return '';
  return '.' + rest.toString().padStart(digits, '0').replace(/0+$/, '');
}

/** A duration in nanoseconds: `1.5 s`, `-2 s`, `250 ms`, `0.000001 ms`; exact. */
export function formatDuration(ns: bigint): string {
  const sign = ns < 0n ? '-' : '';
  const a = abs(ns);
  if (a >= NS_PER_S || a === 0n) return `${sign}${a / NS_PER_S}${fraction(a % NS_PER_S, 9)} s`;
  return `${sign}${a / NS_PER_MS}${fraction(a % NS_PER_MS, 6)} ms`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * A timestamp in nanoseconds since the Unix epoch as local date-time,
 * `2024-05-06 07:08:09.123456789` (fraction only as long as needed); exact to the nanosecond.
 */
export function formatTimestamp(ns: bigint, options: { timeZone?: 'local' | 'utc' } = {}): string {
  // Whole milliseconds go through Date (they fit a double exactly: |i64 ns| / 1e6 < 2^53);
  // the sub-millisecond rest stays a bigint.
  let ms = ns / NS_PER_MS;
  let sub = ns % NS_PER_MS;
  if (sub < 0n) {
    sub += NS_PER_MS;
    ms -= 1n;
  }
  const date = new Date(Number(ms));
  if (Number.isNaN(date.getTime())) return `${ns} ns`;
  const utc = options.timeZone === 'utc';
  const y = utc ? date.getUTCFullYear() : date.getFullYear();
  const mo = (utc ? date.getUTCMonth() : date.getMonth()) + 1;
  const d = utc ? date.getUTCDate() : date.getDate();
  const h = utc ? date.getUTCHours() : date.getHours();
  const mi = utc ? date.getUTCMinutes() : date.getMinutes();
  const s = utc ? date.getUTCSeconds() : date.getSeconds();
  const msPart = BigInt(utc ? date.getUTCMilliseconds() : date.getMilliseconds());
  const subSecond = msPart * NS_PER_MS + sub;
  const year = y < 0 ? `-${pad(-y, 4)}` : pad(y, 4);
  return `${year}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}${fraction(subSecond, 9)}`;
}

/** A time on a timeline of the given kind, formatted for people. */
export function formatTime(
  time: bigint,
  kind: TimelineKind,
  options: { timeZone?: 'local' | 'utc' } = {},
): string {
  switch (kind) {
    case 'sequence':
      return time.toString();
    case 'duration':
      return formatDuration(time);
    case 'timestamp':
      return formatTimestamp(time, options);
  }
}

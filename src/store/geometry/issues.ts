/**
 * Building {@link GeometryIssue}s: one sentence that names the field (as property and
 * attribute), what was expected, what came, and which instances were left out.
 */
import type { GeometryIssue } from './types.js';

/** `classIds` → `class-ids`. */
export function attributeName(field: string): string {
  return field.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/** A value shortened for a message. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const text = JSON.stringify(value);
    return text.length > 60 ? text.slice(0, 57) + '…"' : text;
  }
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (ArrayBuffer.isView(value)) {
    const n = (value as unknown as ArrayLike<unknown>).length ?? value.byteLength;
    return `a ${value.constructor.name} of ${n}`;
  }
  try {
    // NaN and ±Infinity as themselves, not as JSON's null.
    const text = JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'number' && !Number.isFinite(v) ? `\u0000${v}\u0000` : v,
    )?.replace(/"\\u0000(.*?)\\u0000"/g, '$1');
    if (text === undefined) return typeof value;
    return text.length > 60 ? text.slice(0, 57) + '…' : text;
  } catch {
    return typeof value;
  }
}

/** "instances 3, 5 and 9" (at most ten listed). */
function listInstances(instances: readonly number[]): string {
  const shown = instances.slice(0, 10);
  const more = instances.length > 10 ? ` and ${instances.length - 10} more` : '';
  if (shown.length === 1 && !more) return `instance ${shown[0]}`;
  if (more) return `instances ${shown.join(', ')}${more}`;
  return `instances ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * An issue for `field`. `instances` (indices in the logged data) are the ones left out
 * because of it; without them the message ends with `outcome` (default: the field's value
 * was ignored as a whole and its fallback used).
 */
export function issue(
  field: string,
  expected: string,
  got: string,
  instances?: readonly number[],
  outcome = 'ignored',
): GeometryIssue {
  const attribute = attributeName(field);
  const where = attribute === field ? field : `${field} (${attribute})`;
  const consequence = instances?.length ? `${listInstances(instances)} left out` : outcome;
  const result: GeometryIssue = {
    field,
    attribute,
    expected,
    got,
    message: `${where}: expected ${expected}, got ${got}; ${consequence}`,
  };
  if (instances?.length) result.instances = [...instances];
  return result;
}

/** One message for `rr-error`: the first issue, and how many more there are. */
export function describeIssues(issues: readonly GeometryIssue[]): string {
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : '';
  return issues[0]!.message + more;
}

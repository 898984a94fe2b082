/**
 * Checked attributes: one way for every layer element (images, segmentations, and the geometry
 * layers) to read a number or enum attribute. A value that makes no sense fires `rr-error`
 * naming the attribute, what was expected and what came, and the element keeps its last good
 * value; a number outside a range Rerun clamps is clamped without an error (opacity 2 → 1).
 *
 * ```ts
 * #attributes = new CheckedAttributes(this, () => this.entityPath, () => this.requestUpdate());
 * const width = this.#attributes.read('radius', this.radius, numberAttribute({ min: 0 }));
 * ```
 */
import { describeValue } from '../../store/describe-value.js';
import { MAGNIFICATION_FILTERS } from '../../store/components/normalize.js';
import { reportError } from './errors.js';

/**
 * `hasChanged` of a Number property: NaN is a change every time, so that `opacity="abc"` after
 * `opacity="half"` (both NaN) is checked and reported again.
 */
export function changedOrNaN(value: unknown, old: unknown): boolean {
  return !Object.is(value, old) || Number.isNaN(value);
}

/** Thrown by a parser: `expected` says what the attribute takes ("a number from 0 to 1"). */
export class AttributeValueError extends Error {
  constructor(readonly expected: string) {
    super(`expected ${expected}`);
    this.name = 'AttributeValueError';
  }
}

/** Turns a property value into the value used (undefined: the default), or throws AttributeValueError. */
export type AttributeParser<T> = (value: unknown) => T | undefined;

/** Options of `numberAttribute`. */
export interface NumberAttributeOptions {
  min?: number;
  max?: number;
  /** Outside [min, max]: clamp silently (Rerun clamps) instead of an error. */
  clamp?: boolean;
  /** What the number is, for the message ("a width in CSS pixels"); default "a finite number". */
  what?: string;
}

/** A finite number (also from a numeric string), optionally in [min, max] or clamped to it. */
export function numberAttribute(options: NumberAttributeOptions = {}): AttributeParser<number> {
  const { min = -Infinity, max = Infinity, clamp = false, what = 'a finite number' } = options;
  let range = '';
  if (!clamp && min > -Infinity && max < Infinity) range = ` from ${min} to ${max}`;
  else if (!clamp && min > -Infinity) range = ` ≥ ${min}`;
  else if (!clamp && max < Infinity) range = ` ≤ ${max}`;
  const expected = `${what}${range}`;
  return (value) => {
    if (value === undefined || value === null || value === '') return undefined;
    let n = NaN;
    if (typeof value === 'number') n = value;
    else if (typeof value === 'string' && value.trim() !== '') n = Number(value);
    if (!Number.isFinite(n)) throw new AttributeValueError(expected);
    if (clamp) return Math.min(max, Math.max(min, n));
    if (n < min || n > max) throw new AttributeValueError(expected);
    return n;
  };
}

/** One of `names` (case and surrounding spaces ignored); `numbers` maps Rerun's enum numbers. */
export function enumAttribute<T extends string>(
  names: readonly T[],
  numbers: Readonly<Record<number, T>> = {},
): AttributeParser<T> {
  const expected = `one of ${names.map((n) => `"${n}"`).join(', ')}`;
  return (value) => {
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'number' && Object.hasOwn(numbers, value)) return numbers[value];
    if (typeof value === 'string') {
      const v = value.trim().toLowerCase();
      const found = names.find((name) => name === v);
      if (found) return found;
    }
    throw new AttributeValueError(expected);
  };
}

/** Rerun's MagnificationFilter, by name or by its enum number (`<rr-image>`, `<rr-depth-image>`). */
export const MAGNIFICATION_FILTER = enumAttribute(
  MAGNIFICATION_FILTERS,
  Object.fromEntries(MAGNIFICATION_FILTERS.map((name, i) => [i + 1, name])),
);

/** What the data parsers of src/store/geometry give: a value, or issues saying what they expected. */
export interface ParsedLike {
  value: unknown;
  issues: ReadonlyArray<{ expected: string }>;
}

/**
 * An attribute read by one of the data parsers (radius, color, class-ids, colormap, …), so the
 * attribute takes exactly what the data takes: the value as given when the parser reads it
 * without a problem (the element's data path then reads it as before), else an
 * AttributeValueError with what the parser expected. Absent (`undefined`, `null`, or what the
 * parser reads as nothing): undefined.
 */
export function parsedAttribute(parse: (value: unknown) => ParsedLike): AttributeParser<unknown> {
  return (value) => {
    if (value === undefined || value === null) return undefined;
    const parsed = parse(value);
    const problem = parsed.issues[0];
    if (problem) throw new AttributeValueError(problem.expected);
    return parsed.value === undefined ? undefined : value;
  };
}

/**
 * The checked attributes of one element: their last good values and current errors. An error
 * is reported once (rr-error and console.warn) when it appears; `message` is what the element
 * shows in its `part="error"` while the error lasts.
 */
export class CheckedAttributes {
  #good = new Map<string, unknown>();
  #errors = new Map<string, string>();

  constructor(
    private readonly host: HTMLElement,
    private readonly entity: () => string | undefined = () => undefined,
    private readonly changed: () => void = () => {},
  ) {}

  /**
   * The value to use for `attribute`: `value` parsed, or (when it makes no sense) the last good
   * value, with an rr-error. `value` is the property; for a NaN that a Number converter made of
   * the attribute's text, the text is what the message names.
   */
  read<T>(attribute: string, value: unknown, parse: AttributeParser<T>): T | undefined {
    try {
      const parsed = parse(value);
      this.#good.set(attribute, parsed);
      this.#setError(attribute, undefined);
      return parsed;
    } catch (error) {
      if (!(error instanceof AttributeValueError)) throw error;
      // The attribute's text when the value was converted from it (a Number converter makes
      // NaN of "abc"), else the value itself (a property set from script).
      const text = this.host.getAttribute(attribute);
      const fromText = text !== null && typeof value === 'number' && Object.is(Number(text), value);
      const came = describeValue(fromText ? text : value);
      this.#setError(attribute, `${attribute}: expected ${error.expected}, got ${came}`);
      return this.#good.get(attribute) as T | undefined;
    }
  }

  /** The first current error, if any. */
  get message(): string | undefined {
    return this.#errors.values().next().value;
  }

  #setError(attribute: string, message: string | undefined): void {
    const before = this.#errors.get(attribute);
    if (message === before) return;
    if (message === undefined) this.#errors.delete(attribute);
    else {
      this.#errors.set(attribute, message);
      reportError(this.host, { entity: this.entity(), message });
    }
    this.changed();
  }
}

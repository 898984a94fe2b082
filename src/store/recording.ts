/**
 * The in-memory recording: components of entities on timelines, queried latest-at exactly as
 * Rerun's chunk store does (SPEC §7), plus the time cursor that every element of a page or
 * `<rr-context>` shares.
 */

import { describeValue } from './describe-value.js';
import { formatEntityPath, normalizeEntityPath, parseEntityPath } from './entity-path.js';
import { toTimeInt, unwrapTimeKind } from './time.js';
import type { KindTagged, TimeInput, TimelineKind, TimeValue } from './time.js';
import { componentKey } from './components/keys.js';
import { normalizeComponent } from './components/normalize.js';

/** An entity given as a path string (parsed forgivingly) or as its unescaped parts. */
export type EntityPathInput = string | readonly string[];

/** A row logged with `log`: the archetype's name plus its fields, in camelCase. */
export interface ArchetypeRow {
  /** The Rerun archetype name, e.g. `Image`, `SegmentationImage`, `AnnotationContext`. */
  archetype: string;
  [field: string]: unknown;
}

/** Options of {@link Recording.logComponents} and {@link Recording.log}. */
export interface LogOptions {
  /** Log static data, shadowing all temporal data of the same components. */
  static?: boolean;
  /** Times of the row per timeline, e.g. `{step: 3}`; none (or `{}`) means static. */
  time?: Record<string, TimeInput>;
}

/** One index of {@link Recording.sendColumns}: the N times, optionally tagged with a kind. */
export type TimeColumnInput = KindTagged<ArrayLike<TimeValue>>;

/** One row of {@link Recording.logRows}: what `logComponents` takes, for many rows at once. */
export interface BatchRow {
  entity: EntityPathInput;
  /** Component key (`Image:buffer`) → value. */
  components: Record<string, unknown>;
  /** Times per timeline, optionally kind-tagged; none (or `static: true`) means static. */
  time?: Record<string, TimeInput>;
  static?: boolean;
}

/** The rows one {@link Recording.logRows} call logged: RowIds `first` to `last`, inclusive. */
export interface RowRange {
  first: number;
  last: number;
}

/** Options of {@link Recording.logRows}. */
export interface LogRowsOptions {
  /** Rows an earlier `logRows` logged that the new rows replace: removed in the same change. */
  replaces?: RowRange;
}

/** One logged row as {@link Recording.exportRows} gives it back. */
export interface ExportedRow {
  /** Increases with every logged row: the order rows were logged in. */
  rowId: number;
  /** Canonical entity path. */
  entity: string;
  /** Times per timeline; empty for static rows. */
  times: Map<string, bigint>;
  static: boolean;
  /** Component key → value (`null` = cleared). */
  components: Map<string, unknown>;
}

/** A row found by a latest-at query. */
export interface LatestAtRow {
  /** The logged value (never null: a cleared row is reported as no row). */
  value: unknown;
  /** Increases with every logged row; a cheap cache key for derived data. */
  rowId: number;
  /** Whether the value is static. */
  static: boolean;
  /** The row's time on the queried timeline; absent for static rows. */
  time?: bigint;
}

/** What {@link Recording.timelines} reports per timeline. */
export interface TimelineInfo {
  /** The timeline's kind, fixed by its first use. */
  kind: TimelineKind;
  /** The smallest time holding data. */
  min: bigint;
  /** The largest time holding data. */
  max: bigint;
}

/** Detail of the `change` event. */
export interface RecordingChangeDetail {
  /** Canonical paths of the entities whose data changed. */
  entities: string[];
}

/** Detail of the `time-change` event. */
export interface TimeChangeDetail {
  /** The effective active timeline. */
  timeline: string | undefined;
  /** The effective cursor time on it. */
  time: bigint | undefined;
}

/**
 * Detail of the `error` event: a value given to `log()` or `sendColumns()` that makes no sense
 * for its component, so it was not stored (the component keeps its last good value).
 */
export interface RecordingErrorDetail {
  /** Canonical path of the entity the value was logged to. */
  entity: string;
  /** The component key (`Image:opacity`). */
  component: string;
  /** Names the call, entity, component, what was expected and what came. */
  message: string;
}

/** The events a {@link Recording} dispatches. */
export interface RecordingEventMap {
  change: CustomEvent<RecordingChangeDetail>;
  'time-change': CustomEvent<TimeChangeDetail>;
  /**
   * A logged value was not stored (see {@link RecordingErrorDetail}); cancelable: an element
   * that shows the entity calls `preventDefault()` when it reports the problem itself.
   */
  error: CustomEvent<RecordingErrorDetail>;
}

/** One value of a row that was not stored: its component key and why. */
interface ValueProblem {
  key: string;
  message: string;
  /** sendColumns(): the first bad row, and how many rows of this component were bad. */
  row?: number;
  rows?: number;
}

function problemMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The annotation context found for an entity, and where it was found. */
export interface AnnotationContextMatch {
  /** Canonical path of the entity that holds the context. */
  entity: string;
  /** The context value as stored: parsed by its normaliser when it came through `log()`. */
  context: unknown;
}

interface TemporalRow {
  time: bigint;
  rowId: number;
  value: unknown;
}

interface ComponentData {
  static?: { rowId: number; value: unknown };
  /** Per timeline, sorted by (time, rowId). */
  temporal: Map<string, TemporalRow[]>;
}

interface EntityData {
  parts: readonly string[];
  components: Map<string, ComponentData>;
}

type ResolvedTimes = Array<{ timeline: string; kind: TimelineKind; time: bigint }>;

const ANNOTATION_CONTEXT = 'AnnotationContext:context';

export { componentKey };

/** The same kind of error with where it happened put in front of its message. */
function withContext(e: unknown, prefix: string): unknown {
  if (e instanceof RangeError) return new RangeError(prefix + e.message);
  if (e instanceof TypeError) return new TypeError(prefix + e.message);
  return e;
}

/** Index of the first row whose time is > t (rows sorted by time). */
function upperBound(rows: readonly TemporalRow[], t: bigint): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.time <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function comparePaths(a: EntityData, b: EntityData): number {
  const n = Math.min(a.parts.length, b.parts.length);
  for (let i = 0; i < n; i++) {
    const x = a.parts[i]!;
    const y = b.parts[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.parts.length - b.parts.length;
}

function isPrefix(prefix: readonly string[], parts: readonly string[]): boolean {
  return prefix.length <= parts.length && prefix.every((p, i) => p === parts[i]);
}
/** An entity path must be a string or an array of parts (a number is a mistake to name). */
function checkEntityInput(entity: unknown, where: string): void {
  if (typeof entity === 'string') return;
  if (Array.isArray(entity) && entity.every((part) => typeof part === 'string')) return;
  throw new TypeError(
    `${where}: expected an entity path (a string like "world/camera", or an array of parts), got ${describeValue(entity)}`,
  );
}

function checkArchetype(row: unknown, method: string): asserts row is ArchetypeRow {
  const name = (row as { archetype?: unknown } | null | undefined)?.archetype;
  if (typeof name !== 'string' || name === '') {
    throw new TypeError(
      `${method}: expected an object with an "archetype" name, e.g. {archetype: 'Image', buffer, format}, got ${
        row === null || typeof row !== 'object'
          ? String(row)
          : `archetype ${typeof name === 'string' ? '""' : String(name)}`
      }`,
    );
  }
}

/**
 * A recording: the entity tree with its components on timelines, and the time cursor.
 *
 * Component keys are `Archetype:field` strings (`Image:buffer`, `AnnotationContext:context`);
 * values are opaque. A `null` value is a real row meaning "cleared": latest-at finds it and
 * reports nothing, so it hides older rows (Rerun skips null cells; a cleared component in
 * Rerun is an empty one, which draws nothing just the same).
 *
 * `log()` and `sendColumns()` check every value through its component's normaliser
 * (`components/normalize.ts`): a value that makes no sense (`opacity: 'abc'`, `drawOrder: {}`,
 * an annotation context of `'garbage'`, positions that are not numbers) is not stored, so the
 * component keeps its last good value, and an `error` event names it; nothing is thrown for
 * it. Values Rerun clamps are clamped (opacity 2 → 1). What is wrong with the call itself (no
 * archetype, an entity path that is not one, bad times, columns of the wrong length) throws.
 *
 * @fires change - after every log, logComponents, sendColumns and clearEntity call
 * @fires time-change - whenever the effective `timeline` or `time` changes, for any reason
 * @fires error - a value given to log() or sendColumns() was not stored (see RecordingErrorDetail)
 */
export class Recording extends EventTarget {
  #entities = new Map<string, EntityData>();
  /** Entity → component key → the problem of the last value given for it, until a good one comes. */
  #problems = new Map<string, Map<string, RecordingErrorDetail>>();
  #timelines = new Map<string, TimelineInfo>();
  #nextRowId = 1;
  #explicitTimeline: string | undefined;
  /** Cursor times set per timeline, so switching timelines back and forth keeps each one. */
  #explicitTimes = new Map<string, bigint>();

  // ---- events ------------------------------------------------------------------------------

  /** Typed listener registration for `change` and `time-change`. */
  override addEventListener<K extends keyof RecordingEventMap>(
    type: K,
    listener: ((this: Recording, ev: RecordingEventMap[K]) => unknown) | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | ((ev: never) => unknown) | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  /** Typed listener removal for `change` and `time-change`. */
  override removeEventListener<K extends keyof RecordingEventMap>(
    type: K,
    listener: ((this: Recording, ev: RecordingEventMap[K]) => unknown) | null,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | ((ev: never) => unknown) | null,
    options?: boolean | EventListenerOptions,
  ): void {
    super.removeEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  // ---- writing -----------------------------------------------------------------------------

  /**
   * Logs one row of components. Without `time` (or with `static: true`) the row is static.
   * `undefined` values are skipped; `null` values clear the component (see the class doc).
   */
  logComponents(
    entity: EntityPathInput,
    components: Record<string, unknown>,
    options: LogOptions = {},
  ): void {
    checkEntityInput(entity, 'logComponents');
    if (components === null || typeof components !== 'object') {
      throw new TypeError(
        `logComponents: expected an object of components, got ${describeValue(components)}`,
      );
    }
    const times =
      options.static === true || options.time === undefined ? [] : this.#resolveTimes(options.time);
    // A row on no timeline is static, as a Rerun chunk without time columns is.
    const isStatic = times.length === 0;
    const before = this.#cursor();
    const parts = [...this.#parts(entity)];
    const path = formatEntityPath(parts);
    const entries = Object.entries(components).filter(([, value]) => value !== undefined);
    // Nothing stored, no entity: an entity exists once it holds data.
    if (entries.length > 0) {
      const data = this.#entityData(parts, path);
      const rowId = this.#nextRowId++;
      for (const [key, value] of entries)
        this.#insert(data, path, key, rowId, value, isStatic ? undefined : times);
      this.#noteTimes(times);
    }
    this.#afterWrite([path], before);
  }

  /**
   * Logs one archetype row, e.g. `{archetype: 'Image', buffer, format, drawOrder}`. Every field
   * is normalised by its component (see the class doc): a bad one is left out and reported
   * with an `error` event, the others are stored.
   */
  log(entity: EntityPathInput, archetype: ArchetypeRow, options: LogOptions = {}): void {
    checkEntityInput(entity, 'log');
    checkArchetype(archetype, 'log');
    const { archetype: name, ...fields } = archetype;
    const problems: ValueProblem[] = [];
    const components = normalizeRow(name, fields, (key, message) =>
      problems.push({ key, message }),
    );
    this.logComponents(entity, components, options);
    this.#reportProblems('log()', entity, problems);
  }

  /**
   * Logs N rows at once, like Rerun's `send_columns`. Every index holds N times; every column
   * field is an array of N values, or one ArrayBufferView (or ArrayBuffer) whose bytes are
   * split evenly into N Uint8Array views without copying. Per-row scalars (opacity, draw
   * order, …) must therefore be plain arrays.
   */
  sendColumns(
    entity: EntityPathInput,
    indexes: Record<string, TimeColumnInput>,
    columns: ArchetypeRow,
  ): void {
    checkArchetype(columns, 'sendColumns');
    const names = Object.keys(indexes ?? {});
    if (names.length === 0) {
      throw new TypeError(
        'sendColumns: expected at least one index, e.g. {step: [0, 1, 2]}, got none',
      );
    }

    // Validate everything before storing anything, so a bad call leaves the recording as it was.
    let n: number | undefined;
    const timeColumns: Array<{ timeline: string; kind: TimelineKind; times: bigint[] }> = [];
    for (const name of names) {
      const { kind: given, value } = unwrapTimeKind(indexes[name]!);
      if (value === null || typeof value !== 'object' || typeof value.length !== 'number') {
        throw new TypeError(
          `sendColumns: expected index "${name}" to be an array of times, got ${String(value)}`,
        );
      }
      if (n !== undefined && value.length !== n) {
        throw new RangeError(
          `sendColumns: expected every index to have the same length, but "${names[0]}" has ${n} and "${name}" has ${value.length}`,
        );
      }
      n = value.length;
      const times = Array.from(value, (v, i) => {
        try {
          return toTimeInt(v);
        } catch (e) {
          throw withContext(e, `sendColumns: index "${name}" row ${i}: `);
        }
      });
      timeColumns.push({ timeline: name, kind: this.#kindFor(name, given), times });
    }
    const rows = n!;

    const hooks = ARCHETYPE_FIELDS.get(columns.archetype);
    const split = hooks?.splitColumn ?? splitColumn;
    const given: Array<{ field: string; values: ArrayLike<unknown> }> = [];
    for (const [field, column] of Object.entries(columns)) {
      if (field === 'archetype' || column === undefined) continue;
      given.push({ field, values: split(field, column, rows) });
    }
    // Every row checked and converted (e.g. Boxes2D forms become half sizes and centres); a
    // bad value is left out of its row and reported once per component, naming its first row.
    const problems = new Map<string, ValueProblem>();
    const stored = Array.from({ length: rows }, (_, i) => {
      const row: Record<string, unknown> = {};
      for (const { field, values } of given) row[field] = values[i];
      return normalizeRow(columns.archetype, row, (key, message) => {
        const seen = problems.get(key);
        if (seen) seen.rows!++;
        else problems.set(key, { key, message, row: i, rows: 1 });
      });
    });

    const before = this.#cursor();
    const parts = [...this.#parts(entity)];
    const path = formatEntityPath(parts);
    for (let i = 0; i < rows; i++) {
      const rowId = this.#nextRowId++;
      const times: ResolvedTimes = timeColumns.map((c) => ({
        timeline: c.timeline,
        kind: c.kind,
        time: c.times[i]!,
      }));
      let storedAny = false;
      for (const [key, value] of Object.entries(stored[i]!)) {
        if (value === undefined) continue;
        this.#insert(this.#entityData(parts, path), path, key, rowId, value, times);
        storedAny = true;
      }
      if (storedAny) this.#noteTimes(times);
    }
    this.#afterWrite([path], before);
    this.#reportProblems('sendColumns()', entity, [...problems.values()]);
  }

  /**
   * Logs many rows at once, in order, as one change: every row is checked (entity path,
   * times, timeline kinds) before any is stored, so a bad row leaves the recording untouched.
   * Loaders use it to commit a whole parsed file; with `replaces`, the rows of the file loaded
   * before are removed in the same change. Returns the RowIds given to the rows.
   */
  logRows(rows: readonly BatchRow[], options: LogRowsOptions = {}): RowRange {
    const kinds = new Map<string, TimelineKind>();
    const replaced = options.replaces;
    const prepared = rows.map((row, i) => {
      try {
        const parts = [...this.#parts(row.entity)];
        const times =
          row.static === true || row.time === undefined ? [] : this.#resolveTimes(row.time, kinds);
        for (const t of times) kinds.set(t.timeline, t.kind);
        const entries = Object.entries(row.components ?? {}).filter(([, v]) => v !== undefined);
        return { parts, path: formatEntityPath(parts), times, entries };
      } catch (e) {
        throw withContext(e, `logRows: row ${i}: `);
      }
    });
    const before = this.#cursor();
    const touched = new Set<string>(replaced ? this.#removeRows(replaced) : []);
    const first = this.#nextRowId;
    for (const { parts, path, times, entries } of prepared) {
      if (entries.length === 0) continue;
      const data = this.#entityData(parts, path);
      const rowId = this.#nextRowId++;
      for (const [key, value] of entries)
        this.#insert(data, path, key, rowId, value, times.length === 0 ? undefined : times);
      this.#noteTimes(times);
      touched.add(path);
    }
    this.#afterWrite([...touched], before);
    return { first, last: this.#nextRowId - 1 };
  }

  /** Every stored row of every entity, rows of one entity in logged order; for writers. */
  exportRows(): ExportedRow[] {
    const out: ExportedRow[] = [];
    for (const data of [...this.#entities.values()].sort(comparePaths)) {
      const entity = formatEntityPath(data.parts);
      const byId = new Map<number, ExportedRow>();
      const rowFor = (rowId: number, isStatic: boolean): ExportedRow => {
        let row = byId.get(rowId);
        if (!row) {
          row = { rowId, entity, times: new Map(), static: isStatic, components: new Map() };
          byId.set(rowId, row);
        }
        return row;
      };
      for (const [key, column] of data.components) {
        if (column.static)
          rowFor(column.static.rowId, true).components.set(key, column.static.value);
        for (const [timeline, rows] of column.temporal) {
          for (const r of rows) {
            const row = rowFor(r.rowId, false);
            row.times.set(timeline, r.time);
            row.components.set(key, r.value);
          }
        }
      }
      out.push(...[...byId.values()].sort((a, b) => a.rowId - b.rowId));
    }
    return out;
  }

  /** Removes all data of exactly this entity (not its children). */
  clearEntity(entity: EntityPathInput): void {
    const key = this.#key(entity);
    const before = this.#cursor();
    this.#problems.delete(key);
    if (this.#entities.delete(key)) this.#recomputeTimelines();
    this.#afterWrite([key], before);
  }

  // ---- latest-at ---------------------------------------------------------------------------

  /**
   * The latest-at value of one component (SPEC §7): static wins; else the row with the
   * greatest time ≤ `time` on `timeline`, last logged winning ties. No timeline: static only;
   * a timeline but no time: the latest row on it.
   */
  latestAt(
    entity: EntityPathInput,
    component: string,
    timeline?: string,
    time?: TimeValue,
  ): unknown {
    return this.latestAtRow(entity, component, timeline, time)?.value;
  }

  /** Like {@link latestAt}, but with the row's RowId, time and whether it is static. */
  latestAtRow(
    entity: EntityPathInput,
    component: string,
    timeline?: string,
    time?: TimeValue,
  ): LatestAtRow | undefined {
    const column = this.#entities.get(this.#key(entity))?.components.get(component);
    if (!column) return undefined;
    if (column.static) {
      const { rowId, value } = column.static;
      return value === null ? undefined : { value, rowId, static: true };
    }
    if (timeline === undefined) return undefined;
    const rows = column.temporal.get(timeline);
    if (!rows || rows.length === 0) return undefined;
    // Rows are sorted by (time, rowId), so the last row at or before t is also the last logged
    // one among equal times.
    const i = time === undefined ? rows.length - 1 : upperBound(rows, toTimeInt(time)) - 1;
    const row = rows[i];
    if (!row || row.value === null) return undefined;
    return { value: row.value, rowId: row.rowId, static: false, time: row.time };
  }

  /**
   * The annotation context that applies to an entity (SPEC §4.1): the nearest of the entity
   * itself and its ancestors holding one at the given time (default: the cursor). Not merged.
   */
  annotationContextFor(
    entity: EntityPathInput,
    timeline?: string,
    time?: TimeValue,
  ): AnnotationContextMatch | undefined {
    if (timeline === undefined && time === undefined) {
      timeline = this.timeline;
      time = this.time;
    }
    const parts = typeof entity === 'string' ? parseEntityPath(entity) : entity;
    for (let n = parts.length; n >= 0; n--) {
      const path = formatEntityPath(parts.slice(0, n));
      if (!this.#entities.has(path)) continue;
      const context = this.latestAt(path, ANNOTATION_CONTEXT, timeline, time);
      if (context !== undefined) return { entity: path, context };
    }
    return undefined;
  }

  /**
   * The values given to `log()` / `sendColumns()` for this entity (all entities when none is
   * given) that were not stored, one per component, until a good value of that component is
   * stored (or the entity cleared).
   */
  problems(entity?: EntityPathInput): RecordingErrorDetail[] {
    if (entity === undefined) return [...this.#problems.values()].flatMap((m) => [...m.values()]);
    return [...(this.#problems.get(this.#key(entity))?.values() ?? [])];
  }

  /** The problem of the last value given for one component, if it was not stored. */
  problem(entity: EntityPathInput, component: string): RecordingErrorDetail | undefined {
    if (this.#problems.size === 0) return undefined;
    return this.#problems.get(this.#key(entity))?.get(component);
  }

  // ---- the entity tree ---------------------------------------------------------------------

  /** Canonical paths of the entities holding any data, parents before children. */
  entities(): string[] {
    return [...this.#entities.values()].sort(comparePaths).map((e) => formatEntityPath(e.parts));
  }

  /** Whether the entity itself holds any data. */
  hasEntity(entity: EntityPathInput): boolean {
    return this.#entities.has(this.#key(entity));
  }

  /** The component keys the entity holds, sorted. */
  components(entity: EntityPathInput): string[] {
    const data = this.#entities.get(this.#key(entity));
    return data ? [...data.components.keys()].sort() : [];
  }

  /** Direct children in the implicit tree, where every ancestor of a logged entity exists. */
  children(entity: EntityPathInput): string[] {
    const parts = this.#parts(entity);
    const seen = new Map<string, EntityData>();
    for (const data of this.#entities.values()) {
      if (data.parts.length > parts.length && isPrefix(parts, data.parts)) {
        const childParts = data.parts.slice(0, parts.length + 1);
        const key = formatEntityPath(childParts);
        if (!seen.has(key)) seen.set(key, { parts: childParts, components: new Map() });
      }
    }
    return [...seen.values()].sort(comparePaths).map((e) => formatEntityPath(e.parts));
  }

  /** Entities holding data at or below the given path, parents before children. */
  subtree(entity: EntityPathInput): string[] {
    const parts = this.#parts(entity);
    return [...this.#entities.values()]
      .filter((e) => isPrefix(parts, e.parts))
      .sort(comparePaths)
      .map((e) => formatEntityPath(e.parts));
  }

  // ---- timelines and the cursor ------------------------------------------------------------

  /** Timelines holding data, in first-use order, with kind and time range. */
  timelines(): Map<string, TimelineInfo> {
    return new Map([...this.#timelines].map(([name, info]) => [name, { ...info }]));
  }

  /** The distinct times holding data on a timeline, ascending (what stepping moves between). */
  times(timeline: string): bigint[] {
    const seen = new Set<bigint>();
    for (const data of this.#entities.values()) {
      for (const column of data.components.values()) {
        for (const row of column.temporal.get(timeline) ?? []) seen.add(row.time);
      }
    }
    return [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The active timeline: the one set, else the first timeline with data. */
  get timeline(): string | undefined {
    return this.#explicitTimeline ?? this.#timelines.keys().next().value;
  }

  /** The cursor time on the active timeline: the one set, else that timeline's latest time. */
  get time(): bigint | undefined {
    const timeline = this.timeline;
    if (timeline === undefined) return undefined;
    return this.#explicitTimes.get(timeline) ?? this.#timelines.get(timeline)?.max;
  }

  /** Moves the cursor to `time` on `timeline` (which becomes active). */
  setTime(timeline: string, time: TimeValue): void {
    const t = toTimeInt(time);
    const before = this.#cursor();
    this.#explicitTimeline = timeline;
    this.#explicitTimes.set(timeline, t);
    this.#maybeTimeChange(before);
  }

  /**
   * Makes `timeline` active, keeping the time last set on it or else defaulting to its latest
   * time; `undefined` returns to the default timeline.
   */
  setTimeline(timeline: string | undefined): void {
    const before = this.#cursor();
    this.#explicitTimeline = timeline;
    this.#maybeTimeChange(before);
  }

  // ---- internals ---------------------------------------------------------------------------

  #key(entity: EntityPathInput): string {
    // Elements query with the canonical path every frame; skip re-parsing it.
    if (typeof entity === 'string' && this.#entities.has(entity)) return entity;
    return normalizeEntityPath(entity);
  }

  #parts(entity: EntityPathInput): readonly string[] {
    return typeof entity === 'string' ? parseEntityPath(entity) : entity;
  }

  #entityData(parts: readonly string[], path: string): EntityData {
    let data = this.#entities.get(path);
    if (!data) {
      data = { parts, components: new Map() };
      this.#entities.set(path, data);
    }
    return data;
  }

  #kindFor(
    timeline: string,
    given: TimelineKind | undefined,
    pending?: Map<string, TimelineKind>,
  ): TimelineKind {
    const existing = this.#timelines.get(timeline)?.kind ?? pending?.get(timeline);
    if (given !== undefined && existing !== undefined && given !== existing) {
      throw new TypeError(`timeline "${timeline}" holds ${existing} times; got a ${given} time`);
    }
    return given ?? existing ?? 'sequence';
  }

  #resolveTimes(
    time: Record<string, TimeInput>,
    pending?: Map<string, TimelineKind>,
  ): ResolvedTimes {
    if (time === null || typeof time !== 'object') {
      throw new TypeError(`expected \`time\` to be an object like {step: 3}, got ${String(time)}`);
    }
    return Object.entries(time).map(([timeline, input]) => {
      try {
        const { kind, value } = unwrapTimeKind(input);
        return { timeline, kind: this.#kindFor(timeline, kind, pending), time: toTimeInt(value) };
      } catch (e) {
        throw withContext(e, `timeline "${timeline}": `);
      }
    });
  }

  #insert(
    data: EntityData,
    path: string,
    key: string,
    rowId: number,
    value: unknown,
    times: ResolvedTimes | undefined,
  ): void {
    // A value stored: the problem of an earlier bad one is over.
    if (this.#problems.size) this.#problems.get(path)?.delete(key);
    let column = data.components.get(key);
    if (!column) {
      column = { temporal: new Map() };
      data.components.set(key, column);
    }
    if (times === undefined) {
      column.static = { rowId, value };
      return;
    }
    for (const { timeline, time } of times) {
      let rows = column.temporal.get(timeline);
      if (!rows) {
        rows = [];
        column.temporal.set(timeline, rows);
      }
      const row = { time, rowId, value };
      // rowId exceeds every stored one, so the row goes after all rows at the same time;
      // in-order logging (the common case) is a plain push.
      if (rows.length === 0 || rows[rows.length - 1]!.time <= time) rows.push(row);
      else rows.splice(upperBound(rows, time), 0, row);
    }
  }

  /** Removes the rows with RowIds in the range; returns the paths of the entities touched. */
  #removeRows({ first, last }: RowRange): string[] {
    const inRange = (rowId: number) => rowId >= first && rowId <= last;
    const touched: string[] = [];
    for (const [path, data] of this.#entities) {
      let hit = false;
      for (const [key, column] of data.components) {
        if (column.static && inRange(column.static.rowId)) {
          delete column.static;
          hit = true;
        }
        for (const [timeline, rows] of column.temporal) {
          const kept = rows.filter((r) => !inRange(r.rowId));
          if (kept.length === rows.length) continue;
          hit = true;
          if (kept.length > 0) column.temporal.set(timeline, kept);
          else column.temporal.delete(timeline);
        }
        if (!column.static && column.temporal.size === 0) data.components.delete(key);
      }
      if (!hit) continue;
      touched.push(path);
      if (data.components.size === 0) this.#entities.delete(path);
    }
    if (touched.length > 0) this.#recomputeTimelines();
    return touched;
  }

  #noteTimes(times: ResolvedTimes): void {
    for (const { timeline, kind, time } of times) {
      const info = this.#timelines.get(timeline);
      if (!info) {
        this.#timelines.set(timeline, { kind, min: time, max: time });
      } else {
        if (time < info.min) info.min = time;
        if (time > info.max) info.max = time;
      }
    }
  }

  #recomputeTimelines(): void {
    const ranges = new Map<string, { min: bigint; max: bigint }>();
    for (const data of this.#entities.values()) {
      for (const column of data.components.values()) {
        for (const [timeline, rows] of column.temporal) {
          if (rows.length === 0) continue;
          const lo = rows[0]!.time;
          const hi = rows[rows.length - 1]!.time;
          const r = ranges.get(timeline);
          if (!r) ranges.set(timeline, { min: lo, max: hi });
          else {
            if (lo < r.min) r.min = lo;
            if (hi > r.max) r.max = hi;
          }
        }
      }
    }
    // Rebuilt from the old map so the surviving timelines keep their first-use order.
    for (const [timeline, info] of this.#timelines) {
      const r = ranges.get(timeline);
      if (r) Object.assign(info, r);
      else this.#timelines.delete(timeline);
    }
  }

  #cursor(): TimeChangeDetail {
    return { timeline: this.timeline, time: this.time };
  }

  #afterWrite(entities: string[], before: TimeChangeDetail): void {
    this.dispatchEvent(new CustomEvent<RecordingChangeDetail>('change', { detail: { entities } }));
    this.#maybeTimeChange(before);
  }

  /** Records and announces (the `error` event) the values of one call that were not stored. */
  #reportProblems(call: string, entity: EntityPathInput, problems: readonly ValueProblem[]): void {
    if (problems.length === 0) return;
    const path = this.#key(entity);
    let byKey = this.#problems.get(path);
    if (!byKey) this.#problems.set(path, (byKey = new Map()));
    for (const { key, message, row, rows } of problems) {
      const where = row === undefined ? '' : ` row ${row}`;
      const more = rows && rows > 1 ? ` (and ${rows - 1} more row${rows > 2 ? 's' : ''})` : '';
      const detail: RecordingErrorDetail = {
        entity: path,
        component: key,
        message: `${call} ${path} ${key}${where}: ${message}${more}; not stored, the last good value stays`,
      };
      byKey.set(key, detail);
      this.dispatchEvent(
        new CustomEvent<RecordingErrorDetail>('error', { detail, cancelable: true }),
      );
    }
  }

  #maybeTimeChange(before: TimeChangeDetail): void {
    const now = this.#cursor();
    if (now.timeline !== before.timeline || now.time !== before.time) {
      this.dispatchEvent(new CustomEvent<TimeChangeDetail>('time-change', { detail: now }));
    }
  }
}

/** Splits one `sendColumns` field into its N per-row values. */
function splitColumn(field: string, column: unknown, rows: number): ArrayLike<unknown> {
  if (Array.isArray(column)) {
    if (column.length !== rows) {
      throw new RangeError(
        `sendColumns: expected "${field}" to hold ${rows} rows (the index length), got ${column.length}`,
      );
    }
    return column;
  }
  const bytes = ArrayBuffer.isView(column)
    ? new Uint8Array(column.buffer, column.byteOffset, column.byteLength)
    : column instanceof ArrayBuffer
      ? new Uint8Array(column)
      : undefined;
  if (!bytes) {
    throw new TypeError(
      `sendColumns: expected "${field}" to be an array of ${rows} values or one ArrayBufferView to split into ${rows} rows, got ${
        column === null ? 'null' : typeof column
      }`,
    );
  }
  if (rows === 0 ? bytes.byteLength !== 0 : bytes.byteLength % rows !== 0) {
    throw new RangeError(
      `sendColumns: expected the byte length of "${field}" to be a multiple of the ${rows} rows, got ${bytes.byteLength} bytes`,
    );
  }
  const size = rows === 0 ? 0 : bytes.byteLength / rows;
  return Array.from({ length: rows }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
}

/** A value of a row that is not stored: its component key and what was wrong. */
type ProblemSink = (key: string, message: string) => void;

/**
 * One row's fields (camelCase, without `archetype`) → its components by key, each normalised
 * (`components/normalize.ts`); what cannot be stored is left out and told to `report`.
 */
function normalizeRow(
  archetype: string,
  fields: Readonly<Record<string, unknown>>,
  report: ProblemSink,
): Record<string, unknown> {
  const prepare = ARCHETYPE_FIELDS.get(archetype)?.prepare;
  const prepared = prepare
    ? prepare(fields, (field, problem) =>
        report(componentKey(archetype, field), problemMessage(problem)),
      )
    : fields;
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(prepared)) {
    if (value === undefined) continue;
    const key = componentKey(archetype, field);
    try {
      out[key] = normalizeComponent(key, value);
    } catch (error) {
      report(key, problemMessage(error));
    }
  }
  return out;
}

/** How `log()` and `sendColumns()` check and convert one archetype's fields. */
export interface ArchetypeFields {
  /**
   * A row's fields (camelCase, without `archetype`) → the fields to store, before each is
   * normalised by its component; a field that cannot be stored is left out and told to `report`.
   */
  prepare(
    fields: Readonly<Record<string, unknown>>,
    report: (field: string, problem: Error) => void,
  ): Record<string, unknown>;
  /** Splits one `sendColumns()` column into its rows (default: arrays, or bytes split evenly). */
  splitColumn?(field: string, column: unknown, rows: number): ArrayLike<unknown>;
}

const ARCHETYPE_FIELDS = new Map<string, ArchetypeFields>();

/**
 * Registers the field handling of an archetype. The geometry archetypes register theirs when
 * `store/geometry/` is imported (every geometry element, and `rr-elements` itself), so a page
 * that only shows images does not carry their parsers.
 */
export function registerArchetypeFields(archetype: string, fields: ArchetypeFields): void {
  ARCHETYPE_FIELDS.set(archetype, fields);
}

let pageRecording: Recording | undefined;

/** The page-wide recording used by elements outside any `<rr-context>`, created on first use. */
export function defaultRecording(): Recording {
  return (pageRecording ??= new Recording());
}

import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  Recording,
  type ArchetypeRow,
  type EntityPathInput,
  type LogOptions,
  type RowRange,
  type TimeColumnInput,
} from '../../store/recording.js';
import type { TimeValue } from '../../store/time.js';
import { reportError } from '../shared/errors.js';
import { ensureContextRoot, recordingContext } from '../shared/recording-context.js';
import type { LoadResult, LoadSource } from '../../io/load.js';
import { toRrd, type RrdWriteOptions } from '../../io/to-rrd.js';
import { getRenderer } from '../../render/renderer.js';
import type { SharedCanvas } from '../../render/shared-canvas.js';

/**
 * A recording: the entity-path tree with its data on timelines, and the time cursor. Every
 * rr-element inside it (through shadow roots too) reads and writes this recording; elements
 * outside any `<rr-context>` share the page's default recording.
 *
 * @slot - Views, layers, legends, timelines: anything that shows this recording.
 * @fires rr-time-change - The time cursor moved: detail `{timeline, time}`.
 * @fires rr-data-change - Data was logged or cleared: detail `{entities}`.
 * @fires rr-error - Something given to the recording was unusable: detail `{entity?, message}`.
 * @fires rr-load - A `src` or `load()` source was read and logged: detail `{format, source, rows, entities}`.
 * @csspart shared-canvas - With `shared-canvas`: the one canvas the views inside are drawn into.
 */
export class RrContext extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    /* The shared canvas lies under the content: page content, labels, tooltips and errors
       paint over the pictures, and the views keep the pointer. */
    :host([shared-canvas]) {
      position: relative;
      isolation: isolate;
    }
    .rr-shared-canvas {
      position: absolute;
      left: 0;
      top: 0;
      width: 100%;
      height: 100%;
      z-index: -1;
      pointer-events: none;
      image-rendering: pixelated;
    }
  `;

  /** The active timeline. Default: the first timeline with data. */
  @property() timeline: string | undefined;
  /** The time cursor on the active timeline (an integer; bigint-safe as a string). Default: its latest time. */
  @property() time: string | undefined;

  /** URL of an `.rrd` recording or an Arrow IPC file to load; a new `src` replaces what the last one loaded. */
  @property() src: string | undefined;

  /**
   * Draw every view inside into one canvas under the context's content instead of one canvas
   * per view: many views redraw at close to one canvas's cost. An element with an opaque
   * background between the context and a view hides its picture; a scaled or rotated view
   * keeps its own canvas, and every view does when the context is larger than the GPU can
   * render (README, "Beyond the API contract").
   */
  @property({ type: Boolean, reflect: true, attribute: 'shared-canvas' }) sharedCanvas = false;

  /** @internal The shared canvas the views draw into (`shared-canvas`, once its code loaded). */
  sharedSurface: SharedCanvas | undefined;
  /** @internal The shared canvas' code is loading. */
  sharedSurfaceLoading: Promise<unknown> | undefined;

  /** The Recording object shared with every element inside. */
  readonly recording = new Recording();

  constructor() {
    super();
    ensureContextRoot();
    new ContextProvider(this, { context: recordingContext, initialValue: this.recording });
    this.recording.addEventListener('change', (event) => {
      const detail = (event as CustomEvent).detail;
      this.dispatchEvent(
        new CustomEvent('rr-data-change', { detail, bubbles: true, composed: true }),
      );
    });
    // A logged value that was not stored: reported here unless a layer showing its entity
    // reported it (the recording's listeners all run before this microtask).
    this.recording.addEventListener('error', (event) => {
      queueMicrotask(() => {
        if (!event.defaultPrevented) reportError(this, event.detail);
      });
    });
    this.recording.addEventListener('time-change', (event) => {
      const detail = (event as CustomEvent).detail;
      this.dispatchEvent(
        new CustomEvent('rr-time-change', { detail, bubbles: true, composed: true }),
      );
    });
  }

  #loadGeneration = 0;
  /** The rows the last successful load logged: the next load replaces them. */
  #loaded: RowRange | undefined;
  #loading: Promise<LoadResult | undefined> | undefined;

  /**
   * Loads an `.rrd` recording, Arrow IPC bytes (file or stream) or an Arrow table in Rerun's
   * dataframe layout. The source is parsed completely before anything is logged: a bad file
   * logs nothing, fires `rr-error` and resolves to undefined (it never rejects). A load
   * replaces what the previous `src` or `load()` logged (data logged otherwise stays).
   */
  load(source: LoadSource): Promise<LoadResult | undefined> {
    const generation = ++this.#loadGeneration;
    const run = (async () => {
      try {
        const { parseSource } = await import('../../io/load.js');
        const { rows, result } = await parseSource(source);
        // A newer load replaced this one while it was parsing.
        if (generation !== this.#loadGeneration) return undefined;
        this.#loaded = this.recording.logRows(rows, { replaces: this.#loaded });
        const entities = [
          ...new Set(
            rows.map((r) => (typeof r.entity === 'string' ? r.entity : `/${r.entity.join('/')}`)),
          ),
        ];
        const detail: LoadResult = { ...result, rows: rows.length, entities };
        this.dispatchEvent(new CustomEvent('rr-load', { detail, bubbles: true, composed: true }));
        return detail;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        reportError(this, { message });
        return undefined;
      }
    })();
    this.#loading = run;
    return run;
  }

  /** Resolves when the latest `src` or `load()` has been read (or has failed). */
  get loadComplete(): Promise<LoadResult | undefined> {
    return this.#loading ?? Promise.resolve(undefined);
  }

  /** Writes the recording as a Rerun `.rrd` file (see the `toRrd` function). */
  toRrd(options?: RrdWriteOptions): Promise<Uint8Array> {
    return toRrd(this.recording, options);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('sharedCanvas')) this.#switchSharedCanvas();
    if (changed.has('src') && this.src) void this.load(this.src);
    if ((changed.has('timeline') || changed.has('time')) && (this.timeline || this.time)) {
      try {
        const timeline = this.timeline ?? this.recording.timeline;
        if (!timeline) return;
        if (this.time === undefined || this.time === null || this.time === '')
          this.recording.setTimeline(timeline);
        else this.recording.setTime(timeline, BigInt(this.time));
      } catch (error) {
        const message = `expected an integer time, got ${JSON.stringify(this.time)} (${(error as Error).message})`;
        reportError(this, { message });
      }
    }
  }

  /** Logs one row: `archetype` is e.g. `{archetype: 'Image', buffer, format}`; no `time` → static. */
  log(entity: EntityPathInput, archetype: ArchetypeRow, options?: LogOptions): void {
    this.recording.log(entity, archetype, options);
  }

  /** Logs many rows at once, like Rerun's `send_columns`. */
  sendColumns(
    entity: EntityPathInput,
    indexes: Record<string, TimeColumnInput>,
    columns: ArchetypeRow,
  ): void {
    this.recording.sendColumns(entity, indexes, columns);
  }

  /** Moves the time cursor. */
  setTime(timeline: string, time: TimeValue): void {
    this.recording.setTime(timeline, time);
  }

  /** Turns the shared canvas on (loading its code) or off; every view redraws where it goes. */
  #switchSharedCanvas(): void {
    if (this.sharedCanvas && this.isConnected) {
      this.sharedSurfaceLoading ??= import('../../render/shared-canvas.js')
        .then(({ attach }) => attach(this, getRenderer()))
        .catch((error: unknown) =>
          reportError(this, { message: `could not load the shared canvas code: ${error}` }),
        )
        .finally(() => (this.sharedSurfaceLoading = undefined));
      return;
    }
    const surface = this.sharedSurface;
    this.sharedSurface = undefined;
    // Off (or the context left the page, its views with it): every view on its own canvas.
    for (const view of surface?.dispose() ?? []) view.invalidate?.();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#switchSharedCanvas();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#switchSharedCanvas();
  }

  protected override render(): TemplateResult {
    return html`${this.sharedSurface?.canvas}<slot></slot>`;
  }
}

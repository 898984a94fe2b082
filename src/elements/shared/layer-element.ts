/**
 * Base of every layer element (`<rr-image>`, `<rr-segmentation>`, and the geometry layers to
 * come): turns the element's own data into recording rows at its entity, and shows what the
 * recording holds there, inside the `<rr-view>` that provides `viewContext` (view-context.ts)
 * or, when no view answers, in a view of its own. What the own data is (image buffers, a `src`,
 * positions …) is the subclass's: `ownRow()`.
 */
import { ContextConsumer } from '@lit/context';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LayerOverrides, LayerState, ViewLayer } from '../../render/layer.js';
import { getRenderer, type Renderer } from '../../render/renderer.js';
import { formatEntityPath, parseEntityPath } from '../../store/entity-path.js';
import type { Recording, RecordingErrorDetail } from '../../store/recording.js';
import {
  changedOrNaN,
  CheckedAttributes,
  numberAttribute,
  type AttributeParser,
} from './attributes.js';
import { reportError } from './errors.js';
import { RecordingElement } from './recording-element.js';
import { viewContext, type LayerHost } from './view-context.js';
import { viewStyles } from './view-styles.js';
import {
  ViewController,
  type PickResult,
  type SnapshotOptions,
  type ViewLayerEntry,
} from './view-controller.js';

export type { ErrorDetail } from './errors.js';

/** Components to log for the element's own data, or undefined when it has none. */
export type OwnRow = Record<string, unknown>;

let autoEntityCounter = 0;

/** Rerun clamps opacity to [0, 1]. */
const OPACITY = numberAttribute({ min: 0, max: 1, clamp: true });
const DRAW_ORDER = numberAttribute();

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export abstract class LayerElement extends RecordingElement {
  static override styles = [
    viewStyles,
    css`
      :host {
        display: block;
      }
      :host([data-rr-in-view]) {
        /* Inside a view the layer shows nothing of its own but an error message. */
        display: contents;
      }
    `,
  ];

  /** Entity path the layer logs its own data to and reads from. Default: a unique path under `/`. */
  @property({ reflect: false }) entity: string | undefined;
  /** Opacity 0..1; default as Rerun decides (SPEC §3.6). */
  @property({ type: Number, hasChanged: changedOrNaN }) opacity: number | undefined;
  /** Draw order; higher is in front. */
  @property({ type: Number, attribute: 'draw-order', hasChanged: changedOrNaN })
  drawOrder: number | undefined;

  @state() protected errorMessage: string | undefined;

  #autoEntity = `${this.localName}-${++autoEntityCounter}`;
  #attributes = new CheckedAttributes(
    this,
    () => this.entityPath,
    () => this.#updateError(),
  );
  #layer: ViewLayer | undefined;
  #entry: ViewLayerEntry | undefined;
  #container: LayerHost | undefined;

  #ownView: ViewController | undefined;
  #ownError: string | undefined;
  #layerError: string | undefined;
  #reportedError: string | undefined;
  #loggedEntity: { recording: Recording; entity: string } | undefined;
  #loading: Promise<unknown> | undefined;
  #loadGeneration = 0;
  #dataDirty = true;

  constructor() {
    super();
    // The enclosing view, found through the context protocol (also across shadow roots); a view
    // upgraded later still answers, as the context root replays the request.
    new ContextConsumer(this, {
      context: viewContext,
      subscribe: true,
      callback: (host) => this.#joinView(host),
    });
  }

  /** Creates the layer that shows this element's entity. */
  protected abstract createLayer(renderer: Renderer, onAsyncChange: () => void): ViewLayer;
  /**
   * The rows of the element's own data (logged static at its entity), undefined when it has
   * none, or a promise of them (a fetch); a thrown error is shown and reported.
   */
  protected abstract ownRow(): OwnRow | undefined | Promise<OwnRow | undefined>;
  /** Element-specific overrides for the layer (besides opacity and draw order). */
  protected extraOverrides(): Record<string, unknown> {
    return {};
  }
  /** Properties whose change means the element's own data changed. */
  protected static dataProperties = new Set<PropertyKey>(['entity']);

  /** Properties whose change only changes `extraOverrides()` (the view redraws). */
  protected static overrideProperties = new Set<PropertyKey>();

  /** The canonical entity path this layer uses. */
  get entityPath(): string {
    return formatEntityPath(parseEntityPath(this.entity ?? this.#autoEntity));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The view consumer asked while connecting: a view that answered has been joined.
    if (!this.#container) this.#standalone();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#detachFromView();
    this.#layer?.dispose();
    this.#layer = undefined;
    this.#entry = undefined;
  }

  /** A view provided its host: leave the own view (if any) and join it. */
  #joinView(host: LayerHost): void {
    if (!this.isConnected || host === this.#container) return;
    this.#detachFromView();
    this.toggleAttribute('data-rr-in-view', true);
    this.#container = host;
    host.layerConnected(this.#layerEntry());
    this.requestUpdate();
  }

  /** No view answered: the element is a view of its own. */
  #standalone(): void {
    if (this.#ownView) return;
    this.toggleAttribute('data-rr-in-view', false);
    this.#ownView = new ViewController(this, {
      layers: () => (this.#entry ? [this.#entry] : []),
      background: () => this.getAttribute('background'),
      tooltip: () => !this.hasAttribute('no-tooltip'),
    });
    // Controllers added after connection are not told about it.
    this.#ownView.hostConnected();
    this.#layerEntry();
    this.requestUpdate();
  }

  #detachFromView(): void {
    if (this.#container && this.#entry) this.#container.layerDisconnected(this.#entry);
    this.#container = undefined;
    if (this.#ownView) {
      this.#ownView.hostDisconnected();
      this.removeController(this.#ownView);
      this.#ownView = undefined;
    }
  }

  #layerEntry(): ViewLayerEntry {
    if (this.#entry) return this.#entry;
    this.#layer ??= this.createLayer(getRenderer(), () => this.#invalidate());
    // Getters, so the view always reads the current values.
    this.#entry = {
      element: this,
      layer: this.#layer,
      get entity() {
        return (this.element as LayerElement).entityPath;
      },
      get recording() {
        return (this.element as LayerElement).recording;
      },
      get overrides(): LayerOverrides {
        return (this.element as LayerElement).layerOverrides();
      },
      get loading() {
        return (this.element as LayerElement).loadingData;
      },
      stateChanged: (state: LayerState) => this.#layerStateChanged(state),
    };
    return this.#entry;
  }

  /** @internal What the element overrides in its layer (its attributes). */
  layerOverrides(): LayerOverrides {
    return {
      opacity: this.checkedAttribute('opacity', this.opacity, OPACITY),
      drawOrder: this.checkedAttribute('draw-order', this.drawOrder, DRAW_ORDER),
      ...this.extraOverrides(),
    };
  }

  /**
   * The value of an attribute to use: `value` parsed (attributes.ts), or, when it makes no
   * sense, the last good one, with an `rr-error` naming the attribute and a message in
   * `part="error"` while it lasts (the layer keeps drawing).
   */
  protected checkedAttribute<T>(
    attribute: string,
    value: unknown,
    parse: AttributeParser<T>,
  ): T | undefined {
    return this.#attributes.read(attribute, value, parse);
  }

  /** @internal The fetch of `src` under way, if any. */
  get loadingData(): Promise<unknown> | undefined {
    return this.#loading;
  }

  /** Redraws the view this layer is in (after a change of a render setting). */
  protected requestRedraw(): void {
    this.#invalidate();
  }

  #invalidate(): void {
    if (this.#ownView) this.#ownView.dataChanged();
    else if (this.#container && this.#entry) this.#container.layerChanged(this.#entry);
  }

  protected override recordingConnected(recording: Recording): void {
    this.#dataDirty = true;
    this.requestUpdate();
    if (this.#loggedEntity && this.#loggedEntity.recording !== recording) this.#clearLogged();
    this.#invalidate();
  }

  protected override recordingDisconnected(recording: Recording): void {
    if (this.#loggedEntity?.recording === recording) this.#clearLogged();
  }

  protected override recordingChanged(): void {
    this.#updateError();
    this.#invalidate();
  }

  protected override recordingError(event: CustomEvent<RecordingErrorDetail>): void {
    const { entity, message } = event.detail;
    // Reported once, by the first layer showing the entity; shown by all of them.
    if (entity === this.entityPath && !event.defaultPrevented) {
      event.preventDefault();
      reportError(this, { entity, message });
    }
    // Also a problem elsewhere may be this layer's notice (a context above it not stored).
    this.#updateError();
  }

  #clearLogged(): void {
    const logged = this.#loggedEntity;
    this.#loggedEntity = undefined;
    if (logged) logged.recording.clearEntity(logged.entity);
  }

  protected override willUpdate(changed: PropertyValues): void {
    const dataProps = (this.constructor as typeof LayerElement).dataProperties;
    if (this.#dataDirty || [...changed.keys()].some((key) => dataProps.has(key))) {
      this.#dataDirty = false;
      this.#logOwnData();
    }
    const overrideProps = (this.constructor as typeof LayerElement).overrideProperties;
    if (
      changed.has('opacity') ||
      changed.has('drawOrder') ||
      [...changed.keys()].some((key) => overrideProps.has(key))
    ) {
      // Checked now, so that a bad value is reported even before the view draws.
      this.layerOverrides();
      this.#invalidate();
    }
  }

  /** Logs the element's own data (if any) as static rows at its entity. */
  #logOwnData(): void {
    if (!this.isConnected) return;
    const generation = ++this.#loadGeneration;
    const recording = this.recording;
    const entity = this.entityPath;
    if (
      this.#loggedEntity &&
      (this.#loggedEntity.entity !== entity || this.#loggedEntity.recording !== recording)
    ) {
      this.#clearLogged();
    }
    this.#setOwnError(undefined);
    let row: OwnRow | undefined | Promise<OwnRow | undefined>;
    try {
      row = this.ownRow();
    } catch (error) {
      this.#loading = undefined;
      this.#logRow(undefined, recording, entity);
      this.#setOwnError(errorMessage(error));
      return;
    }
    if (!(row instanceof Promise)) {
      this.#loading = undefined;
      this.#logRow(row, recording, entity);
      return;
    }
    this.#loading = this.#settleRow(row, generation).finally(() => {
      if (generation === this.#loadGeneration) this.#loading = undefined;
    });
  }

  async #settleRow(pending: Promise<OwnRow | undefined>, generation: number): Promise<void> {
    let row: OwnRow | undefined;
    try {
      row = await pending;
    } catch (error) {
      if (generation !== this.#loadGeneration) return;
      this.#logRow(undefined, this.recording, this.entityPath);
      this.#setOwnError(errorMessage(error));
      return;
    }
    if (generation !== this.#loadGeneration || !this.isConnected) return;
    this.#logRow(row, this.recording, this.entityPath);
  }

  #logRow(row: OwnRow | undefined, recording: Recording, entity: string): void {
    if (!row) {
      // Data was taken away (or is bad): what this element logged must not linger.
      if (this.#loggedEntity) this.#clearLogged();
      this.#invalidate();
      return;
    }
    recording.logComponents(entity, row, { static: true });
    this.#loggedEntity = { recording, entity };
  }

  /**
   * Reports a problem with the element's own input while what can be drawn still is (called
   * from `rowFromProperties`, after the previous problem was cleared).
   */
  protected reportInputProblem(message: string | undefined): void {
    this.#setOwnError(message);
  }

  #setOwnError(message: string | undefined): void {
    this.#ownError = message;
    this.#updateError();
  }

  #layerStateChanged(state: LayerState): void {
    // An error, or a problem with the recording's data while the rest draws.
    this.#layerError =
      state.status === 'error' ? state.message : 'problem' in state ? state.problem : undefined;
    this.#updateError();
  }

  #updateError(): void {
    const message = this.#ownError ?? this.#layerError;
    if (message && message !== this.#reportedError) {
      reportError(this, { entity: this.entityPath, message });
    }
    this.#reportedError = message;
    // A bad attribute (reported by CheckedAttributes) or a logged value that was not stored
    // (reported by recordingError) is shown while the layer keeps drawing.
    this.errorMessage =
      message ??
      this.#attributes.message ??
      this.recording.problems(this.entityPath)[0]?.message ??
      this.notice();
  }

  /**
   * A problem elsewhere that affects this layer, shown in `part="error"` while the layer draws
   * (reported as rr-error where it arose): e.g. an annotation context above it that is broken.
   */
  protected notice(): string | undefined {
    return undefined;
  }

  /** The view this layer is drawn in (its enclosing `<rr-view>`, or its own). */
  #view(): LayerHost | ViewController | undefined {
    return this.#container ?? this.#ownView;
  }

  /** Renders the view's layers at `scale` pixels per scene unit over transparency. */
  async snapshot(options?: SnapshotOptions): Promise<ImageData> {
    // Properties set just before (src, buffer, …) are logged in the coming update: wait for it.
    await this.updateComplete;
    const view = this.#view();
    if (!view) throw new Error(`${this.localName} is not in the page`);
    return view.snapshot(options);
  }

  /** What lies at scene point (x, y) in this layer's view, top layer first. */
  pick(x: number, y: number): PickResult[] {
    return this.#view()?.pick(x, y) ?? [];
  }

  /** Resolves once this layer's data has loaded and the view shows it. */
  async renderComplete(): Promise<void> {
    await this.updateComplete;
    await this.#view()?.renderComplete();
  }

  /** Standalone only: back to the fitted view. */
  resetView(): void {
    this.#ownView?.resetView();
  }

  protected override render(): TemplateResult {
    const error = this.errorMessage
      ? html`<div class="rr-error" part="error" role="alert">${this.errorMessage}</div>`
      : nothing;
    return this.#ownView ? this.#ownView.template(error) : html`${error}`;
  }
}

/**
 * Base of the layer elements (`<rr-image>`, `<rr-segmentation>`): turns attributes and
 * properties into recording rows at the element's entity, and shows what the recording holds
 * there, inside the enclosing `<rr-view>` or, standing alone, in a view of its own.
 */
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LayerOverrides, LayerState, ViewLayer } from '../../render/layer.js';
import { getRenderer, type Renderer } from '../../render/renderer.js';
import { formatEntityPath, parseEntityPath } from '../../store/entity-path.js';
import type { BufferInput, ImageFormatInput, NdArrayLike } from '../../store/image-format.js';
import type { Recording } from '../../store/recording.js';
import { RecordingElement } from './recording-element.js';
import { viewStyles } from './view-styles.js';
import {
  ViewController,
  type PickResult,
  type SnapshotOptions,
  type ViewLayerEntry,
} from './view-controller.js';

/** What a view element offers its layer children. */
export interface LayerContainer extends Element {
  registerLayer(entry: ViewLayerEntry): void;
  unregisterLayer(entry: ViewLayerEntry): void;
  layerChanged(entry: ViewLayerEntry): void;
  snapshot(options?: SnapshotOptions): Promise<ImageData>;
  pick(x: number, y: number): PickResult[];
  renderComplete(): Promise<void>;
}

function isLayerContainer(el: Element | null): el is LayerContainer {
  return !!el && typeof (el as Partial<LayerContainer>).registerLayer === 'function';
}

/** Detail of `rr-error`. */
export interface ErrorDetail {
  entity?: string;
  message: string;
}

/** Components to log for the element's own data, or undefined when it has none. */
export type OwnRow = Record<string, unknown>;

let autoEntityCounter = 0;

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
      .rr-error {
        box-sizing: border-box;
        margin: 4px;
        padding: 4px 8px;
        border-radius: 4px;
        background: rgba(140, 20, 20, 0.9);
        color: #fff;
        font:
          12px/1.4 system-ui,
          sans-serif;
        max-width: calc(100% - 8px);
        overflow-wrap: anywhere;
        pointer-events: auto;
      }
    `,
  ];

  /** Entity path the layer logs its own data to and reads from. Default: a unique path under `/`. */
  @property({ reflect: false }) entity: string | undefined;
  /** URL of the data to show. */
  @property() src: string | undefined;
  /** Raw bytes; needs `format` (or the format attributes). */
  @property({ attribute: false }) buffer: BufferInput | undefined;
  /** `{width, height, colorModel?, channelDatatype?, pixelFormat?}` of `buffer`. */
  @property({ attribute: false }) format: ImageFormatInput | undefined;
  /** An ndarray-like `{data: TypedArray, shape: number[]}`, or the bytes of a `.npy` file. */
  @property({ attribute: false }) data: NdArrayLike | undefined;
  /** Width of `buffer`, when `format` is not given. */
  @property({ type: Number }) width: number | undefined;
  /** Height of `buffer`, when `format` is not given. */
  @property({ type: Number }) height: number | undefined;
  /** Channel datatype of `buffer` (`U8`, `U16`, `F32`, … or Rerun's number). */
  @property({ attribute: 'channel-datatype' }) channelDatatype: string | undefined;
  /** Opacity 0..1; default as Rerun decides (SPEC §3.6). */
  @property({ type: Number }) opacity: number | undefined;
  /** Draw order; higher is in front. */
  @property({ type: Number, attribute: 'draw-order' }) drawOrder: number | undefined;

  @state() protected errorMessage: string | undefined;

  #autoEntity = `${this.localName}-${++autoEntityCounter}`;
  #layer: ViewLayer | undefined;
  #entry: ViewLayerEntry | undefined;
  #container: LayerContainer | undefined;
  #ownView: ViewController | undefined;
  #ownError: string | undefined;
  #layerError: string | undefined;
  #reportedError: string | undefined;
  #loggedEntity: { recording: Recording; entity: string } | undefined;
  #loading: Promise<unknown> | undefined;
  #loadGeneration = 0;
  #dataDirty = true;

  /** The archetype this element logs (`Image`, `SegmentationImage`). */
  protected abstract readonly archetype: string;
  /** Creates the layer that shows this element's entity. */
  protected abstract createLayer(renderer: Renderer, onAsyncChange: () => void): ViewLayer;
  /** Rows from `buffer`/`data` + format properties, or undefined when the element has none. */
  protected abstract rowFromProperties(): OwnRow | undefined;
  /** Rows from a fetched `src`. */
  protected abstract rowFromSource(
    bytes: Uint8Array,
    url: string,
    contentType: string | null,
  ): Promise<OwnRow> | OwnRow;
  /** Element-specific overrides for the layer (besides opacity and draw order). */
  protected extraOverrides(): Record<string, unknown> {
    return {};
  }
  /** Properties whose change means the element's own data changed. */
  protected static dataProperties = new Set<PropertyKey>([
    'src',
    'buffer',
    'format',
    'data',
    'width',
    'height',
    'channelDatatype',
    'entity',
  ]);

  /** Properties whose change only changes `extraOverrides()` (the view redraws). */
  protected static overrideProperties = new Set<PropertyKey>();

  /** The canonical entity path this layer uses. */
  get entityPath(): string {
    return formatEntityPath(parseEntityPath(this.entity ?? this.#autoEntity));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#attachToView();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#detachFromView();
    this.#layer?.dispose();
    this.#layer = undefined;
    this.#entry = undefined;
  }

  #attachToView(): void {
    const parent = this.parentElement?.closest('rr-view') ?? null;
    if (parent && !isLayerContainer(parent)) {
      // The view is not upgraded yet: join it once it is.
      this.toggleAttribute('data-rr-in-view', true);
      customElements.whenDefined('rr-view').then(() => {
        if (this.isConnected && !this.#container && !this.#ownView) this.#attachToView();
      });
      return;
    }
    if (parent) {
      this.toggleAttribute('data-rr-in-view', true);
      this.#container = parent;
      parent.registerLayer(this.#layerEntry());
    } else {
      this.toggleAttribute('data-rr-in-view', false);
      this.#ownView = new ViewController(this, {
        layers: () => (this.#entry ? [this.#entry] : []),
        background: () => this.getAttribute('background'),
        tooltip: () => !this.hasAttribute('no-tooltip'),
      });
      // Controllers added after connection are not told about it.
      this.#ownView.hostConnected();
      this.#layerEntry();
    }
    this.requestUpdate();
  }

  #detachFromView(): void {
    if (this.#container && this.#entry) this.#container.unregisterLayer(this.#entry);
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
    return { opacity: this.opacity, drawOrder: this.drawOrder, ...this.extraOverrides() };
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
    this.#invalidate();
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
    if (this.src) {
      const url = this.src;
      this.#loading = this.#fetchSource(url, generation).finally(() => {
        if (generation === this.#loadGeneration) this.#loading = undefined;
      });
      return;
    }
    this.#loading = undefined;
    let row: OwnRow | undefined;
    try {
      row = this.rowFromProperties();
    } catch (error) {
      this.#logRow(undefined, recording, entity);
      this.#setOwnError(errorMessage(error));
      return;
    }
    this.#logRow(row, recording, entity);
  }

  async #fetchSource(url: string, generation: number): Promise<void> {
    let row: OwnRow;
    try {
      const response = await fetch(url);
      if (!response.ok)
        throw new Error(
          `could not load ${url}: HTTP ${response.status} ${response.statusText}`.trim(),
        );
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (generation !== this.#loadGeneration) return;
      row = await this.rowFromSource(bytes, url, response.headers.get('content-type'));
    } catch (error) {
      if (generation !== this.#loadGeneration) return;
      let message = errorMessage(error);
      if (error instanceof TypeError && /fetch/i.test(message))
        message = `could not load ${url}: ${message}`;
      this.#logRow(undefined, this.recording, this.entityPath);
      this.#setOwnError(message);
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
    this.#layerError = state.status === 'error' ? state.message : undefined;
    this.#updateError();
  }

  #updateError(): void {
    const message = this.#ownError ?? this.#layerError;
    this.errorMessage = message;
    if (message && message !== this.#reportedError) {
      this.dispatchEvent(
        new CustomEvent<ErrorDetail>('rr-error', {
          detail: { entity: this.entityPath, message },
          bubbles: true,
          composed: true,
        }),
      );
    }
    this.#reportedError = message;
  }

  /** The view this layer is drawn in (its enclosing `<rr-view>`, or its own). */
  #view(): LayerContainer | ViewController | undefined {
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

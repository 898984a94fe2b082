import { ContextProvider } from '@lit/context';
import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { layerKindFor } from '../../render/layer-kinds.js';
import { getRenderer } from '../../render/renderer.js';
import { formatEntityPath, isAncestorOrSelf, parseEntityPath } from '../../store/entity-path.js';
import type { Recording, RecordingErrorDetail } from '../../store/recording.js';
import { reportError } from '../shared/errors.js';
import { RecordingElement } from '../shared/recording-element.js';
import { parseVisualBounds } from '../shared/visual-bounds.js';
import type { SceneRect } from '../../render/layer.js';
import { viewContext, type LayerHost } from '../shared/view-context.js';
import { viewStyles } from '../shared/view-styles.js';
import {
  ViewController,
  type PickResult,
  type SnapshotOptions,
  type ViewLayerEntry,
} from '../shared/view-controller.js';

/**
 * A 2D view: composites its layers (`<rr-image>`, `<rr-segmentation>` children) by draw order
 * and opacity, in linear light, as Rerun does. With no layer children it shows every entity
 * under `origin` that holds image-like data. Pan by dragging, zoom with Ctrl/⌘ + wheel or a
 * pinch (the plain wheel zooms once the view has focus, else it scrolls the page), double-click
 * to reset; when focused, `+`, `-`, `0` and the arrow keys do the same.
 *
 * @slot - Layer elements.
 * @fires rr-hover - The pointer moved over the view: detail `{x, y, picks}` (`picks: []` on leave).
 * @fires rr-error - A layer's data is unusable: detail `{entity, message}`.
 * @csspart canvas - The canvas the view draws into.
 * @csspart labels - The canvas over the picture that shows instance labels.
 * @csspart frame - The box holding canvas, layer messages and tooltip.
 * @csspart tooltip - The hover tooltip.
 * @csspart hint - How to zoom, shown a moment when the wheel scrolls the page past the view.
 * @csspart error - With no layer children: the message of a layer whose data is unusable.
 * @cssprop --rr-aspect - Aspect ratio used when no CSS height is given; set from the content.
 * @cssprop --rr-view-background - Background of the frame behind the canvas.
 * @cssprop --rr-tooltip-background - Tooltip background.
 * @cssprop --rr-tooltip-color - Tooltip text colour.
 * @cssprop --rr-focus-color - Focus ring colour.
 */
export class RrView extends RecordingElement {
  static override styles = [
    viewStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** With no layer children: the entity whose subtree the view shows. */
  @property() origin = '/';
  /** Background as a CSS colour; default transparent. */
  @property() background: string | undefined;
  /** Turns the hover tooltip off. */
  @property({ type: Boolean, attribute: 'no-tooltip' }) noTooltip = false;
  /**
   * `"xmin ymin xmax ymax"`: the scene region fitted to the view (uniform scale, letterboxed;
   * Rerun's VisualBounds2D). Default: the union of the layers' regions. `snapshot()` covers it.
   */
  @property({ attribute: 'visual-bounds' }) visualBounds: string | undefined;

  #parsedBounds: SceneRect | undefined;

  #entries = new Set<ViewLayerEntry>();
  /** Errors of the layers the view made itself (no layer children), shown as layers show theirs. */
  #autoErrors = new Map<string, string>();
  #auto = new Map<string, ViewLayerEntry>();
  #view = new ViewController(this, {
    layers: () => this.#layers(),
    background: () => this.background,
    tooltip: () => !this.noTooltip,
    visualBounds: () => this.#parsedBounds,
  });

  /** What layer elements inside the view register with (one stable object, see view-context.ts). */
  #host: LayerHost = {
    layerConnected: (entry) => {
      this.#entries.add(entry);
      this.#clearAuto();
      this.#view.dataChanged();
    },
    layerDisconnected: (entry) => {
      this.#entries.delete(entry);
      this.#view.dataChanged();
    },
    layerChanged: () => this.#view.dataChanged(),
    snapshot: (options) => this.snapshot(options),
    pick: (x, y) => this.pick(x, y),
    renderComplete: () => this.renderComplete(),
  };

  constructor() {
    super();
    new ContextProvider(this, { context: viewContext, initialValue: this.#host });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#clearAuto();
  }

  #layers(): ViewLayerEntry[] {
    if (this.#entries.size) {
      return [...this.#entries].sort((a, b) =>
        a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
      );
    }
    return this.#autoLayers();
  }

  /** Automatic layers for entities under `origin` (Rerun's automatic 2D views). */
  #autoLayers(): ViewLayerEntry[] {
    const recording = this.recording;
    const origin = formatEntityPath(parseEntityPath(this.origin ?? '/'));
    const wanted = recording.entities().filter((entity) => isAncestorOrSelf(origin, entity));
    const seen = new Set<string>();
    for (const entity of wanted) {
      const kind = layerKindFor(recording, entity);
      if (!kind) continue;
      seen.add(entity);
      if (this.#auto.has(entity)) continue;
      const layer = kind.create(getRenderer(), () => this.#view.dataChanged());
      this.#auto.set(entity, {
        element: this,
        entity,
        layer,
        overrides: {},
        recording,
        loading: undefined,
        stateChanged: (state) => {
          const message = state.status === 'error' ? state.message : undefined;
          if (message === this.#autoErrors.get(entity)) return;
          if (message) {
            this.#autoErrors.set(entity, message);
            reportError(this, { entity, message });
          } else this.#autoErrors.delete(entity);
          this.requestUpdate();
        },
      });
    }
    for (const [entity, entry] of this.#auto) {
      if (!seen.has(entity) || entry.recording !== recording) {
        entry.layer.dispose();
        this.#auto.delete(entity);
        if (this.#autoErrors.delete(entity)) this.requestUpdate();
      }
    }
    return [...this.#auto.values()];
  }

  #clearAuto(): void {
    for (const entry of this.#auto.values()) entry.layer.dispose();
    this.#auto.clear();
    if (this.#autoErrors.size) {
      this.#autoErrors.clear();
      this.requestUpdate();
    }
  }

  protected override recordingConnected(_recording: Recording): void {
    this.#view.dataChanged();
  }

  protected override recordingChanged(): void {
    this.#view.dataChanged();
    // A logged value's problem may have ended (a good value came): the messages follow.
    if (!this.#entries.size) this.requestUpdate();
  }

  /** With no layer children, the view reports the bad logged values of the entities it shows. */
  protected override recordingError(event: CustomEvent<RecordingErrorDetail>): void {
    if (this.#entries.size || !this.#shows(event.detail.entity)) return;
    if (!event.defaultPrevented) {
      event.preventDefault();
      reportError(this, { entity: event.detail.entity, message: event.detail.message });
    }
    this.requestUpdate();
  }

  #shows(entity: string): boolean {
    return isAncestorOrSelf(formatEntityPath(parseEntityPath(this.origin ?? '/')), entity);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('visualBounds')) return;
    try {
      this.#parsedBounds = parseVisualBounds(this.visualBounds);
    } catch (error) {
      // A bad value is reported and ignored: the view fits its content.
      this.#parsedBounds = undefined;
      reportError(this, { message: (error as Error).message });
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('origin') || changed.has('background') || changed.has('visualBounds')) {
      // New bounds: back to the fitted view of them.
      if (changed.has('visualBounds')) this.#view.resetView();
      this.#view.dataChanged();
    }
  }

  /**
   * Renders the composited layers over a transparent background at `scale` output pixels per
   * scene unit, covering `visual-bounds` (else the union of the layers' regions), independent
   * of size, zoom and DPR; labels included.
   */
  snapshot(options?: SnapshotOptions): Promise<ImageData> {
    return this.#view.snapshot(options);
  }

  /** What lies at scene point (x, y), top layer first. */
  pick(x: number, y: number): PickResult[] {
    return this.#view.pick(x, y);
  }

  /** Resolves once every layer's data has loaded and the view shows the current state. */
  renderComplete(): Promise<void> {
    return this.updateComplete.then(() => this.#view.renderComplete());
  }

  /** Back to the fitted view. */
  resetView(): void {
    this.#view.resetView();
  }

  protected override render(): TemplateResult {
    const shown = [...this.#autoErrors].map(([entity, message]) => `${entity}: ${message}`);
    if (!this.#entries.size) {
      // Values logged for the entities shown that were not stored (the last good ones draw);
      // their messages name the entity.
      for (const problem of this.recording.problems()) {
        if (this.#shows(problem.entity)) shown.push(problem.message);
      }
    }
    const errors = shown.map(
      (message) => html`<div class="rr-error" part="error" role="alert">${message}</div>`,
    );
    return this.#view.template(html`<slot></slot>${errors}`);
  }
}

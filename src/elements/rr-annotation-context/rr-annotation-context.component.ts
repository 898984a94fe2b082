import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  parseAnnotationContext,
  type AnnotationContextData,
} from '../../store/annotation-context.js';
import { fetchOk } from '../../io/fetch.js';
import { formatEntityPath, parseEntityPath } from '../../store/entity-path.js';
import type { Recording } from '../../store/recording.js';
import { setAnnotationContextError } from '../../store/context-errors.js';
import { reportError } from '../shared/errors.js';
import { RecordingElement } from '../shared/recording-element.js';

const COMPONENT = 'AnnotationContext:context';

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Declares a Rerun AnnotationContext at an entity path, in plain HTML. It draws nothing: every
 * segmentation layer at or below `entity` (with no nearer context) colours and labels its
 * classes through it. The context comes from the `context` property, else from `src` (a JSON
 * URL), else from the element's text content (JSON). Logged as static data.
 *
 * ```html
 * <rr-annotation-context entity="/">[[1, "red", [255, 0, 0]], [2, "green", "#00ff00"]]</rr-annotation-context>
 * ```
 *
 * @fires rr-error - The JSON or a class entry is malformed: detail `{entity, message}` names the bad entry.
 */
export class RrAnnotationContext extends RecordingElement {
  static override styles = css`
    :host {
      display: none;
    }
  `;

  /** Entity path the context applies to (and below). Default `/`. */
  @property() entity: string | undefined;
  /** URL of a JSON file holding the context. */
  @property() src: string | undefined;
  /** The context as a JS value (a list of class entries); wins over `src` and text content. */
  @property({ attribute: false }) context: unknown;

  @state() private errorText: string | undefined;

  #logged: { recording: Recording; entity: string } | undefined;
  #generation = 0;
  #loading: Promise<void> | undefined;
  #observer = new MutationObserver(() => this.#refresh());
  #lastError: string | undefined;

  /** The canonical entity path. */
  get entityPath(): string {
    return formatEntityPath(parseEntityPath(this.entity ?? '/'));
  }

  /** The parsed context last logged, if any. */
  parsed: AnnotationContextData | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer.disconnect();
    this.#generation++;
    setAnnotationContextError(this.recording, this.entityPath, undefined);
    this.#unlog();
  }

  protected override recordingConnected(): void {
    if (this.#logged && this.#logged.recording !== this.recording) this.#unlog();
    this.#refresh();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('entity') || changed.has('src') || changed.has('context')) this.#refresh();
  }

  /** Resolves once a `src` fetch has settled and the context is logged. */
  async loaded(): Promise<void> {
    await this.updateComplete;
    await this.#loading;
  }

  #refresh(): void {
    if (!this.isConnected) return;
    const generation = ++this.#generation;
    if (this.context !== undefined && this.context !== null) {
      this.#loading = undefined;
      this.#apply(() => this.context);
      return;
    }
    if (this.src) {
      const url = this.src;
      this.#loading = (async () => {
        let text: string;
        try {
          text = await (await fetchOk(url)).text();
        } catch (error) {
          if (generation === this.#generation) this.#fail(errorMessage(error));
          return;
        }
        if (generation === this.#generation) this.#apply(() => parseJson(text, url));
      })();
      return;
    }
    this.#loading = undefined;
    const text = (this.textContent ?? '').trim();
    if (!text) {
      setAnnotationContextError(this.recording, this.entityPath, undefined);
      this.#unlog();
      this.#setError(undefined);
      return;
    }
    this.#apply(() => parseJson(text, 'the element text'));
  }

  #apply(read: () => unknown): void {
    let data: AnnotationContextData;
    try {
      data = parseAnnotationContext(read());
    } catch (error) {
      this.#fail(errorMessage(error));
      return;
    }
    const recording = this.recording;
    const entity = this.entityPath;
    if (this.#logged && (this.#logged.entity !== entity || this.#logged.recording !== recording))
      this.#unlog();
    this.parsed = data;
    setAnnotationContextError(recording, entity, undefined);
    recording.logComponents(entity, { [COMPONENT]: data }, { static: true });
    this.#logged = { recording, entity };
    this.#setError(undefined);
  }

  #fail(message: string): void {
    // A bad context must not linger as the last good one: layers fall back to what is above,
    // and the legend and layers under this path show the error (context-errors.ts).
    setAnnotationContextError(this.recording, this.entityPath, message);
    this.#setError(message);
    const had = this.#logged;
    this.#unlog();
    // Tell the legend and the layers (the change event) even when nothing was logged before.
    if (!had)
      this.recording.logComponents(this.entityPath, { [COMPONENT]: null }, { static: true });
  }

  #unlog(): void {
    const logged = this.#logged;
    this.#logged = undefined;
    this.parsed = undefined;
    // Only the context component: the entity may hold an image too.
    if (logged)
      logged.recording.logComponents(logged.entity, { [COMPONENT]: null }, { static: true });
  }

  #setError(message: string | undefined): void {
    this.errorText = message;
    if (message && message !== this.#lastError) {
      reportError(this, { entity: this.entityPath, message: `annotation context: ${message}` });
    }
    this.#lastError = message;
  }

  protected override render(): TemplateResult | typeof nothing {
    // Hidden by default; a page that shows the element (display: block) sees the error.
    return this.errorText ? html`<div part="error" role="alert">${this.errorText}</div>` : nothing;
  }
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      `expected JSON in ${where}, got text that does not parse (${errorMessage(error)})`,
    );
  }
}

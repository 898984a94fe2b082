import { annotationContextErrorFor } from '../../store/context-errors.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  annotationContextOf,
  resolveClass,
  resolveKeypoint,
  type AnnotationContextData,
  type AnnotationInfo,
  type ClassDescription,
} from '../../store/annotation-context.js';
import type { Rgba8 } from '../../store/auto-color.js';
import { classStateFor, type ClassState } from '../../store/class-state.js';
import { formatEntityPath, parseEntityPath } from '../../store/entity-path.js';
import type { Recording } from '../../store/recording.js';
import type { HoverDetail } from '../shared/view-controller.js';
import { RecordingElement } from '../shared/recording-element.js';
import { legendStyles, ROW_HEIGHT } from './rr-annotation-legend.styles.js';

/** Above this many classes the legend shows a filter box and renders rows lazily. */
export const LAZY_THRESHOLD = 50;
/** Rows rendered beyond the visible ones on each side, so fast scrolling shows no gaps. */
const OVERSCAN = 8;

/** Detail of `rr-class-toggle`. */
export interface ClassToggleDetail {
  classId: number;
  visible: boolean;
}

/** Detail of `rr-class-hover`. */
export interface ClassHoverDetail {
  classId: number | null;
  /** Set when a keypoint row is hovered: that keypoint of `classId`. */
  keypointId?: number;
}

/** Class rows and keypoint rows: what hover and focus highlight. */
const HOVER_ROWS = 'tr[data-class-id], tr[data-keypoint-id]';

interface Row {
  id: number;
  label: string | undefined;
  color: Rgba8;
  auto: boolean;
  /** Lower-case id and label, for the filter. */
  search: string;
}

const rowCache = new WeakMap<AnnotationContextData, Row[]>();

function rowsOf(context: AnnotationContextData): Row[] {
  let rows = rowCache.get(context);
  if (!rows) {
    rows = [...context.classes.keys()]
      .sort((a, b) => a - b)
      .map((id) => {
        const { label, color, auto } = resolveClass(context, id);
        return { id, label, color, auto, search: `${id} ${label ?? ''}`.toLowerCase() };
      });
    rowCache.set(context, rows);
  }
  return rows;
}

function cssColor([r, g, b, a]: Rgba8): string {
  return `rgba(${r}, ${g}, ${b}, ${+(a / 255).toFixed(3)})`;
}

function hex([r, g, b, a]: Rgba8): string {
  const h = [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `#${h}${a === 255 ? '' : a.toString(16).padStart(2, '0')}`;
}

const hiddenConverter = {
  fromAttribute(value: string | null): number[] {
    return (value ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n >= 0);
  },
  toAttribute(value: number[]): string {
    return value.join(' ');
  },
};

/**
 * Shows, and controls, the annotation context that applies to `entity` (nearest ancestor):
 * a Classes table (Class Id | Label | Color, "(auto)" where no colour was logged) sorted by id,
 * then per class with keypoints its keypoint table and connections, as Rerun's selection panel
 * does. Beyond Rerun it is linked both ways with every segmentation layer that resolves to the
 * same context: click, Enter or Space toggles a class, Alt-click shows only that class, hovering
 * (or focusing) a row highlights that class in the views and dims the rest, hovering (or
 * focusing) a keypoint row highlights only the points of that class and keypoint, and hovering a
 * class in a view (a segmentation pixel, a point, box or strip) marks its row. Above 50 classes a
 * filter box appears and rows render lazily.
 *
 * @fires rr-class-toggle - A class was shown or hidden from the legend: detail `{classId, visible}`.
 * @fires rr-class-hover - The row under the pointer (or focus) changed: detail `{classId | null, keypointId?}` (`keypointId` for a keypoint row).
 * @csspart row - One class row; carries `data-class-id` (and `data-hidden`, `data-hovered`, `data-highlighted`).
 * @csspart classes - The Classes table.
 * @csspart filter - The filter box (above 50 classes).
 * @csspart keypoints - A keypoint table.
 * @csspart keypoint-row - One keypoint row (focusable); carries `data-keypoint-class`, `data-keypoint-id` (and `data-highlighted`, `data-hovered` while a view's pointer is over that keypoint).
 * @csspart connections - A keypoint connections table.
 * @cssprop --rr-legend-max-height - Height limit of the scrolling Classes list (default 360px).
 * @cssprop --rr-legend-background - Background of sticky table headers.
 * @cssprop --rr-legend-hover-background - Background of highlighted rows.
 * @cssprop --rr-focus-color - Focus ring colour.
 */
export class RrAnnotationLegend extends RecordingElement {
  static override styles = legendStyles;

  /** Entity whose applicable context is shown (nearest ancestor holding one). Default `/`. */
  @property() entity: string | undefined;
  /** Ids of hidden classes; attribute as a space-separated list (`"1 3"`). */
  @property({ attribute: 'hidden-classes', converter: hiddenConverter }) hiddenClasses: number[] =
    [];

  @state() private filter = '';
  @state() private listScroll = 0;
  @state() private viewportHeight = 360;

  #context: AnnotationContextData | undefined;
  #contextEntity: string | undefined;
  #contextError: string | undefined;
  #classState: ClassState | undefined;
  /** The hidden set came from the state: do not write it back. */
  #syncingHidden = false;

  /** The canonical entity path. */
  get entityPath(): string {
    return formatEntityPath(parseEntityPath(this.entity ?? '/'));
  }

  /** The context shown, if one applies. */
  get context(): AnnotationContextData | undefined {
    return this.#context;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('rr-hover', this.#onViewHover);
    this.#resolve();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('rr-hover', this.#onViewHover);
    this.#follow(undefined);
  }

  protected override recordingConnected(): void {
    this.#resolve();
  }

  protected override recordingChanged(): void {
    this.#resolve();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('entity')) this.#resolve();
    // The first update only carries the default (or the attribute, applied in #follow): it must
    // not clear what another legend of the same context has hidden.
    const given = changed.has('hiddenClasses') && changed.get('hiddenClasses') !== undefined;
    if (given && !this.#syncingHidden && this.#classState) {
      this.#classState.setHidden(this.hiddenClasses ?? []);
    }
    this.#syncingHidden = false;
  }

  #resolve(): void {
    if (!this.isConnected) return;
    const recording = this.recording;
    const match = recording.annotationContextFor(this.entityPath);
    let context: AnnotationContextData | undefined;
    const before = this.#contextError;
    // A context given at or above this entity that could not be read (bad JSON …).
    const broken = annotationContextErrorFor(recording, this.entityPath, match?.entity);
    this.#contextError = broken
      ? `annotation context at ${broken.entity}: ${broken.message}`
      : undefined;
    if (match && !broken) {
      try {
        context = annotationContextOf(match.context);
      } catch (error) {
        this.#contextError = `annotation context at ${match.entity}: ${(error as Error).message}`;
      }
    }
    if (
      context !== this.#context ||
      match?.entity !== this.#contextEntity ||
      this.#contextError !== before
    ) {
      this.#context = context;
      this.#contextEntity = match?.entity;
      this.requestUpdate();
    }
    this.#follow(match ? classStateFor(recording, match.entity) : undefined);
  }

  #follow(next: ClassState | undefined): void {
    if (next === this.#classState) return;
    this.#classState?.removeEventListener('change', this.#onClassState);
    this.#classState = next;
    if (next) {
      next.addEventListener('change', this.#onClassState);
      // A hidden set given before the context existed applies now.
      if (this.hiddenClasses.length && next.neutral) next.setHidden(this.hiddenClasses);
      else this.#syncHiddenFromState();
    }
    this.requestUpdate();
  }

  #onClassState = (event: Event): void => {
    if ((event as CustomEvent).detail?.what === 'visibility') this.#syncHiddenFromState();
    this.requestUpdate();
  };

  #syncHiddenFromState(): void {
    const state = this.#classState;
    if (!state) return;
    const ids = this.#context ? [...this.#context.classes.keys()] : [];
    const hidden =
      state.solo !== undefined
        ? ids.filter((id) => id !== state.solo).sort((a, b) => a - b)
        : [...state.hidden].sort((a, b) => a - b);
    if (
      hidden.length === this.hiddenClasses.length &&
      hidden.every((id, i) => id === this.hiddenClasses[i])
    )
      return;
    this.#syncingHidden = true;
    this.hiddenClasses = hidden;
  }

  /** Which class a view shows under the pointer, for views on the same recording and context. */
  #onViewHover = (event: Event): void => {
    const state = this.#classState;
    if (!state) return;
    const picks = (event as CustomEvent<HoverDetail>).detail?.picks ?? [];
    let hovered: number | null = null;
    let keypoint: number | null = null;
    for (const pick of picks) {
      if (pick.classId === undefined) continue;
      const recording =
        (pick.layer as Element & { recording?: Recording }).recording ?? this.recording;
      if (recording !== this.recording) continue;
      if (recording.annotationContextFor(pick.entity)?.entity !== this.#contextEntity) continue;
      hovered = pick.classId;
      keypoint = pick.keypointId ?? null;
      break;
    }
    state.hover(hovered, keypoint);
  };

  /** Whether a class is shown in the linked views. */
  isClassVisible(id: number): boolean {
    return this.#classState?.isVisible(id) ?? !this.hiddenClasses.includes(id);
  }

  /** Shows or hides a class, as a click on its row does. */
  toggleClass(id: number, visible = !this.isClassVisible(id)): void {
    const state = this.#classState;
    if (!state) return;
    state.setVisible(id, visible, this.#context?.classes.keys() ?? []);
    this.dispatchEvent(
      new CustomEvent<ClassToggleDetail>('rr-class-toggle', {
        detail: { classId: id, visible },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** Shows only this class (again: shows every class), as Alt-click does. */
  soloClass(id: number): void {
    const state = this.#classState;
    if (!state) return;
    const ids = [...(this.#context?.classes.keys() ?? [])];
    const before = ids.map((other) => state.isVisible(other));
    state.toggleSolo(id);
    for (const [i, other] of ids.entries()) {
      // One event per class whose visibility actually changed.
      if (state.isVisible(other) === before[i]) continue;
      this.dispatchEvent(
        new CustomEvent<ClassToggleDetail>('rr-class-toggle', {
          detail: { classId: other, visible: state.isVisible(other) },
          bubbles: true,
          composed: true,
        }),
      );
    }
  }

  #highlight(id: number | null, keypoint: number | null = null): void {
    const state = this.#classState;
    if (!state || (state.highlighted === id && state.highlightedKeypoint === keypoint)) return;
    state.highlight(id, keypoint);
    const detail: ClassHoverDetail = { classId: id };
    if (id !== null && keypoint !== null) detail.keypointId = keypoint;
    this.dispatchEvent(
      new CustomEvent<ClassHoverDetail>('rr-class-hover', {
        detail,
        bubbles: true,
        composed: true,
      }),
    );
  }

  #rowId(event: Event): number | undefined {
    const row = (event.target as Element | null)?.closest?.('tr[data-class-id]');
    return row ? Number(row.getAttribute('data-class-id')) : undefined;
  }

  #onRowClick = (event: MouseEvent): void => {
    const id = this.#rowId(event);
    if (id === undefined) return;
    if (event.altKey) this.soloClass(id);
    else this.toggleClass(id);
  };

  #onRowKeyDown = (event: KeyboardEvent): void => {
    const id = this.#rowId(event);
    if (id === undefined) return;
    if ((event.key === 'Enter' || event.key === ' ') && event.altKey) {
      event.preventDefault();
      this.soloClass(id);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.#focusNeighbour(id, event.key === 'ArrowDown' ? 1 : -1);
    }
  };

  async #focusNeighbour(id: number, step: number): Promise<void> {
    const rows = this.#filteredRows();
    const index = rows.findIndex((r) => r.id === id) + step;
    if (index < 0 || index >= rows.length) return;
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (scroller && rows.length > LAZY_THRESHOLD) {
      // Bring the row into the rendered window before focusing it.
      const top = index * ROW_HEIGHT;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (top + 2 * ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight)
        scroller.scrollTop = top + 2 * ROW_HEIGHT - scroller.clientHeight;
      this.listScroll = scroller.scrollTop;
      await this.updateComplete;
    }
    this.renderRoot
      .querySelector<HTMLElement>(`tr[data-class-id="${rows[index]!.id}"] button`)
      ?.focus();
  }

  #onRowEnter = (event: Event): void => {
    const id = this.#rowId(event);
    if (id !== undefined) this.#highlight(id);
  };

  /** A keypoint row: highlights that keypoint of its class, as a class row does its class. */
  #onKeypointEnter = (event: Event): void => {
    const row = (event.target as Element | null)?.closest?.('tr[data-keypoint-id]');
    if (!row) return;
    const classId = Number(row.getAttribute('data-keypoint-class'));
    this.#highlight(classId, Number(row.getAttribute('data-keypoint-id')));
  };

  #onRowsLeave = (): void => this.#highlight(null);

  #onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Element | null;
    if (!next || !next.closest?.(HOVER_ROWS)) this.#highlight(null);
  };

  #onScroll = (event: Event): void => {
    const scroller = event.currentTarget as HTMLElement;
    this.listScroll = scroller.scrollTop;
    this.viewportHeight = scroller.clientHeight || this.viewportHeight;
  };

  #onFilter = (event: Event): void => {
    this.filter = (event.target as HTMLInputElement).value;
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (scroller) scroller.scrollTop = 0;
    this.listScroll = 0;
  };

  #filteredRows(): Row[] {
    if (!this.#context) return [];
    const rows = rowsOf(this.#context);
    const needle = this.filter.trim().toLowerCase();
    if (!needle || rows.length <= LAZY_THRESHOLD) return rows;
    return rows.filter((r) => r.search.includes(needle));
  }

  protected override updated(): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (scroller && scroller.clientHeight && scroller.clientHeight !== this.viewportHeight) {
      this.viewportHeight = scroller.clientHeight;
    }
  }

  #swatch(color: Rgba8, auto: boolean): TemplateResult {
    return html`<span class="swatch" style="--swatch: ${cssColor(color)}" title=${hex(color)}></span
      >${
        auto
          ? html`<span class="auto" title="Color chosen automatically, since it was not logged"
              >(auto)</span
            >`
          : nothing
      }`;
  }

  #classRow(row: Row, index: number): TemplateResult {
    const state = this.#classState;
    const visible = state ? state.isVisible(row.id) : true;
    const name = row.label ?? '';
    return html`<tr
      part="row"
      data-class-id=${row.id}
      aria-rowindex=${index + 2}
      ?data-hidden=${!visible}
      ?data-hovered=${state?.hovered === row.id}
      ?data-highlighted=${state?.highlighted === row.id}
    >
      <td class="id">
        <button
          class="toggle"
          type="button"
          aria-pressed=${visible ? 'true' : 'false'}
          aria-label=${`Show class ${row.id}${name ? ` ${name}` : ''}`}
        >
          <span class="eye" aria-hidden="true"></span>${row.id}
        </button>
      </td>
      <td class="label">${name}</td>
      <td class="color">${this.#swatch(row.color, row.auto)}</td>
    </tr>`;
  }

  #classesTable(): TemplateResult {
    const all = this.#context ? rowsOf(this.#context) : [];
    const lazy = all.length > LAZY_THRESHOLD;
    const rows = this.#filteredRows();
    let start = 0;
    let end = rows.length;
    if (lazy) {
      start = Math.max(0, Math.floor(this.listScroll / ROW_HEIGHT) - OVERSCAN);
      end = Math.min(
        rows.length,
        Math.ceil((this.listScroll + this.viewportHeight) / ROW_HEIGHT) + OVERSCAN,
      );
    }
    const before = start * ROW_HEIGHT;
    const after = (rows.length - end) * ROW_HEIGHT;
    return html`${
        lazy
          ? html`<input
              type="search"
              part="filter"
              aria-label="Filter classes by id or label"
              placeholder="Filter ${all.length} classes"
              .value=${this.filter}
              @input=${this.#onFilter}
            />`
          : nothing
      }
      <div class="scroller" @scroll=${this.#onScroll}>
        <table part="classes" aria-rowcount=${rows.length + 1}>
          <caption>
            Classes
          </caption>
          <thead>
            <tr aria-rowindex="1">
              <th class="id" scope="col">Class Id</th>
              <th class="label" scope="col">Label</th>
              <th class="color" scope="col">Color</th>
            </tr>
          </thead>
          <tbody
            @click=${this.#onRowClick}
            @keydown=${this.#onRowKeyDown}
            @pointerover=${this.#onRowEnter}
            @pointerleave=${this.#onRowsLeave}
            @focusin=${this.#onRowEnter}
            @focusout=${this.#onFocusOut}
          >
            ${before ? html`<tr aria-hidden="true" style="height: ${before}px"></tr>` : nothing}
            ${rows.slice(start, end).map((row, i) => this.#classRow(row, start + i))}
            ${after ? html`<tr aria-hidden="true" style="height: ${after}px"></tr>` : nothing}
          </tbody>
        </table>
        ${rows.length === 0 ? html`<p class="empty">No class matches “${this.filter}”.</p>` : nothing}
      </div>`;
  }

  #keypointName(description: ClassDescription, id: number): string {
    const label = description.keypoints.find((k) => k.id === id)?.label;
    return label ?? `id ${id}`;
  }

  #keypointTables(description: ClassDescription): TemplateResult {
    const id = description.info.id;
    const keypoints = [...description.keypoints].sort((a, b) => a.id - b.id);
    return html`<table part="keypoints">
        <caption .textContent=${`Keypoints Annotation for Class ${id}`}></caption>
        <thead>
          <tr>
            <th class="id" scope="col">Keypoint Id</th>
            <th class="label" scope="col">Label</th>
            <th class="color" scope="col">Color</th>
          </tr>
        </thead>
        <tbody
          @pointerover=${this.#onKeypointEnter}
          @pointerleave=${this.#onRowsLeave}
          @focusin=${this.#onKeypointEnter}
          @focusout=${this.#onFocusOut}
        >
          ${keypoints.map((k: AnnotationInfo) => {
            const { color, auto } = resolveKeypoint(k);
            const state = this.#classState;
            const lit = state?.highlighted === id && state.highlightedKeypoint === k.id;
            return html`<tr
              part="keypoint-row"
              tabindex="0"
              data-keypoint-id=${k.id}
              data-keypoint-class=${id}
              aria-label=${`Highlight keypoint ${k.id}${k.label ? ` ${k.label}` : ''} of class ${id}`}
              ?data-highlighted=${lit}
              ?data-hovered=${state?.hovered === id && state.hoveredKeypoint === k.id}
            >
              <td class="id">${k.id}</td>
              <td class="label">${k.label ?? ''}</td>
              <td class="color">${this.#swatch(color, auto)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${
        description.connections.length
          ? html`<table part="connections">
              <caption .textContent=${`Keypoint Connections for Class ${id}`}></caption>
              <thead>
                <tr>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                </tr>
              </thead>
              <tbody>
                ${description.connections.map(
                  ([a, b]) =>
                    html`<tr>
                      <td>${this.#keypointName(description, a)}</td>
                      <td>${this.#keypointName(description, b)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : nothing
      }`;
  }

  protected override render(): TemplateResult {
    if (this.#contextError)
      return html`<p class="empty" part="error" role="alert">${this.#contextError}</p>`;
    const context = this.#context;
    if (!context)
      return html`<p class="empty">No annotation context applies to ${this.entityPath}.</p>`;
    const withKeypoints = [...context.classes.values()]
      .filter((d) => d.keypoints.length || d.connections.length)
      .sort((a, b) => a.info.id - b.info.id);
    return html`${this.#classesTable()} ${withKeypoints.map((d) => this.#keypointTables(d))}`;
  }
}

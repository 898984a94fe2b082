/**
 * What legends and segmentation layers share about the classes of one annotation context:
 * which classes are hidden (or soloed), which one a legend row highlights, and which one the
 * pointer is over in a view. One object per (recording, context entity), so every legend and
 * every layer resolving to the same context sees the same state.
 */
import type { Recording } from './recording.js';

/** Detail of the `change` event: what changed. */
export interface ClassStateChange {
  what: 'visibility' | 'highlight' | 'hover';
}

export class ClassState extends EventTarget {
  #hidden = new Set<number>();
  #solo: number | undefined;
  #highlighted: number | null = null;
  #highlightedKeypoint: number | null = null;
  #hovered: number | null = null;
  #hoveredKeypoint: number | null = null;
  /** Increases with every change of what layers draw (visibility, highlight). */
  version = 0;

  constructor(
    /** Canonical path of the entity holding the context. */
    readonly entity: string,
  ) {
    super();
  }

  /** Whether a class is drawn. */
  isVisible(id: number): boolean {
    return this.#solo !== undefined ? id === this.#solo : !this.#hidden.has(id);
  }

  /** The class shown alone, if any. */
  get solo(): number | undefined {
    return this.#solo;
  }

  /** Ids hidden explicitly (when no class is soloed). */
  get hidden(): ReadonlySet<number> {
    return this.#hidden;
  }

  /** True when nothing is hidden, soloed or highlighted: layers draw plain colours. */
  get neutral(): boolean {
    return this.#hidden.size === 0 && this.#solo === undefined && this.#highlighted === null;
  }

  /** Replaces the hidden set (and ends a solo). */
  setHidden(ids: Iterable<number>): void {
    const next = new Set(ids);
    if (
      this.#solo === undefined &&
      next.size === this.#hidden.size &&
      [...next].every((id) => this.#hidden.has(id))
    )
      return;
    this.#hidden = next;
    this.#solo = undefined;
    this.#changed('visibility');
  }

  /**
   * Shows or hides one class. While a class is soloed, `known` (the context's class ids) turns
   * the solo into an explicit hidden set first, so toggling then works class by class.
   */
  setVisible(id: number, visible: boolean, known: Iterable<number> = []): void {
    if (this.#solo !== undefined) {
      const solo = this.#solo;
      this.#solo = undefined;
      this.#hidden = new Set([...known].filter((k) => k !== solo));
    }
    if (visible) this.#hidden.delete(id);
    else this.#hidden.add(id);
    this.#changed('visibility');
  }

  /** Shows only this class; again on the soloed class shows everything. */
  toggleSolo(id: number): void {
    if (this.#solo === id) {
      this.#solo = undefined;
      this.#hidden.clear();
    } else {
      this.#solo = id;
    }
    this.#changed('visibility');
  }

  /** The class a legend row highlights (others are dimmed), or null. */
  get highlighted(): number | null {
    return this.#highlighted;
  }

  set highlighted(id: number | null) {
    this.highlight(id);
  }

  /**
   * Within the highlighted class, the keypoint a legend's keypoint row highlights (only points
   * of that class and keypoint keep their colour), or null for the whole class.
   */
  get highlightedKeypoint(): number | null {
    return this.#highlightedKeypoint;
  }

  /** Highlights a class, or one keypoint of it; `null` highlights nothing. */
  highlight(classId: number | null, keypointId: number | null = null): void {
    const keypoint = classId === null ? null : keypointId;
    if (classId === this.#highlighted && keypoint === this.#highlightedKeypoint) return;
    this.#highlighted = classId;
    this.#highlightedKeypoint = keypoint;
    this.#changed('highlight');
  }

  /** The class under the pointer in a view, or null. */
  get hovered(): number | null {
    return this.#hovered;
  }

  set hovered(id: number | null) {
    this.hover(id);
  }

  /** The keypoint (of the hovered class) under the pointer in a view, or null. */
  get hoveredKeypoint(): number | null {
    return this.#hoveredKeypoint;
  }

  /** Sets the class, and keypoint, under the pointer in a view (null: none). */
  hover(classId: number | null, keypointId: number | null = null): void {
    const keypoint = classId === null ? null : keypointId;
    if (classId === this.#hovered && keypoint === this.#hoveredKeypoint) return;
    this.#hovered = classId;
    this.#hoveredKeypoint = keypoint;
    // Layers draw nothing differently for this, so it does not bump `version`.
    this.dispatchEvent(new CustomEvent<ClassStateChange>('change', { detail: { what: 'hover' } }));
  }

  #changed(what: 'visibility' | 'highlight'): void {
    this.version++;
    this.dispatchEvent(new CustomEvent<ClassStateChange>('change', { detail: { what } }));
  }
}

const states = new WeakMap<Recording, Map<string, ClassState>>();

/** The shared class state of the context at `entity` (canonical path) in `recording`. */
export function classStateFor(recording: Recording, entity: string): ClassState {
  let byEntity = states.get(recording);
  if (!byEntity) states.set(recording, (byEntity = new Map()));
  let state = byEntity.get(entity);
  if (!state) byEntity.set(entity, (state = new ClassState(entity)));
  return state;
}

/**
 * Pointer, wheel and keyboard input of a view: drag pans, wheel and pinch zoom about the
 * pointer, double-click resets, `+` `-` `0` and the arrow keys do the same from the keyboard,
 * and pointer moves report hover. It only translates events into calls on its target.
 */

/** What input drives. */
export interface ViewInputTarget {
  /** Zooms by `factor` about a CSS point relative to the canvas (default: centre). */
  zoomBy(factor: number, cssX?: number, cssY?: number): void;
  /** Pans by CSS pixels. */
  panBy(dx: number, dy: number): void;
  resetView(): void;
  /** True when the view shows something (the wheel zooms only then, else the page scrolls). */
  hasContent(): boolean;
  /** The pointer is at a client position (or left the canvas: undefined). */
  hover(client: { clientX: number; clientY: number } | undefined): void;
}

/** Arrow keys pan by this many CSS pixels. */
const KEY_STEP = 32;

export class ViewInput {
  #pointers = new Map<number, { x: number; y: number }>();

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly host: HTMLElement,
    private readonly target: ViewInputTarget,
  ) {}

  attach(): void {
    const el = this.canvas;
    el.addEventListener('pointerdown', this.#onPointerDown);
    el.addEventListener('pointermove', this.#onPointerMove);
    el.addEventListener('pointerup', this.#onPointerUp);
    el.addEventListener('pointercancel', this.#onPointerUp);
    el.addEventListener('pointerleave', this.#onPointerLeave);
    el.addEventListener('wheel', this.#onWheel, { passive: false });
    el.addEventListener('dblclick', this.#onDoubleClick);
    this.host.addEventListener('keydown', this.#onKeyDown);
  }

  detach(): void {
    const el = this.canvas;
    el.removeEventListener('pointerdown', this.#onPointerDown);
    el.removeEventListener('pointermove', this.#onPointerMove);
    el.removeEventListener('pointerup', this.#onPointerUp);
    el.removeEventListener('pointercancel', this.#onPointerUp);
    el.removeEventListener('pointerleave', this.#onPointerLeave);
    el.removeEventListener('wheel', this.#onWheel);
    el.removeEventListener('dblclick', this.#onDoubleClick);
    this.host.removeEventListener('keydown', this.#onKeyDown);
    this.#pointers.clear();
  }

  #onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    this.canvas.setPointerCapture?.(event.pointerId);
    this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  };

  #onPointerMove = (event: PointerEvent): void => {
    const last = this.#pointers.get(event.pointerId);
    if (last) {
      if (this.#pointers.size === 2) {
        // Pinch: zoom by the change of distance between the two pointers, about their middle.
        const [a, b] = [...this.#pointers.entries()].map(([id, p]) =>
          id === event.pointerId ? { x: event.clientX, y: event.clientY } : p,
        );
        const [a0, b0] = [...this.#pointers.values()];
        const before = Math.hypot(a0.x - b0.x, a0.y - b0.y);
        const after = Math.hypot(a.x - b.x, a.y - b.y);
        const rect = this.canvas.getBoundingClientRect();
        if (before > 0)
          this.target.zoomBy(
            after / before,
            (a.x + b.x) / 2 - rect.left,
            (a.y + b.y) / 2 - rect.top,
          );
      } else {
        this.target.panBy(event.clientX - last.x, event.clientY - last.y);
      }
      this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    }
    this.target.hover({ clientX: event.clientX, clientY: event.clientY });
  };

  #onPointerUp = (event: PointerEvent): void => {
    this.#pointers.delete(event.pointerId);
  };

  #onPointerLeave = (): void => this.target.hover(undefined);

  #onWheel = (event: WheelEvent): void => {
    if (!this.target.hasContent()) return;
    event.preventDefault();
    const rect = this.canvas.getBoundingClientRect();
    // deltaMode 1 = lines; a line is about 16 px.
    const delta = event.deltaY * (event.deltaMode === 1 ? 16 : 1);
    this.target.zoomBy(
      Math.exp(-delta * 0.0015),
      event.clientX - rect.left,
      event.clientY - rect.top,
    );
  };

  #onDoubleClick = (): void => this.target.resetView();

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const t = this.target;
    switch (event.key) {
      case '+':
      case '=':
        t.zoomBy(1.25);
        break;
      case '-':
      case '_':
        t.zoomBy(0.8);
        break;
      case '0':
        t.resetView();
        break;
      case 'ArrowLeft':
        t.panBy(KEY_STEP, 0);
        break;
      case 'ArrowRight':
        t.panBy(-KEY_STEP, 0);
        break;
      case 'ArrowUp':
        t.panBy(0, KEY_STEP);
        break;
      case 'ArrowDown':
        t.panBy(0, -KEY_STEP);
        break;
      default:
        return;
    }
    event.preventDefault();
  };
}

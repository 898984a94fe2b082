/**
 * The canvas over a view's picture that shows instance labels (render/labels.ts) and the hover
 * outline (render/outline.ts, under the labels). A 2D canvas of the same device size as the
 * view's canvas, repainted with every frame and when the hovered instance changes; the browser
 * composites it over the picture, in gamma space as egui paints Rerun's labels.
 */
import type { LabelTransform, PlacedLabel } from '../../render/labels.js';
import { labelPainter } from '../../render/label-painter.js';
import type { OutlineShape } from '../../render/outline.js';
import type { ResolvedLabel } from '../../store/geometry/types.js';

export class LabelOverlay {
  readonly canvas: HTMLCanvasElement;
  #placed: PlacedLabel[] = [];
  #painted = false;
  #labels: readonly ResolvedLabel[] = [];
  #transform: LabelTransform | undefined;
  #outline: OutlineShape | undefined;

  constructor() {
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('part', 'labels');
    this.canvas.setAttribute('aria-hidden', 'true');
    // Above the picture, below the tooltip; the pointer goes through to the view's canvas.
    this.canvas.style.pointerEvents = 'none';
    this.canvas.style.imageRendering = 'auto';
  }

  /** The labels as last painted, in device pixels (for tests and picking). */
  get placed(): readonly PlacedLabel[] {
    return this.#placed;
  }

  /** Scene → device pixels of the last painted frame, if any. */
  get transform(): LabelTransform | undefined {
    return this.#transform;
  }

  /** Repaints the labels for a frame (an empty list clears the overlay). */
  draw(labels: readonly ResolvedLabel[], transform: LabelTransform): void {
    this.#labels = labels;
    this.#transform = transform;
    this.#paint();
  }

  /** Sets the hover outline (undefined: none) and repaints if it changed. */
  setOutline(outline: OutlineShape | undefined): void {
    // Outlines come from geometry layers only, which load the painter (and its comparison).
    const same = labelPainter()?.sameOutline(outline, this.#outline) ?? outline === this.#outline;
    if (same) return;
    this.#outline = outline;
    this.#paint();
  }

  #paint(): void {
    const canvas = this.canvas;
    const labels = this.#labels;
    const transform = this.#transform;
    const outline = this.#outline;
    // No painter: no label-making layer was loaded, so there are no labels and no outline.
    const painter = labelPainter();
    if ((!labels.length && !outline) || !painter || !transform || !transform.width) {
      this.#placed = [];
      if (this.#painted) {
        canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
        this.#painted = false;
      }
      return;
    }
    if (canvas.width !== transform.width || canvas.height !== transform.height) {
      canvas.width = transform.width;
      canvas.height = transform.height;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (outline) painter.paintOutline(ctx, outline, transform);
    this.#placed = labels.length ? painter.layoutLabels(ctx, labels, transform) : [];
    painter.paintLabels(ctx, this.#placed, transform.pixelRatio);
    this.#painted = true;
  }
}

/**
 * The canvas over a view's picture that shows instance labels (render/labels.ts). A 2D canvas of
 * the same device size as the view's canvas, repainted with every frame; the browser composites
 * it over the picture (and the hover outline in it), in gamma space as egui paints Rerun's labels.
 */
import type { LabelTransform, PlacedLabel } from '../../render/labels.js';
import { labelPainter } from '../../render/label-painter.js';
import type { ResolvedLabel } from '../../store/geometry/types.js';

export class LabelOverlay {
  readonly canvas: HTMLCanvasElement;
  #placed: PlacedLabel[] = [];
  #painted = false;
  #labels: readonly ResolvedLabel[] = [];
  #transform: LabelTransform | undefined;

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

  #paint(): void {
    const canvas = this.canvas;
    const labels = this.#labels;
    const transform = this.#transform;
    // No painter: no label-making layer was loaded, so there are no labels.
    const painter = labelPainter();
    if (!labels.length || !painter || !transform || !transform.width) {
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
    this.#placed = painter.layoutLabels(ctx, labels, transform);
    painter.paintLabels(ctx, this.#placed, transform.pixelRatio);
    this.#painted = true;
  }
}

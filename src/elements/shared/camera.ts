/**
 * The 2D camera of a view: fits the scene bounds into the canvas (uniform scale, centred, as
 * Rerun letterboxes), then zoom and pan on top. All positions are CSS pixels.
 */
import type { SceneRect } from '../../render/layer.js';

/** Where the scene is on the canvas: CSS px per scene unit, CSS position of scene (0, 0). */
export interface ViewTransform {
  scale: number;
  x: number;
  y: number;
}

const MIN_ZOOM = 1 / 64;
const MAX_ZOOM = 4096;

export class Camera {
  zoom = 1;
  /** Pan in CSS pixels. */
  x = 0;
  y = 0;

  /** The transform that shows `bounds` in a box of cssWidth × cssHeight, zoomed and panned. */
  transform(bounds: SceneRect, cssWidth: number, cssHeight: number): ViewTransform {
    const fit = Math.min(cssWidth / bounds.width, cssHeight / bounds.height);
    const scale = fit * this.zoom;
    return {
      scale,
      x: (cssWidth - bounds.width * scale) / 2 - bounds.x * scale + this.x,
      y: (cssHeight - bounds.height * scale) / 2 - bounds.y * scale + this.y,
    };
  }

  /**
   * Zooms by `factor` keeping the scene point under CSS point (px, py) fixed; `view` gives the
   * transform for the camera's current state (undefined while the view has no content).
   */
  zoomAbout(factor: number, px: number, py: number, view: () => ViewTransform | undefined): void {
    const before = view();
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.zoom * factor));
    this.zoom = zoom;
    if (!before) return;
    const sceneX = (px - before.x) / before.scale;
    const sceneY = (py - before.y) / before.scale;
    const after = view()!;
    this.x += px - (after.x + sceneX * after.scale);
    this.y += py - (after.y + sceneY * after.scale);
  }

  panBy(dx: number, dy: number): void {
    this.x += dx;
    this.y += dy;
  }

  /** Back to the fitted view. */
  reset(): void {
    this.zoom = 1;
    this.x = 0;
    this.y = 0;
  }
}

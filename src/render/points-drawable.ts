/**
 * Points2D on the GPU: one instanced quad per point, shaded discs (SPEC §12.6.1), later points
 * over earlier ones (instances rasterise in order). Keypoint connections of the same entity are
 * drawn first, so they lie just under the discs (SPEC §12.6.5, §12.13 item 4).
 */
import {
  createInstanceTexture,
  drawInstances,
  type GeometryPass,
  instanceBytes,
  instanceFloats,
} from './instance-texture.js';
import type { DrawContext, Drawable, Renderer, TrackedTexture } from './renderer.js';
import { POINTS_FRAGMENT_SHADER, POINTS_VERTEX_SHADER } from './shaders/geometry.glsl.js';
import type { SegmentsDrawable } from './segments-drawable.js';

/** Points as the drawable takes them: one entry per instance (already clamped, SPEC §12.2). */
export interface PointInstances {
  count: number;
  /** x, y per point. */
  positions: Float32Array;
  /** Rerun's signed radius per point: > 0 scene units, ≤ 0 UI points. */
  radii: Float32Array;
  /** RGBA Color32 bytes per point, premultiplied in gamma. */
  colors: Uint8Array;
}

export class PointsDrawable implements Drawable {
  #instances: TrackedTexture | undefined;
  #colors: TrackedTexture | undefined;
  #count = 0;
  /** Drawn before the points (keypoint connections), if any. */
  under: SegmentsDrawable | undefined;

  constructor(private readonly renderer: Renderer) {}

  get count(): number {
    return this.#count;
  }

  /** Replaces the points. */
  set(points: PointInstances): void {
    this.clear();
    const n = points.count;
    if (n === 0) return;
    const floats = instanceFloats(n);
    const { positions, radii } = points;
    for (let i = 0; i < n; i++) {
      floats[i * 4] = positions[i * 2]!;
      floats[i * 4 + 1] = positions[i * 2 + 1]!;
      floats[i * 4 + 2] = radii[i]!;
    }
    const bytes = instanceBytes(n);
    bytes.set(points.colors.subarray(0, n * 4));
    this.#instances = createInstanceTexture(this.renderer, floats);
    this.#colors = createInstanceTexture(this.renderer, bytes, true);
    this.#count = n;
  }

  clear(): void {
    this.#instances?.dispose();
    this.#colors?.dispose();
    this.#instances = undefined;
    this.#colors = undefined;
    this.#count = 0;
  }

  draw(context: DrawContext): void {
    this.under?.draw(context);
    this.drawWith(context, { key: 'points', fragment: POINTS_FRAGMENT_SHADER });
  }

  /** Draws the points for `pass` (the hover outline's, render/outline.ts). */
  drawWith(context: DrawContext, pass: GeometryPass): void {
    if (!this.#instances || !this.#colors) return;
    drawInstances(context, pass, POINTS_VERTEX_SHADER, this.#count, {
      u_instances: this.#instances.texture,
      u_colors: this.#colors.texture,
    });
  }

  dispose(): void {
    this.clear();
    this.under?.dispose();
    this.under = undefined;
  }
}

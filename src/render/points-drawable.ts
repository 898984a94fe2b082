/**
 * Points2D on the GPU: one instanced quad per point, shaded discs (SPEC §12.6.1), later points
 * over earlier ones (instances rasterise in order). Keypoint connections of the same entity are
 * drawn first, so they lie just under the discs (SPEC §12.6.5, §12.13 item 4).
 */
import * as programs from './gl-program.js';
import { createInstanceTexture, instanceBytes, instanceFloats } from './instance-texture.js';
import type { DrawContext, Drawable, Renderer, TrackedTexture } from './renderer.js';
import {
  POINTS_FRAGMENT_SHADER,
  POINTS_MASK_FRAGMENT_SHADER,
  POINTS_VERTEX_SHADER,
} from './shaders/geometry.glsl.js';
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
    this.#draw(context, 'points', POINTS_FRAGMENT_SHADER, 0);
  }

  /**
   * Draws the points' hover outline mask (render/outline.ts) with every radius grown by `boost`
   * device pixels: one channel per MSAA sample, 1 where the mask covers it.
   */
  drawMask(context: DrawContext, boost: number): void {
    this.#draw(context, 'points-mask', POINTS_MASK_FRAGMENT_SHADER, boost);
  }

  #draw(context: DrawContext, key: string, fragment: string, boost: number): void {
    if (!this.#instances || !this.#colors) return;
    const { gl, renderer } = context;
    const program = renderer.program(key, POINTS_VERTEX_SHADER, fragment);
    gl.useProgram(program.program);
    programs.setUniforms(program.uniformSetters, {
      u_instances: this.#instances.texture,
      u_colors: this.#colors.texture,
      u_scale: context.scale,
      u_offset: context.offset,
      u_viewport: context.viewport,
      u_pointSize: context.pixelRatio ?? 1,
      u_boost: boost,
    });
    gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, this.#count);
  }

  dispose(): void {
    this.clear();
    this.under?.dispose();
    this.under = undefined;
  }
}

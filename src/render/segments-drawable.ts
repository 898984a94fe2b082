/**
 * Line strips, box outlines and keypoint connections on the GPU: one instanced quad per segment
 * (or per box), in one of three modes (SPEC §12.6.2, §12.6.3, §12.6.5). Later instances are
 * drawn over earlier ones.
 */
import {
  createInstanceTexture,
  drawInstances,
  type GeometryPass,
  instanceBytes,
  instanceFloats,
} from './instance-texture.js';
import type { DrawContext, Drawable, Renderer, TrackedTexture } from './renderer.js';
import {
  SEGMENT_MODE,
  SEGMENTS_FRAGMENT_SHADER,
  SEGMENTS_VERTEX_SHADER,
} from './shaders/geometry.glsl.js';

export type SegmentMode = keyof typeof SEGMENT_MODE;

/** Segments as the drawable takes them. */
export interface SegmentInstances {
  count: number;
  /** x0, y0, x1, y1 per segment (box mode: two opposite corners). */
  ends: Float32Array;
  /** Rerun's signed radius (half the line width) per segment: > 0 scene units, ≤ 0 UI points. */
  radii: Float32Array;
  /** RGBA Color32 bytes per segment, premultiplied in gamma. */
  colors: Uint8Array;
}

export class SegmentsDrawable implements Drawable {
  #instances: TrackedTexture | undefined;
  #colors: TrackedTexture | undefined;
  #count = 0;

  constructor(
    private readonly renderer: Renderer,
    readonly mode: SegmentMode,
  ) {}

  get count(): number {
    return this.#count;
  }

  /** Replaces the segments. */
  set(segments: SegmentInstances): void {
    this.clear();
    const n = segments.count;
    if (n === 0) return;
    const floats = instanceFloats(n * 2);
    const { ends, radii } = segments;
    for (let i = 0; i < n; i++) {
      floats.set(ends.subarray(i * 4, i * 4 + 4), i * 8);
      floats[i * 8 + 4] = radii[i]!;
    }
    const bytes = instanceBytes(n);
    bytes.set(segments.colors.subarray(0, n * 4));
    this.#instances = createInstanceTexture(this.renderer, floats);
    this.#colors = createInstanceTexture(this.renderer, bytes);
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
    this.drawWith(context, { key: 'segments', fragment: SEGMENTS_FRAGMENT_SHADER });
  }

  /** Draws the segments for `pass` (the hover outline's, render/outline.ts). */
  drawWith(context: DrawContext, pass: GeometryPass): void {
    if (!this.#instances || !this.#colors) return;
    drawInstances(context, pass, SEGMENTS_VERTEX_SHADER, this.#count, {
      u_instances: this.#instances.texture,
      u_colors: this.#colors.texture,
      u_mode: SEGMENT_MODE[this.mode],
    });
  }

  dispose(): void {
    this.clear();
  }
}

/**
 * The hover outline of SPEC §12.9 as Rerun's compositor draws it: the hovered instance's mask
 * (its shape with the radius grown by 2.5 UI points for points, 1 UI point for lines and boxes)
 * is drawn into a small target of the frame's pixels, four MSAA samples a pixel, and an outline
 * pass blends white over the frame, in linear light, with alpha `saturate(radius − distance to
 * the mask's contour)`, radius `max(0.5, ppp)` device pixels (shaders/outline.glsl.ts). It is
 * the frame's last drawable: above every layer, under the labels, in `snapshot()` as on screen.
 */
import * as programs from './gl-program.js';
import { PointsDrawable } from './points-drawable.js';
import type { DrawContext, Drawable, Renderer } from './renderer.js';
import { SegmentsDrawable } from './segments-drawable.js';
import {
  POINTS_MASK_FRAGMENT_SHADER as POINTS_MASK,
  SEGMENTS_MASK_FRAGMENT_SHADER as SEGMENTS_MASK,
} from './shaders/geometry.glsl.js';
import {
  OUTLINE_ALPHA_FRAGMENT_SHADER,
  OUTLINE_FRAGMENT_SHADER,
  OUTLINE_VERTEX_SHADER,
} from './shaders/outline.glsl.js';

/**
 * The hovered instance's shape in scene units: the instance covers what lies within `radius`
 * (Rerun's signed convention: > 0 scene units, ≤ 0 UI points) of the polyline `vertices`
 * (x, y pairs; one pair for a point), its mask grown by `boost` UI points.
 */
export interface OutlineShape {
  vertices: ArrayLike<number>;
  closed: boolean;
  radius: number;
  boost: number;
}

/** Rerun's SIZE_BOOST_IN_POINTS_FOR_LINE_OUTLINES: line and box masks grow by this. */
export const LINE_OUTLINE_BOOST = 1;
/** Rerun's SIZE_BOOST_IN_POINTS_FOR_POINT_OUTLINES: point masks grow by this. */
export const POINT_OUTLINE_BOOST = 2.5;

/** Scene → device pixels, as for labels. */
export interface OutlineTransform {
  scale: number;
  offset: readonly [number, number];
  pixelRatio: number;
}

/** A rectangle in device pixels. */
export interface DeviceRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The outline radius in device pixels: `max(0.5, ppp · stroke width 2 / 2)`. */
export function outlineRadius(pixelRatio: number): number {
  return Math.max(0.5, pixelRatio);
}

/** The mask's radius about the path, and the band's, in device pixels. */
function radii(shape: OutlineShape, t: OutlineTransform): [number, number] {
  const r = shape.radius > 0 ? shape.radius * t.scale : -shape.radius * t.pixelRatio;
  return [r + shape.boost * t.pixelRatio, outlineRadius(t.pixelRatio)];
}

/** The device rectangle the outline of `shape` can touch (NaN for a shape with NaN vertices). */
export function outlineBounds(shape: OutlineShape, t: OutlineTransform): DeviceRect {
  const [r, band] = radii(shape, t);
  const reach = r + band + 2;
  const lo = [Infinity, Infinity];
  const hi = [-Infinity, -Infinity];
  const v = shape.vertices;
  for (let k = 0; k < v.length; k++) {
    const d = t.offset[k % 2]! + v[k]! * t.scale;
    lo[k % 2] = d < lo[k % 2]! || Number.isNaN(d) ? d : lo[k % 2]!;
    hi[k % 2] = d > hi[k % 2]! || Number.isNaN(d) ? d : hi[k % 2]!;
  }
  const x = lo[0]! - reach;
  const y = lo[1]! - reach;
  return { x, y, width: hi[0]! + reach - x, height: hi[1]! + reach - y };
}

/** Whether two outlines are the same shape (so hovering along one instance repaints nothing). */
export function sameOutline(a: OutlineShape | undefined, b: OutlineShape | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.radius === b.radius &&
    a.boost === b.boost &&
    a.closed === b.closed &&
    a.vertices.length === b.vertices.length &&
    Array.prototype.every.call(a.vertices, (v: number, k: number) => v === b.vertices[k])
  );
}

interface Target {
  texture: WebGLTexture;
  framebuffer: WebGLFramebuffer;
  width: number;
  height: number;
}

/** The instances of a shape as the drawables take them (every one white). */
function instances(v: Float32Array, closed: boolean, radius: number, renderer: Renderer) {
  const white = (n: number) => new Uint8Array(n * 4).fill(255);
  if (v.length === 2) {
    const points = new PointsDrawable(renderer);
    points.set({ count: 1, positions: v, radii: Float32Array.of(radius), colors: white(1) });
    return points;
  }
  const n = v.length / 2 - (closed ? 0 : 1);
  const ends = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % (v.length / 2);
    ends.set([v[i * 2]!, v[i * 2 + 1]!, v[j * 2]!, v[j * 2 + 1]!], i * 4);
  }
  const segments = new SegmentsDrawable(renderer, 'capsule');
  segments.set({ count: n, ends, radii: new Float32Array(n).fill(radius), colors: white(n) });
  return segments;
}

/**
 * The outline of one instance, drawn after every layer of a frame. The view owns it: the
 * layer makes one per hovered shape, the view disposes it when the hover moves on.
 */
export class OutlineDrawable implements Drawable {
  /** Draws the mask (a box as Rerun's box, its quads cut at 0.99 r). */
  #mask: PointsDrawable | SegmentsDrawable;
  /** Covers where the outline can be: the mask's drawable, or a box's four sides. */
  #cover: PointsDrawable | SegmentsDrawable;
  #targets: [Target | undefined, Target | undefined] = [undefined, undefined];
  #disposed = false;

  constructor(
    private readonly renderer: Renderer,
    readonly shape: OutlineShape,
  ) {
    const v = Float32Array.from(shape.vertices);
    this.#cover = instances(v, shape.closed, shape.radius, renderer);
    if (shape.closed && v.length === 8) {
      // A box: its corners are vertices 0 and 2.
      const box = new SegmentsDrawable(renderer, 'box');
      const ends = Float32Array.of(v[0]!, v[1]!, v[4]!, v[5]!);
      box.set({
        count: 1,
        ends,
        radii: Float32Array.of(shape.radius),
        colors: Uint8Array.of(255, 255, 255, 255),
      });
      this.#mask = box;
    } else {
      this.#mask = this.#cover;
    }
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  draw(context: DrawContext): void {
    if (this.#disposed) return;
    const { gl, renderer } = context;
    const pixelRatio = context.pixelRatio ?? 1;
    const radius = outlineRadius(pixelRatio);
    const reach = Math.ceil(radius);
    const [width, height] = context.viewport;
    // The pixels the mask and its outline can touch, kept to the viewport (and the neighbours
    // the contour search reads beyond it).
    const b = outlineBounds(this.shape, {
      scale: context.scale,
      offset: context.offset,
      pixelRatio,
    });
    const margin = reach + 2;
    const max = renderer.maxRenderSize;
    const x0 = Math.max(-margin, Math.floor(b.x));
    const y0 = Math.max(-margin, Math.floor(b.y));
    const w = Math.min(width + margin, Math.ceil(b.x + b.width), x0 + max) - x0;
    const h = Math.min(height + margin, Math.ceil(b.y + b.height), y0 + max) - y0;
    if (!(w > 0 && h > 0)) return;
    const mask = this.#ensureTarget(gl, 0, w, h);
    const alpha = this.#ensureTarget(gl, 1, w, h);
    const framebuffer = gl.getParameter(gl.FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
    const viewport = gl.getParameter(gl.VIEWPORT) as Int32Array;
    // A view in a shared canvas is clipped by a scissor, which must not clip these targets.
    const scissor = gl.isEnabled(gl.SCISSOR_TEST);
    gl.disable(gl.SCISSOR_TEST);
    const local: DrawContext = {
      ...context,
      viewport: [w, h],
      offset: [context.offset[0] - x0, context.offset[1] - y0],
    };
    const boost = this.shape.boost * pixelRatio;
    const rect = { u_origin: [x0, y0], u_size: [w, h] };

    // 1. The mask: the instance again, radius boosted, its samples OR-ed (MAX) into the target.
    gl.bindFramebuffer(gl.FRAMEBUFFER, mask.framebuffer);
    gl.viewport(0, 0, w, h);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.enable(gl.BLEND);
    gl.blendEquation(gl.MAX);
    const points = this.#mask instanceof PointsDrawable;
    const kind = points ? 'points' : 'segments';
    const fragment = points ? POINTS_MASK : SEGMENTS_MASK;
    this.#mask.drawWith(local, { key: `${kind}-mask`, fragment, boost });
    gl.blendEquation(gl.FUNC_ADD);

    // 2. The outline's alpha where it can be: over the instance's quads grown by the reach
    // (overlapping quads write the same value).
    gl.disable(gl.BLEND);
    gl.bindFramebuffer(gl.FRAMEBUFFER, alpha.framebuffer);
    gl.clear(gl.COLOR_BUFFER_BIT);
    this.#cover.drawWith(local, {
      key: `${kind}-outline`,
      fragment: OUTLINE_ALPHA_FRAGMENT_SHADER,
      boost: boost + radius + 1,
      uniforms: { ...rect, u_mask: mask.texture, u_radius: radius, u_reach: reach },
    });

    // 3. White over the frame with that alpha: premultiplied "over", in linear light.
    gl.enable(gl.BLEND);
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    gl.viewport(viewport[0]!, viewport[1]!, viewport[2]!, viewport[3]!);
    if (scissor) gl.enable(gl.SCISSOR_TEST);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    const program = renderer.program('outline', OUTLINE_VERTEX_SHADER, OUTLINE_FRAGMENT_SHADER);
    gl.useProgram(program.program);
    programs.setUniforms(program.uniformSetters, {
      ...rect,
      u_alpha: alpha.texture,
      u_viewport: context.viewport,
    });
    renderer.drawQuad();
  }

  /** Target `k` of at least w × h (again after a context loss, which deletes it). */
  #ensureTarget(gl: WebGL2RenderingContext, k: 0 | 1, w: number, h: number): Target {
    const old = this.#targets[k];
    if (old && gl.isTexture(old.texture) && old.width >= w && old.height >= h) return old;
    this.#deleteTarget(gl, k);
    const width = Math.max(w, old?.width ?? 0);
    const height = Math.max(h, old?.height ?? 0);
    const texture = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA8, width, height);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.bindTexture(gl.TEXTURE_2D, null);
    const framebuffer = gl.createFramebuffer()!;
    const previous = gl.getParameter(gl.FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
    gl.bindFramebuffer(gl.FRAMEBUFFER, previous);
    return (this.#targets[k] = { texture, framebuffer, width, height });
  }

  #deleteTarget(gl: WebGL2RenderingContext, k: 0 | 1): void {
    const target = this.#targets[k];
    this.#targets[k] = undefined;
    if (!target || gl.isContextLost()) return;
    gl.deleteFramebuffer(target.framebuffer);
    gl.deleteTexture(target.texture);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#cover.dispose();
    if (this.#mask !== this.#cover) this.#mask.dispose();
    this.#deleteTarget(this.renderer.gl, 0);
    this.#deleteTarget(this.renderer.gl, 1);
  }
}

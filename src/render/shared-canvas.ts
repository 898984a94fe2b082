/**
 * `<rr-context shared-canvas>`: every view inside draws into ONE on-page canvas instead of its
 * own (a lazy chunk: only pages that ask for it load it).
 *
 * The per-view design hands each view its frame as a bitmap of its own (renderer.ts); with 200
 * small views that hand-over alone costs about 3× drawing them all into one canvas. Here the
 * context holds one `bitmaprenderer` canvas under its content (an isolated stacking context, the
 * canvas at z-index −1: page content, labels, tooltips and errors paint over the pictures, and
 * pointer events go to the views as before). The renderer draws each view at its place, the
 * scene shifted under the whole target's viewport and clipped to the view's box by a scissor
 * (so nothing bleeds into a neighbour), and hands over one bitmap per redraw.
 *
 * The drawing buffer is not preserved, so the frame is kept in a texture of the canvas' size
 * (`keep`): a redraw draws only the views that changed into it and copies it into the drawing
 * buffer once. Without it every view of the context would redraw for a change of one.
 *
 * A view falls back to its own canvas (the per-view hand-over) when it is transformed (its box
 * on screen is not its layout size) or lies outside the context's box (unless the context
 * clips its overflow, which the canvas then does too); the whole context does when its box is
 * larger than the GPU can render.
 */
import * as programs from './gl-program.js';
import { ENCODE_VERTEX_SHADER } from './shaders/image.glsl.js';
import {
  binaryAlpha,
  drawsEncoded,
  type FrameDescription,
  type Placement,
  type Renderer,
  type RenderTarget,
  type SharedSurface,
  type Target,
} from './renderer.js';

/**
 * Writes a frame drawn on its own (at the target's origin) into a larger sRGB target at its
 * place, or the kept frame into an RGBA8 drawing buffer. Whatever the source, `v` is the
 * premultiplied sRGB value the canvas shows; an sRGB target encodes what it receives, so it
 * gets v decoded (decoding a byte and encoding it again gives the byte back).
 */
const STORE_FRAGMENT_SHADER = /* glsl */ `#version 300 es
precision highp float;
uniform highp sampler2D u_source;
// 0: RGBA8 bytes as the canvas shows them; 1: a composite (premultiplied linear light);
// 2: an SRGB8_ALPHA8 texture of such bytes (sampling decodes them).
uniform int u_kind;
uniform bool u_srgbTarget;
uniform ivec2 u_origin;   // the source's pixel (0, 0) in the target (window coordinates)
out vec4 out_color;

vec3 srgb_from_linear(vec3 c) {
  vec3 lo = c * 12.92;
  vec3 hi = 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055;
  return mix(hi, lo, vec3(lessThanEqual(c, vec3(0.0031308))));
}
vec3 linear_from_srgb(vec3 c) {
  vec3 lo = c / 12.92;
  vec3 hi = pow((c + 0.055) / 1.055, vec3(2.4));
  return mix(hi, lo, vec3(lessThanEqual(c, vec3(0.04045))));
}

void main() {
  vec4 c = texelFetch(u_source, ivec2(gl_FragCoord.xy) - u_origin, 0);
  vec3 v = c.rgb;
  if (u_kind == 1) {
    vec3 straight = c.a > 0.0 ? clamp(c.rgb / c.a, 0.0, 1.0) : vec3(0.0);
    v = srgb_from_linear(straight) * c.a;
  } else if (u_kind == 2) {
    v = srgb_from_linear(c.rgb);
  }
  out_color = vec4(u_srgbTarget ? linear_from_srgb(v) : v, c.a);
}
`;

/** A view's box in the canvas, device pixels from its top-left corner. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const sameBox = (a: Box | undefined, b: Box): boolean =>
  !!a && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

export class SharedCanvas implements SharedSurface {
  /** The canvas every view of the context is drawn into; the context places it. */
  readonly canvas = document.createElement('canvas');
  /**
   * Keep a copy of the frame that a change of a few views redraws only them into (true), or
   * redraw every view of the context straight into the drawing buffer each time (false: a hook
   * for measuring; a change of every view is drawn that way in either case).
   */
  keep = true;
  /** Bytes the canvas' frame and the kept copy take (`stats.outputBytes`). */
  bytes = 0;
  #output: ImageBitmapRenderingContext | null = null;
  /** Every view of the context, those drawn on the canvas (and where) and those on their own. */
  #members = new Set<RenderTarget>();
  #placed = new Map<RenderTarget, Box>();
  #own = new Set<RenderTarget>();
  /** Something left the canvas or moved: the next redraw starts from a clear frame. */
  #stale = true;
  /** The canvas' size in device pixels, and its CSS box in the context's padding box. */
  #size = { width: 0, height: 0 };
  #style = '';
  #kept: Target | undefined;
  /** The kept frame shows every view as it is now (a direct frame leaves it behind). */
  #keptValid = false;
  /** A view's frame drawn on its own: its composite (sRGB) and its sRGB bytes (RGBA8). */
  #scratch: [Target | undefined, Target | undefined] = [undefined, undefined];
  #clips = false;
  #resize = new ResizeObserver(() => this.#layoutChanged());
  #mutations = new MutationObserver(() => this.#layoutChanged());

  constructor(
    private readonly host: HTMLElement,
    private readonly renderer: Renderer,
  ) {
    this.canvas.className = 'rr-shared-canvas';
    this.canvas.setAttribute('part', 'shared-canvas');
    this.canvas.setAttribute('aria-hidden', 'true');
    renderer.canvas.addEventListener('webglcontextrestored', this.#onRestored);
    this.#resize.observe(host);
    // Views added, removed or restyled may move the others without resizing them.
    this.#mutations.observe(host, {
      childList: true,
      subtree: true,
      attributeFilter: ['class', 'hidden'],
    });
    host.addEventListener('scroll', this.#onScroll, { capture: true, passive: true });
    this.#layoutChanged();
  }

  /** Stops observing and frees what the canvas holds (the views go back to their own). */
  dispose(): RenderTarget[] {
    this.#resize.disconnect();
    this.#mutations.disconnect();
    this.host.removeEventListener('scroll', this.#onScroll, { capture: true });
    this.renderer.canvas.removeEventListener('webglcontextrestored', this.#onRestored);
    this.#release();
    const views = [...this.#members];
    this.#members.clear();
    this.#placed.clear();
    this.#own.clear();
    return views;
  }

  /** The context or an element inside scrolled: the views moved on the canvas. */
  #onScroll = (): void => this.#layoutChanged();

  /** The context was lost and restored: the targets are gone (every view redraws). */
  #onRestored = (): void => {
    this.#kept = undefined;
    this.#scratch = [undefined, undefined];
    this.#stale = true;
  };

  #layoutChanged(): void {
    const style = getComputedStyle(this.host);
    this.#clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
    this.#redraw();
  }

  /** A redraw of the canvas (through one of its views: the renderer draws them together). */
  #redraw(): void {
    const [view] = this.#members;
    if (view) this.renderer.invalidate(view);
    else if (this.#placed.size) this.#release();
  }

  forget(view: RenderTarget): void {
    this.#members.delete(view);
    this.#own.delete(view);
    if (!this.#placed.delete(view)) return;
    this.#stale = true;
    this.#redraw();
  }

  /**
   * Lays the canvas over the views and says where each goes (device pixels in the canvas), or
   * undefined for a transformed one. A context that clips its overflow gets a canvas over its
   * visible box (the views scrolled out of it are clipped as the page clips them); one that
   * does not, a canvas over its box and every view overflowing it.
   */
  #layout(views: Iterable<RenderTarget>): Map<RenderTarget, Box | undefined> {
    const host = this.host;
    const dpr = window.devicePixelRatio || 1;
    const frame = host.getBoundingClientRect();
    // The padding box's top-left on screen (the visible one, for a scrolled context).
    const ox = frame.left + host.clientLeft;
    const oy = frame.top + host.clientTop;
    let x0 = ox;
    let y0 = oy;
    let x1 = ox + host.clientWidth;
    let y1 = oy + host.clientHeight;
    const rects = new Map<RenderTarget, DOMRect | undefined>();
    for (const view of views) {
      const element = view.canvas;
      const rect = element.getBoundingClientRect();
      // A transform (scale, rotation) makes the box on screen differ from the layout size.
      const transformed =
        Math.abs(rect.width - element.offsetWidth) > 0.5 ||
        Math.abs(rect.height - element.offsetHeight) > 0.5;
      rects.set(view, transformed ? undefined : rect);
      if (transformed || this.#clips || rect.width <= 0 || rect.height <= 0) continue;
      x0 = Math.min(x0, rect.left);
      y0 = Math.min(y0, rect.top);
      x1 = Math.max(x1, rect.right);
      y1 = Math.max(y1, rect.bottom);
    }
    // On whole device pixels, so that the canvas' pixels are the screen's.
    const left = Math.floor(x0 * dpr);
    const top = Math.floor(y0 * dpr);
    this.#size = { width: Math.ceil(x1 * dpr) - left, height: Math.ceil(y1 * dpr) - top };
    // An absolutely positioned child of a scrolled box scrolls with its content.
    const cssLeft = left / dpr - ox + (this.#clips ? host.scrollLeft : 0);
    const cssTop = top / dpr - oy + (this.#clips ? host.scrollTop : 0);
    const style = `left:${cssLeft}px;top:${cssTop}px;width:${this.#size.width / dpr}px;height:${this.#size.height / dpr}px`;
    if (style !== this.#style) this.canvas.style.cssText = this.#style = style;
    const boxes = new Map<RenderTarget, Box | undefined>();
    for (const [view, rect] of rects) {
      if (!rect) {
        boxes.set(view, undefined);
        continue;
      }
      const x = Math.round(rect.left * dpr);
      const y = Math.round(rect.top * dpr);
      boxes.set(view, {
        x: x - left,
        y: y - top,
        width: Math.round(rect.right * dpr) - x,
        height: Math.round(rect.bottom * dpr) - y,
      });
    }
    return boxes;
  }

  render(renderer: Renderer, changed: readonly RenderTarget[]): void {
    const gl = renderer.gl;
    const dirty = new Set(changed);
    for (const view of dirty) this.#members.add(view);
    /** On its own canvas, drawn again only when it changed or just left the shared one. */
    const own = (view: RenderTarget): void => {
      if (this.#placed.delete(view)) this.#stale = true;
      if (!dirty.has(view) && this.#own.has(view)) return;
      this.#own.add(view);
      renderer.renderOwn(view);
    };
    const placed = this.host.getClientRects().length ? this.#layout(this.#members) : undefined;
    const { width, height } = this.#size;
    const max = renderer.maxRenderSize;
    if (!placed || width > max || height > max || width < 1 || height < 1) {
      // Larger than the GPU can render in one frame (or no box): every view on its own.
      if (this.#placed.size) this.#release();
      for (const view of this.#members) own(view);
      return;
    }
    const boxes = new Map<RenderTarget, Box>();
    for (const [view, box] of placed) {
      if (!box) own(view);
      else {
        // A view that moved or changed size leaves its old box: the frame starts clear.
        const before = this.#placed.get(view);
        if (before && !sameBox(before, box)) this.#stale = true;
        boxes.set(view, box);
      }
    }
    if (!boxes.size) {
      // No view left on the canvas.
      if (this.#placed.size || this.#stale) this.#release();
      this.#placed.clear();
      this.#stale = false;
      return;
    }
    // The views to draw: every one when the kept frame is out of date or all changed, else
    // those that changed or just came.
    const fresh = [...boxes.keys()].filter((view) => dirty.has(view) || !this.#placed.has(view));
    const allChanged = fresh.length === boxes.size || !this.keep;
    const everything = allChanged || this.#stale || !this.#keptValid;
    if (!everything && !fresh.length) return;
    const draw = everything ? [...boxes.keys()] : fresh;
    // Every frame first: one of only views that write their bytes (segmentation, colour maps:
    // `drawsEncoded`) goes into an RGBA8 drawing buffer, one pass each.
    const frames = new Map<RenderTarget, FrameDescription | undefined>();
    const failed = (view: RenderTarget, error: unknown): void => {
      if (view.renderFailed) view.renderFailed(error);
      else console.error(error);
    };
    for (const view of draw) {
      this.#placed.set(view, boxes.get(view)!);
      this.#own.delete(view);
      renderer.releaseOwnCanvas(view);
      try {
        const frame = view.describeFrame();
        frames.set(view, frame && frame.width >= 1 && frame.height >= 1 ? frame : undefined);
      } catch (error) {
        failed(view, error);
      }
    }
    const described = [...frames.values()].filter((frame) => frame !== undefined);
    const bytes = described.length > 0 && described.every(drawsEncoded);
    // When every view changed, the frame goes straight into the drawing buffer: no copy. The
    // kept frame is then out of date until the next change draws every view into it.
    const direct = allChanged && drawingBuffer(renderer, width, height, !bytes);
    if (!direct && (this.#kept?.width !== width || this.#kept.height !== height)) {
      if (this.#kept) renderer.deleteTarget(this.#kept);
      this.#kept = undefined;
      this.#kept = renderer.createTarget(width, height, true);
    }
    const target = direct ? null : this.#kept!;
    this.#keptValid = !direct;
    // A new drawing buffer starts transparent (it is not preserved); the kept one is cleared.
    if (everything && target) {
      gl.bindFramebuffer(gl.FRAMEBUFFER, target.framebuffer);
      gl.disable(gl.SCISSOR_TEST);
      gl.clearColor(0, 0, 0, 0);
      gl.clear(gl.COLOR_BUFFER_BIT);
    }
    this.#stale = false;
    const drawn: RenderTarget[] = [];
    for (const view of draw) {
      const box = boxes.get(view)!;
      const frame = frames.get(view);
      try {
        if (frame) {
          // The frame clears its own box; a layout size a pixel off would leave a seam.
          if (frame.width !== box.width || frame.height !== box.height)
            this.#clearBox(gl, target, box);
          this.#drawView(renderer, frame, target, box, everything, direct && bytes);
        } else this.#clearBox(gl, target, box);
        if (frames.has(view)) drawn.push(view);
      } catch (error) {
        this.#clearBox(gl, target, box);
        failed(view, error);
      }
    }
    this.#handOver(renderer, width, height, target);
    for (const view of drawn) view.frameRendered?.();
  }

  #clearBox(gl: WebGL2RenderingContext, target: Target | null, box: Box): void {
    gl.bindFramebuffer(gl.FRAMEBUFFER, target?.framebuffer ?? null);
    gl.enable(gl.SCISSOR_TEST);
    gl.scissor(box.x, this.#size.height - box.y - box.height, box.width, box.height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.disable(gl.SCISSOR_TEST);
  }

  /** One view's frame at its place: straight in when one pass gives its pixels, else stored. */
  #drawView(
    renderer: Renderer,
    frame: FrameDescription,
    target: Target | null,
    box: Box,
    cleared: boolean,
    bytes: boolean,
  ): void {
    const at: Placement = {
      x: box.x,
      y: box.y,
      targetWidth: this.#size.width,
      targetHeight: this.#size.height,
      cleared,
    };
    if (bytes) {
      renderer.composeInto(frame, target, at, true);
      return;
    }
    const passes = drawsEncoded(frame) ? 'encoded' : binaryAlpha(frame) ? 'one-pass' : 'two-pass';
    if (passes === 'one-pass') {
      renderer.composeInto(frame, target, at);
      return;
    }
    // Encoded bytes (RGBA8) or a translucent composite (sRGB) drawn on their own first.
    const k = passes === 'encoded' ? 1 : 0;
    const scratch = this.#scratchTarget(renderer, k, frame.width, frame.height);
    renderer.composeInto(frame, scratch, undefined, passes === 'encoded');
    const drawn = { x: box.x, y: box.y, width: frame.width, height: frame.height };
    this.#store(renderer, scratch, k === 1 ? 0 : 1, target, drawn);
  }

  #scratchTarget(renderer: Renderer, k: 0 | 1, width: number, height: number): Target {
    const old = this.#scratch[k];
    if (old && old.width >= width && old.height >= height) return old;
    if (old) renderer.deleteTarget(old);
    this.#scratch[k] = undefined;
    const made = renderer.createTarget(
      Math.max(width, old?.width ?? 0),
      Math.max(height, old?.height ?? 0),
      k === 0,
    );
    return (this.#scratch[k] = made);
  }

  /** Copies `source` (its pixel (0, 0) at the box's bottom-left) into the box of `target`. */
  #store(
    renderer: Renderer,
    source: Target,
    kind: 0 | 1 | 2,
    target: Target | null,
    box: Box,
    srgbTarget = true,
  ): void {
    const gl = renderer.gl;
    const { width, height } = this.#size;
    gl.bindFramebuffer(gl.FRAMEBUFFER, target?.framebuffer ?? null);
    gl.viewport(0, 0, width, height);
    gl.enable(gl.SCISSOR_TEST);
    const bottom = height - box.y - box.height;
    gl.scissor(box.x, bottom, box.width, box.height);
    gl.disable(gl.BLEND);
    const program = renderer.program(
      'shared-canvas-store',
      ENCODE_VERTEX_SHADER,
      STORE_FRAGMENT_SHADER,
    );
    gl.useProgram(program.program);
    programs.setUniforms(program.uniformSetters, {
      u_source: source.texture,
      u_kind: kind,
      u_srgbTarget: srgbTarget,
      u_origin: [box.x, bottom],
    });
    renderer.drawQuad();
    gl.disable(gl.SCISSOR_TEST);
  }

  /** The frame into the drawing buffer (from the kept texture if any), then onto the canvas. */
  #handOver(renderer: Renderer, width: number, height: number, kept: Target | null): void {
    const gl = renderer.gl;
    if (kept) {
      if (drawingBuffer(renderer, width, height)) {
        // Both sRGB: the bytes are copied as they are.
        gl.bindFramebuffer(gl.READ_FRAMEBUFFER, kept.framebuffer);
        gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, null);
        gl.blitFramebuffer(
          0,
          0,
          width,
          height,
          0,
          0,
          width,
          height,
          gl.COLOR_BUFFER_BIT,
          gl.NEAREST,
        );
        gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      } else {
        this.#store(renderer, kept, 2, null, { x: 0, y: 0, width, height }, false);
      }
    }
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    if (!this.#output) this.#output = this.canvas.getContext('bitmaprenderer');
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    // The drawing buffer moves to the canvas, without a copy.
    this.#output?.transferFromImageBitmap(renderer.canvas.transferToImageBitmap());
    const keptBytes = this.#kept ? this.#kept.width * this.#kept.height * 4 : 0;
    this.bytes = width * height * 4 + keptBytes;
  }

  /** Frees the kept frame, the scratch targets and the canvas' bitmap. */
  #release(): void {
    const renderer = this.renderer;
    for (const target of [this.#kept, ...this.#scratch]) if (target) renderer.deleteTarget(target);
    this.#kept = undefined;
    this.#keptValid = false;
    this.#scratch = [undefined, undefined];
    this.#output?.transferFromImageBitmap(null);
    this.bytes = 0;
  }
}

/** WebGL's `drawingBufferStorage` (Chrome 122+), not yet in TypeScript's DOM types. */
interface DrawingBufferStorage {
  drawingBufferStorage(format: number, width: number, height: number): void;
  readonly drawingBufferFormat: number;
}

/**
 * Sizes the renderer's drawing buffer for the canvas' frame, SRGB8_ALPHA8 (or, `srgb` false,
 * RGBA8); false when the browser cannot make the format asked for.
 */
function drawingBuffer(renderer: Renderer, width: number, height: number, srgb = true): boolean {
  const canvas = renderer.canvas;
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const gl = renderer.gl as WebGL2RenderingContext & Partial<DrawingBufferStorage>;
  const format = srgb ? gl.SRGB8_ALPHA8 : gl.RGBA8;
  if (!gl.drawingBufferStorage) return !srgb;
  if (gl.drawingBufferFormat !== format) gl.drawingBufferStorage(format, width, height);
  return true;
}

/** A context's element, as the shared canvas sees it. */
interface ContextElement extends HTMLElement {
  sharedCanvas: boolean;
  sharedSurface: SharedCanvas | undefined;
  sharedSurfaceLoading: Promise<unknown> | undefined;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
}

/**
 * Gives `<rr-context shared-canvas>` its canvas once this code has loaded (if it still asks
 * for one), and redraws every view there.
 */
export async function attach(host: ContextElement, renderer: Renderer): Promise<void> {
  if (!host.sharedCanvas || !host.isConnected || host.sharedSurface) return;
  const surface = new SharedCanvas(host, renderer);
  host.sharedSurface = surface;
  host.requestUpdate();
  await host.updateComplete;
  for (const view of renderer.views) if (view.surface === surface) view.invalidate?.();
}

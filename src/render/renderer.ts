/**
 * The one WebGL2 renderer shared by every view on the page.
 *
 * Chromium keeps at most 16 live WebGL contexts per page, so one context per element does not
 * scale. Like model-viewer's Renderer, views register here, only dirty views redraw (at most
 * once per animation frame), and each result is handed to the view's own canvas as an ImageBitmap.
 *
 * Every view is composited in linear light: layers draw premultiplied linear colour into an
 * SRGB8_ALPHA8 target with `ONE, ONE_MINUS_SRC_ALPHA` (the GPU decodes, blends and re-encodes
 * sRGB), then a full-screen pass writes sRGB bytes out. This is Rerun's pipeline
 * (SPEC §5.4, §11): red at opacity 0.5 over blue reads (188, 0, 188).
 *
 * One pass where one pass gives the same pixels: where the browser can make the drawing buffer
 * itself SRGB8_ALPHA8 (`drawingBufferStorage`), a frame whose every pixel ends fully opaque or
 * fully transparent (an opaque background, or opaque layers over a transparent one: the common
 * case) is composited straight into it. The encode pass would only have divided by an alpha of
 * exactly 1 or 0 and re-encoded the same byte, so the bytes are identical. Translucent results
 * keep the second pass, which the canvas needs to receive premultiplied sRGB. Opaque layers
 * are drawn without blending (an alpha of 1 replaces what lies below exactly), which is what
 * a software GPU spends most of a frame on.
 */
import * as programs from './gl-program.js';
import { ENCODE_FRAGMENT_SHADER, ENCODE_VERTEX_SHADER } from './shaders/image.glsl.js';

/** Where and how large a frame is drawn, in device pixels. */
export interface DrawContext {
  readonly gl: WebGL2RenderingContext;
  readonly renderer: Renderer;
  /** Viewport size in device pixels. */
  readonly viewport: readonly [number, number];
  /** Device pixels per scene unit. */
  readonly scale: number;
  /** Device pixel position of scene point (0, 0). */
  readonly offset: readonly [number, number];
  /** Device pixels per CSS pixel (1 in snapshots), for widths given in CSS pixels. */
  readonly pixelRatio?: number;
  /**
   * The target takes sRGB-encoded bytes, not linear colour: only set for a frame whose every
   * drawable has `drawsEncoded`, which then writes its final bytes as they are.
   */
  readonly encoded?: boolean;
}

/**
 * The scene → device uniforms every scene-space shader declares (`u_scale`, `u_offset`,
 * `u_viewport`, `u_pixelRatio`): device = u_offset + scene · u_scale, clip from u_viewport. A
 * size in UI points (CSS pixels) is `points · u_pixelRatio` device pixels, or
 * `points · u_pixelRatio / u_scale.x` scene units.
 */
export function sceneUniforms(context: DrawContext): Record<string, unknown> {
  return {
    u_scale: [context.scale, context.scale],
    u_offset: context.offset,
    u_viewport: context.viewport,
    u_pixelRatio: context.pixelRatio ?? 1,
  };
}

/** Something a view draws: one layer of it. */
export interface Drawable {
  /** Draws premultiplied linear colour into the bound framebuffer. */
  draw(context: DrawContext): void;
  /**
   * Every fragment it draws has alpha exactly 1 (where it draws anything), so it may replace
   * what lies below without blending. Absent means no.
   */
  readonly opaque?: boolean;
  /**
   * Opaque, and its every pixel is an sRGB value it holds (a class colour, a colour map's
   * value): it can write those bytes straight into a plain RGBA8 target when
   * `DrawContext.encoded` is set. A frame of only such layers over a transparent background
   * then skips sRGB conversion altogether (the same bytes: decoding a byte to linear and
   * encoding it again gives the byte back).
   */
  readonly drawsEncoded?: boolean;
  /**
   * The same for this frame's scale and offset only (an RGB image whose every fragment takes
   * one texel: the displayed byte is the stored byte).
   */
  drawsEncodedAt?(frame: { scale: number; offset: readonly [number, number] }): boolean;
}

/** WebGL's `drawingBufferStorage` (Chrome 122+), not yet in TypeScript's DOM types. */
interface DrawingBufferStorage {
  drawingBufferStorage(format: number, width: number, height: number): void;
  readonly drawingBufferFormat: number;
}

/** What a view hands the renderer for one frame. */
export interface FrameDescription {
  /** Output size in device pixels. */
  width: number;
  height: number;
  /** Device pixels per scene unit and the device position of the scene origin. */
  scale: number;
  offset: readonly [number, number];
  /** Device pixels per CSS pixel; default 1 (snapshots). */
  pixelRatio?: number;
  /** Background, premultiplied linear RGBA. */
  background: readonly [number, number, number, number];
  /** Drawables back to front. */
  drawables: readonly Drawable[];
}

/** A view registered with the renderer. */
export interface RenderTarget {
  /** The view's own canvas; the renderer hands it each frame through a `bitmaprenderer` context. */
  readonly canvas: HTMLCanvasElement;
  /** Describes the frame to draw now, or undefined when there is nothing to draw. */
  describeFrame(): FrameDescription | undefined;
  /** Called after a frame was copied into the canvas. */
  frameRendered?(): void;
  /** Called when drawing the view's frame failed (the other views still draw). */
  renderFailed?(error: unknown): void;
  /**
   * The canvas the view shares with the other views of its `<rr-context shared-canvas>`, if
   * any: the renderer hands the view to it instead of drawing into the view's own canvas.
   */
  readonly surface?: SharedSurface | undefined;
  /** Schedules a redraw the view's `renderComplete()` waits for (its place changed). */
  invalidate?(): void;
}

/**
 * One on-page canvas several views share (`<rr-context shared-canvas>`, implemented in the lazy
 * render/shared-canvas.ts): each redraw hands it the dirty views among its own; it draws them
 * into one frame at their places, hands over one bitmap, and gives back (`renderOwn`) a view it
 * cannot place.
 */
export interface SharedSurface {
  /** Draws these views (and any others it must) and hands its frame over. */
  render(renderer: Renderer, views: readonly RenderTarget[]): void;
  /** The view left the surface (removed from the page, or now in another context). */
  forget(view: RenderTarget): void;
  /** Bytes it holds (its canvas' frame and a kept copy), counted in `outputBytes`. */
  readonly bytes: number;
}

/** Where a frame goes inside a larger target: its top-left pixel and the target's size. */
export interface Placement {
  readonly x: number;
  readonly y: number;
  readonly targetWidth: number;
  readonly targetHeight: number;
  /** The box holds transparent black already: a transparent background need not clear it. */
  readonly cleared?: boolean;
}

/** An offscreen colour target (a texture and its framebuffer). */
export interface Target {
  framebuffer: WebGLFramebuffer;
  texture: WebGLTexture;
  width: number;
  height: number;
}

/** A texture the renderer can rebuild after a context loss from the data its owner retains. */
export class TrackedTexture {
  #texture: WebGLTexture | null = null;
  #disposed = false;

  constructor(
    private readonly renderer: Renderer,
    private upload: (gl: WebGL2RenderingContext) => WebGLTexture,
    /** Bytes of GPU memory the texture takes (for statistics). */
    readonly byteSize: number,
  ) {}

  /**
   * New contents of the same size and format: `fill` writes them into the existing storage
   * (no reallocation; a video's next frame), and `upload` is what rebuilds the texture after a
   * context loss from now on.
   */
  refill(
    upload: (gl: WebGL2RenderingContext) => WebGLTexture,
    fill: (gl: WebGL2RenderingContext, texture: WebGLTexture) => void,
  ): void {
    if (this.#disposed) throw new Error('texture used after dispose');
    this.upload = upload;
    if (!this.#texture) return; // Uploaded with the new contents on first use.
    fill(this.renderer.gl, this.#texture);
    this.renderer.textureUploaded(this.byteSize);
  }

  /**
   * New contents in another internal format of the same size (RGB8 ↔ SRGB8: the storage of a
   * texStorage2D texture cannot change format): the GL texture is freed and `upload` makes the
   * new one on first use (one upload; the same tracked texture, no new allocation counted).
   */
  replace(upload: (gl: WebGL2RenderingContext) => WebGLTexture): void {
    if (this.#disposed) throw new Error('texture used after dispose');
    this.upload = upload;
    if (this.#texture && !this.renderer.gl.isContextLost())
      this.renderer.gl.deleteTexture(this.#texture);
    this.#texture = null;
  }

  /** The GL texture, uploaded (again, after a context loss) on first use. */
  get texture(): WebGLTexture {
    if (this.#disposed) throw new Error('texture used after dispose');
    if (!this.#texture) {
      this.#texture = this.upload(this.renderer.gl);
      this.renderer.textureUploaded(this.byteSize);
    }
    return this.#texture;
  }

  /** Forgets the GL handle (the context that owned it is gone). */
  contextLost(): void {
    this.#texture = null;
  }

  /** Frees the GPU memory; the texture must not be used afterwards. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    if (this.#texture && !this.renderer.gl.isContextLost())
      this.renderer.gl.deleteTexture(this.#texture);
    this.#texture = null;
    this.renderer.textureReleased(this);
  }
}

/** Numbers tests and the benchmark read. */
export interface RendererStats {
  /** Live textures (owned by layers, excluding the renderer's own scratch targets). */
  textures: number;
  /** Bytes those textures take on the GPU. */
  textureBytes: number;
  /** Registered views. */
  views: number;
  /** Frames drawn so far. */
  frames: number;
  /** Of those, frames composited straight into an sRGB drawing buffer (no encode pass). */
  singlePassFrames: number;
  /**
   * Frames and snapshot tiles whose layers wrote sRGB bytes straight into an RGBA8 target
   * (`Drawable.drawsEncoded`).
   */
  encodedFrames: number;
  /** Texture uploads so far (a re-upload after a context loss counts again). */
  uploads: number;
  /** Textures created so far (a refill of an existing one does not count). */
  allocations: number;
  /** Bytes written into textures so far (whole uploads and partial rewrites alike). */
  uploadBytes: number;
  /**
   * Bytes the views' own canvases hold: each keeps its last frame (the drawing buffer handed
   * over as an ImageBitmap), 4 bytes a pixel at its device size; nothing once it is removed.
   */
  outputBytes: number;
  /**
   * Bytes the renderer itself holds once, whatever the number of views: its drawing buffer
   * (4 bytes a pixel at the last frame's size) and the intermediate target of translucent
   * frames (4 bytes a pixel).
   */
  rendererBytes: number;
}

/** A compiled program and its uniform setters (what gl-program.ts makes). */
export interface Program {
  program: WebGLProgram;
  uniformSetters: Record<string, (value: unknown) => void>;
}

export class Renderer {
  /** The offscreen canvas that owns the page's one WebGL2 context. */
  readonly canvas: OffscreenCanvas;
  #gl: WebGL2RenderingContext;
  #programs = new Map<string, Program>();
  #shared = new Map<string, WebGLTexture>();
  #linearSampler: WebGLSampler | undefined;
  #composite: Target | undefined;
  #textures = new Set<TrackedTexture>();
  #views = new Set<RenderTarget>();
  #dirty = new Set<RenderTarget>();
  /** Bytes of the frame each view's canvas holds. */
  #outputBytes = new Map<RenderTarget, number>();
  /**
   * Each view's `bitmaprenderer` context, looked up once: `getContext` on 200 canvases costs
   * several milliseconds a redraw.
   */
  #outputs = new Map<RenderTarget, ImageBitmapRenderingContext | null>();
  /** The shared canvas each view was last handed to. */
  #surfaceOf = new Map<RenderTarget, SharedSurface>();
  #frameRequest = 0;
  /** A draw is queued as a microtask (the page was idle when the change came). */
  #drawQueued = false;
  /** A view changed in the current task (until a timer task runs): see `requestDraw`. */
  #changedThisTask = false;
  /** A frame was drawn since the last animation frame: further changes wait for the next one. */
  #drewThisFrame = false;
  #frames = 0;
  /** Frames drawn in one pass (straight into the sRGB drawing buffer). */
  #singlePassFrames = 0;
  #encodedFrames = 0;
  #uploads = 0;
  #allocations = 0;
  #uploadBytes = 0;
  #restored: Promise<void> | undefined;
  #resolveRestored: (() => void) | undefined;

  constructor() {
    this.canvas = new OffscreenCanvas(1, 1);
    const gl = this.canvas.getContext('webgl2', {
      alpha: true,
      premultipliedAlpha: true,
      antialias: false,
      depth: false,
      stencil: false,
      preserveDrawingBuffer: false,
    });
    if (!gl) throw new Error('WebGL2 is not available in this browser');
    this.#gl = gl;
    this.canvas.addEventListener('webglcontextlost', this.#onContextLost as EventListener);
    this.canvas.addEventListener('webglcontextrestored', this.#onContextRestored);
    this.#initialize();
  }

  /** The shared WebGL2 context. */
  get gl(): WebGL2RenderingContext {
    return this.#gl;
  }

  /** Live statistics. */
  get stats(): RendererStats {
    let textureBytes = 0;
    for (const t of this.#textures) textureBytes += t.byteSize;
    return {
      textures: this.#textures.size,
      textureBytes,
      views: this.#views.size,
      frames: this.#frames,
      singlePassFrames: this.#singlePassFrames,
      encodedFrames: this.#encodedFrames,
      uploads: this.#uploads,
      allocations: this.#allocations,
      uploadBytes: this.#uploadBytes,
      outputBytes: [
        ...this.#outputBytes.values(),
        ...[...new Set(this.#surfaceOf.values())].map((s) => s.bytes),
      ].reduce((sum, b) => sum + b, 0),
      rendererBytes:
        this.canvas.width * this.canvas.height * 4 +
        (this.#composite ? this.#composite.width * this.#composite.height * 4 : 0),
    };
  }

  /**
   * Test hook: pretend the GPU's texture and render-target limit is this many texels per side,
   * so tiling of images (and of snapshots) larger than the limit can be tested on any GPU.
   */
  maxTextureSizeOverride: number | undefined;

  /**
   * The GPU's texture and render-target limits, read once per context: `getParameter` is a
   * call into the GPU process' state that a view would otherwise make several times a frame.
   */
  #limits: { texture: number; render: number } | undefined;

  get #gpuLimits(): { texture: number; render: number } {
    if (!this.#limits) {
      const gl = this.#gl;
      const texture = gl.getParameter(gl.MAX_TEXTURE_SIZE) as number;
      const viewport = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
      const render = Math.min(
        gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number,
        texture,
        viewport[0],
        viewport[1],
      );
      this.#limits = { texture, render };
    }
    return this.#limits;
  }

  /** Largest texture side images may use (the GPU's, or the test override when lower). */
  get maxTextureSize(): number {
    const real = this.#gpuLimits.texture;
    return this.maxTextureSizeOverride ? Math.min(real, this.maxTextureSizeOverride) : real;
  }

  /**
   * Largest side of one render target: snapshots larger than this are drawn in tiles, views
   * larger than this are drawn at this size and scaled up by the browser.
   */
  get maxRenderSize(): number {
    const real = this.#gpuLimits.render;
    return this.maxTextureSizeOverride ? Math.min(real, this.maxTextureSizeOverride) : real;
  }

  /**
   * A texture the renderer itself owns (colour-map tables …): made once per context, rebuilt
   * after a context loss, not counted in `stats` (it does not belong to any image).
   */
  sharedTexture(key: string, create: (gl: WebGL2RenderingContext) => WebGLTexture): WebGLTexture {
    let texture = this.#shared.get(key);
    if (!texture) {
      texture = create(this.#gl);
      this.#shared.set(key, texture);
    }
    return texture;
  }

  /** Resolves once the context is usable (immediately unless it is lost). */
  whenReady(): Promise<void> {
    return this.#restored ?? Promise.resolve();
  }

  /** The browser can make the drawing buffer SRGB8_ALPHA8 (one-pass frames). */
  get #srgbDrawingBuffer(): boolean {
    return typeof (this.#gl as Partial<DrawingBufferStorage>).drawingBufferStorage === 'function';
  }

  #initialize(): void {
    this.#limits = undefined;
    this.#programs.clear();
    this.#shared.clear();
    this.#composite = undefined;
    this.#linearSampler = undefined;
  }

  /** A sampler object with LINEAR filtering and clamp-to-edge (textures themselves are NEAREST). */
  get linearSampler(): WebGLSampler {
    if (!this.#linearSampler) {
      const gl = this.#gl;
      const sampler = gl.createSampler()!;
      gl.samplerParameteri(sampler, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.samplerParameteri(sampler, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
      gl.samplerParameteri(sampler, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.samplerParameteri(sampler, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      this.#linearSampler = sampler;
    }
    return this.#linearSampler;
  }

  /** The compiled program for a shader variant (compiled once per context). */
  program(key: string, vertex: string, fragment: string): Program {
    let info = this.#programs.get(key);
    if (!info) {
      const gl = this.#gl;
      // (Null only after `onError`, which throws.)
      const program = programs.createProgram(gl, [vertex, fragment], (message: string) => {
        throw new Error(`shader ${key} failed to build: ${message}`);
      })!;
      info = { program, uniformSetters: programs.createUniformSetters(gl, program) };
      this.#programs.set(key, info);
    }
    return info;
  }

  /** Draws the unit quad as a triangle strip with the current program. */
  drawQuad(): void {
    // The vertex shaders make the quad's corners from gl_VertexID: nothing to bind.
    this.#gl.drawArrays(this.#gl.TRIANGLE_STRIP, 0, 4);
  }

  /** Creates a texture that is re-uploaded by `upload` after a context loss. */
  createTexture(
    upload: (gl: WebGL2RenderingContext) => WebGLTexture,
    byteSize: number,
  ): TrackedTexture {
    const texture = new TrackedTexture(this, upload, byteSize);
    this.#allocations++;
    this.#textures.add(texture);
    return texture;
  }

  /** @internal Called by TrackedTexture when it uploads. */
  textureUploaded(bytes: number): void {
    this.#uploads++;
    this.#uploadBytes += bytes;
  }

  /** @internal Counts bytes an owner rewrote inside one of its textures (not a new upload). */
  bytesUploaded(bytes: number): void {
    this.#uploadBytes += bytes;
  }

  /** @internal Called by TrackedTexture.dispose. */
  textureReleased(texture: TrackedTexture): void {
    this.#textures.delete(texture);
  }

  /** Adds a view; it is drawn as soon as the page is idle (see `invalidate`). */
  register(view: RenderTarget): void {
    this.#views.add(view);
    this.invalidate(view);
  }

  /** Removes a view and frees the frame its canvas holds (registering again redraws it). */
  unregister(view: RenderTarget): void {
    this.#views.delete(view);
    this.#dirty.delete(view);
    this.releaseOwnCanvas(view);
    this.#outputs.delete(view);
    const surface = this.#surfaceOf.get(view);
    this.#surfaceOf.delete(view);
    surface?.forget(view);
  }

  /**
   * @internal Frees the frame the view's own canvas holds (the view is drawn elsewhere). A
   * canvas that once had a context stays a layer the browser composites every frame, even
   * empty: 200 of them doubled the page's compositing. Transparent, it is skipped there and
   * still takes the pointer.
   */
  releaseOwnCanvas(view: RenderTarget): void {
    const output = this.#outputs.get(view);
    if (!output) return;
    if (this.#outputBytes.delete(view)) output.transferFromImageBitmap(null);
    // (Its next frame on its own makes it opaque again.)
    view.canvas.style.opacity = '0';
  }

  /** @internal The registered views. */
  get views(): ReadonlySet<RenderTarget> {
    return this.#views;
  }

  /**
   * Marks a view for redraw. On an idle page (nothing drawn since the last animation frame) the
   * change is drawn in a microtask of the same task, without waiting up to a frame for the next
   * animation frame; every change up to then joins that one draw. Once a frame was drawn,
   * further changes wait for the next animation frame: a burst costs one draw per frame.
   */
  invalidate(view: RenderTarget): void {
    if (!this.#views.has(view)) return;
    this.#dirty.add(view);
    if (!this.#changedThisTask) {
      this.#changedThisTask = true;
      setTimeout(() => (this.#changedThisTask = false));
    }
    if (this.#drawQueued || this.#frameRequest) return;
    if (this.#drewThisFrame) {
      this.#frameRequest = requestAnimationFrame(this.#onAnimationFrame);
    } else {
      this.#drawQueued = true;
      queueMicrotask(this.#drawNow);
    }
  }

  /**
   * Someone awaits the view's next frame (`renderComplete()`): a change made in this same task
   * is drawn in a microtask even when a frame was already drawn since the last animation frame,
   * so that a caller stepping through frames one awaited frame at a time (a scrub, an export) is
   * not held to one frame per display refresh. Changes nobody awaits, and changes of earlier
   * tasks (a burst spread over many), still wait for the animation frame.
   */
  requestDraw(view: RenderTarget): void {
    if (!this.#changedThisTask || !this.#dirty.has(view) || this.#drawQueued) return;
    this.#drawQueued = true;
    queueMicrotask(this.#drawNow);
  }

  #drawNow = (): void => {
    this.#drawQueued = false;
    this.#renderDirty();
  };

  #onAnimationFrame = (): void => {
    this.#frameRequest = 0;
    this.#drewThisFrame = false;
    if (this.#dirty.size) this.#renderDirty();
  };

  #renderDirty(): void {
    if (this.#gl.isContextLost()) return; // Redrawn on restore.
    if (!this.#dirty.size) return;
    const views = [...this.#dirty];
    this.#dirty.clear();
    // Until the next animation frame, changes wait for it; that frame also ends the wait.
    this.#drewThisFrame = true;
    if (!this.#frameRequest) this.#frameRequest = requestAnimationFrame(this.#onAnimationFrame);
    // Views of a shared canvas are drawn by it, all in one frame.
    const surfaces = new Map<SharedSurface, RenderTarget[]>();
    for (const view of views) {
      const surface = view.surface;
      const last = this.#surfaceOf.get(view);
      if (last && last !== surface) {
        this.#surfaceOf.delete(view);
        last.forget(view);
      }
      if (!surface) {
        this.renderOwn(view);
        continue;
      }
      this.#surfaceOf.set(view, surface);
      const group = surfaces.get(surface);
      if (group) group.push(view);
      else surfaces.set(surface, [view]);
    }
    for (const [surface, group] of surfaces) {
      try {
        surface.render(this, group);
      } catch (error) {
        for (const view of group) this.#failed(view, error);
      }
    }
  }

  /** @internal Draws a view into its own canvas; a failure is the view's to report. */
  renderOwn(view: RenderTarget): void {
    try {
      this.#renderToCanvas(view);
    } catch (error) {
      this.#failed(view, error);
    }
  }

  #failed(view: RenderTarget, error: unknown): void {
    // One view failing must not stop the others; the view reports it (rr-error) and clears
    // its canvas.
    this.#outputBytes.delete(view);
    if (view.renderFailed) view.renderFailed(error);
    else console.error(error);
  }

  /**
   * @internal Composites a frame into `target` (null: the drawing buffer) at `at`, clipped to
   * its rectangle, for a shared canvas; counts it as a frame drawn.
   */
  composeInto(
    frame: FrameDescription,
    target: Target | null,
    at?: Placement,
    encoded = false,
  ): void {
    this.#compose(frame, target, encoded, at);
    this.#frames++;
  }

  /** @internal A colour target (see `#createTarget`) and its release. */
  createTarget(width: number, height: number, srgb: boolean): Target {
    return this.#createTarget(width, height, srgb);
  }

  deleteTarget(target: Target): void {
    this.#deleteTarget(target);
  }

  #renderToCanvas(view: RenderTarget): void {
    const frame = view.describeFrame();
    const canvas = view.canvas;
    // A view's canvas only ever receives finished frames: handing over the drawing buffer as an
    // ImageBitmap moves it without a copy (a 2D drawImage would read the GL canvas back).
    let output = this.#outputs.get(view);
    if (output === undefined) {
      output = canvas.getContext('bitmaprenderer');
      this.#outputs.set(view, output);
    }
    if (!output) return;
    canvas.style.opacity = '';
    if (!frame || frame.width < 1 || frame.height < 1) {
      output.transferFromImageBitmap(null);
      this.#outputBytes.delete(view);
      view.frameRendered?.();
      return;
    }
    // A view larger than the GPU can render (a 20000 px wide one) is drawn at the largest size
    // it allows and scaled up by the canvas' CSS size, instead of failing.
    const fit = Math.min(1, this.maxRenderSize / frame.width, this.maxRenderSize / frame.height);
    const drawn: FrameDescription =
      fit < 1
        ? {
            ...frame,
            width: Math.max(1, Math.floor(frame.width * fit)),
            height: Math.max(1, Math.floor(frame.height * fit)),
            scale: frame.scale * fit,
            offset: [frame.offset[0] * fit, frame.offset[1] * fit],
            pixelRatio: (frame.pixelRatio ?? 1) * fit,
          }
        : frame;
    const { width, height } = drawn;
    const encoded = drawsEncoded(drawn);
    const onePass = encoded || (this.#srgbDrawingBuffer && binaryAlpha(drawn));
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    if (this.#srgbDrawingBuffer) {
      // The drawing buffer holds sRGB bytes for a one-pass frame, the encode pass's otherwise.
      const gl = this.#gl as WebGL2RenderingContext & DrawingBufferStorage;
      const format = onePass && !encoded ? gl.SRGB8_ALPHA8 : gl.RGBA8;
      if (gl.drawingBufferFormat !== format) gl.drawingBufferStorage(format, width, height);
    }
    if (onePass) {
      this.#compose(drawn, null, encoded);
      this.#singlePassFrames++;
    } else {
      // A target that failed to allocate is never kept: the next frame tries again.
      this.#composite = this.#ensureTarget(this.#composite, width, height, true);
      this.#compose(drawn, this.#composite);
      this.#encode(this.#composite, null, width, height, true);
    }
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    output.transferFromImageBitmap(this.canvas.transferToImageBitmap());
    this.#outputBytes.set(view, width * height * 4);
    this.#frames++;
    view.frameRendered?.();
  }

  /**
   * Renders a frame off screen and reads it back as straight-alpha sRGB ImageData. Frames
   * larger than one render target are drawn tile by tile (the scene shifted under a smaller
   * viewport) and stitched, so a 9000×40 snapshot works on a GPU limited to 8192.
   */
  renderToImageData(frame: FrameDescription): ImageData {
    const { width, height } = frame;
    const max = this.maxRenderSize;
    const out = new Uint8ClampedArray(width * height * 4);
    const tileW = Math.min(width, max);
    const tileH = Math.min(height, max);
    const composite = this.#createTarget(tileW, tileH, true);
    const output = this.#createTarget(tileW, tileH, false);
    const gl = this.#gl;
    try {
      const pixels = new Uint8Array(tileW * tileH * 4);
      for (let ty = 0; ty < height; ty += tileH) {
        for (let tx = 0; tx < width; tx += tileW) {
          const w = Math.min(tileW, width - tx);
          const h = Math.min(tileH, height - ty);
          const tile: FrameDescription = {
            ...frame,
            width: w,
            height: h,
            offset: [frame.offset[0] - tx, frame.offset[1] - ty],
          };
          if (drawsEncoded(tile)) this.#compose(tile, output, true);
          else {
            this.#compose(tile, composite);
            this.#encode(composite, output, w, h, false);
          }
          gl.bindFramebuffer(gl.FRAMEBUFFER, output.framebuffer);
          gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
          gl.bindFramebuffer(gl.FRAMEBUFFER, null);
          // GL rows run bottom-up; ImageData rows top-down.
          const row = w * 4;
          for (let y = 0; y < h; y++) {
            out.set(pixels.subarray((h - 1 - y) * row, (h - y) * row), ((ty + y) * width + tx) * 4);
          }
        }
      }
      return new ImageData(out, width, height);
    } finally {
      this.#deleteTarget(composite);
      this.#deleteTarget(output);
    }
  }

  /**
   * Composites a frame into `target`, or into the (sRGB) drawing buffer for null; `encoded`:
   * into an RGBA8 one, the drawables writing sRGB bytes (see `Drawable.drawsEncoded`).
   */
  #compose(frame: FrameDescription, target: Target | null, encoded = false, at?: Placement): void {
    const gl = this.#gl;
    gl.bindFramebuffer(gl.FRAMEBUFFER, target ? target.framebuffer : null);
    // At a place in a larger target: the scene shifted under the whole target's viewport
    // (shaders find their pixel from gl_FragCoord and the offset), clipped to the frame's box.
    const width = at ? at.targetWidth : frame.width;
    const height = at ? at.targetHeight : frame.height;
    gl.viewport(0, 0, width, height);
    gl.disable(gl.DEPTH_TEST);
    if (at) {
      gl.enable(gl.SCISSOR_TEST);
      gl.scissor(at.x, height - at.y - frame.height, frame.width, frame.height);
    } else gl.disable(gl.SCISSOR_TEST);
    const [r, g, b, a] = frame.background;
    if (!at?.cleared || r !== 0 || g !== 0 || b !== 0 || a !== 0) {
      gl.clearColor(r, g, b, a);
      gl.clear(gl.COLOR_BUFFER_BIT);
    }
    gl.enable(gl.BLEND);
    // Premultiplied "over"; the sRGB attachment makes the GPU blend in linear light.
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    if (encoded) this.#encodedFrames++;
    const context: DrawContext = {
      gl,
      renderer: this,
      viewport: [width, height],
      scale: frame.scale,
      offset: at ? [frame.offset[0] + at.x, frame.offset[1] + at.y] : frame.offset,
      pixelRatio: frame.pixelRatio ?? 1,
      encoded,
    };
    for (const drawable of frame.drawables) {
      // An opaque layer replaces what lies below: the same bytes as blending with alpha 1.
      if (drawable.opaque) gl.disable(gl.BLEND);
      else gl.enable(gl.BLEND);
      drawable.draw(context);
    }
    gl.disable(gl.BLEND);
    gl.disable(gl.SCISSOR_TEST);
  }

  #encode(
    source: Target,
    output: Target | null,
    width: number,
    height: number,
    premultiplied: boolean,
  ): void {
    const gl = this.#gl;
    gl.bindFramebuffer(gl.FRAMEBUFFER, output ? output.framebuffer : null);
    gl.viewport(0, 0, width, height);
    gl.disable(gl.BLEND);
    const program = this.program('encode', ENCODE_VERTEX_SHADER, ENCODE_FRAGMENT_SHADER);
    gl.useProgram(program.program);
    programs.setUniforms(program.uniformSetters, {
      u_composite: source.texture,
      u_premultiplied: premultiplied,
    });
    this.drawQuad();
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  }

  #ensureTarget(target: Target | undefined, width: number, height: number, srgb: boolean): Target {
    if (target && target.width >= width && target.height >= height) return target;
    if (target) this.#deleteTarget(target);
    this.#composite = undefined;
    // Grow generously so resizing views do not reallocate every frame (never past the limit).
    const max = this.maxRenderSize;
    return this.#createTarget(
      Math.min(max, Math.max(width, target?.width ?? 0)),
      Math.min(max, Math.max(height, target?.height ?? 0)),
      srgb,
    );
  }

  /** A colour target; throws (leaving nothing allocated) when the GPU cannot make it. */
  #createTarget(width: number, height: number, srgb: boolean): Target {
    const gl = this.#gl;
    const max = this.maxRenderSize;
    if (width > max || height > max)
      throw new RangeError(
        `expected a render target of at most ${max}×${max} pixels, got ${width}×${height}`,
      );
    const texture = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texStorage2D(gl.TEXTURE_2D, 1, srgb ? gl.SRGB8_ALPHA8 : gl.RGBA8, width, height);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.bindTexture(gl.TEXTURE_2D, null);
    const framebuffer = gl.createFramebuffer()!;
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
    const status = gl.checkFramebufferStatus(gl.FRAMEBUFFER);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    const target = { framebuffer, texture, width, height };
    if (status !== gl.FRAMEBUFFER_COMPLETE) {
      this.#deleteTarget(target);
      throw new Error(
        `the GPU could not make a ${width}×${height} render target (framebuffer status 0x${status.toString(16)})`,
      );
    }
    return target;
  }

  #deleteTarget(target: Target): void {
    const gl = this.#gl;
    if (gl.isContextLost()) return;
    gl.deleteFramebuffer(target.framebuffer);
    gl.deleteTexture(target.texture);
  }

  #onContextLost = (event: Event): void => {
    // Without preventDefault the browser never restores the context.
    event.preventDefault();
    if (this.#frameRequest) cancelAnimationFrame(this.#frameRequest);
    this.#frameRequest = 0;
    this.#drewThisFrame = false;
    for (const texture of this.#textures) texture.contextLost();
    this.#restored = new Promise((resolve) => (this.#resolveRestored = resolve));
  };

  #onContextRestored = (): void => {
    this.#initialize();
    const resolve = this.#resolveRestored;
    this.#restored = undefined;
    this.#resolveRestored = undefined;
    resolve?.();
    // Every texture re-uploads lazily from the data its owner kept; every view redraws.
    for (const view of this.#views) this.invalidate(view);
  };
}

/**
 * Every pixel of the frame ends with alpha exactly 0 or 1: an opaque background, or opaque
 * layers over a transparent one. Then the encode pass changes no byte.
 */
export function binaryAlpha(frame: FrameDescription): boolean {
  const a = frame.background[3];
  if (a === 1) return true;
  return a === 0 && frame.drawables.every((d) => d.opaque === true);
}

/**
 * A transparent background and only layers that draw their sRGB bytes (`drawsEncoded`, or
 * `drawsEncodedAt` the frame's scale and offset).
 */
export function drawsEncoded(frame: FrameDescription): boolean {
  return (
    frame.drawables.length > 0 &&
    frame.background.every((c) => c === 0) &&
    frame.drawables.every(
      (d) => d.opaque === true && (d.drawsEncoded === true || d.drawsEncodedAt?.(frame) === true),
    )
  );
}

let shared: Renderer | undefined;

/** The page's renderer, created on first use. */
export function getRenderer(): Renderer {
  shared ??= new Renderer();
  return shared;
}

/**
 * What handing frames over costs, without any of our code: the floor of the page-wide
 * renderer's design for 200 views of 64×48 (bench/cases/many-views.ts).
 *
 * baseline:  one on-page WebGL2 canvas, 200 scissored viewports (three.js "multiple elements").
 * candidate: one OffscreenCanvas drawing each view in turn and handing it to the view's own
 *            canvas (`transferToImageBitmap` → `bitmaprenderer`), as src/render/renderer.ts does.
 * fair:      one atlas OffscreenCanvas, one transferToImageBitmap, 200 2D canvases copying their
 *            rectangle out of it with drawImage (the "one canvas, cheaper hand-over" variant).
 * extra row: one OffscreenCanvas of the whole grid, 200 scissored viewports, ONE bitmap handed to
 *            one on-page `bitmaprenderer` canvas: `<rr-context shared-canvas>`'s hand-over.
 * The same trivial shader on every side: the ratio is the hand-over alone.
 */
import { linkProgram } from '../gl-link.js';
import { defineCase, type BenchContext, type Runner } from '../harness.js';

const VIEWS = 200;
const W = 64;
const H = 48;
const COLUMNS = 20;
const ROWS = VIEWS / COLUMNS;

const VERTEX = `#version 300 es
void main() {
  vec2 c = vec2(gl_VertexID & 1, gl_VertexID >> 1);
  gl_Position = vec4(c * 2.0 - 1.0, 0.0, 1.0);
}`;
const FRAGMENT = `#version 300 es
precision highp float;
uniform vec4 u_color;
out vec4 color;
void main() { color = u_color; }`;

function program(gl: WebGL2RenderingContext): WebGLUniformLocation | null {
  const p = linkProgram(gl, VERTEX, FRAGMENT);
  gl.useProgram(p);
  gl.bindVertexArray(gl.createVertexArray());
  return gl.getUniformLocation(p, 'u_color');
}

const OPTIONS = { antialias: false, depth: false, stencil: false } as const;

/** Draws view `v` of frame `t` into the viewport at (x, y) of the bound drawing buffer. */
function drawView(
  gl: WebGL2RenderingContext,
  color: WebGLUniformLocation | null,
  v: number,
  t: number,
  x = 0,
  y = 0,
): void {
  gl.viewport(x, y, W, H);
  gl.scissor(x, y, W, H);
  gl.clear(gl.COLOR_BUFFER_BIT);
  gl.uniform4f(color, v / VIEWS, t, 0.5, 1);
  gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
}

/** 200 view canvases on the page, each with a `kind` context. */
function viewCanvases<K extends 'bitmaprenderer' | '2d'>(stage: HTMLElement, kind: K) {
  const box = document.createElement('div');
  box.style.cssText = `display:grid;grid-template-columns:repeat(${COLUMNS}, ${W}px)`;
  const contexts = Array.from({ length: VIEWS }, () => {
    const canvas = document.createElement('canvas');
    canvas.width = W;
    canvas.height = H;
    canvas.style.cssText = `width:${W}px;height:${H}px`;
    box.append(canvas);
    return canvas.getContext(kind)! as K extends '2d'
      ? CanvasRenderingContext2D
      : ImageBitmapRenderingContext;
  });
  stage.append(box);
  return { box, contexts };
}

/** The shared canvas' hand-over: every view drawn into one frame, one bitmap for all. */
function sharedBitmap({ stage }: BenchContext): Runner<number> {
  const canvas = document.createElement('canvas');
  canvas.style.cssText = `display:block;width:${COLUMNS * W}px;height:${ROWS * H}px`;
  canvas.width = COLUMNS * W;
  canvas.height = ROWS * H;
  stage.append(canvas);
  const output = canvas.getContext('bitmaprenderer')!;
  const offscreen = new OffscreenCanvas(COLUMNS * W, ROWS * H);
  const gl = offscreen.getContext('webgl2', OPTIONS) as WebGL2RenderingContext;
  const color = program(gl);
  gl.enable(gl.SCISSOR_TEST);
  return {
    // As the per-view side: the harness waits for the GPU on a context of its own.
    run(t) {
      for (let v = 0; v < VIEWS; v++)
        drawView(gl, color, v, t, (v % COLUMNS) * W, Math.floor(v / COLUMNS) * H);
      output.transferFromImageBitmap(offscreen.transferToImageBitmap());
    },
    dispose: () => canvas.remove(),
  };
}

export default defineCase<number>({
  name: 'hand-over alone: 200 views of 64×48, per-view bitmap vs one on-page canvas',
  notes:
    'baseline: one on-page canvas, scissored viewports; candidate: per-view transferToImageBitmap (renderer.ts); fair: one atlas bitmap + 200 2D drawImage',
  warmup: 2,
  repeats: 10,
  input: (i) => i % 2,
  extras: [{ label: 'one bitmap for all (shared-canvas)', candidate: true, setup: sharedBitmap }],
  baseline({ stage }) {
    const canvas = document.createElement('canvas');
    canvas.style.cssText = `display:block;width:${COLUMNS * W}px;height:${ROWS * H}px`;
    canvas.width = COLUMNS * W;
    canvas.height = ROWS * H;
    stage.append(canvas);
    const gl = canvas.getContext('webgl2', OPTIONS) as WebGL2RenderingContext;
    const color = program(gl);
    gl.enable(gl.SCISSOR_TEST);
    const pixel = new Uint8Array(4);
    return {
      run(t) {
        for (let v = 0; v < VIEWS; v++)
          drawView(gl, color, v, t, (v % COLUMNS) * W, Math.floor(v / COLUMNS) * H);
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      },
      dispose: () => canvas.remove(),
    };
  },
  candidate({ stage }) {
    const { box, contexts } = viewCanvases(stage, 'bitmaprenderer');
    const offscreen = new OffscreenCanvas(W, H);
    const gl = offscreen.getContext('webgl2', OPTIONS) as WebGL2RenderingContext;
    const color = program(gl);
    return {
      run(t) {
        for (let v = 0; v < VIEWS; v++) {
          drawView(gl, color, v, t);
          contexts[v]!.transferFromImageBitmap(offscreen.transferToImageBitmap());
        }
      },
      dispose: () => box.remove(),
    };
  },
  fair({ stage }) {
    const { box, contexts } = viewCanvases(stage, '2d');
    const atlas = new OffscreenCanvas(COLUMNS * W, ROWS * H);
    const gl = atlas.getContext('webgl2', OPTIONS) as WebGL2RenderingContext;
    const color = program(gl);
    gl.enable(gl.SCISSOR_TEST);
    return {
      run(t) {
        for (let v = 0; v < VIEWS; v++)
          drawView(gl, color, v, t, (v % COLUMNS) * W, Math.floor(v / COLUMNS) * H);
        const bitmap = atlas.transferToImageBitmap();
        for (let v = 0; v < VIEWS; v++) {
          const x = (v % COLUMNS) * W;
          const y = (ROWS - 1 - Math.floor(v / COLUMNS)) * H;
          contexts[v]!.clearRect(0, 0, W, H);
          contexts[v]!.drawImage(bitmap, x, y, W, H, 0, 0, W, H);
        }
        bitmap.close();
      },
      dispose: () => box.remove(),
    };
  },
});

/**
 * Redrawing 200 views after one change: 200 `<rr-image>` (64×48 CSS px each) in one
 * `<rr-context>`, each showing its own 64×48 RGB entity; the change moves the time cursor, so
 * every view shows a new frame (200 small uploads, 200 draws). Two cases, one per design
 * (cases/many-views.ts: a canvas per view, the default; cases/many-views-shared.ts:
 * `<rr-context shared-canvas>`), each with only its own views on the page beside the
 * baseline: the page composites every canvas on it each frame, and 200 canvases of the other
 * design would slow both sides of a case by what neither would have on a user's page.
 *
 * baseline: one shared raw canvas of the same total size with 200 textures kept in storage:
 *           texSubImage2D of each new frame and one scissored viewport per view.
 * Target: ≤ 2× the baseline. The notes give GPU memory per view (textures + its canvas).
 */
import { linkProgram, QUAD_VERTEX } from './gl-link.js';
import {
  defineCase,
  drainContext,
  type BenchCase,
  type BenchContext,
  type Runner,
} from './harness.js';
import type { RrContext } from '../src/elements/rr-context/rr-context.js';
import type { RrImage } from '../src/elements/rr-image/rr-image.js';

const VIEWS = 200;
const W = 64;
const H = 48;
const COLUMNS = 20;

/** Frame `t` of view `v`. */
function frame(v: number, t: number): Uint8Array {
  return new Uint8Array(W * H * 3).map((_, i) => (i * 7 + v * 13 + t * 101) & 255);
}
const frames = [0, 1].map((t) => Array.from({ length: VIEWS }, (_, v) => frame(v, t)));

const FRAGMENT = `#version 300 es
precision highp float;
uniform sampler2D u_image;
in vec2 v_uv;
out vec4 color;
void main() {
  color = vec4(texelFetch(u_image, ivec2(v_uv * vec2(textureSize(u_image, 0))), 0).rgb, 1.0);
}`;

/** 200 views in one context, each with its own canvas or (`shared`) in the context's one. */
async function views(
  { stage, loadElements, entry }: BenchContext,
  shared: boolean,
  c: BenchCase<number>,
): Promise<Runner<number>> {
  await loadElements();
  const ctx = document.createElement('rr-context') as RrContext;
  ctx.style.cssText = `display:grid;grid-template-columns:repeat(${COLUMNS}, ${W}px)`;
  // (An older build without the attribute draws per view: the row then matches the one above.)
  if (shared) ctx.setAttribute('shared-canvas', '');
  const images: RrImage[] = [];
  for (let v = 0; v < VIEWS; v++) {
    const image = document.createElement('rr-image') as RrImage;
    image.entity = `cam/${v}`;
    image.style.cssText = `display:block;width:${W}px;height:${H}px`;
    images.push(image);
    ctx.append(image);
  }
  stage.append(ctx);
  for (let t = 0; t < 2; t++) {
    for (let v = 0; v < VIEWS; v++) {
      ctx.recording.log(
        `cam/${v}`,
        {
          archetype: 'Image',
          buffer: frames[t]![v]!,
          format: { width: W, height: H, colorModel: 'RGB', channelDatatype: 'U8' },
        },
        { time: { frame: t } },
      );
    }
  }
  ctx.setTime('frame', 0);
  await Promise.all(images.map((image) => image.renderComplete()));
  const lib = (await import(/* @vite-ignore */ entry)) as {
    getRenderer?: () => {
      gl: WebGL2RenderingContext;
      stats: {
        textureBytes: number;
        outputBytes?: number;
        rendererBytes?: number;
        views: number;
      };
    };
  };
  const renderer = lib.getRenderer?.();
  if (!renderer) throw new Error(`${entry} does not export getRenderer()`);
  const stats = renderer.stats;
  if (stats && !c.notes!.includes('GPU memory')) {
    c.notes += `; GPU memory per view: textures ${Math.round(stats.textureBytes / stats.views)} B, canvases ${Math.round((stats.outputBytes ?? 0) / stats.views)} B; renderer's own buffers, once: ${stats.rendererBytes ?? '?'} B`;
  }
  return {
    async run(t) {
      const start = performance.now();
      ctx.setTime('frame', t);
      await Promise.all(images.map((image) => image.renderComplete()));
      return performance.now() - start;
    },
    // The library's one WebGL2 context draws every view: wait for the GPU there.
    drain: () => drainContext(renderer.gl),
    dispose: () => ctx.remove(),
  };
}

/** The case for one design: `shared`, `<rr-context shared-canvas>`; else a canvas per view. */
export function manyViewsCase(shared: boolean): BenchCase<number> {
  const c: BenchCase<number> = defineCase<number>({
    name: `redraw 200 views of 64×48 RGB after one change (time cursor)${shared ? ', <rr-context shared-canvas>' : ''}`,
    notes: 'baseline: one shared raw canvas, 200 kept textures, scissored viewports',
    warmup: 2,
    repeats: 20,
    input: (i) => i % 2,
    baseline,
    candidate: (ctx) => views(ctx, shared, c),
  });
  return c;
}

function baseline({ stage }: BenchContext): Runner<number> {
  const canvas = document.createElement('canvas');
  const rows = Math.ceil(VIEWS / COLUMNS);
  canvas.style.cssText = `display:block;width:${COLUMNS * W}px;height:${rows * H}px`;
  canvas.width = COLUMNS * W * devicePixelRatio;
  canvas.height = rows * H * devicePixelRatio;
  stage.append(canvas);
  const gl = canvas.getContext('webgl2', { antialias: false, depth: false, stencil: false })!;
  const program = linkProgram(gl, QUAD_VERTEX, FRAGMENT);
  gl.useProgram(program);
  gl.bindVertexArray(gl.createVertexArray());
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  const textures = frames[0]!.map(() => {
    const t = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, t);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGB8, W, H);
    return t;
  });
  gl.enable(gl.SCISSOR_TEST);
  const dpr = devicePixelRatio;
  const pixel = new Uint8Array(4);
  return {
    run(t) {
      for (let v = 0; v < VIEWS; v++) {
        gl.bindTexture(gl.TEXTURE_2D, textures[v]!);
        gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, W, H, gl.RGB, gl.UNSIGNED_BYTE, frames[t]![v]!);
        const x = (v % COLUMNS) * W * dpr;
        const y = canvas.height - (Math.floor(v / COLUMNS) + 1) * H * dpr;
        gl.viewport(x, y, W * dpr, H * dpr);
        gl.scissor(x, y, W * dpr, H * dpr);
        gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
      }
      gl.flush();
    },
    drain: () => gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel),
    dispose() {
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      canvas.remove();
    },
  };
}

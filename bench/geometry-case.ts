// "Draw N points / boxes": the time of one view frame after a pan (or zoom) step, our element
// against a minimal instanced WebGL2 draw of the same shapes (geometry-baseline.ts), both in a
// 960×540 CSS-pixel box and both waiting for an animation frame. The harness waits for the GPU
// after every repetition, so GPU time is charged to the side that caused it.
import { defineCase, type BenchContext, type Runner } from './harness.js';
import { createGeometryBaseline } from './geometry-baseline.js';

const W = 960;
const H = 540;
const BOX = `display:block;width:${W}px;height:${H}px`;

interface ViewLike extends HTMLElement {
  renderComplete(): Promise<unknown>;
  updateComplete?: Promise<unknown>;
}

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export type GeometryMotion = 'pan' | 'zoom';

export function geometryCase(
  shape: 'points' | 'boxes',
  count: number,
  motion: GeometryMotion,
  repeats = 10,
) {
  const rand = random(count);
  // Scene: a 1000 × 562.5 region (the box's aspect), so the view fits it at scale 0.96.
  const sceneW = 1000;
  const sceneH = (1000 * H) / W;
  const scale = W / sceneW;
  const shapes = new Float32Array(count * 4);
  const colors = new Uint8Array(count * 4);
  for (let i = 0; i < count; i++) {
    const x = rand() * sceneW;
    const y = rand() * sceneH;
    if (shape === 'points') {
      shapes.set([x, y, 1.5, 0], i * 4); // 1.5 UI points, Rerun's default radius
    } else {
      const hw = 1 + rand() * 20;
      const hh = 1 + rand() * 20;
      shapes.set([x - hw, y - hh, x + hw, y + hh], i * 4);
    }
    colors.set([(rand() * 256) | 0, (rand() * 256) | 0, (rand() * 256) | 0, 255], i * 4);
  }
  const label = count.toLocaleString('en-US').replace(/,/g, ' ');
  // Alternate steps so the view oscillates about its fitted state.
  const keys = motion === 'pan' ? ['ArrowLeft', 'ArrowRight'] : ['+', '-'];
  return defineCase<number>({
    name: `${motion} a view of ${label} ${shape === 'points' ? 'points' : 'boxes'} (one frame)`,
    notes: `${shape === 'points' ? '<rr-points2d>' : '<rr-boxes2d>'} in ${W}×${H}; baseline: one instanced draw from attributes, same shading`,
    warmup: 1,
    repeats,
    input: (i) => i,
    baseline(ctx: BenchContext): Runner<number> {
      const base = createGeometryBaseline(ctx.stage, W, H, shape === 'boxes', shapes, colors);
      return {
        run: (i) => {
          const step = motion === 'pan' ? (i % 2 ? 0 : -32) : 0;
          const zoom = motion === 'zoom' ? (i % 2 ? 1 : 1.25) : 1;
          return base.draw(scale * zoom, step, 0);
        },
        dispose: () => base.dispose(),
      };
    },
    async candidate(ctx: BenchContext): Promise<Runner<number>> {
      await ctx.loadElements();
      const tag = shape === 'points' ? 'rr-points2d' : 'rr-boxes2d';
      const el = document.createElement(tag) as unknown as ViewLike & Record<string, unknown>;
      el.setAttribute('style', BOX);
      el.setAttribute('no-tooltip', '');
      if (shape === 'points') {
        const positions = new Float32Array(count * 2);
        for (let i = 0; i < count; i++) positions.set(shapes.subarray(i * 4, i * 4 + 2), i * 2);
        el.positions = positions;
        el.radius = '-1.5';
      } else {
        const array = new Float32Array(count * 4);
        array.set(shapes);
        el.array = array;
        el.arrayFormat = 'XYXY';
        el.radius = '-1.5';
      }
      el.colors = colors;
      ctx.stage.append(el);
      await el.updateComplete;
      await el.renderComplete();
      return {
        run: async (i) => {
          el.dispatchEvent(new KeyboardEvent('keydown', { key: keys[i % 2], bubbles: true }));
          await el.renderComplete();
        },
        dispose: () => el.remove(),
      };
    },
  });
}

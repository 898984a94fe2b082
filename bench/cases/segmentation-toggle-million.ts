/**
 * Toggling one class of a 2048×2048 U32 mask holding 1 000 000 distinct ids (all auto-coloured,
 * a 1M-entry colour table): time until the view shows the next correct frame.
 *
 * candidate: hiding / showing class 777 777 through the shared class state (the legend's way).
 * baseline:  one redraw of the same view with nothing else to do (`resetView()` on a view that
 *            is already fitted: the same frame drawn again, the same way): the target is one
 *            redraw + 5 ms, shown in the Δ column. (It used to alternate the opacity between 1
 *            and 0.99, but a translucent frame takes a second, encoding pass that the toggled
 *            frame does not: that made the baseline slower than the redraw a toggle costs.)
 * Timed: until the frame is drawn (GPU done, a 1-px readPixels on the library's context). After
 * it, untimed, each repetition of either side reads the pixel of that class back and checks it.
 */
import { defineCase, drainContext } from '../harness.js';
import { classStateFor } from '../../src/store/class-state.js';
import { canvasPixel } from '../fixtures/canvas-pixel.js';
import { getRenderer } from '../../src/render/renderer.js';
import type { RrContext } from '../../src/elements/rr-context/rr-context.js';
import type { RrSegmentation } from '../../src/elements/rr-segmentation/rr-segmentation.js';

export const name = 'segmentation: toggle one class of a 2048² U32 mask with 1 000 000 ids';
export const notes =
  'baseline: one redraw of the same view; target Δ = candidate − baseline ≤ 5 ms';

const SIZE = 2048;
const IDS = 1_000_000;
const CLASS = 777_777;
let fixture: Promise<{ ctx: RrContext; seg: RrSegmentation }> | undefined;
let visible = true;

function mount(): Promise<{ ctx: RrContext; seg: RrSegmentation }> {
  fixture ??= (async () => {
    const ctx = document.createElement('rr-context');
    ctx.recording.log('/', { archetype: 'AnnotationContext', context: [[1, 'one', [255, 0, 0]]] });
    const seg = document.createElement('rr-segmentation');
    seg.entity = 'mask';
    seg.style.cssText = 'display:block;width:512px;height:512px';
    ctx.append(seg);
    document.body.append(ctx);
    // Pixel i holds id i % 1 000 000 (+1, so that no pixel is the transparent class 0), except
    // a 64×64 block of class CLASS in the top-left corner, which the check reads.
    const ids = new Uint32Array(SIZE * SIZE).map((_, i) =>
      i % SIZE < 64 && i < 64 * SIZE ? CLASS : (i % IDS) + 1,
    );
    seg.data = { data: ids, shape: [SIZE, SIZE] };
    await seg.renderComplete();
    return { ctx, seg };
  })();
  return fixture;
}

/** On-screen alpha at the centre of the block of class CLASS. */
function alphaOfClass(seg: RrSegmentation): number {
  const canvas = seg.shadowRoot!.querySelector('canvas')!;
  const at = Math.floor((32 / SIZE) * canvas.width);
  return canvasPixel(canvas, at, at)[3]!;
}

/** Both sides draw with the library's one WebGL2 context: wait for the GPU there. */
const drain = () => drainContext(getRenderer().gl);

export default defineCase({
  name,
  notes,
  warmup: 2,
  repeats: 10,
  baseline: async () => {
    const { seg } = await mount();
    let frames = 0;
    return {
      async run() {
        frames = getRenderer().stats.frames;
        seg.resetView();
        await seg.renderComplete();
      },
      drain,
      verify() {
        if (getRenderer().stats.frames === frames) throw new Error('the view was not redrawn');
        // The same check as the candidate's (a pixel read back), on a class that stays.
        if (visible && alphaOfClass(seg) === 0) throw new Error(`class ${CLASS} should be drawn`);
      },
    };
  },
  candidate: async () => {
    const { ctx, seg } = await mount();
    return {
      async run() {
        visible = !visible;
        classStateFor(ctx.recording, '/').setVisible(CLASS, visible);
        await seg.renderComplete();
      },
      drain,
      verify() {
        const alpha = alphaOfClass(seg);
        if ((alpha === 0) === visible)
          throw new Error(
            `class ${CLASS} should be ${visible ? 'visible' : 'hidden'}, alpha ${alpha}`,
          );
      },
      dispose: () => void fixture?.then(({ ctx }) => ctx.remove()),
    };
  },
});

/**
 * Scrubbing: stepping an `<rr-timeline>` through all 200 frames of a 640×480 RGB recording,
 * each frame drawn and handed to the view's canvas (`renderComplete()`) before the next step.
 * Frames per second = 200 / (candidate s). Neither side waits for the display between frames:
 * both draw as fast as they can, and the harness waits for the GPU after the last frame.
 *
 * baseline: a minimal WebGL2 program drawing the same 200 frames (texImage2D RGB8 + quad) in a
 *           canvas of the same CSS size; fair: the same with texSubImage2D into kept storage.
 *           Neither waits for the GPU after each frame (a 1-px readPixels per frame would charge
 *           the baseline a GPU round trip per frame that the candidate does not pay); each side
 *           waits after the last on its own context.
 */
import { createRgbU8Baseline } from '../baseline-webgl.js';
import { defineCase } from '../harness.js';
import { libraryDrain } from '../fixtures/library-drain.js';
import { allFrames, frameRecording, HEIGHT, WIDTH } from '../fixtures/frames-640.js';
import type { RrContext } from '../../src/elements/rr-context/rr-context.js';
import type { RrImage } from '../../src/elements/rr-image/rr-image.js';
import type { RrTimeline } from '../../src/elements/rr-timeline/rr-timeline.js';

export const name = 'scrub 200 frames of 640×480 RGB with <rr-timeline> (each drawn)';
export const notes =
  'frames/s = 200 / candidate s; baseline: minimal WebGL2 upload + draw of the same frames; fair: texSubImage2D into kept storage';

export default defineCase({
  name,
  notes,
  warmup: 1,
  repeats: 5,
  baseline({ stage }) {
    const gl = createRgbU8Baseline(stage, WIDTH, HEIGHT, 640, 480);
    const frames = allFrames();
    return {
      run() {
        for (const f of frames) gl.show(f, false);
      },
      drain: () => gl.drain(),
      dispose: () => gl.dispose(),
    };
  },
  fair({ stage }) {
    const gl = createRgbU8Baseline(stage, WIDTH, HEIGHT, 640, 480, true);
    const frames = allFrames();
    return {
      run() {
        for (const f of frames) gl.show(f, false);
      },
      drain: () => gl.drain(),
      dispose: () => gl.dispose(),
    };
  },
  async candidate({ stage, loadElements, entry }) {
    await loadElements();
    const ctx = document.createElement('rr-context') as RrContext;
    const image = document.createElement('rr-image') as RrImage;
    image.entity = 'video';
    image.style.cssText = 'display:block;width:640px;height:480px';
    const timeline = document.createElement('rr-timeline') as RrTimeline;
    ctx.append(image, timeline);
    stage.append(ctx);
    ctx.recording.logRows(
      frameRecording()
        .exportRows()
        .map((r) => ({
          entity: r.entity,
          components: Object.fromEntries(r.components),
          static: r.static,
          time: r.static ? undefined : Object.fromEntries(r.times),
        })),
    );
    await image.renderComplete();
    return {
      async run() {
        ctx.setTime('frame', 0);
        await image.renderComplete();
        for (let t = 1; t < 200; t++) {
          timeline.stepForward();
          await image.renderComplete();
        }
        if (ctx.recording.time !== 199n)
          throw new Error(`expected to end at frame 199, got ${ctx.recording.time}`);
      },
      // The library's one WebGL2 context draws every view: wait for the GPU there.
      drain: await libraryDrain(entry),
      dispose: () => ctx.remove(),
    };
  },
});

/**
 * Toggling one class of a 4096×4096 U16 mask with 1000 classes: time until the view shows the
 * next correct frame (the class's pixels gone, or back).
 *
 * candidate: the legend's way, through the shared class state: only the 256×4 lookup table is
 *            rewritten (4 KiB), the 32 MiB id texture stays on the GPU.
 * baseline:  re-uploading the mask: a new row with the same ids (alternating between two
 *            identical buffers so every repetition is a new row), as a viewer without a lookup
 *            texture would have to do to recolour.
 * Timed: until the next frame is drawn (GPU done, a 1-px readPixels on the library's context).
 * After it, untimed, each repetition checks the frame it waited for (a screen pixel read back),
 * so a wrong or stale frame fails the case without its readback counting as drawing time.
 */
import { defineCase, drainContext } from '../harness.js';
import { getRenderer } from '../../src/render/renderer.js';
import { classStateFor } from '../../src/store/class-state.js';
import type { RrContext } from '../../src/elements/rr-context/rr-context.js';
import type { RrSegmentation } from '../../src/elements/rr-segmentation/rr-segmentation.js';
import { maskIds, mountMask, SIZE, screenPixelOfClass } from '../fixtures/segmentation-mask.js';

export const name = 'segmentation: toggle one class of a 4096² U16 mask with 1000 classes';
export const notes =
  'time to the next correct frame; candidate rewrites the lookup table only, baseline re-uploads the mask';

const CLASS = 421;
let fixture: Promise<{ ctx: RrContext; seg: RrSegmentation }> | undefined;
let copies: [Uint16Array, Uint16Array] | undefined;
let visible = true;
let flip = 0;

async function ready(): Promise<{ ctx: RrContext; seg: RrSegmentation }> {
  fixture ??= mountMask();
  return fixture;
}

export async function candidate(): Promise<void> {
  const { ctx, seg } = await ready();
  visible = !visible;
  classStateFor(ctx.recording, '/').setVisible(CLASS, visible);
  await seg.renderComplete();
}

/** Untimed: the toggled class shows as it should. */
export async function verifyCandidate(): Promise<void> {
  const { seg } = await ready();
  const alpha = screenPixelOfClass(seg, CLASS)[3];
  if ((alpha === 0) === visible)
    throw new Error(`class ${CLASS} should be ${visible ? 'visible' : 'hidden'}, alpha ${alpha}`);
}

let uploadsBefore = 0;

export async function baseline(): Promise<void> {
  const { seg } = await ready();
  copies ??= [maskIds().slice(), maskIds().slice()];
  uploadsBefore = seg.segmentationLayer!.drawable.idUploads;
  seg.data = { data: copies[flip++ % 2]!, shape: [SIZE, SIZE] };
  await seg.renderComplete();
}

/** Untimed: the mask went to the GPU again and the class shows as it should. */
export async function verifyBaseline(): Promise<void> {
  const { seg } = await ready();
  if (seg.segmentationLayer!.drawable.idUploads === uploadsBefore)
    throw new Error('the mask was not re-uploaded');
  if (screenPixelOfClass(seg, CLASS)[3] === 0 && visible)
    throw new Error(`class ${CLASS} should be visible`);
}

/** Both sides draw with the library's one WebGL2 context: wait for the GPU there. */
const drain = () => drainContext(getRenderer().gl);

export default defineCase({
  name,
  notes,
  warmup: 2,
  repeats: 10,
  baseline: () => ({ run: baseline, drain, verify: verifyBaseline }),
  candidate: () => ({ run: candidate, drain, verify: verifyCandidate }),
});

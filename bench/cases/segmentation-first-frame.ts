/**
 * Time to first frame of a 4096×4096 U16 mask with 1000 annotated classes: from creating the
 * `<rr-segmentation>` to the first correct frame on screen (log, id planning, upload, table,
 * draw).
 *
 * baseline: the same path for an `<rr-image>` of the same size (4096×4096 L U8, gray), the
 *           plainest image the library shows; the ratio tells what segmentation adds (2-byte
 *           ids, the max-id scan, the colour table).
 * Timed: until the frame is drawn (GPU done). After it, untimed, a screen pixel is read back and
 * checked (a wrong frame fails the case) and the element removed.
 */
import { defineCase } from '../harness.js';
import { canvasPixel } from '../fixtures/canvas-pixel.js';
import '../../src/index.js';
import { mountMask, screenPixelOfClass, SIZE } from '../fixtures/segmentation-mask.js';

export const name = 'segmentation: time to first frame of a 4096² U16 mask with 1000 classes';
export const notes = 'baseline is an <rr-image> of the same size (L U8)';

let gray: Uint8Array | undefined;
/** What the last repetition mounted: checked and removed by `verify`, untimed. */
let mounted: { ctx: HTMLElement; check(): void } | undefined;

export async function candidate(): Promise<void> {
  const { ctx, seg } = await mountMask();
  mounted = {
    ctx,
    check() {
      const alpha = screenPixelOfClass(seg, 421)[3];
      if (alpha !== 255) throw new Error(`expected class 421 drawn opaque, got alpha ${alpha}`);
    },
  };
}

export async function baseline(): Promise<void> {
  gray ??= new Uint8Array(SIZE * SIZE).map((_, i) => i % 251);
  const ctx = document.createElement('rr-context');
  const image = document.createElement('rr-image');
  image.entity = 'gray';
  image.style.width = '512px';
  ctx.append(image);
  document.body.append(ctx);
  image.format = { width: SIZE, height: SIZE };
  image.buffer = gray;
  await image.renderComplete();
  mounted = {
    ctx,
    check() {
      const canvas = image.shadowRoot!.querySelector('canvas')!;
      const alpha = canvasPixel(canvas, 10, 10)[3];
      if (alpha !== 255) throw new Error(`expected an opaque gray image, got alpha ${alpha}`);
    },
  };
}

/** Untimed: checks the frame the last repetition drew, then removes its element. */
export function verify(): void {
  const last = mounted;
  mounted = undefined;
  try {
    last?.check();
  } finally {
    last?.ctx.remove();
  }
}

export default defineCase({
  name,
  notes,
  warmup: 2,
  repeats: 10,
  baseline: () => ({ run: baseline, verify }),
  candidate: () => ({ run: candidate, verify }),
});

/**
 * Shared fixture of the segmentation benchmark cases: a 4096×4096 U16 mask with 1000 classes
 * (a 32×32 grid of 128×128 blocks, block i holding class i % 1000) and a context naming and
 * colouring all 1000 classes, shown by a standalone `<rr-segmentation>` 512 CSS px wide.
 */
import '../../src/index.js';
import type { RrContext } from '../../src/elements/rr-context/rr-context.js';
import type { RrSegmentation } from '../../src/elements/rr-segmentation/rr-segmentation.js';

export const SIZE = 4096;
export const BLOCK = 128;
export const CLASSES = 1000;

/** The mask, built once. */
let mask: Uint16Array | undefined;
export function maskIds(): Uint16Array {
  if (!mask) {
    mask = new Uint16Array(SIZE * SIZE);
    const perRow = SIZE / BLOCK;
    for (let y = 0; y < SIZE; y++) {
      const row = Math.floor(y / BLOCK) * perRow;
      for (let x = 0; x < SIZE; x++) mask[y * SIZE + x] = (row + Math.floor(x / BLOCK)) % CLASSES;
    }
  }
  return mask;
}

/** 1000 classes with labels and colours (class 0 transparent). */
export function context(): unknown[] {
  return Array.from({ length: CLASSES }, (_, i) =>
    i === 0 ? [0, 'background', [0, 0, 0, 0]] : [i, `class ${i}`, [(i * 53) % 256, (i * 97) % 256, (i * 193) % 256]],
  );
}

/** A mounted context + standalone segmentation element showing the mask. */
export async function mountMask(): Promise<{ ctx: RrContext; seg: RrSegmentation }> {
  const ctx = document.createElement('rr-context');
  ctx.recording.log('/', { archetype: 'AnnotationContext', context: context() });
  const seg = document.createElement('rr-segmentation');
  seg.entity = 'mask';
  seg.style.width = '512px';
  ctx.append(seg);
  document.body.append(ctx);
  seg.data = { data: maskIds(), shape: [SIZE, SIZE] };
  await seg.renderComplete();
  return { ctx, seg };
}

/** The on-screen RGBA of the centre of class `id`'s first block. */
export function screenPixelOfClass(seg: RrSegmentation, id: number): Uint8ClampedArray {
  const canvas = seg.shadowRoot!.querySelector('canvas')!;
  const perRow = SIZE / BLOCK;
  const cx = ((id % perRow) + 0.5) * BLOCK;
  const cy = (Math.floor(id / perRow) + 0.5) * BLOCK;
  const x = Math.floor((cx / SIZE) * canvas.width);
  const y = Math.floor((cy / SIZE) * canvas.height);
  return canvas.getContext('2d')!.getImageData(x, y, 1, 1).data;
}

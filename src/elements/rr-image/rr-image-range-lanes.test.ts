import { expect } from '@open-wc/testing';
import '../../index.js';
import { bytesOf, showImage } from '../../../test/helpers/image-data.js';
import { expectImage } from '../../../test/helpers/pixels.js';

// U16 images whose width is a multiple of 8 go to the GPU eight samples a texel (RGBA32UI over
// the same bytes): the range reduction and the draw both pick a sample out of its texel. These
// tests put the minimum and the maximum in every one of the eight places, with the reduction's
// blocks tiling the texture exactly (256 × 16: no edge clamp) or not (64 × 12), and check the
// drawn bytes: a lane read wrong or a block missed shows another range (other bytes).

/** Every sample at 20 % of [300, 1300], the minimum and maximum where given. */
function frame(w: number, h: number, min: [number, number], max: [number, number]): number[] {
  const v = new Array<number>(w * h).fill(500);
  v[min[1] * w + min[0]] = 300;
  v[max[1] * w + max[0]] = 1300;
  return v;
}

/** Rerun's picture of a U16 frame outside [0, 255]: t = (v − min) / (max − min) as a byte. */
function expected(v: readonly number[], w: number, lo: number, hi: number) {
  return (x: number, y: number): [number, number, number, number] => {
    const g = Math.round((255 * (v[y * w + x]! - lo)) / (hi - lo));
    return [g, g, g, 255];
  };
}

describe('<rr-image> U16 range, eight samples a texel', () => {
  it('finds the minimum and the maximum in each of the eight samples of a texel, in blocks that tile the texture exactly or not', async () => {
    for (const [w, h] of [
      [256, 16],
      [64, 12],
    ] as const) {
      for (let lane = 0; lane < 8; lane++) {
        // The minimum in lane `lane` of a texel in the last block, the maximum in another lane.
        const min: [number, number] = [w - 8 + lane, h - 1];
        const max: [number, number] = [8 + ((lane + 3) % 8), 2];
        const v = frame(w, h, min, max);
        const el = await showImage(bytesOf('U16', v), {
          width: w,
          height: h,
          channelDatatype: 'U16',
        });
        const shot = await el.snapshot();
        expect([shot.width, shot.height]).to.deep.equal([w, h]);
        expectImage(shot, expected(v, w, 300, 1300), 0);
        el.remove();
      }
    }
  });

  it('draws the new range of each new frame of the same size', async () => {
    const [w, h] = [64, 8];
    const el = await showImage(bytesOf('U16', frame(w, h, [3, 1], [60, 7])), {
      width: w,
      height: h,
      channelDatatype: 'U16',
    });
    for (const [lo, hi, at] of [
      [1000, 60000, 5],
      [256, 257, 62],
      [40000, 40001, 0],
    ] as const) {
      const v = new Array<number>(w * h).fill(lo);
      v[4 * w + at] = hi;
      el.buffer = bytesOf('U16', v);
      const shot = await el.snapshot();
      expectImage(shot, expected(v, w, lo, hi), 0);
    }
    el.remove();
  });

  it('reads samples whose bytes are not 4-byte aligned (four samples a texel then) the same', async () => {
    const [w, h] = [64, 10];
    const v = frame(w, h, [17, 9], [46, 0]);
    const bytes = bytesOf('U16', v);
    // The same samples two bytes into a larger buffer.
    const shifted = new Uint8Array(bytes.byteLength + 2);
    shifted.set(bytes, 2);
    const el = await showImage(shifted.subarray(2), {
      width: w,
      height: h,
      channelDatatype: 'U16',
    });
    expectImage(await el.snapshot(), expected(v, w, 300, 1300), 0);
    el.remove();
  });

  it('minifies 2:1 with nearest texels from the eight-sample texels (the texel under each pixel centre: odd columns and rows)', async () => {
    const [w, h] = [128, 16];
    let seed = 9;
    const v = Array.from({ length: w * h }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return 300 + ((seed >>> 16) % 1001);
    });
    v[5] = 300;
    v[w * h - 3] = 1300;
    const el = await showImage(bytesOf('U16', v), { width: w, height: h, channelDatatype: 'U16' });
    const shot = await el.snapshot({ scale: 0.5 });
    expect([shot.width, shot.height]).to.deep.equal([w / 2, h / 2]);
    const full = expected(v, w, 300, 1300);
    // One level for t at a byte's rounding edge (the shader's f32 against these f64 values).
    expectImage(shot, (x, y) => full(2 * x + 1, 2 * y + 1), 1);
    el.remove();
  });

  it('finds the range of I8, I16, F16 and F32 frames (four samples a texel) in blocks that tile the texture exactly, NaN and ±inf ignored', async () => {
    // 128 × 16: 32 texels of four a row, two 16 × 8 blocks each way, no edge to clamp.
    const [w, h] = [128, 16];
    const ranges = { I8: [-100, 120], I16: [-900, 1300], F16: [300, 1300], F32: [300, 1300] };
    for (const dt of ['I8', 'I16', 'F16', 'F32'] as const) {
      const [lo, hi] = ranges[dt];
      for (let lane = 0; lane < 4; lane++) {
        const v = new Array<number>(w * h).fill(lo + 0.2 * (hi - lo));
        v[(h - 1) * w + w - 4 + lane] = lo;
        v[9 * w + 64 + ((lane + 1) % 4)] = hi;
        if (dt === 'F16' || dt === 'F32') {
          v[lane] = NaN;
          v[w + 4 + lane] = Infinity;
          v[(h - 2) * w + w - 8 + lane] = -Infinity;
        }
        const el = await showImage(bytesOf(dt, v), { width: w, height: h, channelDatatype: dt });
        const shot = await el.snapshot();
        const gray = (x: number, y: number) => [
          ...shot.data.subarray((y * w + x) * 4, (y * w + x) * 4 + 3),
        ];
        const label = `${dt}, lane ${lane}`;
        expect(gray(w - 4 + lane, h - 1), label).to.deep.equal([0, 0, 0]);
        expect(gray(30, 5), label).to.deep.equal([51, 51, 51]);
        expect(gray(64 + ((lane + 1) % 4), 9), label).to.deep.equal([255, 255, 255]);
        el.remove();
      }
    }
  });
});

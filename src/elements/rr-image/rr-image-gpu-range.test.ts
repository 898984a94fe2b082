import { expect } from '@open-wc/testing';
import '../../index.js';
import { loseAndRestoreContext } from '../../../test/helpers/webgl.js';
import { bytesOf, showImage } from '../../../test/helpers/image-data.js';
import { expectImage } from '../../../test/helpers/pixels.js';

const W = 48;
const H = 20;

/** Every sample at 20 % of [lo, hi], the minimum at (7, 3), the maximum at the last pixel. */
function frame(lo: number, hi: number): number[] {
  const v = new Array<number>(W * H).fill(lo + 0.2 * (hi - lo));
  v[3 * W + 7] = lo;
  v[W * H - 1] = hi;
  return v;
}

function grayAt(image: ImageData, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return [...image.data.subarray(i, i + 4)];
}

describe('<rr-image> range heuristic from the GPU reduction', () => {
  it('keeps the exact range of U16 and F32 frames through a context loss, and follows new frames after it', async () => {
    for (const dt of ['U16', 'F32'] as const) {
      const el = await showImage(bytesOf(dt, frame(300, 1300)), {
        width: W,
        height: H,
        channelDatatype: dt,
      });
      // Outside [0, 255]: t through the gray map, byte 255·t (0 at the minimum, 51 at 20 %).
      const check = async (label: string) => {
        const shot = await el.snapshot();
        expect(grayAt(shot, 7, 3), label).to.deep.equal([0, 0, 0, 255]);
        expect(grayAt(shot, 20, 10), label).to.deep.equal([51, 51, 51, 255]);
        expect(grayAt(shot, W - 1, H - 1), label).to.deep.equal([255, 255, 255, 255]);
      };
      await check(`${dt} before the loss`);
      await loseAndRestoreContext();
      await check(`${dt} after the restore`);
      // A new frame of the same format with another range: the reduction runs again.
      el.buffer = bytesOf(dt, frame(2000, 9000));
      await check(`${dt} new frame after the restore`);
      el.buffer = bytesOf(dt, frame(100, 60000));
      await check(`${dt} second new frame after the restore`);
      el.remove();
    }
  });

  it('finds the minimum and maximum in each of the four samples a texel holds (widths that are a multiple of 4), NaN and ±inf ignored', async () => {
    const ranges = {
      I8: [-100, 120],
      U16: [300, 1300],
      I16: [-900, 1300],
      F16: [300, 1300],
      F32: [300, 1300],
    } as const;
    for (const dt of ['I8', 'U16', 'I16', 'F16', 'F32'] as const) {
      const [lo, hi] = ranges[dt];
      for (let lane = 0; lane < 4; lane++) {
        const v = new Array<number>(W * H).fill(lo + 0.2 * (hi - lo));
        const min = [5, 4 + lane] as const;
        const max = [11, 16 + ((lane + 2) % 4)] as const;
        v[min[0] * W + min[1]] = lo;
        v[max[0] * W + max[1]] = hi;
        if (dt === 'F16' || dt === 'F32') {
          v[2 * W + lane] = NaN;
          v[3 * W + 8 + lane] = Infinity;
          v[4 * W + 12 + lane] = -Infinity;
        }
        const el = await showImage(bytesOf(dt, v), { width: W, height: H, channelDatatype: dt });
        const shot = await el.snapshot();
        const label = `${dt}, lane ${lane}`;
        expect(grayAt(shot, min[1], min[0]), label).to.deep.equal([0, 0, 0, 255]);
        expect(grayAt(shot, 30, 15), label).to.deep.equal([51, 51, 51, 255]);
        expect(grayAt(shot, max[1], max[0]), label).to.deep.equal([255, 255, 255, 255]);
        el.remove();
      }
    }
  });

  it('minifies 2:1 with a linear filter as the mean of each 2×2 block in linear light, four samples a texel or one (odd height: the last row clamped)', async () => {
    for (const [w, h] of [
      [48, 21],
      [46, 21],
    ]) {
      for (const dt of ['U16', 'F32'] as const) {
        let seed = 3;
        const v = Array.from({ length: w * h }, () => {
          seed = (seed * 1103515245 + 12345) >>> 0;
          return 300 + ((seed >>> 16) % 1001);
        });
        v[0] = 300;
        v[w * h - 1] = 1300;
        const el = await showImage(bytesOf(dt, v), { width: w, height: h, channelDatatype: dt });
        // Colour-mapped images minify with nearest unless their filter is linear (SPEC §2.6).
        el.setAttribute('magnification-filter', 'linear');
        const shot = await el.snapshot({ scale: 0.5 });
        expect([shot.width, shot.height]).to.deep.equal([w / 2, Math.ceil(h / 2)]);
        // Filtered values, then the gray map (sRGB t): byte 255 · mean t, t = (v − 300) / 1000.
        const tap = (x: number, y: number) => (v[y * w + x]! - 300) / 1000;
        expectImage(
          shot,
          (x, y) => {
            const y1 = Math.min(2 * y + 1, h - 1);
            const mean =
              (tap(2 * x, 2 * y) + tap(2 * x + 1, 2 * y) + tap(2 * x, y1) + tap(2 * x + 1, y1)) / 4;
            const g = Math.round(255 * mean);
            return [g, g, g, 255];
          },
          1,
        );
        el.remove();
      }
    }
  });
});

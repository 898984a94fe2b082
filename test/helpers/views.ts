// Many views of small RGB pictures (many-views and shared-canvas tests): view v shows entity
// `cam/v`, whose pixel (x, y) at time t is `viewColor(v, t, x, y)`.
import type { RrContext } from '../../src/elements/rr-context/rr-context.js';
import { rgbImage } from './fixtures.js';

/** Pixel (x, y) of view `v` at time `t`: every view, time and pixel differs. */
export function viewColor(
  v: number,
  t: number,
  x: number,
  y: number,
): [number, number, number, number] {
  return [(v * 10 + x * 40) & 255, (t * 120 + y * 50) & 255, (255 - v * 9) & 255, 255];
}

/** Logs `times` frames of a width × height picture for each of `views` entities; time at 0. */
export function logViewFrames(
  ctx: RrContext,
  views: number,
  width: number,
  height: number,
  times = 2,
): void {
  for (let t = 0; t < times; t++) {
    for (let v = 0; v < views; v++) {
      ctx.recording.log(
        `cam/${v}`,
        {
          archetype: 'Image',
          buffer: rgbImage(width, height, (x, y) => viewColor(v, t, x, y)),
          format: { width, height, colorModel: 'RGB', channelDatatype: 'U8' },
        },
        { time: { frame: t } },
      );
    }
  }
  ctx.setTime('frame', 0);
}

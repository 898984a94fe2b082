/** Rerun's documented time scenes (SPEC §9), made in code. */
import type { Recording } from '../../src/store/recording.js';
import { rgbImage } from './fixtures.js';
import { expectImage } from './pixels.js';

export const FRAMES = 20;
export const SCENE_FORMAT = {
  width: 300,
  height: 200,
  colorModel: 'RGB',
  channelDatatype: 'U8',
} as const;

function inRect(x: number, y: number, t: number): boolean {
  return y >= 50 && y < 150 && x >= 10 * t && x < 10 * t + 100;
}

/** Frame t of image_row_updates / image_column_updates: blue, cyan 100×100 at rows 50–149, cols 10t…10t+99. */
export function sceneFrame(t: number): Uint8Array {
  return rgbImage(300, 200, (x, y) => (inRect(x, y, t) ? [0, 255, 255] : [0, 0, 255]));
}

/** Expected colour of frame t at (x, y). */
export function sceneColor(t: number): (x: number, y: number) => [number, number, number, number] {
  return (x, y) => (inRect(x, y, t) ? [0, 255, 255, 255] : [0, 0, 255, 255]);
}

/** Asserts a snapshot is exactly frame t. */
export function expectFrame(shot: ImageData, t: number): void {
  if (shot.width !== 300 || shot.height !== 200)
    throw new Error(`expected a 300×200 frame, got ${shot.width}×${shot.height}`);
  expectImage(shot, sceneColor(t));
}

/** image_row_updates: `rr.log("image", rr.Image(img))` per t on sequence timeline `time`. */
export function logRowUpdates(recording: Recording, entity = 'image'): void {
  for (let t = 0; t < FRAMES; t++) {
    recording.log(
      entity,
      { archetype: 'Image', buffer: sceneFrame(t), format: SCENE_FORMAT },
      { time: { time: t } },
    );
  }
}

/** image_column_updates: a static format, then one `send_columns` of 20 buffers on `step`. */
export function logColumnUpdates(recording: Recording, entity = 'images'): void {
  recording.log(entity, { archetype: 'Image', format: SCENE_FORMAT }, { static: true });
  const all = new Uint8Array(FRAMES * 300 * 200 * 3);
  for (let t = 0; t < FRAMES; t++) all.set(sceneFrame(t), t * 300 * 200 * 3);
  recording.sendColumns(
    entity,
    { step: Array.from({ length: FRAMES }, (_, t) => t) },
    { archetype: 'Image', buffer: all },
  );
}

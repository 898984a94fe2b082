/**
 * Loading a 200-frame 640×480 RGB U8 recording (176 MiB of pixels) from an `.rrd` file written
 * by `recording.toRrd()` (LZ4, as Rerun's file sinks write): frame walk, protobuf, LZ4 block
 * decompression, Arrow IPC per chunk, rows into a fresh Recording.
 * MB/s = 184.32 MB / candidate seconds.
 *
 * baseline: copying the same 184 MB of image bytes once (the least any loader must do).
 */
import { defineCase } from '../harness.js';
import { readRrd } from '../../src/io/rrd.js';
import { Recording } from '../../src/store/recording.js';
import { copyImageBytes, frameRecording, TOTAL_BYTES } from '../fixtures/frames-640.js';

export const name = 'load a 200-frame 640×480 RGB recording from .rrd (LZ4)';
export const notes = `${(TOTAL_BYTES / 1e6).toFixed(2)} MB of pixels; MB/s = that / candidate s; baseline: one copy of those bytes`;

let bytes: Uint8Array | undefined;

async function file(): Promise<Uint8Array> {
  return (bytes ??= await frameRecording().toRrd({ compression: 'lz4' }));
}

export async function candidate(): Promise<void> {
  const contents = await readRrd(await file(), 'bench.rrd');
  const rec = new Recording();
  rec.logRows(contents.rows);
  if (rec.times('frame').length !== 200)
    throw new Error(`expected 200 frames, got ${rec.times('frame').length}`);
}

export async function baseline(): Promise<void> {
  copyImageBytes();
}

export default defineCase({
  name,
  notes,
  warmup: 1,
  repeats: 5,
  async baseline() {
    await file();
    return { run: baseline };
  },
  async candidate() {
    await file();
    return { run: candidate };
  },
});

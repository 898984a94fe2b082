/**
 * Loading a 200-frame 640×480 RGB U8 recording (176 MiB of pixels) from an `.rrd` file written
 * by `toRrd(recording)` (LZ4, as Rerun's file sinks write): frame walk, protobuf, LZ4 block
 * decompression, Arrow IPC per chunk, rows into a fresh Recording.
 * MB/s = 184.32 MB / candidate seconds.
 *
 * baseline: copying the same 184 MB of image bytes once (the least any loader must do).
 */
import { readRrd } from '../../src/io/rrd.js';
import { toRrd } from '../../src/io/to-rrd.js';
import { frameRecording, loadCase } from '../fixtures/frames-640.js';

export const name = 'load a 200-frame 640×480 RGB recording from .rrd (LZ4)';

let bytes: Uint8Array | undefined;

async function file(): Promise<Uint8Array> {
  return (bytes ??= await toRrd(frameRecording(), { compression: 'lz4' }));
}

export default loadCase(name, file, async (bytes) => (await readRrd(bytes, 'bench.rrd')).rows);

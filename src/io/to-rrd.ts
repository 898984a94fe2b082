/**
 * `toRrd(recording)`: the `.rrd` writer behind a lazy import, so that neither the writer nor
 * apache-arrow costs the main bundle anything until a file is written.
 */
import type { Recording } from '../store/recording.js';
import type { RrdWriteOptions } from './rrd-write.js';

export type { RrdWriteOptions };

/**
 * Writes what the recording holds as a Rerun `.rrd` file (RRF2, one Arrow chunk per entity
 * and timeline set) that Rerun's viewer opens. Loads apache-arrow on first use.
 */
export async function toRrd(
  recording: Recording,
  options: RrdWriteOptions = {},
): Promise<Uint8Array> {
  const { writeRrd } = await import('./rrd-write.js');
  return writeRrd(recording, options);
}

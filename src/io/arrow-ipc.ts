/** Arrow IPC bytes (file or stream format) → a table, checked against the bytes there are. */
import type * as Arrow from 'apache-arrow';
import { ArrowLayoutError, isArrowTable, loadArrow, type ArrowTableLike } from './arrow.js';
import { checkIpcFile, checkIpcStreamBytes } from './arrow-ipc-check.js';

/** Which Arrow IPC format bytes hold, by their magic: the file format starts with `ARROW1`. */
export function arrowIpcKind(bytes: Uint8Array): 'file' | 'stream' | undefined {
  const magic = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];
  if (magic.every((b, i) => bytes[i] === b)) return 'file';
  // A stream starts with a schema message: the 0xFFFFFFFF continuation marker (or, before
  // Arrow 0.15, directly with a positive int32 length).
  if (
    bytes.length >= 8 &&
    bytes[0] === 0xff &&
    bytes[1] === 0xff &&
    bytes[2] === 0xff &&
    bytes[3] === 0xff
  )
    return 'stream';
  return undefined;
}

/**
 * Checks an Arrow IPC *stream* against the bytes there are (see `arrow-ipc-check.ts`) before
 * apache-arrow reads it. Returns the number of record batches.
 */
export async function checkIpcStream(
  bytes: Uint8Array,
  source: string,
  options?: { schemaFirst?: boolean },
): Promise<number> {
  try {
    return checkIpcStreamBytes(bytes, options);
  } catch (error) {
    throw new ArrowLayoutError(
      `${source}: expected an Arrow IPC stream, got ${(error as Error).message}`,
    );
  }
}

/** Checks an Arrow IPC file's footer and the messages its blocks point at; returns the stream part. */
function fileStream(bytes: Uint8Array, source: string): Uint8Array {
  const n = bytes.length;
  const magicAtEnd =
    n >= 18 && [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31].every((b, i) => bytes[n - 6 + i] === b);
  if (!magicAtEnd)
    throw new ArrowLayoutError(
      `${source}: expected an Arrow IPC file ending in "ARROW1", got ${n} bytes without it (truncated file?)`,
    );
  const footer = new DataView(bytes.buffer, bytes.byteOffset, n).getInt32(n - 10, true);
  if (footer < 0 || footer > n - 18)
    throw new ArrowLayoutError(
      `${source}: expected an Arrow IPC file footer of at most ${n - 18} bytes, got ${footer}`,
    );
  try {
    checkIpcFile(bytes, n - 10 - footer, footer);
  } catch (error) {
    throw new ArrowLayoutError(
      `${source}: expected an Arrow IPC file footer, got ${(error as Error).message}`,
    );
  }
  return bytes.subarray(8, n - 10 - footer);
}

/** Parses Arrow IPC bytes (file or stream format) into a table; clear errors for bad bytes. */
export async function tableFromIpcBytes(
  bytes: Uint8Array,
  source = 'Arrow IPC data',
): Promise<ArrowTableLike> {
  const arrow = await loadArrow();
  // The file format wraps a stream between its 8-byte magic and its footer (flatbuffer footer,
  // its int32 length and the 6-byte magic).
  if (arrowIpcKind(bytes) === 'stream') await checkIpcStream(bytes, source);
  else fileStream(bytes, source);
  let table: Arrow.Table;
  try {
    table = arrow.tableFromIPC(bytes);
  } catch (error) {
    throw new ArrowLayoutError(
      `${source}: expected Arrow IPC data, got bytes Arrow cannot read (${(error as Error).message})`,
    );
  }
  // apache-arrow's Table is wider than the structural type the readers take; the guard checks
  // the parts they use.
  if (!isArrowTable(table)) {
    throw new ArrowLayoutError(`${source}: expected Arrow IPC data, got no readable table`);
  }
  return table;
}

/**
 * Reading Rerun `.rrd` files (SPEC §8.3): the RRF2 stream header, 16-byte message frames, the
 * protobuf messages SetStoreInfo / ArrowMsg / BlueprintActivationCommand / End, LZ4 block
 * payloads, and one Arrow IPC stream per chunk in the sorbet chunk layout (SPEC §8.1).
 *
 * The whole file is parsed before anything is returned, so a corrupt or truncated file is
 * rejected with a message and nothing of it is half-loaded.
 *
 * Protobuf: `@bufbuild/protobuf`'s wire-level BinaryReader/BinaryWriter (no generated code):
 * five small messages are read field by field, which keeps Rerun's `.proto` field numbers
 * visible here instead of in a generated module many times this size.
 */
import { BinaryReader, WireType } from './vendor/protobuf-wire.js';
import type { BatchRow } from '../store/recording.js';
import type * as Arrow from 'apache-arrow';
import { ArrowLayoutError, isArrowTable, loadArrow } from './arrow.js';
import { checkImageRows, checkTableSizes } from './arrow-checks.js';
import { chunkToRows, type ChunkRow } from './arrow-chunk.js';
import { checkIpcStream } from './arrow-ipc.js';
import { lz4DecompressBlock } from './lz4.js';

/** Raised for bytes that are not a readable `.rrd` file. */
export class RrdError extends Error {
  override name = 'RrdError';
}

/** Message kinds of the frame header (`re_log_encoding::rrd::MessageKind`). */
export const MessageKind = {
  End: 0,
  SetStoreInfo: 1,
  ArrowMsg: 2,
  BlueprintActivationCommand: 3,
} as const;
/** `rerun.common.v1alpha1.StoreKind`. */
export const StoreKind = { Unspecified: 0, Recording: 1, Blueprint: 2 } as const;
/** `rerun.common.v1alpha1.Compression`. */
export const Compression = { Unspecified: 0, None: 1, LZ4: 2 } as const;
/** `rerun.log_msg.v1alpha1.Encoding`. */
export const Encoding = { Unspecified: 0, ArrowIpc: 1 } as const;

export const RRD_HEADER_SIZE = 12;
export const FRAME_HEADER_SIZE = 16;

/** `StoreId`: kind (1), recording_id (2), application_id (3: ApplicationId{id (1)}). */
export interface StoreId {
  kind: number;
  recordingId: string;
  applicationId?: string;
}

/** What a file holds, parsed. */
export interface RrdContents {
  /** Version written in the stream header, e.g. `0.33.0`. */
  version: string;
  /** Every store the file mentions, in order of appearance. */
  stores: StoreId[];
  /** The recording store whose data `rows` holds (the first one in the file). */
  recording: StoreId | undefined;
  /** Rows of that recording, ordered by RowId (so ties resolve as in Rerun). */
  rows: BatchRow[];
  /** Number of chunks read for the recording. */
  chunks: number;
}

function readApplicationId(bytes: Uint8Array): string {
  const r = new BinaryReader(bytes);
  let id = '';
  while (r.pos < r.len) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WireType.LengthDelimited) id = r.string();
    else r.skip(wire);
  }
  return id;
}

function readStoreId(bytes: Uint8Array): StoreId {
  const r = new BinaryReader(bytes);
  const id: StoreId = { kind: 0, recordingId: '' };
  while (r.pos < r.len) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WireType.Varint) id.kind = r.int32();
    else if (field === 2 && wire === WireType.LengthDelimited) id.recordingId = r.string();
    else if (field === 3 && wire === WireType.LengthDelimited)
      id.applicationId = readApplicationId(r.bytes());
    else r.skip(wire);
  }
  return id;
}

/** SetStoreInfo: row_id (1), info (2: StoreInfo{application_id (1), store_id (2), …}). */
function readSetStoreInfo(bytes: Uint8Array): StoreId | undefined {
  const r = new BinaryReader(bytes);
  let store: StoreId | undefined;
  while (r.pos < r.len) {
    const [field, wire] = r.tag();
    if (field === 2 && wire === WireType.LengthDelimited) {
      const info = new BinaryReader(r.bytes());
      let legacyApp: string | undefined;
      while (info.pos < info.len) {
        const [f, w] = info.tag();
        if (f === 1 && w === WireType.LengthDelimited) legacyApp = readApplicationId(info.bytes());
        else if (f === 2 && w === WireType.LengthDelimited) store = readStoreId(info.bytes());
        else info.skip(w);
      }
      // Files of 0.24 and older name the application in StoreInfo only.
      if (store && !store.applicationId && legacyApp) store.applicationId = legacyApp;
    } else r.skip(wire);
  }
  return store;
}

interface ArrowMsg {
  store: StoreId | undefined;
  compression: number;
  uncompressedSize: number;
  encoding: number;
  payload: Uint8Array;
}

/** ArrowMsg: store_id (1), compression (2), uncompressed_size (3), encoding (4), payload (5), chunk_id (6), is_static (7). */
function readArrowMsg(bytes: Uint8Array): ArrowMsg {
  const r = new BinaryReader(bytes);
  const msg: ArrowMsg = {
    store: undefined,
    compression: 0,
    uncompressedSize: 0,
    encoding: 0,
    payload: new Uint8Array(0),
  };
  while (r.pos < r.len) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WireType.LengthDelimited) msg.store = readStoreId(r.bytes());
    else if (field === 2 && wire === WireType.Varint) msg.compression = r.int32();
    else if (field === 3 && wire === WireType.Varint) msg.uncompressedSize = Number(r.uint64());
    else if (field === 4 && wire === WireType.Varint) msg.encoding = r.int32();
    else if (field === 5 && wire === WireType.LengthDelimited) msg.payload = r.bytes();
    else r.skip(wire);
  }
  return msg;
}

/** BlueprintActivationCommand: blueprint_id (1), make_active (2), make_default (3). */
function readBlueprintActivation(bytes: Uint8Array): StoreId | undefined {
  const r = new BinaryReader(bytes);
  let id: StoreId | undefined;
  while (r.pos < r.len) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WireType.LengthDelimited) id = readStoreId(r.bytes());
    else r.skip(wire);
  }
  return id;
}

function sameStore(a: StoreId | undefined, b: StoreId | undefined): boolean {
  return !!a && !!b && a.kind === b.kind && a.recordingId === b.recordingId;
}

function fourcc(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + 4));
}

/** Whether bytes start like an `.rrd` file of any generation. */
export function looksLikeRrd(bytes: Uint8Array): boolean {
  const magic = fourcc(bytes, 0);
  return magic === 'RRF2' || magic === 'RRF1' || magic === 'RRF0' || magic === 'RRIO';
}

function u64(view: DataView, at: number): number {
  const v = view.getBigUint64(at, true);
  // Lengths beyond 2^53 cannot be real in a browser; report them as impossible sizes.
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

/**
 * Parses a whole `.rrd` file. Throws {@link RrdError} with a message saying what was expected
 * and what came for anything malformed; never returns part of a file.
 */
export async function readRrd(bytes: Uint8Array, source = '.rrd file'): Promise<RrdContents> {
  const fail = (message: string): never => {
    throw new RrdError(`${source}: ${message}`);
  };
  if (bytes.length < RRD_HEADER_SIZE)
    fail(`expected a 12-byte RRF2 header, got ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stores: StoreId[] = [];
  let recording: StoreId | undefined;
  let version = '';
  const payloads: Array<{ msg: ArrowMsg; at: number }> = [];
  const note = (store: StoreId | undefined) => {
    if (!store) return;
    if (!stores.some((s) => sameStore(s, store))) stores.push(store);
    if (!recording && store.kind === StoreKind.Recording) recording = store;
  };

  let pos = 0;
  let streams = 0;
  // Concatenated files hold several streams, each with its own header.
  while (pos < bytes.length) {
    if (bytes.length - pos < RRD_HEADER_SIZE)
      fail(`expected a 12-byte RRF2 header at byte ${pos}, got ${bytes.length - pos} bytes`);
    const magic = fourcc(bytes, pos);
    if (magic !== 'RRF2') {
      if (streams > 0) break; // the footer trailer after the End message
      if (magic === 'RRF0' || magic === 'RRF1' || magic === 'RRIO') {
        fail(
          `expected an RRF2 file (Rerun 0.23 or later), got an older "${magic}" file; re-save it with a newer Rerun (\`rerun rrd migrate\`)`,
        );
      }
      fail(`expected an .rrd file starting with "RRF2", got ${JSON.stringify(magic)}`);
    }
    const [major, minor, patch] = [bytes[pos + 4]!, bytes[pos + 5]!, bytes[pos + 6]!];
    version ||= `${major}.${minor}.${patch}`;
    if (major === 0 && minor < 23)
      fail(
        `expected a file written by Rerun 0.23 or later, got version ${major}.${minor}.${patch}`,
      );
    const serializer = bytes[pos + 9]!;
    if (serializer !== 2)
      fail(
        `expected protobuf messages (serializer 2) in the RRF2 header, got serializer ${serializer}`,
      );
    pos += RRD_HEADER_SIZE;
    streams++;

    let ended = false;
    let index = 0;
    while (pos < bytes.length) {
      if (bytes.length - pos < FRAME_HEADER_SIZE)
        fail(
          `expected a 16-byte message header at byte ${pos}, got ${bytes.length - pos} bytes (truncated file?)`,
        );
      const kind = u64(view, pos);
      const length = u64(view, pos + 8);
      const at = pos;
      pos += FRAME_HEADER_SIZE;
      if (length > bytes.length - pos) {
        fail(
          `message ${index} at byte ${at} says it holds ${length} bytes, but only ${bytes.length - pos} follow (truncated file?)`,
        );
      }
      const payload = bytes.subarray(pos, pos + length);
      pos += length;
      try {
        if (kind === MessageKind.End) {
          ended = true;
        } else if (kind === MessageKind.SetStoreInfo) {
          note(readSetStoreInfo(payload));
        } else if (kind === MessageKind.ArrowMsg) {
          const msg = readArrowMsg(payload);
          note(msg.store);
          payloads.push({ msg, at });
        } else if (kind === MessageKind.BlueprintActivationCommand) {
          note(readBlueprintActivation(payload));
        } else {
          fail(`expected message kind 0–3 at byte ${at}, got ${kind}`);
        }
      } catch (error) {
        if (error instanceof RrdError) throw error;
        fail(
          `message ${index} at byte ${at} is not a valid protobuf message (${(error as Error).message})`,
        );
      }
      index++;
      if (ended) break;
    }
    if (!ended)
      fail(
        `expected an End message before the end of the file at byte ${bytes.length} (truncated file?)`,
      );
  }

  const arrow = await loadArrow();
  const rows: Array<ChunkRow & { order: number }> = [];
  let chunks = 0;
  for (const { msg, at } of payloads) {
    // The recording is shown; blueprints (and further recordings) are ignored.
    if (!sameStore(msg.store, recording)) continue;
    if (msg.encoding !== Encoding.ArrowIpc)
      fail(
        `expected an Arrow IPC payload in the ArrowMsg at byte ${at}, got encoding ${msg.encoding}`,
      );
    let ipc = msg.payload;
    if (msg.compression === Compression.LZ4) {
      try {
        ipc = lz4DecompressBlock(msg.payload, msg.uncompressedSize);
      } catch (error) {
        fail(
          `the LZ4 payload of the ArrowMsg at byte ${at} is corrupt (${(error as Error).message})`,
        );
      }
    } else if (
      msg.compression !== Compression.None &&
      msg.compression !== Compression.Unspecified
    ) {
      fail(
        `expected compression 1 (none) or 2 (LZ4) in the ArrowMsg at byte ${at}, got ${msg.compression}`,
      );
    }
    try {
      const batches = await checkIpcStream(ipc, `the Arrow payload of the ArrowMsg at byte ${at}`);
      if (batches !== 1)
        fail(`expected one record batch in the ArrowMsg at byte ${at}, got ${batches}`);
    } catch (error) {
      if (error instanceof RrdError) throw error;
      fail((error as Error).message.replace(`${source}: `, ''));
    }
    let table: Arrow.Table;
    try {
      table = arrow.tableFromIPC(ipc);
    } catch (error) {
      return fail(
        `the Arrow payload of the ArrowMsg at byte ${at} is not a readable Arrow IPC stream (${(error as Error).message})`,
      );
    }
    if (!isArrowTable(table)) fail(`expected a table in the ArrowMsg at byte ${at}, got none`);
    if (!table.batches || table.batches.length !== 1) {
      fail(
        `expected one record batch in the ArrowMsg at byte ${at}, got ${table.batches?.length ?? 0}`,
      );
    }
    try {
      // Every chunk row has a 16-byte RowId.
      checkTableSizes(table, ipc.length, 16, `the chunk at byte ${at}`);
      for (const row of chunkToRows(table, `chunk at byte ${at}`))
        rows.push({ ...row, order: rows.length });
    } catch (error) {
      if (error instanceof ArrowLayoutError) fail(error.message);
      fail(`the chunk at byte ${at} could not be read (${(error as Error).message})`);
    }
    chunks++;
  }
  // RowIds are time-ordered TUIDs: sorting by them replays the rows in logging order, which is
  // what breaks ties at equal times and between static rows (SPEC §7).
  rows.sort((a, b) =>
    a.rowId === undefined || b.rowId === undefined || a.rowId === b.rowId
      ? a.order - b.order
      : a.rowId < b.rowId
        ? -1
        : 1,
  );
  const out: BatchRow[] = rows.map(({ entity, components, time, static: isStatic }) =>
    isStatic ? { entity, components, static: true } : { entity, components, time },
  );
  try {
    checkImageRows(source, out);
  } catch (error) {
    fail((error as Error).message.replace(`${source}: `, ''));
  }
  return { version, stores, recording, rows: out, chunks };
}

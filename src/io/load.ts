/**
 * `load(source)` for a recording: fetches or reads the bytes, tells `.rrd` from Arrow IPC by
 * their first bytes, parses everything, and only then logs it, in one change.
 */
import type { BatchRow } from '../store/recording.js';
import { isArrowTable, type ArrowTableLike } from './arrow.js';
import { dataframeToRows } from './arrow-dataframe.js';
import { arrowIpcKind, tableFromIpcBytes } from './arrow-ipc.js';
import { fetchOk } from './fetch.js';
import { looksLikeRrd, readRrd } from './rrd.js';

/** What `load()` accepts. */
export type LoadSource = string | URL | Blob | ArrayBuffer | ArrayBufferView | ArrowTableLike;

/** What a load read, as reported by `rr-load`. */
export interface LoadResult {
  /** `rrd`, `arrow-file`, `arrow-stream` or `arrow-table`. */
  format: 'rrd' | 'arrow-file' | 'arrow-stream' | 'arrow-table';
  /** Where it came from (URL, or a short description). */
  source: string;
  /** Recording rows logged. */
  rows: number;
  /** Entities that received data. */
  entities: string[];
}

/** Raised when a source cannot be loaded; the message says what was expected and what came. */
export class LoadError extends Error {
  override name = 'LoadError';
}

function describe(source: unknown): string {
  if (source === null) return 'null';
  if (Array.isArray(source)) return 'an array';
  return typeof source === 'object'
    ? `an object (${(source as object).constructor?.name ?? 'Object'})`
    : typeof source;
}

async function bytesOf(
  source: Exclude<LoadSource, ArrowTableLike>,
): Promise<{ bytes: Uint8Array; name: string }> {
  if (typeof source === 'string' || source instanceof URL) {
    const url = String(source);
    let response: Response;
    try {
      response = await fetchOk(url);
    } catch (error) {
      throw new LoadError((error as Error).message);
    }
    return { bytes: new Uint8Array(await response.arrayBuffer()), name: url };
  }
  if (source instanceof Blob) {
    const name = source instanceof File ? source.name : `a Blob of ${source.size} bytes`;
    return { bytes: new Uint8Array(await source.arrayBuffer()), name };
  }
  if (source instanceof ArrayBuffer)
    return { bytes: new Uint8Array(source), name: `${source.byteLength} bytes` };
  if (ArrayBuffer.isView(source)) {
    return {
      bytes: new Uint8Array(source.buffer, source.byteOffset, source.byteLength),
      name: `${source.byteLength} bytes`,
    };
  }
  throw new LoadError(
    `expected a URL, Blob, ArrayBuffer, Uint8Array or Arrow table to load, got ${describe(source)}`,
  );
}

/** Parses a source into recording rows without touching any recording. */
export async function parseSource(
  source: LoadSource,
): Promise<{ rows: BatchRow[]; result: Omit<LoadResult, 'rows' | 'entities'> }> {
  if (isArrowTable(source)) {
    return {
      rows: dataframeToRows(source),
      result: { format: 'arrow-table', source: 'Arrow table' },
    };
  }
  const { bytes, name } = await bytesOf(source as Exclude<LoadSource, ArrowTableLike>);
  if (looksLikeRrd(bytes)) {
    const contents = await readRrd(bytes, name);
    return { rows: contents.rows, result: { format: 'rrd', source: name } };
  }
  const kind = arrowIpcKind(bytes);
  if (kind) {
    const table = await tableFromIpcBytes(bytes, name);
    return {
      rows: dataframeToRows(table, name),
      result: { format: kind === 'file' ? 'arrow-file' : 'arrow-stream', source: name },
    };
  }
  const head = [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  throw new LoadError(
    `${name}: expected an .rrd file ("RRF2") or Arrow IPC data ("ARROW1" file or stream), got ${bytes.length} bytes starting ${head || '(empty)'}`,
  );
}

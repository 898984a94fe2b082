/**
 * Writing a recording as a Rerun `.rrd` file that Rerun's own viewer (0.23 or later) opens:
 * the RRF2 header, SetStoreInfo, one ArrowMsg per chunk (an entity's rows that share one set of
 * timelines) in the sorbet chunk layout (SPEC §8.1), and an End message.
 */
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import type * as Arrow from 'apache-arrow';
import { componentEntry, type ComponentEntry } from '../store/components/index.js';
import type { ExportedRow, Recording } from '../store/recording.js';
import type { TimelineKind } from '../store/time.js';
import { loadArrow, type ArrowModule } from './arrow.js';
import { lz4CompressBlock } from './lz4.js';
import { Compression, Encoding, MessageKind, StoreKind } from './rrd.js';

/** Options of {@link writeRrd}. */
export interface RrdWriteOptions {
  /** LZ4 block compression of the chunks (Rerun's file sinks default), or none. Default `lz4`. */
  compression?: 'lz4' | 'none';
  /** Application id shown by the viewer. Default `rr-elements`. */
  applicationId?: string;
  /** Recording id. Default: a random one. */
  recordingId?: string;
  /** Which kind of store the data goes to. Default `recording`; `blueprint` is for tools and tests. */
  storeKind?: 'recording' | 'blueprint';
}

/** The Rerun version the files claim: the sorbet layout written here is that of 0.33 (0.1.3). */
const VERSION = [0, 33, 0, 0] as const;
const SORBET_VERSION = '0.1.3';

/** Fills a validity bitmap; undefined when every row is valid. */
function validity(valid: boolean[]): Uint8Array | undefined {
  if (valid.every(Boolean)) return undefined;
  const bitmap = new Uint8Array(Math.ceil(valid.length / 8));
  valid.forEach((v, i) => {
    if (v) bitmap[i >> 3]! |= 1 << (i & 7);
  });
  return bitmap;
}

/**
 * A `List<component>` column, one cell per row: the value's instances as a batch, an empty
 * batch for a cleared (null) value, a null cell where the row does not have the component.
 */
function dataColumn(A: ArrowModule, entry: ComponentEntry, cells: unknown[]): Arrow.Data {
  const itemType = entry.arrowType(A);
  const listType = new A.List(new A.Field('item', itemType, true));
  const valid = cells.map((c) => c !== undefined);
  const offsets = new Int32Array(cells.length + 1);
  const instances: unknown[] = [];
  cells.forEach((c, i) => {
    if (c !== undefined && c !== null) instances.push(...entry.toInstances(c));
    offsets[i + 1] = instances.length;
  });
  const child = entry.toArrowData
    ? entry.toArrowData(A, instances)
    : A.vectorFromArray(instances, itemType).data[0]!;
  const nullBitmap = validity(valid);
  return A.makeData({
    type: listType,
    length: cells.length,
    nullCount: valid.filter((v) => !v).length,
    nullBitmap,
    valueOffsets: offsets,
    child,
  });
}

function indexType(A: ArrowModule, kind: TimelineKind): Arrow.DataType {
  if (kind === 'timestamp') return new A.TimestampNanosecond();
  if (kind === 'duration') return new A.DurationNanosecond();
  return new A.Int64();
}

function hex16(v: bigint, upper: boolean): string {
  const s = v.toString(16).padStart(16, '0');
  return upper ? s.toUpperCase() : s;
}

interface Tuid {
  timeNs: bigint;
  inc: bigint;
}

function tuidBytes(t: Tuid, out: Uint8Array, at: number): void {
  const view = new DataView(out.buffer, out.byteOffset + at, 16);
  view.setBigUint64(0, t.timeNs, false);
  view.setBigUint64(8, t.inc, false);
}

/** Time-ordered ids as Rerun's TUIDs: nanoseconds since the epoch, then a counter. */
function tuidSource(): () => Tuid {
  const start = BigInt(Date.now()) * 1_000_000n;
  let inc = BigInt(Math.floor(Math.random() * 2 ** 31)) << 16n;
  let n = 0n;
  return () => ({ timeNs: start + n++, inc: inc++ });
}

interface Chunk {
  entity: string;
  timelines: string[];
  rows: ExportedRow[];
}

/** Splits rows into chunks: per entity, rows with the same set of timelines (static apart). */
function chunksOf(rows: ExportedRow[]): Chunk[] {
  const chunks = new Map<string, Chunk>();
  for (const row of rows) {
    const timelines = row.static ? [] : [...row.times.keys()].sort();
    const key = `${row.entity}\u0000${row.static ? '' : timelines.join('\u0000')}\u0000${row.static}`;
    let chunk = chunks.get(key);
    if (!chunk) chunks.set(key, (chunk = { entity: row.entity, timelines, rows: [] }));
    chunk.rows.push(row);
  }
  return [...chunks.values()];
}

function isSorted(values: bigint[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i]! < values[i - 1]!) return false;
  return true;
}

function chunkBatch(
  A: ArrowModule,
  chunk: Chunk,
  kinds: Map<string, TimelineKind>,
  nextId: () => Tuid,
): Arrow.RecordBatch {
  const n = chunk.rows.length;
  const fields: Arrow.Field[] = [];
  const children: Arrow.Data[] = [];

  const rowIds = new Uint8Array(16 * n);
  for (let i = 0; i < n; i++) tuidBytes(nextId(), rowIds, 16 * i);
  fields.push(
    new A.Field(
      'rerun.controls.RowId',
      new A.FixedSizeBinary(16),
      false,
      new Map([
        ['rerun:kind', 'control'],
        ['ARROW:extension:name', 'rerun.datatypes.TUID'],
        ['ARROW:extension:metadata', '{"namespace":"row"}'],
        ['rerun:is_sorted', 'true'],
      ]),
    ),
  );
  children.push(
    A.makeData({ type: new A.FixedSizeBinary(16), length: n, nullCount: 0, data: rowIds }),
  );

  for (const timeline of chunk.timelines) {
    const kind = kinds.get(timeline) ?? 'sequence';
    const values = chunk.rows.map((r) => r.times.get(timeline)!);
    const metadata = new Map([
      ['rerun:kind', 'index'],
      ['rerun:index_name', timeline],
    ]);
    if (isSorted(values)) metadata.set('rerun:is_sorted', 'true');
    const type = indexType(A, kind);
    fields.push(new A.Field(timeline, type, true, metadata));
    children.push(
      A.makeData({
        type: type as Arrow.Int64,
        length: n,
        nullCount: 0,
        data: BigInt64Array.from(values),
      }),
    );
  }

  const keys = [...new Set(chunk.rows.flatMap((r) => [...r.components.keys()]))]
    .filter((k) => componentEntry(k))
    .sort();
  for (const key of keys) {
    const entry = componentEntry(key)!;
    const archetype = key.slice(0, key.indexOf(':'));
    const cells = chunk.rows.map((r) =>
      r.components.has(key) ? r.components.get(key) : undefined,
    );
    let data: Arrow.Data;
    try {
      data = dataColumn(A, entry, cells);
    } catch (error) {
      throw new TypeError(
        `cannot write ${chunk.entity} ${key} to .rrd: ${(error as Error).message}`,
      );
    }
    fields.push(
      new A.Field(
        key,
        data.type,
        true,
        new Map([
          ['rerun:kind', 'data'],
          ['rerun:component', key],
          ['rerun:archetype', `rerun.archetypes.${archetype}`],
          ['rerun:component_type', `rerun.components.${entry.componentType}`],
        ]),
      ),
    );
    children.push(data);
  }

  const chunkId = nextId();
  const schema = new A.Schema(
    fields,
    new Map([
      ['sorbet:version', SORBET_VERSION],
      ['rerun:id', `chunk_${hex16(chunkId.timeNs, true)}${hex16(chunkId.inc, false)}`],
      ['rerun:entity_path', chunk.entity],
    ]),
  );
  return new A.RecordBatch(
    schema,
    A.makeData({ type: new A.Struct(fields), length: n, nullCount: 0, children }),
  );
}

// ---- protobuf and framing -----------------------------------------------------------------

function storeId(
  w: BinaryWriter,
  field: number,
  kind: number,
  recordingId: string,
  applicationId: string,
): void {
  w.tag(field, WireType.LengthDelimited).fork();
  w.tag(1, WireType.Varint).int32(kind);
  w.tag(2, WireType.LengthDelimited).string(recordingId);
  w.tag(3, WireType.LengthDelimited)
    .fork()
    .tag(1, WireType.LengthDelimited)
    .string(applicationId)
    .join();
  w.join();
}

function tuid(w: BinaryWriter, field: number, t: Tuid): void {
  w.tag(field, WireType.LengthDelimited).fork();
  w.tag(1, WireType.Bit64).fixed64(t.timeNs);
  w.tag(2, WireType.Bit64).fixed64(t.inc);
  w.join();
}

function frame(kind: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(16 + payload.byteLength);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(kind), true);
  view.setBigUint64(8, BigInt(payload.byteLength), true);
  out.set(payload, 16);
  return out;
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Encodes the recording as `.rrd` bytes. */
export async function writeRrd(
  recording: Recording,
  options: RrdWriteOptions = {},
): Promise<Uint8Array> {
  const A = await loadArrow();
  const lz4 = (options.compression ?? 'lz4') === 'lz4';
  const applicationId = options.applicationId ?? 'rr-elements';
  const recordingId = options.recordingId ?? randomId();
  const kinds = new Map([...recording.timelines()].map(([name, info]) => [name, info.kind]));
  const nextId = tuidSource();
  const kind = options.storeKind === 'blueprint' ? StoreKind.Blueprint : StoreKind.Recording;

  const parts: Uint8Array[] = [];
  const header = new Uint8Array(12);
  header.set([0x52, 0x52, 0x46, 0x32], 0); // "RRF2"
  header.set(VERSION, 4);
  header[8] = lz4 ? 1 : 0;
  header[9] = 2; // protobuf
  parts.push(header);

  const info = new BinaryWriter();
  tuid(info, 1, nextId());
  info.tag(2, WireType.LengthDelimited).fork();
  info
    .tag(1, WireType.LengthDelimited)
    .fork()
    .tag(1, WireType.LengthDelimited)
    .string(applicationId)
    .join();
  storeId(info, 2, kind, recordingId, applicationId);
  // StoreSource{kind: OTHER (6), extra: StoreSourceExtra{payload: "rr-elements"}}.
  info.tag(5, WireType.LengthDelimited).fork();
  info.tag(1, WireType.Varint).int32(6);
  info
    .tag(2, WireType.LengthDelimited)
    .fork()
    .tag(1, WireType.LengthDelimited)
    .bytes(new TextEncoder().encode('rr-elements'))
    .join();
  info.join();
  info.join();
  parts.push(frame(MessageKind.SetStoreInfo, info.finish()));

  for (const chunk of chunksOf(recording.exportRows())) {
    const batch = chunkBatch(A, chunk, kinds, nextId);
    if (batch.schema.fields.length <= 1 + chunk.timelines.length) continue; // nothing writable
    const ipc = A.tableToIPC(new A.Table([batch]), 'stream');
    const payload = lz4 ? lz4CompressBlock(ipc) : ipc;
    const msg = new BinaryWriter();
    storeId(msg, 1, kind, recordingId, applicationId);
    msg.tag(2, WireType.Varint).int32(lz4 ? Compression.LZ4 : Compression.None);
    msg.tag(3, WireType.Varint).uint64(ipc.byteLength);
    msg.tag(4, WireType.Varint).int32(Encoding.ArrowIpc);
    msg.tag(5, WireType.LengthDelimited).bytes(payload);
    msg.tag(7, WireType.Varint).bool(chunk.timelines.length === 0);
    parts.push(frame(MessageKind.ArrowMsg, msg.finish()));
  }
  parts.push(frame(MessageKind.End, new Uint8Array(0)));

  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * Writing a recording as a Rerun `.rrd` file that Rerun's own viewer (0.23 or later) opens:
 * the RRF2 header, SetStoreInfo, one ArrowMsg per chunk (an entity's rows that share one set of
 * timelines) in the sorbet chunk layout (SPEC §8.1), and an End message.
 */
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import type * as Arrow from 'apache-arrow';
import {
  asBytes,
  ChannelDatatype,
  ColorModel,
  PixelFormat,
  resolveImageFormat,
  type BufferInput,
} from '../store/image-format.js';
import type { ExportedRow, Recording } from '../store/recording.js';
import type { TimelineKind } from '../store/time.js';
import { loadArrow, type ArrowModule } from './arrow-dataframe.js';
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

type ColumnKind = 'bytes' | 'format' | 'f32' | 'u8' | 'utf8' | 'context';

/** Components this writer knows the Arrow type of: key → (column kind, Rerun component type). */
const COMPONENTS: Record<string, [ColumnKind, string]> = {};
for (const archetype of ['Image', 'SegmentationImage', 'DepthImage']) {
  COMPONENTS[`${archetype}:buffer`] = ['bytes', 'ImageBuffer'];
  COMPONENTS[`${archetype}:format`] = ['format', 'ImageFormat'];
  COMPONENTS[`${archetype}:draw_order`] = ['f32', 'DrawOrder'];
}
COMPONENTS['Image:opacity'] = ['f32', 'Opacity'];
COMPONENTS['SegmentationImage:opacity'] = ['f32', 'Opacity'];
COMPONENTS['Image:magnification_filter'] = ['u8', 'MagnificationFilter'];
COMPONENTS['EncodedImage:blob'] = ['bytes', 'Blob'];
COMPONENTS['EncodedImage:media_type'] = ['utf8', 'MediaType'];
COMPONENTS['EncodedImage:opacity'] = ['f32', 'Opacity'];
COMPONENTS['EncodedImage:draw_order'] = ['f32', 'DrawOrder'];
COMPONENTS['EncodedImage:magnification_filter'] = ['u8', 'MagnificationFilter'];
COMPONENTS['AnnotationContext:context'] = ['context', 'AnnotationContext'];

const FILTERS: Record<string, number> = { nearest: 1, linear: 2, bicubic: 3 };

// ---- annotation contexts ------------------------------------------------------------------

interface Info {
  id: number;
  label: string | null;
  color: number | null;
}

function packColor(color: unknown): number | null {
  if (color === undefined || color === null) return null;
  if (typeof color === 'number') return color >>> 0;
  if (Array.isArray(color) && (color.length === 3 || color.length === 4)) {
    const [r, g, b, a = 255] = color.map((c: number) => Math.round(Number(c)));
    return (((r! & 255) << 24) | ((g! & 255) << 16) | ((b! & 255) << 8) | (a! & 255)) >>> 0;
  }
  if (typeof color === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(color)) {
    let hex = color.slice(1);
    if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
    if (hex.length === 6) hex += 'ff';
    return parseInt(hex, 16) >>> 0;
  }
  throw new TypeError(
    `expected a colour as [r, g, b(, a)], "#rrggbb(aa)" or a packed 0xRRGGBBAA number for the .rrd file, got ${JSON.stringify(color)}`,
  );
}

function info(entry: unknown): Info {
  if (typeof entry === 'number') return { id: entry, label: null, color: null };
  if (Array.isArray(entry))
    return {
      id: Number(entry[0]),
      label: entry[1] == null ? null : String(entry[1]),
      color: packColor(entry[2]),
    };
  const e = entry as { id?: unknown; label?: unknown; color?: unknown } | null;
  if (e && typeof e === 'object' && e.id !== undefined) {
    return {
      id: Number(e.id),
      label: e.label == null ? null : String(e.label),
      color: packColor(e.color),
    };
  }
  throw new TypeError(
    `expected an annotation entry as id, [id, label, color] or {id, label, color}, got ${JSON.stringify(entry)}`,
  );
}

/** A logged `context` (any form API.md allows, bar CSS colour names) → Rerun's Arrow struct values. */
function classDescriptions(context: unknown): unknown[] {
  const entries = Array.isArray(context) ? context : [context];
  return entries.map((entry) => {
    const e = entry as Record<string, unknown>;
    const described = e && typeof e === 'object' && !Array.isArray(e) && 'info' in e;
    const main = info(described ? e.info : entry);
    const keypoints = described
      ? ((e.keypointAnnotations ?? e.keypoint_annotations ?? []) as unknown[])
      : [];
    const connections = described
      ? ((e.keypointConnections ?? e.keypoint_connections ?? []) as unknown[])
      : [];
    return {
      class_id: main.id,
      class_description: {
        info: main,
        keypoint_annotations: keypoints.map(info),
        keypoint_connections: connections.map((pair) => {
          const [a, b] = Array.isArray(pair)
            ? pair
            : [
                (pair as { keypoint0: number }).keypoint0,
                (pair as { keypoint1: number }).keypoint1,
              ];
          return { keypoint0: Number(a), keypoint1: Number(b) };
        }),
      },
    };
  });
}

// ---- Arrow columns ------------------------------------------------------------------------

function infoType(A: ArrowModule): Arrow.Struct {
  return new A.Struct([
    new A.Field('id', new A.Uint16(), false),
    new A.Field('label', new A.Utf8(), true),
    new A.Field('color', new A.Uint32(), true),
  ]);
}

/** The Arrow datatype of one component (the item type of its chunk column). */
function componentType(A: ArrowModule, kind: ColumnKind): Arrow.DataType {
  switch (kind) {
    case 'bytes':
      return new A.List(new A.Field('item', new A.Uint8(), false));
    case 'format':
      return new A.Struct([
        new A.Field('width', new A.Uint32(), false),
        new A.Field('height', new A.Uint32(), false),
        new A.Field('pixel_format', new A.Uint8(), true),
        new A.Field('color_model', new A.Uint8(), true),
        new A.Field('channel_datatype', new A.Uint8(), true),
      ]);
    case 'f32':
      return new A.Float32();
    case 'u8':
      return new A.Uint8();
    case 'utf8':
      return new A.Utf8();
    case 'context':
      return new A.List(
        new A.Field(
          'item',
          new A.Struct([
            new A.Field('class_id', new A.Uint16(), false),
            new A.Field(
              'class_description',
              new A.Struct([
                new A.Field('info', infoType(A), false),
                new A.Field(
                  'keypoint_annotations',
                  new A.List(new A.Field('item', infoType(A), false)),
                  false,
                ),
                new A.Field(
                  'keypoint_connections',
                  new A.List(
                    new A.Field(
                      'item',
                      new A.Struct([
                        new A.Field('keypoint0', new A.Uint16(), false),
                        new A.Field('keypoint1', new A.Uint16(), false),
                      ]),
                      false,
                    ),
                  ),
                  false,
                ),
              ]),
              false,
            ),
          ]),
          false,
        ),
      );
  }
}

/** One JS value as the component's Arrow value (for the builder-made columns). */
function arrowValue(kind: ColumnKind, value: unknown, key: string): unknown {
  switch (kind) {
    case 'format': {
      const f = resolveImageFormat(value as never);
      const yuv = f.pixelFormat !== undefined;
      return {
        width: f.width,
        height: f.height,
        pixel_format: yuv ? PixelFormat[f.pixelFormat!] : null,
        color_model: yuv ? null : ColorModel[f.colorModel],
        channel_datatype: yuv ? null : ChannelDatatype[f.channelDatatype],
      };
    }
    case 'f32':
      return Number(value);
    case 'u8':
      return typeof value === 'string' ? (FILTERS[value.toLowerCase()] ?? 1) : Number(value);
    case 'utf8':
      return String(value);
    case 'context':
      return classDescriptions(value);
    default:
      throw new TypeError(`no Arrow conversion for ${key}`);
  }
}

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
 * A `List<component>` column, one cell per row: the value as a one-instance batch, an empty
 * batch for a cleared (null) value, a null cell where the row does not have the component.
 */
function dataColumn(A: ArrowModule, kind: ColumnKind, key: string, cells: unknown[]): Arrow.Data {
  const itemType = componentType(A, kind);
  const listType = new A.List(new A.Field('item', itemType, true));
  const valid = cells.map((c) => c !== undefined);
  const offsets = new Int32Array(cells.length + 1);
  const present: unknown[] = [];
  cells.forEach((c, i) => {
    if (c !== undefined && c !== null) present.push(c);
    offsets[i + 1] = present.length;
  });
  let child: Arrow.Data;
  if (kind === 'bytes') {
    // Image buffers are large: build the bytes once, not element by element through a builder.
    const blobs = present.map((v) => asBytes(v as BufferInput));
    const total = blobs.reduce((n, b) => n + b.byteLength, 0);
    const values = new Uint8Array(total);
    const inner = new Int32Array(blobs.length + 1);
    let at = 0;
    blobs.forEach((b, i) => {
      values.set(b, at);
      at += b.byteLength;
      inner[i + 1] = at;
    });
    child = A.makeData({
      type: itemType as Arrow.List<Arrow.Uint8>,
      length: blobs.length,
      nullCount: 0,
      valueOffsets: inner,
      child: A.makeData({ type: new A.Uint8(), length: total, nullCount: 0, data: values }),
    });
  } else {
    const vector = A.vectorFromArray(
      present.map((v) => arrowValue(kind, v, key)) as never[],
      itemType,
    );
    child = vector.data.length === 1 ? vector.data[0]! : (vector.data[0]! as Arrow.Data);
  }
  const nullBitmap = validity(valid);
  return A.makeData({
    type: listType,
    length: cells.length,
    nullCount: valid.filter((v) => !v).length,
    ...(nullBitmap ? { nullBitmap } : {}),
    valueOffsets: offsets,
    child,
  } as never);
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
    .filter((k) => k in COMPONENTS)
    .sort();
  for (const key of keys) {
    const [kind, componentType] = COMPONENTS[key]!;
    const archetype = key.slice(0, key.indexOf(':'));
    const cells = chunk.rows.map((r) =>
      r.components.has(key) ? r.components.get(key) : undefined,
    );
    let data: Arrow.Data;
    try {
      data = dataColumn(A, kind, key, cells);
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
          ['rerun:component_type', `rerun.components.${componentType}`],
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

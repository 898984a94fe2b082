/**
 * Loading the same 200-frame 640×480 RGB U8 recording from an Arrow IPC file in Rerun's
 * dataframe layout (`frame` index, `/video:Image:buffer`, static `/video:Image:format`):
 * IPC parse, layout reading, rows into a fresh Recording. MB/s = 184.32 MB / candidate seconds.
 *
 * baseline: copying the same 184 MB of image bytes once (the least any loader must do).
 */
import { loadArrow } from '../../src/io/arrow.js';
import { dataframeToRows } from '../../src/io/arrow-dataframe.js';
import { tableFromIpcBytes } from '../../src/io/arrow-ipc.js';
import {
  allFrames,
  FRAME_BYTES,
  FRAMES,
  HEIGHT,
  loadCase,
  TOTAL_BYTES,
  WIDTH,
} from '../fixtures/frames-640.js';

export const name = 'load a 200-frame 640×480 RGB recording from Arrow IPC';

let bytes: Uint8Array | undefined;

async function file(): Promise<Uint8Array> {
  if (bytes) return bytes;
  const A = await loadArrow();
  const all = new Uint8Array(TOTAL_BYTES);
  allFrames().forEach((f, t) => all.set(f, t * FRAME_BYTES));
  const item = new A.List(new A.Field('item', new A.Uint8(), false));
  const listOf = (t: InstanceType<typeof A.DataType>) => new A.List(new A.Field('item', t, true));
  const inner = A.makeData({
    type: item,
    length: FRAMES,
    nullCount: 0,
    valueOffsets: Int32Array.from({ length: FRAMES + 1 }, (_, i) => i * FRAME_BYTES),
    child: A.makeData({ type: new A.Uint8(), length: all.length, nullCount: 0, data: all }),
  });
  const buffers = A.makeData({
    type: listOf(item),
    length: FRAMES,
    nullCount: 0,
    valueOffsets: Int32Array.from({ length: FRAMES + 1 }, (_, i) => i),
    child: inner,
  });
  const formatType = new A.Struct([
    new A.Field('width', new A.Uint32(), false),
    new A.Field('height', new A.Uint32(), false),
    new A.Field('pixel_format', new A.Uint8(), true),
    new A.Field('color_model', new A.Uint8(), true),
    new A.Field('channel_datatype', new A.Uint8(), true),
  ]);
  const formats = A.vectorFromArray(
    Array.from({ length: FRAMES }, () => [
      { width: WIDTH, height: HEIGHT, pixel_format: null, color_model: 2, channel_datatype: 6 },
    ]),
    listOf(formatType),
  );
  const fields = [
    new A.Field('frame', new A.Int64(), true, new Map([['rerun:kind', 'index']])),
    new A.Field('/video:Image:buffer', buffers.type, true),
    new A.Field('/video:Image:format', formats.type, true, new Map([['rerun:is_static', 'true']])),
  ];
  const index = A.makeData({
    type: new A.Int64(),
    length: FRAMES,
    nullCount: 0,
    data: BigInt64Array.from({ length: FRAMES }, (_, i) => BigInt(i)),
  });
  const table = new A.Table([
    new A.RecordBatch(
      new A.Schema(fields),
      A.makeData({
        type: new A.Struct(fields),
        length: FRAMES,
        nullCount: 0,
        children: [index, buffers, formats.data[0]!],
      }),
    ),
  ]);
  return (bytes = A.tableToIPC(table, 'file'));
}

export default loadCase(name, file, async (bytes) =>
  dataframeToRows(await tableFromIpcBytes(bytes, 'bench.arrow')),
);

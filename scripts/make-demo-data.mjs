// Writes the gallery's recordings with the library's own writers:
//   demo/data/image_row_updates.rrd   (toRrd(recording), LZ4)
//   demo/data/image_column_updates.arrow  (Arrow IPC file in Rerun's dataframe layout, apache-arrow in Node)
import * as A from 'apache-arrow';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importLibrary } from './build-node-lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'demo', 'data');
mkdirSync(out, { recursive: true });

function frame(t) {
  const bytes = new Uint8Array(300 * 200 * 3);
  for (let y = 0; y < 200; y++) {
    for (let x = 0; x < 300; x++) {
      const cyan = y >= 50 && y < 150 && x >= 10 * t && x < 10 * t + 100;
      bytes.set(cyan ? [0, 255, 255] : [0, 0, 255], (y * 300 + x) * 3);
    }
  }
  return bytes;
}

const { Recording, toRrd } = await importLibrary();
const rec = new Recording();
for (let t = 0; t < 20; t++) {
  rec.log(
    'image',
    {
      archetype: 'Image',
      buffer: frame(t),
      format: { width: 300, height: 200, colorModel: 'RGB', channelDatatype: 'U8' },
    },
    { time: { time: t } },
  );
}
const segmentation = new Uint8Array(300 * 200);
for (let y = 50; y < 100; y++) segmentation.fill(1, y * 300 + 50, y * 300 + 120);
for (let y = 100; y < 180; y++) segmentation.fill(2, y * 300 + 130, y * 300 + 280);
rec.log(
  'segmentation',
  {
    archetype: 'AnnotationContext',
    context: [
      [1, 'red', [255, 0, 0]],
      [2, 'green', [0, 255, 0]],
    ],
  },
  { static: true },
);
rec.log(
  'segmentation/image',
  { archetype: 'SegmentationImage', buffer: segmentation, format: { width: 300, height: 200 } },
  { static: true },
);
const rrd = await toRrd(rec, {
  compression: 'lz4',
  applicationId: 'rr-elements-demo',
  recordingId: 'image_row_updates',
});
writeFileSync(join(out, 'image_row_updates.rrd'), rrd);

// image_column_updates as Rerun's dataframe API exports it (SPEC §8.2), at half scale
// (150×100, the rectangle 50×50 moving 5 px a step) so the shipped file stays under 1 MB.
const n = 20;
const W = 150;
const H = 100;
function smallFrame(t) {
  const bytes = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const cyan = y >= 25 && y < 75 && x >= 5 * t && x < 5 * t + 50;
      bytes.set(cyan ? [0, 255, 255] : [0, 0, 255], (y * W + x) * 3);
    }
  }
  return bytes;
}
const bytesType = new A.List(new A.Field('item', new A.Uint8(), false));
const listOf = (t) => new A.List(new A.Field('item', t, true));
const formatType = new A.Struct([
  new A.Field('width', new A.Uint32(), false),
  new A.Field('height', new A.Uint32(), false),
  new A.Field('pixel_format', new A.Uint8(), true),
  new A.Field('color_model', new A.Uint8(), true),
  new A.Field('channel_datatype', new A.Uint8(), true),
]);
const size = W * H * 3;
const all = new Uint8Array(n * size);
for (let t = 0; t < n; t++) all.set(smallFrame(t), t * size);
const inner = A.makeData({
  type: bytesType,
  length: n,
  nullCount: 0,
  valueOffsets: Int32Array.from({ length: n + 1 }, (_, i) => i * size),
  child: A.makeData({ type: new A.Uint8(), length: all.length, nullCount: 0, data: all }),
});
const buffers = A.makeData({
  type: listOf(bytesType),
  length: n,
  nullCount: 0,
  valueOffsets: Int32Array.from({ length: n + 1 }, (_, i) => i),
  child: inner,
});
const formats = A.vectorFromArray(
  Array.from({ length: n }, () => [
    { width: W, height: H, pixel_format: null, color_model: 2, channel_datatype: 6 },
  ]),
  listOf(formatType),
);
const fields = [
  new A.Field(
    'step',
    new A.Int64(),
    true,
    new Map([
      ['rerun:kind', 'index'],
      ['rerun:index_name', 'step'],
    ]),
  ),
  new A.Field(
    '/images:Image:buffer',
    buffers.type,
    true,
    new Map([
      ['rerun:kind', 'data'],
      ['rerun:component', 'Image:buffer'],
    ]),
  ),
  new A.Field(
    '/images:Image:format',
    formats.type,
    true,
    new Map([
      ['rerun:kind', 'data'],
      ['rerun:component', 'Image:format'],
      ['rerun:is_static', 'true'],
    ]),
  ),
];
const steps = A.makeData({
  type: new A.Int64(),
  length: n,
  nullCount: 0,
  data: BigInt64Array.from({ length: n }, (_, i) => BigInt(i)),
});
const table = new A.Table([
  new A.RecordBatch(
    new A.Schema(fields),
    A.makeData({
      type: new A.Struct(fields),
      length: n,
      nullCount: 0,
      children: [steps, buffers, formats.data[0]],
    }),
  ),
]);
writeFileSync(join(out, 'image_column_updates.arrow'), A.tableToIPC(table, 'file'));
console.log(
  `wrote demo/data/image_row_updates.rrd (${rrd.length} B) and demo/data/image_column_updates.arrow`,
);

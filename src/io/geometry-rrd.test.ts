import { expect } from '@open-wc/testing';
import * as A from 'apache-arrow';
import { componentEntry } from '../store/components/index.js';
import {
  normalizeBoxes2D,
  normalizeLineStrips2D,
  normalizePoints2D,
} from '../store/geometry/normalize.js';
import '../store/geometry/log-fields.js';
import { Recording } from '../store/recording.js';
import { dataframeToRows } from './arrow-dataframe.js';
import { readRrd } from './rrd.js';
import { toRrd } from './to-rrd.js';

const plain = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(plain)
    : ArrayBuffer.isView(v)
      ? Array.from(v as unknown as ArrayLike<number>)
      : v;

/** Every component of the four archetypes with values that are easy to tell apart. */
function geometryRecording(): Recording {
  const rec = new Recording();
  rec.log(
    'points',
    {
      archetype: 'Points2D',
      positions: [
        [0, 0],
        [100, 0],
        [50, 50],
        [50, 100],
      ],
      radii: [-8, 0.5],
      colors: [[255, 0, 0], '#00ff0080'],
      labels: ['left', 'right', 'center', 'bottom'],
      classIds: [0],
      keypointIds: [0, 1, 2, 3],
      showLabels: true,
      drawOrder: 25,
    },
    { static: true },
  );
  rec.log(
    'detections',
    {
      archetype: 'Boxes2D',
      mins: [
        [-2, -2],
        [0, 0],
      ],
      sizes: [
        [3, 3],
        [2, 2],
      ],
      classIds: [1, 2],
      labels: ['red', 'green'],
      radii: 0.025,
    },
    { time: { step: 1 } },
  );
  rec.log(
    'strips',
    {
      archetype: 'LineStrips2D',
      strips: [
        [
          [0, 0],
          [2, 1],
          [4, -1],
          [6, 0],
        ],
        [
          [0, 3],
          [1, 4],
          [2, 2],
        ],
      ],
      colors: [0xff0000ff, 0x00ff00ff],
      radii: [0.025, 0.005],
      labels: ['one strip here', 'and one strip there'],
      showLabels: false,
    },
    { time: { step: 2 } },
  );
  const depth = new Uint16Array(6).fill(65535);
  rec.log(
    'depth',
    {
      archetype: 'DepthImage',
      buffer: depth,
      format: { width: 3, height: 2, channelDatatype: 'U16' },
      meter: 10000,
      depthRange: [0, 50000],
      colormap: 'viridis',
      drawOrder: -20,
    },
    { static: true },
  );
  return rec;
}

const KEYS = [
  ['points', 'Points2D:positions', [0, 0, 100, 0, 50, 50, 50, 100]],
  ['points', 'Points2D:radii', [-8, 0.5]],
  ['points', 'Points2D:colors', [0xff0000ff, 0x00ff0080]],
  ['points', 'Points2D:labels', ['left', 'right', 'center', 'bottom']],
  ['points', 'Points2D:class_ids', [0]],
  ['points', 'Points2D:keypoint_ids', [0, 1, 2, 3]],
  ['points', 'Points2D:show_labels', true],
  ['points', 'Points2D:draw_order', 25],
  ['detections', 'Boxes2D:half_sizes', [1.5, 1.5, 1, 1]],
  ['detections', 'Boxes2D:centers', [-0.5, -0.5, 1, 1]],
  ['detections', 'Boxes2D:class_ids', [1, 2]],
  ['detections', 'Boxes2D:labels', ['red', 'green']],
  ['detections', 'Boxes2D:radii', [Math.fround(0.025)]],
  [
    'strips',
    'LineStrips2D:strips',
    [
      [0, 0, 2, 1, 4, -1, 6, 0],
      [0, 3, 1, 4, 2, 2],
    ],
  ],
  ['strips', 'LineStrips2D:colors', [0xff0000ff, 0x00ff00ff]],
  ['strips', 'LineStrips2D:radii', [Math.fround(0.025), Math.fround(0.005)]],
  ['strips', 'LineStrips2D:labels', ['one strip here', 'and one strip there']],
  ['strips', 'LineStrips2D:show_labels', false],
  ['depth', 'DepthImage:meter', 10000],
  ['depth', 'DepthImage:depth_range', [0, 50000]],
  ['depth', 'DepthImage:colormap', 6],
] as const;

function stored(rec: Recording, entity: string, key: string): unknown {
  return plain(rec.latestAt(entity, key, 'step', 10));
}

describe('Points2D, Boxes2D, LineStrips2D and DepthImage in .rrd and Arrow', () => {
  it('log() stores Rerun components: Boxes2D forms become half sizes and centres', () => {
    const rec = geometryRecording();
    for (const [entity, key, want] of KEYS) {
      if (key === 'DepthImage:colormap') continue; // stored as given, written as the enum
      if (key === 'DepthImage:depth_range' || key === 'DepthImage:meter') continue;
      expect(stored(rec, entity, key), key).to.deep.equal(want);
    }
    expect(rec.latestAt('detections', 'Boxes2D:sizes', 'step', 10)).to.equal(undefined);
    expect(rec.latestAt('detections', 'Boxes2D:mins', 'step', 10)).to.equal(undefined);
  });

  for (const compression of ['lz4', 'none'] as const) {
    it(`round-trips every component through .rrd (${compression}) in Rerun's layout`, async () => {
      const bytes = await toRrd(geometryRecording(), { compression });
      const { rows } = await readRrd(bytes);
      const back = new Recording();
      back.logRows(rows);
      for (const [entity, key, want] of KEYS) {
        expect(stored(back, entity, key), key).to.deep.equal(want);
      }
      // What is read back resolves to the same data as what was logged.
      const points = normalizePoints2D({
        positions: back.latestAt('points', 'Points2D:positions', 'step', 0) as Float32Array,
        colors: back.latestAt('points', 'Points2D:colors', 'step', 0),
      });
      expect(points.issues).to.deep.equal([]);
      const strips = normalizeLineStrips2D({
        strips: back.latestAt('strips', 'LineStrips2D:strips', 'step', 2) as Float32Array[],
      });
      expect(strips.data.strips.map((s) => s.length)).to.deep.equal([8, 6]);
      const boxes = normalizeBoxes2D({
        halfSizes: back.latestAt('detections', 'Boxes2D:half_sizes', 'step', 1) as Float32Array,
      });
      expect(Array.from(boxes.data.halfSizes)).to.deep.equal([1.5, 1.5, 1, 1]);
    });
  }

  it('writes the Arrow types and component names Rerun uses', async () => {
    const types = Object.fromEntries(
      KEYS.map(([, key]) => [key, componentEntry(key)!]).map(([key, e]) => [
        key,
        `${(e as { componentType: string }).componentType} ${String((e as { arrowType(a: typeof A): A.DataType }).arrowType(A))}`,
      ]),
    );
    expect(types['Points2D:positions']).to.equal('Position2D FixedSizeList[2]<Float32>');
    expect(types['Boxes2D:half_sizes']).to.equal('HalfSize2D FixedSizeList[2]<Float32>');
    expect(types['LineStrips2D:strips']).to.equal('LineStrip2D List<FixedSizeList[2]<Float32>>');
    expect(types['Points2D:colors']).to.equal('Color Uint32');
    expect(types['Points2D:radii']).to.equal('Radius Float32');
    expect(types['Points2D:class_ids']).to.equal('ClassId Uint16');
    expect(types['Points2D:keypoint_ids']).to.equal('KeypointId Uint16');
    expect(types['Points2D:labels']).to.equal('Text Utf8');
    expect(types['Points2D:show_labels']).to.equal('ShowLabels Bool');
    expect(types['DepthImage:depth_range']).to.equal('ValueRange FixedSizeList[2]<Float64>');
    expect(types['DepthImage:colormap']).to.equal('Colormap Uint8');
    expect(types['DepthImage:meter']).to.equal('DepthMeter Float32');
  });

  it('reads every component from an Arrow table in the dataframe layout', () => {
    const values: Record<string, unknown> = {
      'Points2D:positions': [
        [1, 2],
        [3, 4],
      ],
      'Points2D:colors': [0xff0000ff],
      'Points2D:class_ids': [7, 8],
      'Points2D:labels': ['a', 'b'],
      'LineStrips2D:strips': [new Float32Array([0, 0, 1, 1, 2, 0])],
      'Boxes2D:half_sizes': [[1, 1]],
    };
    const fields: A.Field[] = [
      new A.Field(
        'step',
        new A.Int64(),
        true,
        new Map([
          ['rerun:kind', 'index'],
          ['rerun:index_name', 'step'],
        ]),
      ),
    ];
    const children: A.Data[] = [
      A.makeData({ type: new A.Int64(), length: 1, nullCount: 0, data: BigInt64Array.from([3n]) }),
    ];
    for (const [key, value] of Object.entries(values)) {
      const entry = componentEntry(key)!;
      const instances = entry.toInstances(value);
      const child = entry.toArrowData
        ? entry.toArrowData(A, instances)
        : A.vectorFromArray(instances, entry.arrowType(A)).data[0]!;
      const listType = new A.List(new A.Field('item', entry.arrowType(A), true));
      fields.push(
        new A.Field(
          `/geo:${key}`,
          listType,
          true,
          new Map([
            ['rerun:kind', 'data'],
            ['rerun:component', key],
            ['rerun:entity_path', '/geo'],
          ]),
        ),
      );
      children.push(
        A.makeData({
          type: listType,
          length: 1,
          nullCount: 0,
          valueOffsets: Int32Array.from([0, instances.length]),
          child,
        }),
      );
    }
    const table = new A.Table([
      new A.RecordBatch(
        new A.Schema(fields),
        A.makeData({ type: new A.Struct(fields), length: 1, nullCount: 0, children }),
      ),
    ]);
    const rec = new Recording();
    rec.logRows(dataframeToRows(table));
    expect(plain(rec.latestAt('geo', 'Points2D:positions', 'step', 3))).to.deep.equal([1, 2, 3, 4]);
    expect(plain(rec.latestAt('geo', 'Points2D:colors', 'step', 3))).to.deep.equal([0xff0000ff]);
    expect(plain(rec.latestAt('geo', 'Points2D:class_ids', 'step', 3))).to.deep.equal([7, 8]);
    expect(plain(rec.latestAt('geo', 'Points2D:labels', 'step', 3))).to.deep.equal(['a', 'b']);
    expect(plain(rec.latestAt('geo', 'LineStrips2D:strips', 'step', 3))).to.deep.equal([
      [0, 0, 1, 1, 2, 0],
    ]);
    expect(plain(rec.latestAt('geo', 'Boxes2D:half_sizes', 'step', 3))).to.deep.equal([1, 1]);
  });

  it('sendColumns() stores one batch per row, typed columns split by element', () => {
    const rec = new Recording();
    rec.sendColumns(
      'pts',
      { step: [0, 1] },
      {
        archetype: 'Points2D',
        positions: new Float32Array([0, 0, 1, 1, 10, 10, 11, 11]),
        radii: [[1], [2]],
      },
    );
    rec.sendColumns(
      'boxes',
      { step: [0, 1] },
      {
        archetype: 'Boxes2D',
        mins: [
          [0, 0],
          [5, 5],
        ],
        sizes: [
          [2, 2],
          [4, 4],
        ],
      },
    );
    expect(plain(rec.latestAt('pts', 'Points2D:positions', 'step', 1))).to.deep.equal([
      10, 10, 11, 11,
    ]);
    expect(plain(rec.latestAt('pts', 'Points2D:radii', 'step', 0))).to.deep.equal([1]);
    expect(plain(rec.latestAt('boxes', 'Boxes2D:centers', 'step', 1))).to.deep.equal([7, 7]);
    expect(plain(rec.latestAt('boxes', 'Boxes2D:half_sizes', 'step', 1))).to.deep.equal([2, 2]);
  });

  it('log() and sendColumns() report bad fields by entity and component, storing the rest', () => {
    const rec = new Recording();
    const errors: string[] = [];
    rec.addEventListener('error', (e) => errors.push(e.detail.message));
    const attempt = (f: () => void) => {
      errors.length = 0;
      f();
      expect(errors.length, 'one error event').to.equal(1);
      return errors[0]!;
    };
    expect(attempt(() => rec.log('p', { archetype: 'Points2D', positions: [1, 2, 3] }))).to.equal(
      'log() /p Points2D:positions: expected an even count of numbers (x y pairs), a flat numeric array or [x, y] pairs, got 3 numbers; not stored, the last good value stays',
    );
    expect(rec.entities()).to.deep.equal([]);
    expect(
      attempt(() => rec.log('p', { archetype: 'Points2D', positions: [1, 2], classIds: [-1] })),
    ).to.match(/^log\(\) \/p Points2D:class_ids: expected integers 0–65535, got -1/);
    // The good field of that row was stored.
    expect(plain(rec.latestAt('p', 'Points2D:positions'))).to.deep.equal([1, 2]);
    expect(rec.latestAt('p', 'Points2D:class_ids')).to.equal(undefined);
    expect(
      attempt(() =>
        rec.log('b', { archetype: 'Boxes2D', array: [0, 0, 1, 1], arrayFormat: 'WXYZ' }),
      ),
    ).to.match(/^log\(\) \/b Boxes2D:array_format: expected one of XYWH/);
    expect(attempt(() => rec.log('p', { archetype: 'Points2D', position: [1, 2] }))).to.match(
      /^log\(\) \/p Points2D:position: expected one of the fields positions, keypointIds, radii/,
    );
    expect(attempt(() => rec.log('d', { archetype: 'DepthImage', colormap: 'rainbow' }))).to.match(
      /^log\(\) \/d DepthImage:colormap: expected one of grayscale/,
    );
    expect(
      attempt(() =>
        rec.sendColumns(
          'q',
          { step: [0, 1] },
          {
            archetype: 'Points2D',
            positions: [
              [0, 0],
              [1, 2, 3],
            ],
          },
        ),
      ),
    ).to.match(/^sendColumns\(\) \/q Points2D:positions row 1: expected/);
    // Row 0 was stored; row 1 keeps row 0's positions.
    expect(plain(rec.latestAt('q', 'Points2D:positions', 'step', 1))).to.deep.equal([0, 0]);
    expect(rec.problems('q').map((p) => p.component)).to.deep.equal(['Points2D:positions']);
    // A good value ends the problem.
    rec.log('q', { archetype: 'Points2D', positions: [3, 4] });
    expect(rec.problems('q')).to.deep.equal([]);
  });
});

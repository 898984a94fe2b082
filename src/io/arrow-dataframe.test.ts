import { expect, fixture, html } from '@open-wc/testing';
import * as A from 'apache-arrow';
import '../index.js';
import type { RrContext } from '../elements/rr-context/rr-context.js';
import type { RrImage } from '../elements/rr-image/rr-image.js';
import { expectSameImage } from '../../test/helpers/pixels.js';
import { nextEvent } from '../../test/helpers/fixtures.js';
import { expectFrame, FRAMES, logColumnUpdates, sceneFrame } from '../../test/helpers/scenes.js';

const bytesType = new A.List(new A.Field('item', new A.Uint8(), false));
const formatType = new A.Struct([
  new A.Field('width', new A.Uint32(), false),
  new A.Field('height', new A.Uint32(), false),
  new A.Field('pixel_format', new A.Uint8(), true),
  new A.Field('color_model', new A.Uint8(), true),
  new A.Field('channel_datatype', new A.Uint8(), true),
]);
const listOf = (t: A.DataType) => new A.List(new A.Field('item', t, true));

/** image_column_updates as Rerun's dataframe API exports it (SPEC §8.2). */
function columnUpdatesTable({ withFormat = true } = {}): A.Table {
  const steps = A.makeVector(
    A.makeData({
      type: new A.Int64(),
      length: FRAMES,
      nullCount: 0,
      data: BigInt64Array.from({ length: FRAMES }, (_, t) => BigInt(t)),
    }),
  );
  const buffers = A.vectorFromArray(
    Array.from({ length: FRAMES }, (_, t) => [sceneFrame(t)]),
    listOf(bytesType),
  );
  const format = {
    width: 300,
    height: 200,
    pixel_format: null,
    color_model: 2,
    channel_datatype: 6,
  };
  const formats = A.vectorFromArray(
    Array.from({ length: FRAMES }, () => [format]),
    listOf(formatType),
  );
  const fields = [
    new A.Field('rerun_segment_id', new A.Utf8(), true),
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
        ['rerun:entity_path', '/images'],
      ]),
    ),
  ];
  const children = [
    A.vectorFromArray(
      Array.from({ length: FRAMES }, () => 'seg'),
      new A.Utf8(),
    ).data[0]!,
    steps.data[0]!,
    buffers.data[0]!,
  ];
  if (withFormat) {
    fields.push(
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
    );
    children.push(formats.data[0]!);
  }
  const schema = new A.Schema(fields);
  return new A.Table([
    new A.RecordBatch(
      schema,
      A.makeData({ type: new A.Struct(fields), length: FRAMES, nullCount: 0, children }),
    ),
  ]);
}

async function context(): Promise<{ ctx: RrContext; image: RrImage }> {
  const ctx = await fixture<RrContext>(
    html`<rr-context><rr-image entity="images"></rr-image></rr-context>`,
  );
  return { ctx, image: ctx.querySelector('rr-image')! };
}

describe("Arrow tables in Rerun's dataframe layout", () => {
  it('gives the same snapshots as the same data logged from JS', async () => {
    const js = await context();
    logColumnUpdates(js.ctx.recording);
    const arrow = await context();
    const loaded = nextEvent<{ format: string; entities: string[] }>(arrow.ctx, 'rr-load');
    const result = await arrow.ctx.load(columnUpdatesTable());
    expect(result?.format).to.equal('arrow-table');
    expect((await loaded).detail.entities).to.deep.equal(['/images']);
    expect(arrow.ctx.recording.timelines().get('step')).to.deep.equal({
      kind: 'sequence',
      min: 0n,
      max: 19n,
    });
    for (const t of [0, 9, 19]) {
      js.ctx.setTime('step', t);
      arrow.ctx.setTime('step', t);
      const shot = await arrow.image.snapshot();
      expectFrame(shot, t);
      expectSameImage(shot, await js.image.snapshot());
    }
    // The format column is static: it shadows nothing and applies at every step.
    expect(arrow.ctx.recording.latestAtRow('images', 'Image:format', 'step', -5)?.static).to.equal(
      true,
    );
  });

  for (const kind of ['file', 'stream'] as const) {
    it(`reads Arrow IPC ${kind} bytes, told apart by their magic`, async () => {
      const bytes = A.tableToIPC(columnUpdatesTable(), kind);
      const { ctx, image } = await context();
      const result = await ctx.load(new Blob([bytes as Uint8Array<ArrayBuffer>]));
      expect(result?.format).to.equal(`arrow-${kind}`);
      ctx.setTime('step', 4);
      expectFrame(await image.snapshot(), 4);
    });
  }

  it('rejects a table without its format column with a clear message and logs nothing', async () => {
    const { ctx } = await context();
    const error = nextEvent<{ message: string }>(ctx, 'rr-error');
    const result = await ctx.load(columnUpdatesTable({ withFormat: false }));
    expect(result).to.equal(undefined);
    expect((await error).detail.message).to.equal(
      'Arrow table: expected a "/images:Image:format" column next to "/images:Image:buffer" (an Image needs its format), got none',
    );
    expect(ctx.recording.entities()).to.deep.equal([]);
  });

  it('reads an AnnotationContext column into the plain context form', async () => {
    const infoType = new A.Struct([
      new A.Field('id', new A.Uint16(), false),
      new A.Field('label', new A.Utf8(), true),
      new A.Field('color', new A.Uint32(), true),
    ]);
    const contextType = new A.List(
      new A.Field(
        'item',
        new A.Struct([
          new A.Field('class_id', new A.Uint16(), false),
          new A.Field(
            'class_description',
            new A.Struct([
              new A.Field('info', infoType, false),
              new A.Field(
                'keypoint_annotations',
                new A.List(new A.Field('item', infoType, false)),
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
    const value = [
      {
        class_id: 1,
        class_description: {
          info: { id: 1, label: 'red', color: 0xff0000ff },
          keypoint_annotations: [],
          keypoint_connections: [],
        },
      },
      {
        class_id: 2,
        class_description: {
          info: { id: 2, label: null, color: null },
          keypoint_annotations: [{ id: 0, label: 'zero', color: 0x00ff00ff }],
          keypoint_connections: [{ keypoint0: 0, keypoint1: 1 }],
        },
      },
    ];
    const column = A.vectorFromArray([[value]], listOf(contextType));
    const fields = [
      new A.Field(
        '/:AnnotationContext:context',
        column.type,
        true,
        new Map([['rerun:is_static', 'true']]),
      ),
    ];
    const table = new A.Table([
      new A.RecordBatch(
        new A.Schema(fields),
        A.makeData({
          type: new A.Struct(fields),
          length: 1,
          nullCount: 0,
          children: [column.data[0]!],
        }),
      ),
    ]);
    const { ctx } = await context();
    await ctx.load(table);
    expect(ctx.recording.annotationContextFor('anything/below')?.context).to.deep.equal([
      {
        info: { id: 1, label: 'red', color: 0xff0000ff },
        keypointAnnotations: [],
        keypointConnections: [],
      },
      {
        info: { id: 2 },
        keypointAnnotations: [{ id: 0, label: 'zero', color: 0x00ff00ff }],
        keypointConnections: [[0, 1]],
      },
    ]);
  });

  it('rejects bytes that are neither .rrd nor Arrow, and non-sources, without throwing', async () => {
    const { ctx } = await context();
    const error = nextEvent<{ message: string }>(ctx, 'rr-error');
    expect(await ctx.load(new Uint8Array([1, 2, 3, 4]))).to.equal(undefined);
    expect((await error).detail.message).to.equal(
      '4 bytes: expected an .rrd file ("RRF2") or Arrow IPC data ("ARROW1" file or stream), got 4 bytes starting 01 02 03 04',
    );
    const error2 = nextEvent<{ message: string }>(ctx, 'rr-error');
    expect(await ctx.load(42 as never)).to.equal(undefined);
    expect((await error2).detail.message).to.contain(
      'expected a URL, Blob, ArrayBuffer, Uint8Array or Arrow table',
    );
    const error3 = nextEvent<{ message: string }>(ctx, 'rr-error');
    const broken = A.tableToIPC(columnUpdatesTable(), 'file').slice(0, 900);
    expect(await ctx.load(broken)).to.equal(undefined);
    expect((await error3).detail.message).to.match(/expected Arrow IPC data|expected a/);
    expect(ctx.recording.entities()).to.deep.equal([]);
  });

  it('survives flipped bytes anywhere in Arrow IPC files and streams: rejected with a message or read, never thrown', async function () {
    this.timeout(120000);
    const buffers = A.vectorFromArray(
      [[new Uint8Array([1, 2, 3, 4, 5, 6])], [new Uint8Array([7, 8, 9, 10, 11, 12])]],
      listOf(bytesType),
    );
    const formats = A.vectorFromArray(
      [[{ width: 2, height: 1, pixel_format: null, color_model: 2, channel_datatype: 6 }], null],
      listOf(formatType),
    );
    const steps = A.makeData({
      type: new A.Int64(),
      length: 2,
      nullCount: 0,
      data: new BigInt64Array([0n, 1n]),
    });
    const fields = [
      new A.Field('step', new A.Int64(), true),
      new A.Field('/a:Image:buffer', buffers.type, true),
      new A.Field('/a:Image:format', formats.type, true, new Map([['rerun:is_static', 'true']])),
    ];
    const table = new A.Table([
      new A.RecordBatch(
        new A.Schema(fields),
        A.makeData({
          type: new A.Struct(fields),
          length: 2,
          nullCount: 0,
          children: [steps, buffers.data[0]!, formats.data[0]!],
        }),
      ),
    ]);
    const ctx = await fixture<RrContext>(html`<rr-context></rr-context>`);
    for (const kind of ['file', 'stream'] as const) {
      const bytes = A.tableToIPC(table, kind);
      let rejected = 0;
      for (let i = 0; i < bytes.length; i += 3) {
        const flipped = bytes.slice();
        flipped[i] ^= 0xff;
        const messages: string[] = [];
        const onError = (e: Event) => messages.push((e as CustomEvent).detail.message);
        ctx.addEventListener('rr-error', onError);
        const result = await ctx.load(flipped);
        ctx.removeEventListener('rr-error', onError);
        if (result === undefined) {
          rejected++;
          expect(messages, `${kind}, flipped byte ${i}`).to.have.length(1);
        }
      }
      expect(rejected, `${kind}: some flips are rejected`).to.be.greaterThan(10);
    }
  });
});

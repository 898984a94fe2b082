import { expect, fixture, html } from '@open-wc/testing';
import * as A from 'apache-arrow';
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import '../index.js';
import type { RrContext } from '../elements/rr-context/rr-context.js';
import type { RrImage } from '../elements/rr-image/rr-image.js';
import { Recording } from '../store/recording.js';
import { readRrd } from './rrd.js';
import { lz4CompressBlock } from './lz4.js';
import { toRrd } from './to-rrd.js';
import { expectSameImage } from '../../test/helpers/pixels.js';
import { expectFrame, logColumnUpdates, logRowUpdates } from '../../test/helpers/scenes.js';

async function context(entity: string): Promise<{ ctx: RrContext; image: RrImage }> {
  const ctx = await fixture<RrContext>(
    html`<rr-context><rr-image entity=${entity}></rr-image></rr-context>`,
  );
  return { ctx, image: ctx.querySelector('rr-image')! };
}

function sceneRecording(): Recording {
  const rec = new Recording();
  logRowUpdates(rec);
  logColumnUpdates(rec);
  rec.log(
    '/',
    {
      archetype: 'AnnotationContext',
      context: [[1, 'red', [255, 0, 0]], { id: 2, label: 'green', color: '#00ff00' }],
    },
    { static: true },
  );
  rec.log(
    'stamped',
    { archetype: 'Image', opacity: 0.5 },
    {
      time: { wall: { timestamp: 1_700_000_000_123_456_789n }, dur: { duration: 2n ** 60n + 3n } },
    },
  );
  return rec;
}

/** A hand-made `.rrd` frame. */
function frame(kind: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(16 + payload.length);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(kind), true);
  view.setBigUint64(8, BigInt(payload.length), true);
  out.set(payload, 16);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const HEADER = new Uint8Array([0x52, 0x52, 0x46, 0x32, 0, 23, 0, 0, 0, 2, 0, 0]);

function storeId(w: BinaryWriter, field: number, kind = 1, id = 'rec'): void {
  w.tag(field, WireType.LengthDelimited)
    .fork()
    .tag(1, WireType.Varint)
    .int32(kind)
    .tag(2, WireType.LengthDelimited)
    .string(id)
    .join();
}

function arrowMsg(ipc: Uint8Array, lz4 = false): Uint8Array {
  const w = new BinaryWriter();
  storeId(w, 1);
  w.tag(2, WireType.Varint).int32(lz4 ? 2 : 1);
  w.tag(3, WireType.Varint).uint64(ipc.length);
  w.tag(4, WireType.Varint).int32(1);
  w.tag(5, WireType.LengthDelimited).bytes(lz4 ? lz4CompressBlock(ipc) : ipc);
  return frame(2, w.finish());
}

/** One chunk of opacity rows at `step`, with explicit RowIds, in legacy (0.0.2) or current metadata. */
function opacityChunk(
  rowIds: bigint[],
  steps: bigint[],
  opacities: number[],
  legacy: boolean,
): Uint8Array {
  const n = rowIds.length;
  const ids = new Uint8Array(16 * n);
  rowIds.forEach((id, i) => new DataView(ids.buffer).setBigUint64(16 * i + 8, id, false));
  const values = A.vectorFromArray(
    opacities.map((o) => [o]),
    new A.List(new A.Field('item', new A.Float32(), true)),
  );
  const indicator = A.vectorFromArray(
    opacities.map(() => [null]),
    new A.List(new A.Field('item', new A.Null(), true)),
  );
  const k = legacy ? 'rerun.' : 'rerun:';
  const fields: A.Field[] = [
    new A.Field(
      'rerun.controls.RowId',
      new A.FixedSizeBinary(16),
      false,
      new Map([[`${k}kind`, 'control']]),
    ),
    new A.Field(
      'step',
      new A.Int64(),
      true,
      new Map([
        [`${k}kind`, legacy ? 'time' : 'index'],
        [`${k}index_name`, 'step'],
      ]),
    ),
    new A.Field(
      legacy ? 'rerun.components.Opacity' : 'Image:opacity',
      values.type,
      true,
      new Map(
        legacy
          ? [
              ['rerun.kind', 'data'],
              ['rerun.archetype', 'rerun.archetypes.Image'],
              ['rerun.archetype_field', 'opacity'],
              ['rerun.component', 'rerun.components.Opacity'],
            ]
          : [
              ['rerun:kind', 'data'],
              ['rerun:component', 'Image:opacity'],
            ],
      ),
    ),
  ];
  const children: A.Data[] = [
    A.makeData({ type: new A.FixedSizeBinary(16), length: n, nullCount: 0, data: ids }),
    A.makeData({ type: new A.Int64(), length: n, nullCount: 0, data: BigInt64Array.from(steps) }),
    values.data[0]!,
  ];
  if (legacy) {
    fields.push(
      new A.Field(
        'rerun.components.ImageIndicator',
        indicator.type,
        true,
        new Map([
          ['rerun.kind', 'data'],
          ['rerun.component', 'rerun.components.ImageIndicator'],
        ]),
      ),
    );
    children.push(indicator.data[0]!);
  }
  const schema = new A.Schema(
    fields,
    new Map([
      [`${k}entity_path`, '/e'],
      [`${k}id`, '0'],
    ]),
  );
  return A.tableToIPC(
    new A.Table([
      new A.RecordBatch(
        schema,
        A.makeData({ type: new A.Struct(fields), length: n, nullCount: 0, children }),
      ),
    ]),
    'stream',
  );
}

describe('.rrd files', () => {
  for (const compression of ['lz4', 'none'] as const) {
    it(`round-trips a recording (${compression}): identical snapshots, times, kinds and contexts`, async () => {
      const source = sceneRecording();
      const bytes = await toRrd(source, { compression });
      expect(new TextDecoder().decode(bytes.subarray(0, 4))).to.equal('RRF2');
      expect(bytes[8], 'compression byte').to.equal(compression === 'lz4' ? 1 : 0);
      const { ctx, image } = await context('image');
      const loaded = await ctx.load(bytes);
      expect(loaded?.format).to.equal('rrd');
      const rec = ctx.recording;
      expect(rec.entities()).to.deep.equal(['/', '/image', '/images', '/stamped']);
      const timelines = rec.timelines();
      expect(timelines.get('time')).to.deep.equal({ kind: 'sequence', min: 0n, max: 19n });
      expect(timelines.get('wall')).to.deep.equal({
        kind: 'timestamp',
        min: 1_700_000_000_123_456_789n,
        max: 1_700_000_000_123_456_789n,
      });
      expect(timelines.get('dur')?.max).to.equal(2n ** 60n + 3n);
      expect(rec.latestAt('images', 'Image:format', 'log_time', 0)).to.deep.equal({
        width: 300,
        height: 200,
        colorModel: 2,
        channelDatatype: 6,
      });
      expect(
        rec.latestAt('images', 'Image:buffer', 'time', 5),
        'sendColumns data stays on its own timeline',
      ).to.equal(undefined);
      expect(rec.annotationContextFor('x')?.context).to.deep.equal([
        {
          info: { id: 1, label: 'red', color: 0xff0000ff },
          keypointAnnotations: [],
          keypointConnections: [],
        },
        {
          info: { id: 2, label: 'green', color: 0x00ff00ff },
          keypointAnnotations: [],
          keypointConnections: [],
        },
      ]);
      const original = await context('image');
      logRowUpdates(original.ctx.recording);
      for (const t of [0, 13, 19]) {
        ctx.setTime('time', t);
        original.ctx.setTime('time', t);
        const shot = await image.snapshot();
        expectFrame(shot, t);
        expectSameImage(shot, await original.image.snapshot());
      }
    });
  }

  it('LZ4 makes the scene file much smaller', async () => {
    const rec = sceneRecording();
    const lz4 = await toRrd(rec, { compression: 'lz4' });
    const raw = await toRrd(rec, { compression: 'none' });
    expect(lz4.length).to.be.lessThan(raw.length / 20);
  });

  it('rejects files truncated at many offsets, and flipped bytes anywhere, with a message; nothing loads, nothing throws', async function () {
    this.timeout(120000);
    const rec = new Recording();
    rec.log(
      'img',
      {
        archetype: 'Image',
        buffer: new Uint8Array(12).fill(9),
        format: { width: 2, height: 2, colorModel: 'RGB' },
      },
      { time: { step: 1 } },
    );
    rec.log(
      '/',
      { archetype: 'AnnotationContext', context: [[1, 'a', [1, 2, 3]]] },
      { static: true },
    );
    for (const compression of ['lz4', 'none'] as const) {
      const bytes = await toRrd(rec, { compression });
      const offsets = new Set<number>();
      for (let i = 0; i < bytes.length; i += Math.max(1, Math.floor(bytes.length / 60)))
        offsets.add(i);
      for (let i = 1; i <= 20; i++) offsets.add(bytes.length - i);
      for (const cut of offsets) {
        let message = '';
        try {
          await readRrd(bytes.subarray(0, cut), 'cut.rrd');
        } catch (error) {
          message = (error as Error).message;
        }
        expect(message, `truncated at ${cut} of ${bytes.length}`).to.match(
          /^cut\.rrd: expected|^cut\.rrd: message|^cut\.rrd: the /,
        );
      }
      const ctx = await fixture<RrContext>(html`<rr-context></rr-context>`);
      let rejected = 0;
      let accepted = 0;
      // Every 5th byte: headers, frames, protobuf fields, LZ4 data, Arrow metadata and bodies.
      const positions: number[] = [];
      for (let i = 0; i < bytes.length; i += 5) positions.push(i);
      for (const i of positions) {
        const flipped = bytes.slice();
        flipped[i] ^= 0xff;
        const errors: string[] = [];
        const onError = (e: Event) => errors.push((e as CustomEvent).detail.message);
        ctx.addEventListener('rr-error', onError);
        const before = ctx.recording.entities().length;
        const result = await ctx.load(flipped);
        ctx.removeEventListener('rr-error', onError);
        if (result === undefined) {
          rejected++;
          expect(errors.length, `flipped byte ${i}: one rr-error`).to.equal(1);
          expect(errors[0]).to.be.a('string').and.not.equal('');
          expect(
            ctx.recording.entities().length,
            `flipped byte ${i}: nothing half-loaded`,
          ).to.equal(before);
        } else {
          accepted++; // a flip inside pixel bytes or an id string is still a valid file
        }
      }
      expect(rejected, 'most flips break the file').to.be.greaterThan(0);
      expect(rejected + accepted).to.be.greaterThan(10);
    }
  });

  it('shows the recording and ignores the blueprint when a file holds both stores', async () => {
    const blueprint = new Recording();
    blueprint.log('blueprint_stuff', { archetype: 'Image', opacity: 1 }, { static: true });
    const recording = new Recording();
    logRowUpdates(recording);
    const bytes = concat(
      await toRrd(blueprint, { storeKind: 'blueprint', recordingId: 'bp' }),
      await toRrd(recording, { recordingId: 'rec' }),
    );
    const contents = await readRrd(bytes);
    expect(contents.stores.map((s) => [s.kind, s.recordingId])).to.deep.equal([
      [2, 'bp'],
      [1, 'rec'],
    ]);
    const { ctx, image } = await context('image');
    await ctx.load(bytes);
    expect(ctx.recording.entities()).to.deep.equal(['/image']);
    ctx.setTime('time', 3);
    expectFrame(await image.snapshot(), 3);
  });

  it('migrates old dotted metadata keys and drops indicator columns (Sorbet 0.0.2, Rerun 0.23)', async () => {
    const bytes = concat(
      HEADER,
      arrowMsg(opacityChunk([1n, 2n], [0n, 4n], [0.25, 0.75], true), true),
      frame(0, new Uint8Array(0)),
    );
    const contents = await readRrd(bytes);
    expect(contents.version).to.equal('0.23.0');
    expect(contents.rows.map((r) => r.components)).to.deep.equal([
      { 'Image:opacity': 0.25 },
      { 'Image:opacity': 0.75 },
    ]);
    const rec = new Recording();
    rec.logRows(contents.rows);
    expect(rec.components('e')).to.deep.equal(['Image:opacity']);
    expect(rec.latestAt('e', 'Image:opacity', 'step', 3)).to.equal(0.25);
  });

  it('orders rows by RowId, not by file order, so equal times resolve as in Rerun', async () => {
    // The chunk written first holds the *later* RowId: it must win the tie at step 5.
    const late = opacityChunk([200n], [5n], [0.75], false);
    const early = opacityChunk([100n], [5n], [0.25], false);
    const bytes = concat(HEADER, arrowMsg(late), arrowMsg(early), frame(0, new Uint8Array(0)));
    const rec = new Recording();
    rec.logRows((await readRrd(bytes)).rows);
    expect(rec.latestAt('e', 'Image:opacity', 'step', 5)).to.equal(0.75);
  });

  it('rejects older RRF1 files and files without an End message by name', async () => {
    const old = new Uint8Array([0x52, 0x52, 0x46, 0x31, 0, 20, 0, 0, 1, 2, 0, 0]);
    let message = '';
    await readRrd(old, 'old.rrd').catch((e: Error) => (message = e.message));
    expect(message).to.equal(
      'old.rrd: expected an RRF2 file (Rerun 0.23 or later), got an older "RRF1" file; re-save it with a newer Rerun (`rerun rrd migrate`)',
    );
    await readRrd(HEADER, 'open.rrd').catch((e: Error) => (message = e.message));
    expect(message).to.equal(
      'open.rrd: expected an End message before the end of the file at byte 12 (truncated file?)',
    );
  });

  it('loads from <rr-context src> and fires rr-load', async () => {
    const rec = new Recording();
    logColumnUpdates(rec);
    const url = URL.createObjectURL(new Blob([(await toRrd(rec)) as Uint8Array<ArrayBuffer>]));
    const ctx = await fixture<RrContext>(
      html`<rr-context src=${url} timeline="step" time="6"
        ><rr-image entity="images"></rr-image
      ></rr-context>`,
    );
    const done = await ctx.loadComplete;
    expect(done?.entities).to.deep.equal(['/images']);
    ctx.setTime('step', 6);
    expectFrame(await ctx.querySelector('rr-image')!.snapshot(), 6);
    URL.revokeObjectURL(url);
  });

  it('a temporal annotation context read from .rrd recolours a segmentation as the cursor moves', async () => {
    const rec = new Recording();
    rec.log(
      'seg',
      {
        archetype: 'SegmentationImage',
        buffer: new Uint8Array([1, 1, 0, 2]),
        format: { width: 2, height: 2 },
      },
      { static: true },
    );
    rec.log(
      '/',
      {
        archetype: 'AnnotationContext',
        context: [
          [1, 'one', [255, 0, 0]],
          [2, 'two', [0, 255, 0]],
        ],
      },
      { time: { frame: 0 } },
    );
    rec.log(
      '/',
      {
        archetype: 'AnnotationContext',
        context: [{ info: { id: 1, label: 'one', color: [0, 0, 255] } }, [2, 'two', '#ffff00']],
      },
      { time: { frame: 10 } },
    );
    const ctx = await fixture<RrContext>(
      html`<rr-context><rr-segmentation entity="seg"></rr-segmentation></rr-context>`,
    );
    await ctx.load(await toRrd(rec));
    const seg = ctx.querySelector('rr-segmentation')!;
    const at = async (frame: number) => {
      ctx.setTime('frame', frame);
      const shot = await seg.snapshot();
      return [[...shot.data.subarray(0, 4)], [...shot.data.subarray(12, 16)]];
    };
    expect(await at(3)).to.deep.equal([
      [255, 0, 0, 255],
      [0, 255, 0, 255],
    ]);
    expect(await at(12)).to.deep.equal([
      [0, 0, 255, 255],
      [255, 255, 0, 255],
    ]);
    expect(await at(9)).to.deep.equal([
      [255, 0, 0, 255],
      [0, 255, 0, 255],
    ]);
  });
});

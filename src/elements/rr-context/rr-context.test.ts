import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrContext } from './rr-context.js';
import { Recording } from '../../store/recording.js';
import { toRrd } from '../../io/to-rrd.js';
import { nextEvent } from '../../../test/helpers/fixtures.js';

/** An .rrd file with one segmentation image per frame at `entity`. */
async function rrdAt(entity: string, frames: number[]): Promise<string> {
  const rec = new Recording();
  for (const frame of frames) {
    rec.log(
      entity,
      {
        archetype: 'SegmentationImage',
        buffer: new Uint8Array([frame]),
        format: { width: 1, height: 1 },
      },
      { time: { frame } },
    );
  }
  const bytes = (await toRrd(rec)) as Uint8Array<ArrayBuffer>;
  return URL.createObjectURL(new Blob([bytes]));
}

describe('<rr-context>', () => {
  it('a second src replaces what the first loaded, and keeps data logged otherwise', async () => {
    const first = await rrdAt('a', [0, 1, 2]);
    const second = await rrdAt('b', [5, 6]);
    const ctx = await fixture<RrContext>(html`<rr-context src=${first}></rr-context>`);
    await ctx.loadComplete;
    expect(ctx.recording.entities()).to.deep.equal(['/a']);
    ctx.log('mine', { archetype: 'Image', opacity: 0.5 });
    ctx.src = second;
    await ctx.updateComplete;
    await ctx.loadComplete;
    expect(ctx.recording.entities()).to.deep.equal(['/b', '/mine']);
    expect(ctx.recording.times('frame')).to.deep.equal([5n, 6n]);
    expect(ctx.recording.timelines().get('frame')).to.include({ min: 5n, max: 6n });
    expect(ctx.recording.latestAt('b', 'SegmentationImage:buffer', 'frame', 6)).to.deep.equal(
      new Uint8Array([6]),
    );
    URL.revokeObjectURL(first);
    URL.revokeObjectURL(second);
  });

  it('load() replaces the previous load, and a bad source keeps it', async () => {
    const first = await rrdAt('a', [0]);
    const second = await rrdAt('b', [1]);
    const ctx = await fixture<RrContext>(html`<rr-context></rr-context>`);
    await ctx.load(first);
    await ctx.load(second);
    expect(ctx.recording.entities()).to.deep.equal(['/b']);
    const error = nextEvent<{ message: string }>(ctx, 'rr-error');
    expect(await ctx.load(new Uint8Array([1, 2, 3]))).to.equal(undefined);
    expect((await error).detail.message).to.contain('expected an .rrd file');
    expect(ctx.recording.entities()).to.deep.equal(['/b']);
    await ctx.load(first);
    expect(ctx.recording.entities()).to.deep.equal(['/a']);
    expect(ctx.recording.timelines().get('frame')).to.include({ min: 0n, max: 0n });
    URL.revokeObjectURL(first);
    URL.revokeObjectURL(second);
  });
});

import { expect } from '@open-wc/testing';
import { formatDuration, formatTime, formatTimestamp } from './time-format.js';
import { Recording } from './recording.js';
import { parseAnnotationContext } from './annotation-context.js';

describe('time formatting', () => {
  it('shows sequence steps as integers, also beyond 2^53', () => {
    expect(formatTime(42n, 'sequence')).to.equal('42');
    expect(formatTime(9007199254740993n, 'sequence')).to.equal('9007199254740993');
  });

  it('shows durations in s above a second and in ms below, exactly', () => {
    expect(formatDuration(1_500_000_000n)).to.equal('1.5 s');
    expect(formatDuration(-2_000_000_000n)).to.equal('-2 s');
    expect(formatDuration(250_000_000n)).to.equal('250 ms');
    expect(formatDuration(1n)).to.equal('0.000001 ms');
    // 2^53 + 1 ns: a double would round the last digit away.
    expect(formatDuration(9007199254740993n)).to.equal('9007199.254740993 s');
  });

  it('shows timestamps as date-time to the nanosecond, exact beyond 2^53 ns', () => {
    const ns = 1_700_000_000_123_456_789n;
    expect(BigInt(Number(ns))).to.not.equal(ns, 'a double cannot hold this timestamp');
    expect(formatTimestamp(ns, { timeZone: 'utc' })).to.equal('2023-11-14 22:13:20.123456789');
    expect(formatTimestamp(ns + 1n, { timeZone: 'utc' })).to.equal('2023-11-14 22:13:20.12345679');
    expect(formatTimestamp(-1n, { timeZone: 'utc' })).to.equal('1969-12-31 23:59:59.999999999');
    // Local time: the same instant, in the page's zone.
    const local = new Date(1_700_000_000_123);
    expect(formatTimestamp(ns)).to.match(
      new RegExp(`^${local.getFullYear()}-\\d\\d-\\d\\d \\d\\d:\\d\\d:20\\.123456789$`),
    );
  });
});

describe('Recording time semantics (SPEC §7)', () => {
  it('keeps timestamps and durations beyond 2^53 ns exact in queries and ranges', () => {
    const rec = new Recording();
    const t0 = 1_700_000_000_000_000_001n;
    rec.log('a', { archetype: 'Image', opacity: 0.1 }, { time: { ts: { timestamp: t0 } } });
    rec.log('a', { archetype: 'Image', opacity: 0.2 }, { time: { ts: { timestamp: t0 + 1n } } });
    rec.log(
      'a',
      { archetype: 'Image', opacity: 0.3 },
      { time: { d: { duration: 2n ** 60n + 1n } } },
    );
    expect(rec.latestAt('a', 'Image:opacity', 'ts', t0)).to.equal(0.1);
    expect(rec.latestAt('a', 'Image:opacity', 'ts', t0 + 1n)).to.equal(0.2);
    expect(rec.latestAt('a', 'Image:opacity', 'd', 2n ** 60n)).to.equal(undefined);
    expect(rec.latestAt('a', 'Image:opacity', 'd', 2n ** 60n + 1n)).to.equal(0.3);
    const info = rec.timelines().get('ts')!;
    expect([info.kind, info.min, info.max]).to.deep.equal(['timestamp', t0, t0 + 1n]);
    expect(rec.times('ts')).to.deep.equal([t0, t0 + 1n]);
  });

  it('lets static data shadow temporal data of the same component, whenever it was logged', () => {
    const rec = new Recording();
    rec.log('e', { archetype: 'Image', opacity: 0.25 }, { time: { step: 5 } });
    expect(rec.latestAt('e', 'Image:opacity', 'step', 5)).to.equal(0.25);
    rec.log('e', { archetype: 'Image', opacity: 0.75 }, { static: true });
    expect(rec.latestAt('e', 'Image:opacity', 'step', 5)).to.equal(0.75);
    expect(rec.latestAt('e', 'Image:opacity', 'step', -100)).to.equal(0.75);
    rec.log('e', { archetype: 'Image', opacity: 0.5 }, { time: { step: 9 } });
    expect(
      rec.latestAt('e', 'Image:opacity', 'step', 9),
      'a later temporal row stays shadowed',
    ).to.equal(0.75);
  });

  it('breaks ties at equal times by the last logged row', () => {
    const rec = new Recording();
    rec.log('e', { archetype: 'Image', drawOrder: 1 }, { time: { step: 3 } });
    rec.log('e', { archetype: 'Image', drawOrder: 2 }, { time: { step: 3 } });
    rec.log('e', { archetype: 'Image', drawOrder: 7 }, { time: { step: 1 } });
    expect(rec.latestAt('e', 'Image:draw_order', 'step', 3)).to.equal(2);
    expect(rec.latestAt('e', 'Image:draw_order', 'step', 2)).to.equal(7);
  });

  it('resolves a temporal annotation context at the cursor as it moves', () => {
    const rec = new Recording();
    rec.log(
      '/',
      { archetype: 'AnnotationContext', context: [[1, 'red', [255, 0, 0]]] },
      { time: { frame: 0 } },
    );
    rec.log(
      '/',
      { archetype: 'AnnotationContext', context: [[1, 'blue', [0, 0, 255]]] },
      { time: { frame: 10 } },
    );
    rec.log(
      'seg/image',
      {
        archetype: 'SegmentationImage',
        buffer: new Uint8Array([1]),
        format: { width: 1, height: 1 },
      },
      { static: true },
    );
    rec.setTime('frame', 4);
    // log() stores the context parsed (its normaliser's form).
    expect(rec.annotationContextFor('seg/image')?.context).to.deep.equal(
      parseAnnotationContext([[1, 'red', [255, 0, 0]]]),
    );
    rec.setTime('frame', 10);
    expect(rec.annotationContextFor('seg/image')?.context).to.deep.equal(
      parseAnnotationContext([[1, 'blue', [0, 0, 255]]]),
    );
    rec.setTime('frame', -1);
    expect(rec.annotationContextFor('seg/image')).to.equal(undefined);
  });

  it('logRows stores nothing when any row is bad, and keeps logged order for ties', () => {
    const rec = new Recording();
    let changes = 0;
    rec.addEventListener('change', () => changes++);
    expect(() =>
      rec.logRows([
        { entity: 'a', components: { 'Image:opacity': 1 }, time: { t: 1 } },
        { entity: 'b', components: { 'Image:opacity': 1 }, time: { t: { duration: 1 } } },
      ]),
    ).to.throw(/row 1.*timeline "t"/);
    expect(rec.entities()).to.deep.equal([]);
    expect(changes).to.equal(0);
    rec.logRows([
      { entity: 'a', components: { 'Image:opacity': 0.1 }, time: { t: { duration: 5n } } },
      { entity: 'a', components: { 'Image:opacity': 0.9 }, time: { t: { duration: 5n } } },
    ]);
    expect(changes).to.equal(1);
    expect(rec.latestAt('a', 'Image:opacity', 't', 5)).to.equal(0.9);
    expect(rec.timelines().get('t')!.kind).to.equal('duration');
  });
});

import { expect } from '@open-wc/testing';
import { resolveImageFormat } from './image-format.js';
import { Recording, componentKey, defaultRecording } from './recording.js';
import type { RecordingChangeDetail, TimeChangeDetail } from './recording.js';

function changes(rec: Recording): RecordingChangeDetail[] {
  const seen: RecordingChangeDetail[] = [];
  rec.addEventListener('change', (e) => seen.push(e.detail));
  return seen;
}

function timeChanges(rec: Recording): TimeChangeDetail[] {
  const seen: TimeChangeDetail[] = [];
  rec.addEventListener('time-change', (e) => seen.push(e.detail));
  return seen;
}

describe('Recording', () => {
  describe('logging', () => {
    it('stores static components under the canonical path', () => {
      const rec = new Recording();
      rec.logComponents('world//My Image.jpg/', { 'Image:buffer': 'b' });
      expect(rec.entities()).to.deep.equal(['/world/My\\ Image.jpg']);
      expect(rec.latestAt('/world/My\\ Image.jpg', 'Image:buffer')).to.equal('b');
      expect(rec.latestAt(['world', 'My Image.jpg'], 'Image:buffer')).to.equal('b');
      expect(rec.latestAt('world/My Image.jpg', 'Image:buffer', 'step', 0)).to.equal('b');
    });

    it('skips undefined components and stores the rest', () => {
      const rec = new Recording();
      rec.logComponents('a', { 'Image:buffer': 1, 'Image:opacity': undefined });
      expect(rec.components('a')).to.deep.equal(['Image:buffer']);
    });

    it('creates no entity and no timeline for a row with nothing in it', () => {
      const rec = new Recording();
      const seen = changes(rec);
      rec.logComponents('a', { 'Image:buffer': undefined }, { time: { step: 1 } });
      rec.sendColumns(
        'b',
        { frame: [1, 2] },
        { archetype: 'Image', buffer: [undefined, undefined] },
      );
      expect(rec.entities()).to.deep.equal([]);
      expect(rec.timelines().size).to.equal(0);
      expect(seen.length).to.equal(2);
    });

    it('converts archetype fields to snake_case component keys', () => {
      const rec = new Recording();
      rec.log('img', {
        archetype: 'Image',
        buffer: new Uint8Array(1),
        format: { width: 1, height: 1 },
        opacity: 0.5,
        drawOrder: 3,
        magnificationFilter: 'linear',
      });
      expect(rec.components('/img')).to.deep.equal([
        'Image:buffer',
        'Image:draw_order',
        'Image:format',
        'Image:magnification_filter',
        'Image:opacity',
      ]);
      expect(rec.latestAt('/img', 'Image:draw_order')).to.equal(3);
      expect(componentKey('EncodedImage', 'mediaType')).to.equal('EncodedImage:media_type');
      expect(componentKey('Foo', 'already_snake')).to.equal('Foo:already_snake');
    });

    it('allows unknown archetypes', () => {
      const rec = new Recording();
      rec.log('x', { archetype: 'FutureThing', someField: 1 });
      expect(rec.latestAt('/x', 'FutureThing:some_field')).to.equal(1);
    });

    it('rejects a missing or non-string archetype with a TypeError', () => {
      const rec = new Recording();
      expect(() => rec.log('x', { buffer: 1 } as never)).to.throw(TypeError, /"archetype"/);
      expect(() => rec.log('x', { archetype: 3 } as never)).to.throw(TypeError, /archetype 3/);
      expect(() => rec.log('x', null as never)).to.throw(TypeError, /got null/);
      expect(rec.entities()).to.deep.equal([]);
    });

    it('names what came in words: a number as entity, a bigint or NaN width', () => {
      const rec = new Recording();
      expect(() => rec.log(12345 as never, { archetype: 'Image', opacity: 1 })).to.throw(
        TypeError,
        'log: expected an entity path (a string like "world/camera", or an array of parts), got 12345',
      );
      expect(() => resolveImageFormat({ width: 10n as never, height: 2 })).to.throw(
        'expected width to be a positive integer, got the bigint 10n',
      );
      expect(() => resolveImageFormat({ width: NaN, height: 2 })).to.throw(
        'expected width to be a positive integer, got NaN',
      );
      expect(() => resolveImageFormat('garbage' as never)).to.throw(
        'expected a format {width, height, …}, got "garbage"',
      );
      expect(rec.entities()).to.deep.equal([]);
    });

    it('treats time: {} as static, as Rerun treats a row on no timeline', () => {
      const rec = new Recording();
      rec.logComponents('a', { c: 1 }, { time: {} });
      expect(rec.latestAtRow('a', 'c')?.static).to.equal(true);
    });

    it('logs static when static: true even with a time', () => {
      const rec = new Recording();
      rec.logComponents('a', { c: 1 }, { static: true, time: { step: 5 } });
      expect(rec.latestAt('a', 'c')).to.equal(1);
      expect(rec.timelines().size).to.equal(0);
    });

    it('rejects bad times without storing anything', () => {
      const rec = new Recording();
      expect(() => rec.logComponents('a', { c: 1 }, { time: { step: 1.5 } })).to.throw(
        TypeError,
        /timeline "step"/,
      );
      expect(() => rec.logComponents('a', { c: 1 }, { time: { step: 1, t: 2n ** 64n } })).to.throw(
        RangeError,
      );
      expect(rec.entities()).to.deep.equal([]);
      expect(rec.timelines().size).to.equal(0);
    });
  });

  describe('latest-at', () => {
    it('returns the latest row at or before t, undefined before the first', () => {
      const rec = new Recording();
      rec.logComponents('e', { c: 'at2' }, { time: { step: 2 } });
      rec.logComponents('e', { c: 'at5' }, { time: { step: 5 } });
      expect(rec.latestAt('e', 'c', 'step', 1)).to.equal(undefined);
      expect(rec.latestAt('e', 'c', 'step', 2)).to.equal('at2');
      expect(rec.latestAt('e', 'c', 'step', 4)).to.equal('at2');
      expect(rec.latestAt('e', 'c', 'step', 5)).to.equal('at5');
      expect(rec.latestAt('e', 'c', 'step', 1000)).to.equal('at5');
    });

    it('breaks equal-time ties by last logged, whatever order times came in', () => {
      const rec = new Recording();
      rec.logComponents('e', { c: 'a' }, { time: { step: 5 } });
      rec.logComponents('e', { c: 'b' }, { time: { step: 3 } });
      rec.logComponents('e', { c: 'c' }, { time: { step: 5 } });
      expect(rec.latestAt('e', 'c', 'step', 5)).to.equal('c');
      expect(rec.latestAt('e', 'c', 'step', 4)).to.equal('b');
      expect(rec.latestAt('e', 'c', 'step', 3)).to.equal('b');
      expect(rec.latestAt('e', 'c', 'step', 2)).to.equal(undefined);
    });

    it('keeps out-of-order rows sorted', () => {
      const rec = new Recording();
      const rows: Array<[number, string]> = [
        [7, 't7'],
        [1, 't1'],
        [9, 't9'],
        [3, 't3a'],
        [5, 't5'],
        [3, 't3b'],
      ];
      for (const [t, v] of rows) rec.logComponents('e', { c: v }, { time: { step: t } });
      const at = (t: number): unknown => rec.latestAt('e', 'c', 'step', t);
      expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(at)).to.deep.equal([
        undefined,
        't1',
        't1',
        't3b',
        't3b',
        't5',
        't5',
        't7',
        't7',
        't9',
        't9',
      ]);
    });

    it('lets a static value shadow temporal ones, even when logged before them', () => {
      const rec = new Recording();
      rec.logComponents('e', { 'Image:format': 'static-fmt' });
      rec.logComponents(
        'e',
        { 'Image:format': 'temporal-fmt', 'Image:buffer': 'buf1' },
        { time: { step: 1 } },
      );
      expect(rec.latestAt('e', 'Image:format', 'step', 1)).to.equal('static-fmt');
      expect(rec.latestAt('e', 'Image:format', 'other', 0)).to.equal('static-fmt');
      expect(rec.latestAt('e', 'Image:format')).to.equal('static-fmt');
      expect(rec.latestAt('e', 'Image:buffer', 'step', 1)).to.equal('buf1');
    });

    it('lets the last static value win', () => {
      const rec = new Recording();
      rec.logComponents('e', { c: 'first' });
      rec.logComponents('e', { c: 'second' });
      expect(rec.latestAt('e', 'c')).to.equal('second');
    });

    it('finds nothing on another timeline or with no timeline for temporal data', () => {
      const rec = new Recording();
      rec.logComponents('e', { c: 'x' }, { time: { step: 1 } });
      expect(rec.latestAt('e', 'c', 'log_time', 100)).to.equal(undefined);
      expect(rec.latestAt('e', 'c')).to.equal(undefined);
    });

    it('gives the latest row when a timeline is named without a time', () => {
      const rec = new Recording();
      rec.logComponents('e', { c: 'x' }, { time: { step: 1 } });
      rec.logComponents('e', { c: 'y' }, { time: { step: 4 } });
      expect(rec.latestAt('e', 'c', 'step')).to.equal('y');
    });

    it('queries each component independently', () => {
      const rec = new Recording();
      rec.logComponents('e', { buf: 'b1', fmt: 'f1' }, { time: { step: 1 } });
      rec.logComponents('e', { buf: 'b3' }, { time: { step: 3 } });
      rec.logComponents('e', { fmt: 'f2' }, { time: { step: 2 } });
      expect(rec.latestAt('e', 'buf', 'step', 2)).to.equal('b1');
      expect(rec.latestAt('e', 'fmt', 'step', 2)).to.equal('f2');
      expect(rec.latestAt('e', 'buf', 'step', 3)).to.equal('b3');
      expect(rec.latestAt('e', 'fmt', 'step', 3)).to.equal('f2');
      expect(rec.latestAt('e', 'nope', 'step', 3)).to.equal(undefined);
      expect(rec.latestAt('other', 'buf', 'step', 3)).to.equal(undefined);
    });

    it('puts one row on every timeline given', () => {
      const rec = new Recording();
      rec.logComponents(
        'e',
        { c: 'x' },
        { time: { step: 1, frame: { sequence: 10 }, t: { duration: 1_000_000n } } },
      );
      expect(rec.latestAt('e', 'c', 'step', 1)).to.equal('x');
      expect(rec.latestAt('e', 'c', 'frame', 10)).to.equal('x');
      expect(rec.latestAt('e', 'c', 'frame', 9)).to.equal(undefined);
      expect(rec.latestAt('e', 'c', 't', 1_000_000)).to.equal('x');
    });

    it('keeps bigint times beyond 2^53 exact', () => {
      const rec = new Recording();
      const t = 2n ** 60n;
      rec.logComponents('e', { c: 'lo' }, { time: { ts: { timestamp: t } } });
      rec.logComponents('e', { c: 'hi' }, { time: { ts: t + 1n } });
      expect(rec.latestAt('e', 'c', 'ts', t)).to.equal('lo');
      expect(rec.latestAt('e', 'c', 'ts', t + 1n)).to.equal('hi');
      expect(rec.latestAt('e', 'c', 'ts', t - 1n)).to.equal(undefined);
      expect(rec.timelines().get('ts')).to.deep.equal({ kind: 'timestamp', min: t, max: t + 1n });
    });

    it('treats null as a cleared row', () => {
      const rec = new Recording();
      rec.logComponents('e', { c: 'x' }, { time: { step: 1 } });
      rec.logComponents('e', { c: null }, { time: { step: 2 } });
      expect(rec.latestAt('e', 'c', 'step', 1)).to.equal('x');
      expect(rec.latestAt('e', 'c', 'step', 2)).to.equal(undefined);
      expect(rec.latestAtRow('e', 'c', 'step', 2)).to.equal(undefined);
    });

    it('reports the row id, time and staticness', () => {
      const rec = new Recording();
      rec.logComponents('e', { c: 'x' }, { time: { step: 1 } });
      rec.logComponents('e', { c: 'y' }, { time: { step: 1 } });
      rec.logComponents('s', { c: 'z' });
      const a = rec.latestAtRow('e', 'c', 'step', 1)!;
      const b = rec.latestAtRow('s', 'c', 'step', 1)!;
      expect(a).to.include({ value: 'y', static: false, time: 1n });
      expect(b).to.include({ value: 'z', static: true });
      expect(b.time).to.equal(undefined);
      expect(b.rowId).to.be.greaterThan(a.rowId);
    });
  });

  describe('sendColumns', () => {
    it('logs one row per index entry, splitting one ArrayBufferView evenly without copying', () => {
      const rec = new Recording();
      const seen = changes(rec);
      const bytes = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      const format = { width: 2, height: 2 };
      rec.log('img', { archetype: 'Image', format }, { static: true });
      rec.sendColumns('img', { step: [0, 1, 2] }, { archetype: 'Image', buffer: bytes });
      expect(seen.length).to.equal(2);
      const row1 = rec.latestAt('img', 'Image:buffer', 'step', 1) as Uint8Array;
      expect(row1).to.be.instanceOf(Uint8Array);
      expect([...row1]).to.deep.equal([5, 6, 7, 8]);
      expect(row1.buffer).to.equal(bytes.buffer);
      expect([...(rec.latestAt('img', 'Image:buffer', 'step', 2) as Uint8Array)]).to.deep.equal([
        9, 10, 11, 12,
      ]);
      expect(rec.latestAt('img', 'Image:format', 'step', 2)).to.deep.equal(
        resolveImageFormat(format),
      );
    });

    it('splits a typed array by bytes, honouring its byteOffset', () => {
      const rec = new Recording();
      const backing = new Uint16Array([0xffff, 1, 2, 3, 4]);
      const view = backing.subarray(1);
      rec.sendColumns('e', { step: [10, 20] }, { archetype: 'Image', buffer: view });
      const r = rec.latestAt('e', 'Image:buffer', 'step', 20) as Uint8Array;
      expect(r.byteLength).to.equal(4);
      expect([...new Uint16Array(r.slice().buffer)]).to.deep.equal([3, 4]);
    });

    it('takes arrays as per-row values and honours kinds and bigint indexes', () => {
      const rec = new Recording();
      const [a, b] = [new Uint8Array([1]), new Uint8Array([2])];
      rec.sendColumns(
        'e',
        { step: [1, 2], t: { duration: new BigInt64Array([5n, 6n]) } },
        { archetype: 'Image', buffer: [a, b], opacity: [0.5, 1] },
      );
      expect(rec.latestAt('e', 'Image:buffer', 'step', 2)).to.equal(b);
      expect(rec.latestAt('e', 'Image:opacity', 't', 5)).to.equal(0.5);
      expect(rec.timelines().get('t')?.kind).to.equal('duration');
    });

    it('leaves other timelines empty (no automatic log_time)', () => {
      const rec = new Recording();
      rec.sendColumns('e', { step: [1] }, { archetype: 'Image', buffer: [new Uint8Array(1)] });
      expect([...rec.timelines().keys()]).to.deep.equal(['step']);
    });

    it('rejects mismatched lengths and indivisible buffers without storing anything', () => {
      const rec = new Recording();
      const seen = changes(rec);
      expect(() =>
        rec.sendColumns('e', { a: [1, 2], b: [1] }, { archetype: 'Image', buffer: ['x', 'y'] }),
      ).to.throw(RangeError, /"a" has 2 and "b" has 1/);
      expect(() =>
        rec.sendColumns(
          'e',
          { step: [1, 2, 3] },
          { archetype: 'Image', buffer: new Uint8Array(10) },
        ),
      ).to.throw(RangeError, /multiple of the 3 rows, got 10 bytes/);
      expect(() =>
        rec.sendColumns('e', { step: [1, 2] }, { archetype: 'Image', buffer: ['x'] }),
      ).to.throw(RangeError, /hold 2 rows.*got 1/);
      expect(() =>
        rec.sendColumns('e', { step: [1, 2] }, { archetype: 'Image', buffer: 7 }),
      ).to.throw(TypeError, /array of 2/);
      expect(() =>
        rec.sendColumns('e', { step: [1, 0.5] }, { archetype: 'Image', buffer: ['x', 'y'] }),
      ).to.throw(TypeError, /row 1/);
      expect(() => rec.sendColumns('e', {}, { archetype: 'Image', buffer: ['x'] })).to.throw(
        TypeError,
        /at least one index/,
      );
      expect(() => rec.sendColumns('e', { step: [1] }, { buffer: ['x'] } as never)).to.throw(
        TypeError,
        /archetype/,
      );
      expect(rec.entities()).to.deep.equal([]);
      expect(seen.length).to.equal(0);
    });

    it('is the same as logging each row', () => {
      const a = new Recording();
      const b = new Recording();
      a.sendColumns('e', { step: [3, 1, 3] }, { archetype: 'X', v: ['p', 'q', 'r'] });
      for (const [t, v] of [
        [3, 'p'],
        [1, 'q'],
        [3, 'r'],
      ] as const)
        b.log('e', { archetype: 'X', v }, { time: { step: t } });
      for (const t of [0, 1, 2, 3])
        expect(a.latestAt('e', 'X:v', 'step', t)).to.equal(b.latestAt('e', 'X:v', 'step', t));
      expect(a.latestAt('e', 'X:v', 'step', 3)).to.equal('r');
    });
  });

  describe('annotationContextFor', () => {
    const key = 'AnnotationContext:context';

    it('takes the nearest ancestor, the entity itself included, without merging', () => {
      const rec = new Recording();
      rec.logComponents('/', { [key]: 'root' });
      rec.logComponents('/a/b', { [key]: 'ab' });
      rec.logComponents('/a/b/c/seg', { 'SegmentationImage:buffer': 1 });
      rec.logComponents('/x/self', { [key]: 'self' });
      expect(rec.annotationContextFor('/a/b/c/seg')).to.deep.equal({
        entity: '/a/b',
        context: 'ab',
      });
      expect(rec.annotationContextFor('/a/b')).to.deep.equal({ entity: '/a/b', context: 'ab' });
      expect(rec.annotationContextFor('/a')).to.deep.equal({ entity: '/', context: 'root' });
      expect(rec.annotationContextFor('/x/self')).to.deep.equal({
        entity: '/x/self',
        context: 'self',
      });
      expect(rec.annotationContextFor('/never/logged')).to.deep.equal({
        entity: '/',
        context: 'root',
      });
    });

    it('returns undefined when no ancestor has one', () => {
      const rec = new Recording();
      rec.logComponents('/a', { [key]: 'a' });
      expect(rec.annotationContextFor('/b/c')).to.equal(undefined);
    });

    it('queries at the given time, skipping ancestors with nothing at that time', () => {
      const rec = new Recording();
      rec.logComponents('/', { [key]: 'root' });
      rec.logComponents('/a', { [key]: 'a@5' }, { time: { step: 5 } });
      expect(rec.annotationContextFor('/a/img', 'step', 4)).to.deep.equal({
        entity: '/',
        context: 'root',
      });
      expect(rec.annotationContextFor('/a/img', 'step', 5)).to.deep.equal({
        entity: '/a',
        context: 'a@5',
      });
    });

    it('uses the recording’s cursor when no time is given', () => {
      const rec = new Recording();
      rec.logComponents('/a', { [key]: 'first' }, { time: { step: 1 } });
      rec.logComponents('/a', { [key]: 'second' }, { time: { step: 2 } });
      expect(rec.annotationContextFor('/a/img')?.context).to.equal('second');
      rec.setTime('step', 1);
      expect(rec.annotationContextFor('/a/img')?.context).to.equal('first');
    });
  });

  describe('the entity tree', () => {
    function tree(): Recording {
      const rec = new Recording();
      rec.logComponents('/world/cam/img', { c: 1 });
      rec.logComponents('/world/cam', { c: 1 });
      rec.logComponents('/world/seg', { c: 1 });
      rec.logComponents('/other/deep/leaf', { c: 1 });
      return rec;
    }

    it('lists entities with data, parents first', () => {
      expect(tree().entities()).to.deep.equal([
        '/other/deep/leaf',
        '/world/cam',
        '/world/cam/img',
        '/world/seg',
      ]);
    });

    it('knows which entities hold data', () => {
      const rec = tree();
      expect(rec.hasEntity('/world/cam')).to.equal(true);
      expect(rec.hasEntity('world/cam/')).to.equal(true);
      expect(rec.hasEntity('/world')).to.equal(false);
    });

    it('lists direct children including implicit parents ("mkdir -p")', () => {
      const rec = tree();
      expect(rec.children('/')).to.deep.equal(['/other', '/world']);
      expect(rec.children('/world')).to.deep.equal(['/world/cam', '/world/seg']);
      expect(rec.children('/other')).to.deep.equal(['/other/deep']);
      expect(rec.children('/world/seg')).to.deep.equal([]);
    });

    it('lists the subtree with data at or below a path', () => {
      const rec = tree();
      expect(rec.subtree('/world')).to.deep.equal(['/world/cam', '/world/cam/img', '/world/seg']);
      expect(rec.subtree('/world/cam')).to.deep.equal(['/world/cam', '/world/cam/img']);
      expect(rec.subtree('/wor')).to.deep.equal([]);
    });

    it('clears exactly one entity and fires change', () => {
      const rec = tree();
      const seen = changes(rec);
      rec.clearEntity('world/cam');
      expect(rec.entities()).to.deep.equal(['/other/deep/leaf', '/world/cam/img', '/world/seg']);
      expect(rec.children('/world')).to.deep.equal(['/world/cam', '/world/seg']);
      expect(seen).to.deep.equal([{ entities: ['/world/cam'] }]);
    });
  });

  describe('timelines and the cursor', () => {
    it('reports timelines in first-use order with kind and range', () => {
      const rec = new Recording();
      rec.logComponents('e', { c: 1 }, { time: { step: 5, log_time: { timestamp: 100n } } });
      rec.logComponents('e', { c: 1 }, { time: { frame: 2 } });
      rec.logComponents('e', { c: 1 }, { time: { step: -3, log_time: 50 } });
      expect([...rec.timelines()]).to.deep.equal([
        ['step', { kind: 'sequence', min: -3n, max: 5n }],
        ['log_time', { kind: 'timestamp', min: 50n, max: 100n }],
        ['frame', { kind: 'sequence', min: 2n, max: 2n }],
      ]);
    });

    it('rejects a time of another kind than the timeline’s', () => {
      const rec = new Recording();
      rec.logComponents('e', { c: 1 }, { time: { t: { duration: 1 } } });
      expect(() => rec.logComponents('e', { c: 2 }, { time: { t: { timestamp: 1 } } })).to.throw(
        TypeError,
        /holds duration times; got a timestamp/,
      );
    });

    it('drops a timeline whose data was cleared', () => {
      const rec = new Recording();
      rec.logComponents('a', { c: 1 }, { time: { step: 1 } });
      rec.logComponents('b', { c: 1 }, { time: { frame: 1, step: 9 } });
      rec.clearEntity('b');
      expect([...rec.timelines()]).to.deep.equal([
        ['step', { kind: 'sequence', min: 1n, max: 1n }],
      ]);
    });

    it('defaults to the first timeline with data and its latest time', () => {
      const rec = new Recording();
      expect(rec.timeline).to.equal(undefined);
      expect(rec.time).to.equal(undefined);
      rec.logComponents('e', { c: 1 });
      expect(rec.timeline).to.equal(undefined);
      rec.logComponents('e', { c: 1 }, { time: { frame: 4 } });
      rec.logComponents('e', { c: 1 }, { time: { step: 100 } });
      rec.logComponents('e', { c: 1 }, { time: { frame: 9 } });
      expect(rec.timeline).to.equal('frame');
      expect(rec.time).to.equal(9n);
    });

    it('keeps an explicitly set time as data arrives', () => {
      const rec = new Recording();
      rec.logComponents('e', { c: 1 }, { time: { step: 1 } });
      rec.setTime('step', 1);
      rec.logComponents('e', { c: 1 }, { time: { step: 2 } });
      expect(rec.time).to.equal(1n);
    });

    it('remembers the time per timeline and defaults on a new one', () => {
      const rec = new Recording();
      rec.logComponents('e', { c: 1 }, { time: { step: 10, frame: 20 } });
      rec.setTime('step', 3);
      rec.setTimeline('frame');
      expect(rec.timeline).to.equal('frame');
      expect(rec.time).to.equal(20n);
      rec.setTimeline('step');
      expect(rec.time).to.equal(3n);
      rec.setTimeline(undefined);
      expect(rec.timeline).to.equal('step');
    });

    it('fires time-change when the effective cursor changes, and only then', () => {
      const rec = new Recording();
      const seen = timeChanges(rec);
      rec.logComponents('e', { c: 1 }, { time: { step: 2 } });
      expect(seen).to.deep.equal([{ timeline: 'step', time: 2n }]);
      rec.setTime('step', 2);
      expect(seen.length).to.equal(1);
      rec.setTime('step', 1);
      expect(seen[1]).to.deep.equal({ timeline: 'step', time: 1n });
      rec.logComponents('e', { c: 1 }, { time: { step: 7 } });
      expect(seen.length).to.equal(2);
      rec.setTime('other', 4n);
      expect(seen[2]).to.deep.equal({ timeline: 'other', time: 4n });
    });

    it('validates the time given to setTime', () => {
      const rec = new Recording();
      expect(() => rec.setTime('step', 0.5)).to.throw(TypeError);
      expect(rec.timeline).to.equal(undefined);
    });
  });

  describe('change events', () => {
    it('fires synchronously after log, logComponents and sendColumns with the canonical entity', () => {
      const rec = new Recording();
      const seen = changes(rec);
      let valueDuringEvent: unknown;
      rec.addEventListener('change', () => (valueDuringEvent = rec.latestAt('/a b', 'X:v')));
      rec.log('a b', { archetype: 'X', v: 1 });
      expect(valueDuringEvent).to.equal(1);
      rec.logComponents(['a', 'b'], { c: 1 });
      rec.sendColumns('/c', { step: [1, 2] }, { archetype: 'X', v: [1, 2] });
      expect(seen).to.deep.equal([
        { entities: ['/a\\ b'] },
        { entities: ['/a/b'] },
        { entities: ['/c'] },
      ]);
    });

    it('can be unsubscribed', () => {
      const rec = new Recording();
      let count = 0;
      const listener = (): void => void count++;
      rec.addEventListener('change', listener);
      rec.logComponents('a', { c: 1 });
      rec.removeEventListener('change', listener);
      rec.logComponents('a', { c: 2 });
      expect(count).to.equal(1);
    });
  });

  it('has one lazily created page-wide default recording', () => {
    const a = defaultRecording();
    expect(a).to.be.instanceOf(Recording);
    expect(defaultRecording()).to.equal(a);
    expect(new Recording()).not.to.equal(a);
  });
});

describe('Recording.logRows', () => {
  it('replaces the rows of an earlier call in one change, leaving other rows', () => {
    const rec = new Recording();
    rec.logComponents('kept', { 'Image:opacity': 0.5 }, { time: { frame: 9 } });
    const first = rec.logRows([
      { entity: 'a', components: { 'Image:opacity': 1 }, time: { frame: 0 } },
      { entity: 'a', components: { 'Image:opacity': 2 }, time: { frame: 20 } },
      { entity: 'b', components: { 'Image:draw_order': 1 }, static: true },
    ]);
    expect(first.last - first.first).to.equal(2);
    const changes: string[][] = [];
    rec.addEventListener('change', (e) => changes.push(e.detail.entities));
    rec.logRows([{ entity: 'c', components: { 'Image:opacity': 3 }, time: { frame: 1 } }], {
      replaces: first,
    });
    expect(rec.entities()).to.deep.equal(['/c', '/kept']);
    expect(rec.timelines().get('frame')).to.include({ min: 1n, max: 9n });
    expect(changes).to.have.length(1);
    expect([...changes[0]!].sort()).to.deep.equal(['/a', '/b', '/c']);
  });
});

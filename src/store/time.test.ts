import { expect } from '@open-wc/testing';
import { TIME_INT_MAX, TIME_INT_MIN, toTimeInt, unwrapTimeKind } from './time.js';

describe('time values', () => {
  describe('toTimeInt', () => {
    it('converts safe-integer numbers and bigints exactly', () => {
      expect(toTimeInt(0)).to.equal(0n);
      expect(toTimeInt(-0)).to.equal(0n);
      expect(toTimeInt(42)).to.equal(42n);
      expect(toTimeInt(-7)).to.equal(-7n);
      expect(toTimeInt(Number.MAX_SAFE_INTEGER)).to.equal(9007199254740991n);
      expect(toTimeInt(9007199254740993n)).to.equal(9007199254740993n);
    });

    it('accepts the whole valid range i64::MIN+1 … i64::MAX', () => {
      expect(toTimeInt(-9223372036854775807n)).to.equal(TIME_INT_MIN);
      expect(toTimeInt(9223372036854775807n)).to.equal(TIME_INT_MAX);
    });

    it('rejects i64::MIN (reserved for static) and beyond i64 with a RangeError', () => {
      expect(() => toTimeInt(-9223372036854775808n)).to.throw(RangeError, /reserved for static/);
      expect(() => toTimeInt(9223372036854775808n)).to.throw(RangeError, /got 9223372036854775808/);
    });

    it('rejects non-integers with a TypeError', () => {
      expect(() => toTimeInt(1.5)).to.throw(TypeError, /integer.*got 1\.5/);
      expect(() => toTimeInt(NaN)).to.throw(TypeError, /got NaN/);
      expect(() => toTimeInt(Infinity)).to.throw(TypeError, /got Infinity/);
    });

    it('rejects unsafe integers, pointing to bigint', () => {
      expect(() => toTimeInt(2 ** 53)).to.throw(TypeError, /bigint/);
    });

    it('rejects other types', () => {
      expect(() => toTimeInt('3' as unknown as number)).to.throw(TypeError, /the string "3"/);
      expect(() => toTimeInt(null as unknown as number)).to.throw(TypeError, /null/);
    });
  });

  describe('unwrapTimeKind', () => {
    it('infers the kind from the object key', () => {
      expect(unwrapTimeKind({ sequence: 3 })).to.deep.equal({ kind: 'sequence', value: 3 });
      expect(unwrapTimeKind({ duration: 5n })).to.deep.equal({ kind: 'duration', value: 5n });
      expect(unwrapTimeKind({ timestamp: 1 })).to.deep.equal({ kind: 'timestamp', value: 1 });
    });

    it('leaves bare values and arrays without a kind', () => {
      expect(unwrapTimeKind(3)).to.deep.equal({ kind: undefined, value: 3 });
      expect(unwrapTimeKind<ArrayLike<number>>([1, 2])).to.deep.equal({
        kind: undefined,
        value: [1, 2],
      });
    });

    it('rejects objects naming no kind or several', () => {
      expect(() => unwrapTimeKind({ seconds: 3 } as unknown as number)).to.throw(
        TypeError,
        /seconds/,
      );
      expect(() => unwrapTimeKind({ sequence: 1, duration: 2 } as unknown as number)).to.throw(
        TypeError,
        /sequence and duration/,
      );
    });
  });
});

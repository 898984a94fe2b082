import { expect } from '@open-wc/testing';
import {
  dataRangeHeuristic,
  datatypeLimits,
  decodeSrgbHeuristic,
  parseValueRange,
  valueStats,
} from './value-range.js';

describe("value statistics and Rerun's range heuristics (SPEC §2.2–§2.4)", () => {
  it('takes min/max over every sample, NaN ignored, ±inf only in the full range', () => {
    const stats = valueStats(Float32Array.from([3, NaN, -Infinity, 7, Infinity, -2]), 'F32');
    expect(stats.range).to.deep.equal([-Infinity, Infinity]);
    expect(stats.finiteRange).to.deep.equal([-2, 7]);
  });

  it('falls back to the datatype limits when no sample is finite', () => {
    const stats = valueStats(Float64Array.from([NaN, Infinity]), 'F64');
    expect(stats.range).to.deep.equal([Infinity, Infinity]);
    expect(stats.finiteRange).to.deep.equal(datatypeLimits('F64'));
    expect(valueStats(Float32Array.from([NaN]), 'F32').range).to.equal(undefined);
  });

  it('compares 64-bit integers exactly', () => {
    const big = BigUint64Array.from([2n ** 63n + 5n, 2n ** 63n + 1n, 2n ** 63n + 3n]);
    const stats = valueStats(big, 'U64');
    expect(stats.range).to.deep.equal([Number(2n ** 63n + 1n), Number(2n ** 63n + 5n)]);
    const signed = valueStats(BigInt64Array.from([-5n, 9n, 0n]), 'I64');
    expect(signed.finiteRange).to.deep.equal([-5, 9]);
  });

  it('picks [0,1] for floats inside it, [0,255] for anything inside that, widens uniform data, else [min,max]', () => {
    expect(dataRangeHeuristic([0, 1], true)).to.deep.equal([0, 1]);
    expect(dataRangeHeuristic([0.2, 0.7], true)).to.deep.equal([0, 1]);
    expect(dataRangeHeuristic([0, 1], false)).to.deep.equal([0, 255]);
    expect(dataRangeHeuristic([0, 1.5], true)).to.deep.equal([0, 255]);
    expect(dataRangeHeuristic([1000, 1000], false)).to.deep.equal([999, 1001]);
    expect(dataRangeHeuristic([300, 1300], false)).to.deep.equal([300, 1300]);
    expect(dataRangeHeuristic([-10, 10], true)).to.deep.equal([-10, 10]);
    expect(dataRangeHeuristic([0, 65535], false)).to.deep.equal([0, 65535]);
  });

  it('decodes sRGB only for data within [0,255] (or floats within [0,1])', () => {
    expect(decodeSrgbHeuristic([0, 255], false)).to.equal(true);
    expect(decodeSrgbHeuristic([0, 256], false)).to.equal(false);
    expect(decodeSrgbHeuristic([-1, 10], true)).to.equal(false);
    expect(decodeSrgbHeuristic([0, 0.5], true)).to.equal(true);
  });

  it('parses value-range attributes and rejects bad ones', () => {
    expect(parseValueRange('0 1000')).to.deep.equal([0, 1000]);
    expect(parseValueRange(' -1.5, 2e3 ')).to.deep.equal([-1.5, 2000]);
    expect(parseValueRange('')).to.equal(undefined);
    expect(() => parseValueRange('3 3')).to.throw(/two different numbers/);
    expect(() => parseValueRange('a b')).to.throw(/got "a b"/);
  });
});

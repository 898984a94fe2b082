import { expect } from '@open-wc/testing';
import { BOX2D_FORMATS } from './box-forms.js';
import { normalizeBoxes2D } from './normalize.js';
import type { Box2DFormat, Boxes2DInput } from './types.js';

const arr = (v: ArrayLike<number> | undefined) => (v ? Array.from(v) : v);

/**
 * SPEC §12.11 annotation_context_rects: `Boxes2D(mins=[[−2,−2],[0,0]], sizes=[[3,3],[2,2]])`
 * → box 0 centre (−0.5, −0.5) half (1.5, 1.5), box 1 centre (1, 1) half (1, 1).
 */
const CENTERS = [-0.5, -0.5, 1, 1];
const HALF_SIZES = [1.5, 1.5, 1, 1];

/** The same two boxes in every Box2DFormat ([−2,1]² and [0,2]²). */
const ARRAYS: Record<Box2DFormat, number[]> = {
  XYWH: [-2, -2, 3, 3, 0, 0, 2, 2],
  YXHW: [-2, -2, 3, 3, 0, 0, 2, 2],
  XYXY: [-2, -2, 1, 1, 0, 0, 2, 2],
  YXYX: [-2, -2, 1, 1, 0, 0, 2, 2],
  XCYCWH: [-0.5, -0.5, 3, 3, 1, 1, 2, 2],
  XCYCW2H2: [-0.5, -0.5, 1.5, 1.5, 1, 1, 1, 1],
};

function expectRects(input: Boxes2DInput) {
  const { data, issues } = normalizeBoxes2D(input);
  expect(issues, issues.map((i) => i.message).join('\n')).to.deep.equal([]);
  expect(arr(data.centers)).to.deep.equal(CENTERS);
  expect(arr(data.halfSizes)).to.deep.equal(HALF_SIZES);
}

describe('Boxes2D construction forms', () => {
  it('mins + sizes gives annotation_context_rects centres and half sizes', () => {
    expectRects({
      mins: [
        [-2, -2],
        [0, 0],
      ],
      sizes: [
        [3, 3],
        [2, 2],
      ],
    });
  });

  it('centers + halfSizes, centers + sizes and attribute strings give the same boxes', () => {
    expectRects({ centers: CENTERS, halfSizes: HALF_SIZES });
    expectRects({
      centers: [
        [-0.5, -0.5],
        [1, 1],
      ],
      sizes: [
        [3, 3],
        [2, 2],
      ],
    });
    expectRects({ centers: '-0.5 -0.5, 1 1', halfSizes: '1.5 1.5, 1 1' });
    expectRects({ mins: '-2 -2 0 0', sizes: '3 3 2 2' });
  });

  for (const format of BOX2D_FORMATS) {
    it(`array + arrayFormat ${format} gives the same boxes`, () => {
      expectRects({ array: ARRAYS[format], arrayFormat: format });
      expectRects({ array: ARRAYS[format].join(' '), arrayFormat: format.toLowerCase() });
    });
  }

  it('array as rows of four', () => {
    expectRects({
      array: [
        [-2, -2, 3, 3],
        [0, 0, 2, 2],
      ],
      arrayFormat: 'XYWH',
    });
  });

  it('halfSizes alone centres boxes at (0, 0), with no centers component', () => {
    const { data } = normalizeBoxes2D({ halfSizes: [1, 2] });
    expect(arr(data.halfSizes)).to.deep.equal([1, 2]);
    expect(data.centers).to.equal(undefined);
  });

  it('mins fewer than sizes repeat their last (clamping)', () => {
    const { data } = normalizeBoxes2D({
      mins: [0, 0],
      sizes: [
        [2, 2],
        [4, 4],
      ],
    });
    expect(arr(data.centers)).to.deep.equal([1, 1, 2, 2]);
  });

  it('an array length not a multiple of 4 is named, the whole boxes kept', () => {
    const { data, issues } = normalizeBoxes2D({ array: [0, 0, 2, 2, 9, 9], arrayFormat: 'XYWH' });
    expect(arr(data.halfSizes)).to.deep.equal([1, 1]);
    expect(issues.map((i) => i.message)).to.deep.equal([
      'array: expected a length that is a multiple of 4 (one box = 4 numbers), got 6 numbers; the last 2 dropped',
    ]);
  });

  it('an unknown array-format is named with the formats it could be; no boxes', () => {
    const { data, issues } = normalizeBoxes2D({ array: [0, 0, 2, 2], arrayFormat: 'XYZW' });
    expect(data.halfSizes.length).to.equal(0);
    expect(issues[0]!.attribute).to.equal('array-format');
    expect(issues[0]!.message).to.equal(
      'arrayFormat (array-format): expected one of XYWH, YXHW, XYXY, YXYX, XCYCWH, XCYCW2H2, got "XYZW"; ignored',
    );
  });

  it('array without array-format, and conflicting forms, are reported', () => {
    expect(normalizeBoxes2D({ array: [0, 0, 1, 1] }).issues[0]!.field).to.equal('arrayFormat');
    const both = normalizeBoxes2D({ halfSizes: [1, 1], sizes: [4, 4] });
    expect(arr(both.data.halfSizes)).to.deep.equal([1, 1]);
    expect(both.issues[0]!.message).to.equal(
      'sizes: expected sizes or halfSizes, not both, got both; sizes ignored',
    );
    const minsCenters = normalizeBoxes2D({ halfSizes: [1, 1], centers: [5, 5], mins: [0, 0] });
    expect(arr(minsCenters.data.centers)).to.deep.equal([5, 5]);
    expect(minsCenters.issues[0]!.field).to.equal('mins');
    expect(normalizeBoxes2D({}).issues[0]!.message).to.match(
      /^halfSizes \(half-sizes\): expected halfSizes, sizes, or array/,
    );
  });

  it('a bad box in array is left out, the others kept', () => {
    const { data, leftOut, issues } = normalizeBoxes2D({
      array: [
        [0, 0, 2, 2],
        [1, 2, 3],
        [4, 4, 2, 2],
      ],
      arrayFormat: 'XYWH',
    });
    expect(leftOut).to.deep.equal([1]);
    expect(data.halfSizes.length).to.equal(6);
    expect(issues[0]!.message).to.equal(
      'array: expected boxes of 4 numbers, got [1,2,3]; instance 1 left out',
    );
  });
});

import { expect } from '@open-wc/testing';
import {
  parseBoolean,
  parseColors,
  parseNumber,
  parseScalars,
  parseStrips,
  parseTexts,
  parseVec2List,
} from './parse.js';

const arr = (v: ArrayLike<number> | undefined) => (v ? Array.from(v) : v);

describe('parseVec2List', () => {
  it('reads flat arrays, typed arrays, [x, y] pairs and attribute strings alike', () => {
    const want = [1, 2, 3.5, -4];
    expect(arr(parseVec2List([1, 2, 3.5, -4], 'positions').value)).to.deep.equal(want);
    expect(arr(parseVec2List(new Float64Array(want), 'positions').value)).to.deep.equal(want);
    expect(
      arr(
        parseVec2List(
          [
            [1, 2],
            [3.5, -4],
          ],
          'positions',
        ).value,
      ),
    ).to.deep.equal(want);
    expect(arr(parseVec2List('1 2, 3.5 -4', 'positions').value)).to.deep.equal(want);
    expect(arr(parseVec2List('1,2,3.5,-4', 'positions').value)).to.deep.equal(want);
  });

  it('reports an odd count of coordinates by field, expected and got, and keeps the pairs', () => {
    const r = parseVec2List([1, 2, 3], 'positions');
    expect(arr(r.value)).to.deep.equal([1, 2]);
    expect(r.issues).to.have.length(1);
    expect(r.issues[0]!.field).to.equal('positions');
    expect(r.issues[0]!.got).to.equal('3 numbers');
    expect(r.issues[0]!.message).to.match(/^positions: expected an even count/);
    expect(r.issues[0]!.message).to.contain('got 3 numbers');
  });

  it('spoils only the instance of a pair that is not two numbers', () => {
    const r = parseVec2List(
      [
        [1, 2],
        [3, 4, 5],
        [6, 7],
      ],
      'positions',
    );
    expect(r.bad).to.deep.equal([1]);
    expect(r.issues[0]!.instances).to.deep.equal([1]);
    expect(r.issues[0]!.got).to.equal('[3,4,5]');
    expect(r.value![0]).to.equal(1);
    expect(Number.isNaN(r.value![2]!)).to.equal(true);
    expect(r.value![4]).to.equal(6);
  });

  it('spoils the instance of a token that is not a number', () => {
    const r = parseVec2List('1 2 x 4 5 6', 'centers');
    expect(r.bad).to.deep.equal([1]);
    expect(r.issues[0]!.message).to.match(
      /^centers: expected numbers, got "x"; instance 1 left out/,
    );
  });

  it('rejects a value of the wrong type, naming the attribute', () => {
    const r = parseVec2List({ x: 1 }, 'halfSizes');
    expect(r.value).to.equal(undefined);
    expect(r.issues[0]!.attribute).to.equal('half-sizes');
    expect(r.issues[0]!.message).to.match(
      /^halfSizes \(half-sizes\): expected .*, got \{"x":1\}; ignored$/,
    );
  });

  it('keeps NaN and infinite numbers for the resolver to leave out', () => {
    const r = parseVec2List([NaN, 1, Infinity, 2], 'positions');
    expect(r.issues).to.deep.equal([]);
    expect(Number.isNaN(r.value![0]!)).to.equal(true);
    expect(r.value![2]).to.equal(Infinity);
  });
});

describe('parseStrips', () => {
  it('reads ";" between strips in attributes', () => {
    const r = parseStrips('0 0, 2 1; 4 -1, 6 0');
    expect(r.value!.map(arr)).to.deep.equal([
      [0, 0, 2, 1],
      [4, -1, 6, 0],
    ]);
  });

  it('reads an array of strips, each flat or as pairs', () => {
    const r = parseStrips([
      new Float32Array([0, 0, 2, 1]),
      [
        [4, -1],
        [6, 0],
        [7, 1],
      ],
    ]);
    expect(r.value!.map(arr)).to.deep.equal([
      [0, 0, 2, 1],
      [4, -1, 6, 0, 7, 1],
    ]);
  });

  it('reads an array of [x, y] pairs as one strip (numpy shape (N, 2))', () => {
    const r = parseStrips([
      [0, 0],
      [2, 1],
      [4, -1],
      [6, 0],
    ]);
    expect(r.value!.map(arr)).to.deep.equal([[0, 0, 2, 1, 4, -1, 6, 0]]);
  });

  it('empties and names a strip that cannot be read; the others stay', () => {
    const r = parseStrips([[0, 0, 1, 1], 'nope', [2, 2, 3, 3]]);
    expect(r.value!.map(arr)).to.deep.equal([[0, 0, 1, 1], [], [2, 2, 3, 3]]);
    expect(r.bad).to.deep.equal([1]);
    expect(r.issues[0]!.message).to.match(/^strips: expected strip 1 as .*; instance 1 left out$/);
  });

  it('accepts a strip with one vertex without an issue', () => {
    const r = parseStrips('5 5');
    expect(r.issues).to.deep.equal([]);
    expect(r.value!.map(arr)).to.deep.equal([[5, 5]]);
  });
});

describe('parseScalars', () => {
  it('reads one number, arrays, typed arrays and strings', () => {
    expect(arr(parseScalars(-1.5, 'radii', 'f32').value)).to.deep.equal([-1.5]);
    expect(arr(parseScalars([1, 2], 'radii', 'f32').value)).to.deep.equal([1, 2]);
    expect(arr(parseScalars('1 2,3', 'classIds', 'u16').value)).to.deep.equal([1, 2, 3]);
    expect(parseScalars(new Uint16Array([4]), 'classIds', 'u16').value).to.be.instanceOf(
      Uint16Array,
    );
  });

  it('names non-integer, negative and too large class ids, spoiling their instances', () => {
    const r = parseScalars([1, 2.5, -1, 70000, 3], 'classIds', 'u16');
    expect(r.bad).to.deep.equal([1, 2, 3]);
    expect(r.issues[0]!.message).to.equal(
      'classIds (class-ids): expected integers 0–65535, got 2.5; instances 1, 2 and 3 left out',
    );
  });

  it('ignores a string without a single number (wrong value, not wrong entries)', () => {
    const r = parseScalars('abc', 'radii', 'f32');
    expect(r.value).to.equal(undefined);
    expect(r.issues[0]!.message).to.equal('radii: expected numbers, got "abc"; ignored');
  });

  it('rejects per-instance arrays of the wrong type', () => {
    const r = parseScalars([1, 'x', 2], 'keypointIds', 'u16');
    expect(r.bad).to.deep.equal([1]);
    expect(r.issues[0]!.attribute).to.equal('keypoint-ids');
    const o = parseScalars({}, 'radii', 'f32');
    expect(o.value).to.equal(undefined);
    expect(o.issues[0]!.message).to.match(
      /^radii: expected numbers, one or one per instance, got \{\}; ignored$/,
    );
  });
});

describe('parseColors', () => {
  const hex = (v: Uint32Array | undefined) =>
    Array.from(v ?? [], (c) => c.toString(16).padStart(8, '0'));

  it('reads one colour as [r, g, b], [r, g, b, a], #hex, a CSS name or packed 0xRRGGBBAA', () => {
    expect(hex(parseColors([255, 0, 0]).value)).to.deep.equal(['ff0000ff']);
    expect(hex(parseColors([255, 0, 0, 128]).value)).to.deep.equal(['ff000080']);
    expect(hex(parseColors('#00ff00').value)).to.deep.equal(['00ff00ff']);
    expect(hex(parseColors('red').value)).to.deep.equal(['ff0000ff']);
    expect(hex(parseColors(0x0000ffff).value)).to.deep.equal(['0000ffff']);
    expect(hex(parseColors('255 0 0').value)).to.deep.equal(['ff0000ff']);
  });

  it('reads one colour per instance from arrays, typed arrays and strings', () => {
    expect(hex(parseColors([[255, 0, 0], '#00f']).value)).to.deep.equal(['ff0000ff', '0000ffff']);
    expect(hex(parseColors(new Uint32Array([0x11223344, 0x55667788])).value)).to.deep.equal([
      '11223344',
      '55667788',
    ]);
    expect(hex(parseColors(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])).value)).to.deep.equal([
      '01020304',
      '05060708',
    ]);
    expect(hex(parseColors('#f00 #0f0').value)).to.deep.equal(['ff0000ff', '00ff00ff']);
    expect(hex(parseColors('255 0 0; 0 255 0').value)).to.deep.equal(['ff0000ff', '00ff00ff']);
    expect(hex(parseColors([0xff0000ff, 0x00ff00ff, 0x0000ffff]).value)).to.have.length(3);
  });

  it('names a colour it cannot read and spoils that instance', () => {
    const r = parseColors([[255, 0, 0], 'not-a-colour', [0, 0, 255]]);
    expect(r.bad).to.deep.equal([1]);
    expect(r.issues[0]!.message).to.equal(
      'colors: expected colours, got "not-a-colour"; instance 1 left out',
    );
  });
});

describe('parseTexts, parseBoolean, parseNumber', () => {
  it('reads one text or one per instance; a non-text entry shows no label', () => {
    expect(parseTexts('one').value).to.deep.equal(['one']);
    const r = parseTexts(['a', 3, 'c']);
    expect(r.value).to.deep.equal(['a', '', 'c']);
    expect(r.issues[0]!.message).to.equal('labels: expected texts, got 3 at 1; not shown');
  });

  it('reads booleans and their attribute strings', () => {
    expect(parseBoolean('true', 'showLabels').value).to.equal(true);
    expect(parseBoolean('', 'showLabels').value).to.equal(true);
    expect(parseBoolean('FALSE', 'showLabels').value).to.equal(false);
    expect(parseBoolean('maybe', 'showLabels').issues[0]!.message).to.equal(
      'showLabels (show-labels): expected true or false, got "maybe"; ignored',
    );
  });

  it('reads finite numbers only', () => {
    expect(parseNumber('12.5', 'drawOrder').value).to.equal(12.5);
    expect(parseNumber(NaN, 'drawOrder').issues[0]!.message).to.equal(
      'drawOrder (draw-order): expected a finite number, got NaN; ignored',
    );
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../index.js';
import type { RrImage } from '../elements/rr-image/rr-image.js';
import type { RrSegmentation } from '../elements/rr-segmentation/rr-segmentation.js';
import { isNpy, npyToImageRow, parseNpy } from './npy.js';
import { float16 } from '../store/pixel-value.js';
import type { ChannelDatatypeName } from '../store/image-format.js';
import { expectImage, expectSameImage } from '../../test/helpers/pixels.js';
import { nextEvent } from '../../test/helpers/fixtures.js';
import { showImage, toHalf } from '../../test/helpers/image-data.js';

const CODES: Record<ChannelDatatypeName, string> = {
  U8: 'u1',
  I8: 'i1',
  U16: 'u2',
  I16: 'i2',
  U32: 'u4',
  I32: 'i4',
  U64: 'u8',
  I64: 'i8',
  F16: 'f2',
  F32: 'f4',
  F64: 'f8',
};

/** Writes one element at `offset` as numpy would for the dtype and byte order. */
function writeElement(
  view: DataView,
  offset: number,
  dt: ChannelDatatypeName,
  value: number,
  little: boolean,
): void {
  switch (dt) {
    case 'U8':
      return view.setUint8(offset, value);
    case 'I8':
      return view.setInt8(offset, value);
    case 'U16':
      return view.setUint16(offset, value, little);
    case 'I16':
      return view.setInt16(offset, value, little);
    case 'U32':
      return view.setUint32(offset, value, little);
    case 'I32':
      return view.setInt32(offset, value, little);
    case 'U64':
      return view.setBigUint64(offset, BigInt(value), little);
    case 'I64':
      return view.setBigInt64(offset, BigInt(value), little);
    case 'F16':
      return view.setUint16(offset, toHalf(value), little);
    case 'F32':
      return view.setFloat32(offset, value, little);
    case 'F64':
      return view.setFloat64(offset, value, little);
  }
}

/**
 * A `.npy` file as numpy writes it: magic, version, header length, a dict padded with spaces
 * to a multiple of 64 bytes and ended by a newline, then the elements in C or Fortran order.
 * `values` are given in C order.
 */
function writeNpy(
  dt: ChannelDatatypeName,
  values: number[],
  shape: number[],
  options: {
    order?: '<' | '>' | '|';
    fortran?: boolean;
    version?: 1 | 2 | 3;
    shapeInHeader?: number[];
  } = {},
): Uint8Array {
  const { fortran = false, version = 1 } = options;
  const size = Number(CODES[dt].slice(1));
  const order = options.order ?? (size === 1 ? '|' : '<');
  const shapeText =
    (options.shapeInHeader ?? shape).join(', ') +
    ((options.shapeInHeader ?? shape).length === 1 ? ',' : '');
  let dict = `{'descr': '${order}${CODES[dt]}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shapeText}), }`;
  const preamble = version === 1 ? 10 : 12;
  const padding = 64 - ((preamble + dict.length + 1) % 64);
  dict += ' '.repeat(padding % 64) + '\n';
  const header = new TextEncoder().encode(dict);
  const count = values.length;
  const out = new Uint8Array(preamble + header.length + count * size);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  out.set(header, preamble);
  const little = order !== '>';
  const base = preamble + header.length;
  for (let f = 0; f < count; f++) {
    // Element f of the file: its multi-index in the file's order, then its C-order position.
    let rest = f;
    const index = new Array<number>(shape.length);
    if (fortran) {
      for (let k = 0; k < shape.length; k++) {
        index[k] = rest % shape[k];
        rest = Math.floor(rest / shape[k]);
      }
    } else {
      for (let k = shape.length - 1; k >= 0; k--) {
        index[k] = rest % shape[k];
        rest = Math.floor(rest / shape[k]);
      }
    }
    let c = 0;
    for (let k = 0; k < shape.length; k++) c = c * shape[k] + index[k];
    writeElement(view, base + f * size, dt, values[c], little);
  }
  return out;
}

/** Values every datatype holds exactly (24 of them for a 2×3×4 array). */
function valuesFor(dt: ChannelDatatypeName): number[] {
  return Array.from({ length: 24 }, (_, i) => {
    switch (dt) {
      case 'U8':
        return i * 10;
      case 'I8':
        return i * 10 - 120;
      case 'U16':
        return i * 2000;
      case 'I16':
        return i * 2000 - 30000;
      case 'U32':
        return i * 150_000_000;
      case 'I32':
        return i * 150_000_000 - 2_000_000_000;
      case 'U64':
        return 2 ** 60 + i * 256;
      case 'I64':
        return -(2 ** 60) + i * 256;
      case 'F16':
        return i * 0.5 - 3;
      default:
        return i * 0.1 - 1.2345678;
    }
  });
}

function asNumbers(data: ArrayBufferView, dt: ChannelDatatypeName): number[] {
  const list = Array.from(data as unknown as ArrayLike<number | bigint>, (v) => Number(v));
  return dt === 'F16' ? list.map(float16) : list;
}

const ALL = Object.keys(CODES) as ChannelDatatypeName[];

describe('.npy reading', () => {
  for (const dt of ALL) {
    it(`round-trips ${dt} in C and Fortran order, both byte orders, format versions 1–3`, () => {
      const values = valuesFor(dt);
      const expected = dt === 'F32' ? values.map(Math.fround) : values;
      const size = Number(CODES[dt].slice(1));
      const orders = size === 1 ? (['|', '<'] as const) : (['<', '>'] as const);
      for (const order of orders) {
        for (const fortran of [false, true]) {
          for (const version of [1, 2, 3] as const) {
            const what = `${order}${CODES[dt]} fortran=${fortran} v${version}`;
            const file = writeNpy(dt, values, [2, 3, 4], { order, fortran, version });
            expect(isNpy(file)).to.equal(true);
            const array = parseNpy(file);
            expect(array.shape, what).to.deep.equal([2, 3, 4]);
            expect(array.dtype, what).to.equal(dt);
            expect(asNumbers(array.data, dt), what).to.deep.equal(expected);
            const { bytes, format } = npyToImageRow(file);
            expect(format, what).to.deep.equal({
              width: 3,
              height: 2,
              colorModel: 'RGBA',
              channelDatatype: dt,
            });
            expect(bytes.byteLength, what).to.equal(24 * size);
          }
        }
      }
    });
  }

  it("infers shapes as Rerun's Python SDK does: size-1 dims dropped, H×W → L, H×W×3 → RGB", () => {
    const gray = npyToImageRow(
      writeNpy(
        'U8',
        Array.from({ length: 20 }, (_, i) => i),
        [1, 4, 5, 1],
      ),
    );
    expect(gray.format).to.deep.equal({
      width: 5,
      height: 4,
      colorModel: 'L',
      channelDatatype: 'U8',
    });
    const rgb = npyToImageRow(
      writeNpy(
        'F32',
        Array.from({ length: 24 }, (_, i) => i),
        [4, 2, 3],
      ),
    );
    expect(rgb.format).to.deep.equal({
      width: 2,
      height: 4,
      colorModel: 'RGB',
      channelDatatype: 'F32',
    });
    expect(() => npyToImageRow(writeNpy('U8', [1, 2, 3, 4], [4]))).to.throw(
      /expected a shape of H×W, H×W×3 or H×W×4, got \[4\]/,
    );
  });

  it('rejects truncated files and headers that lie, saying what was expected', () => {
    const good = writeNpy('U16', valuesFor('U16'), [2, 3, 4]);
    expect(() => parseNpy(good.subarray(0, good.length - 1))).to.throw(
      "malformed .npy file: expected 48 bytes of data for shape (2, 3, 4) of '<u2', got 47",
    );
    const lying = writeNpy('U16', valuesFor('U16'), [2, 3, 4], { shapeInHeader: [3, 3, 4] });
    expect(() => parseNpy(lying)).to.throw(
      "expected 72 bytes of data for shape (3, 3, 4) of '<u2', got 48",
    );
    expect(() => parseNpy(good.subarray(0, 40))).to.throw(
      /the header claims \d+ bytes but the file ends after 30/,
    );
    expect(() => parseNpy(good.subarray(0, 9))).to.throw(/expected at least 10 bytes/);
    expect(() => parseNpy(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).to.throw(
      /expected the magic string/,
    );
    const v4 = good.slice();
    v4[6] = 4;
    expect(() => parseNpy(v4)).to.throw(
      'malformed .npy file: expected format version 1.0, 2.0 or 3.0, got 4.0',
    );
    const complex = new TextEncoder().encode(
      "{'descr': '<c8', 'fortran_order': False, 'shape': (1, 1), }\n",
    );
    const file = new Uint8Array(10 + complex.length + 8);
    file.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, complex.length, 0]);
    file.set(complex, 10);
    expect(() => parseNpy(file)).to.throw(/expected a dtype of u1, i1, u2, .* got '<c8'/);
    const noShape = new TextEncoder().encode("{'descr': '<u1', 'fortran_order': False}\n");
    const file2 = new Uint8Array(10 + noShape.length + 1);
    file2.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, noShape.length, 0]);
    file2.set(noShape, 10);
    expect(() => parseNpy(file2)).to.throw(/expected a 'shape' tuple/);
  });
});

describe('<rr-image> with .npy input', () => {
  it('shows a big-endian Fortran-order U16 .npy src exactly like the same C-order buffer', async () => {
    const [h, w] = [6, 8];
    const values = Array.from({ length: h * w }, (_, i) => 300 + i * 50);
    const url = URL.createObjectURL(
      new Blob([
        writeNpy('U16', values, [h, w], {
          order: '>',
          fortran: true,
          version: 2,
        }) as Uint8Array<ArrayBuffer>,
      ]),
    );
    const fromNpy = await fixture<RrImage>(html`<rr-image src=${url}></rr-image>`);
    const shot = await fromNpy.snapshot();
    URL.revokeObjectURL(url);
    const direct = await showImage(new Uint8Array(Uint16Array.from(values).buffer), {
      width: w,
      height: h,
      channelDatatype: 'U16',
    });
    const reference = await direct.snapshot();
    // General range [300, 2650] through the gray map: first pixel black, last white.
    expectImage(
      reference,
      (x, y) => {
        const g = Math.round((((y * w + x) * 50) / 2350) * 255);
        return [g, g, g, 255];
      },
      1,
    );
    expectSameImage(shot, reference);
  });

  it('accepts .npy bytes as data', async () => {
    const el = await fixture<RrImage>(html`<rr-image></rr-image>`);
    el.data = writeNpy('U8', [255, 0, 0, 0, 0, 255], [1, 2, 3]) as unknown as RrImage['data'];
    const shot = await el.snapshot();
    expectImage(shot, (x) => (x === 0 ? [255, 0, 0, 255] : [0, 0, 255, 255]));
  });

  it('reports a truncated .npy src and draws nothing', async () => {
    const good = writeNpy('F32', [0, 0.5, 1, 0.25], [2, 2]);
    const url = URL.createObjectURL(
      new Blob([good.subarray(0, good.length - 3) as Uint8Array<ArrayBuffer>]),
    );
    const el = await fixture<RrImage>(html`<rr-image></rr-image>`);
    const error = nextEvent<{ message: string }>(el, 'rr-error');
    el.src = url;
    expect((await error).detail.message).to.equal(
      "malformed .npy file: expected 16 bytes of data for shape (2, 2) of '<f4', got 13",
    );
    URL.revokeObjectURL(url);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.not.equal(null);
    let failed = false;
    await el.snapshot().catch(() => (failed = true));
    expect(failed).to.equal(true);
  });

  it('gives <rr-segmentation> its ids from an .npy src (H×W only)', async () => {
    // Class ids 1 and 2 with no annotation context: Rerun's auto colours (SPEC Appendix A).
    const url = URL.createObjectURL(
      new Blob([writeNpy('U16', [1, 2, 2, 1], [2, 2], { order: '>' }) as Uint8Array<ArrayBuffer>]),
    );
    const seg = await fixture<RrSegmentation>(html`<rr-segmentation src=${url}></rr-segmentation>`);
    const shot = await seg.snapshot();
    URL.revokeObjectURL(url);
    expectImage(shot, (x, y) => ((x + y) % 2 === 0 ? [77, 123, 188, 255] : [154, 188, 77, 255]));
    const rgb = URL.createObjectURL(
      new Blob([writeNpy('U8', new Array(12).fill(1), [2, 2, 3]) as Uint8Array<ArrayBuffer>]),
    );
    const bad = await fixture<RrSegmentation>(html`<rr-segmentation></rr-segmentation>`);
    const error = nextEvent<{ message: string }>(bad, 'rr-error');
    bad.src = rgb;
    expect((await error).detail.message).to.equal('expected a shape of H×W, got [2, 2, 3]');
    URL.revokeObjectURL(rgb);
  });
});

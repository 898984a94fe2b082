import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrImage } from './rr-image.js';
import { getRenderer } from '../../render/renderer.js';
import type { ChannelDatatypeName } from '../../store/image-format.js';
import { canvasPixels, expectPixel, type RGBA } from '../../../test/helpers/pixels.js';
import { nextEvent } from '../../../test/helpers/fixtures.js';
import { bytesOf, showImage, srgbByte } from '../../../test/helpers/image-data.js';
import { colormapBytes } from '../../../test/helpers/colormaps.js';

const ALL: ChannelDatatypeName[] = [
  'U8',
  'I8',
  'U16',
  'I16',
  'U32',
  'I32',
  'U64',
  'I64',
  'F16',
  'F32',
  'F64',
];
const FLOATS: ChannelDatatypeName[] = ['F16', 'F32', 'F64'];
const SIGNED: ChannelDatatypeName[] = ['I8', 'I16', 'I32', 'I64', 'F16', 'F32', 'F64'];
const MAGENTA: RGBA = [255, 0, 255, 255];

/**
 * SPEC §2.3 / §2.5 cases: `values` are three samples; L shows gray `single[i]`, RGB (every
 * channel = the sample) shows gray `multi[i]`. Single-channel data outside the sRGB ranges
 * is t through the Grayscale map (t as sRGB, byte ≈ 255·t); multi-channel data shows t as
 * linear (byte = sRGB-encode(t), 0.5 → 188): Rerun's asymmetry.
 */
interface RangeCase {
  name: string;
  types: ChannelDatatypeName[];
  values: (dt: ChannelDatatypeName) => number[];
  single: number[] | ((dt: ChannelDatatypeName) => number[]);
  multi: number[] | ((dt: ChannelDatatypeName) => number[]);
}

const CASES: RangeCase[] = [
  {
    name: 'float in [0, 1] → [0, 1] as sRGB',
    types: FLOATS,
    values: () => [0, 0.25, 1],
    single: [0, 64, 255],
    multi: [0, 64, 255],
  },
  {
    name: 'any datatype in [0, 255] → [0, 255] as sRGB (displayed byte = value)',
    types: ALL,
    values: (dt) => (dt === 'I8' ? [0, 100, 127] : [0, 100, 255]),
    single: (dt) => (dt === 'I8' ? [0, 100, 127] : [0, 100, 255]),
    multi: (dt) => (dt === 'I8' ? [0, 100, 127] : [0, 100, 255]),
  },
  {
    name: 'uniform image outside [0, 255] → [v−1, v+1], mid gray',
    types: ALL.filter((dt) => dt !== 'U8'),
    values: (dt) => (dt === 'I8' ? [-5, -5, -5] : [1000, 1000, 1000]),
    single: [128, 128, 128],
    multi: [188, 188, 188],
  },
  {
    name: 'general data → [min, max] (not [0, max], not the datatype range)',
    types: ALL.filter((dt) => dt !== 'U8' && dt !== 'I8'),
    values: () => [300, 400, 1300],
    single: [0, 26, 255],
    multi: [0, srgbByte(0.1), 255],
  },
  {
    name: 'negative data → [min, max]',
    types: SIGNED,
    values: () => [-10, 0, 10],
    single: [0, 128, 255],
    multi: [0, 188, 255],
  },
];

function pixelOf(image: ImageData, x: number, y: number): RGBA {
  const i = (y * image.width + x) * 4;
  return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!, image.data[i + 3]!];
}

function gray(v: number): RGBA {
  return [v, v, v, 255];
}

describe("<rr-image> every ColorModel × ChannelDatatype with Rerun's range heuristics", () => {
  for (const c of CASES) {
    for (const dt of c.types) {
      it(`${dt}: ${c.name}`, async () => {
        const values = c.values(dt);
        const single = await showImage(bytesOf(dt, values), {
          width: 3,
          height: 1,
          colorModel: 'L',
          channelDatatype: dt,
        });
        const shot = await single.snapshot();
        const wantSingle = typeof c.single === 'function' ? c.single(dt) : c.single;
        const wantMulti = typeof c.multi === 'function' ? c.multi(dt) : c.multi;
        wantSingle.forEach((v, x) => expectPixel(shot, x, 0, gray(v), 1));
        const rgb = values.flatMap((v) => [v, v, v]);
        const multi = await showImage(bytesOf(dt, rgb), {
          width: 3,
          height: 1,
          colorModel: 'RGB',
          channelDatatype: dt,
        });
        const multiShot = await multi.snapshot();
        wantMulti.forEach((v, x) => expectPixel(multiShot, x, 0, gray(v), 1));
      });
    }
  }

  it('reads BGR and BGRA of every datatype in the right channel order', async () => {
    for (const dt of ALL) {
      const bgr = await showImage(bytesOf(dt, [0, 100, 20]), {
        width: 1,
        height: 1,
        colorModel: 'BGR',
        channelDatatype: dt,
      });
      expectPixel(await bgr.snapshot(), 0, 0, [20, 100, 0, 255], 1);
    }
    const bgra = await showImage(bytesOf('U16', [0, 100, 20, 255]), {
      width: 1,
      height: 1,
      colorModel: 'BGRA',
      channelDatatype: 'U16',
    });
    expectPixel(await bgra.snapshot(), 0, 0, [20, 100, 0, 255], 1);
  });

  it('counts alpha samples in the range of RGBA data (SPEC §2.2)', async () => {
    // Colour 1000 with alpha 2000: the range is [0, 2000], so t = 0.5 (shown linear: 188) and
    // alpha 1. Were alpha left out, colour 1000 would be t = 1 (255).
    const bytes = bytesOf('U16', [1000, 1000, 1000, 2000, 0, 0, 0, 2000]);
    const el = await showImage(bytes, {
      width: 2,
      height: 1,
      colorModel: 'RGBA',
      channelDatatype: 'U16',
    });
    const shot = await el.snapshot();
    expectPixel(shot, 0, 0, [188, 188, 188, 255], 1);
    expectPixel(shot, 1, 0, [0, 0, 0, 255], 1);
  });

  it('premultiplies float RGBA alpha in [0, 1]', async () => {
    const el = await showImage(bytesOf('F32', [1, 0, 0, 0.5]), {
      width: 1,
      height: 1,
      colorModel: 'RGBA',
      channelDatatype: 'F32',
    });
    expectPixel(await el.snapshot(), 0, 0, [255, 0, 0, 128], 1);
  });

  it("shows NaN and ±inf as Rerun's error colour where it decodes sRGB: magenta for RGB, its red (white) for L", async () => {
    for (const dt of FLOATS) {
      // L: the error colour (1, 0, 1) goes through the gray mapper (r, r, r), as in Rerun.
      const el = await showImage(bytesOf(dt, [0, 0.5, NaN, Infinity, -Infinity]), {
        width: 5,
        height: 1,
        channelDatatype: dt,
      });
      const shot = await el.snapshot();
      expectPixel(shot, 0, 0, gray(0));
      expectPixel(shot, 1, 0, gray(128), 1);
      for (const x of [2, 3, 4]) expectPixel(shot, x, 0, gray(255));
      const rgb = await showImage(bytesOf(dt, [0.5, NaN, 0.5, 0.5, 0.5, 0.5, -Infinity, 0, 0]), {
        width: 3,
        height: 1,
        colorModel: 'RGB',
        channelDatatype: dt,
      });
      const rgbShot = await rgb.snapshot();
      expectPixel(rgbShot, 0, 0, MAGENTA);
      expectPixel(rgbShot, 1, 0, gray(128), 1);
      expectPixel(rgbShot, 2, 0, MAGENTA);
    }
  });

  it('ignores ±inf in the range and clamps them through the gray map outside sRGB ranges', async () => {
    const el = await showImage(bytesOf('F32', [0, 1000, Infinity, -Infinity]), {
      width: 4,
      height: 1,
      channelDatatype: 'F32',
    });
    const shot = await el.snapshot();
    expectPixel(shot, 0, 0, gray(0));
    expectPixel(shot, 1, 0, gray(255));
    expectPixel(shot, 2, 0, gray(255));
    expectPixel(shot, 3, 0, gray(0));
  });

  it("follows every new frame's range across a video of one format (min and max anywhere in the frame)", async () => {
    const W = 64;
    const H = 40;
    // Frame k: every sample at the 20 % point of its range, except a unique minimum at (37, 22),
    // a unique maximum at the last pixel and the 60 % point at (5, 3). Displayed: t through the
    // gray map (byte 255·t) outside [0, 255], the value itself inside.
    const frame = (lo: number, hi: number) => {
      const v = new Array<number>(W * H).fill(lo + 0.2 * (hi - lo));
      v[22 * W + 37] = lo;
      v[W * H - 1] = hi;
      v[3 * W + 5] = lo + 0.6 * (hi - lo);
      return v;
    };
    for (const dt of ['U16', 'I16', 'F32'] as const) {
      const el = await showImage(bytesOf(dt, frame(300, 1300)), {
        width: W,
        height: H,
        channelDatatype: dt,
      });
      const frames: Array<{ values: number[]; at: [number, number, number] }> = [
        { values: frame(300, 1300), at: [0, 51, 255] },
        { values: frame(1000, 6000), at: [0, 51, 255] },
        { values: frame(dt === 'U16' ? 500 : -5000, 30000), at: [0, 51, 255] },
        { values: new Array<number>(W * H).fill(5000), at: [128, 128, 128] },
        { values: frame(0, 30), at: [0, 6, 30] },
        { values: frame(2000, 3000), at: [0, 51, 255] },
      ];
      for (const { values, at } of frames) {
        el.buffer = bytesOf(dt, values);
        const shot = await el.snapshot();
        const label = `${dt} ${values[22 * W + 37]}..${values[W * H - 1]}`;
        expect(pixelOf(shot, 37, 22), label).to.deep.equal(gray(at[0]));
        expect(pixelOf(shot, 10, 10), label).to.deep.equal(gray(at[1]));
        expect(pixelOf(shot, W - 1, H - 1), label).to.deep.equal(gray(at[2]));
      }
    }
  });

  it('takes 64-bit statistics from the original values, not the f32 they are narrowed to', async () => {
    // 2^60 and 2^60 + 2^20 are one f32 value, two f64/u64 values: Rerun's range is [2^60, 2^60 + 2^20],
    // so both narrowed samples sit at t = 0. From narrowed values the image would be uniform (gray).
    for (const dt of ['U64', 'I64', 'F64'] as const) {
      const el = await showImage(bytesOf(dt, [2 ** 60, 2 ** 60 + 2 ** 20]), {
        width: 2,
        height: 1,
        channelDatatype: dt,
      });
      const shot = await el.snapshot();
      expectPixel(shot, 0, 0, gray(0));
      expectPixel(shot, 1, 0, gray(0));
    }
  });

  it('keeps GPU memory at the raw byte size (no RGBA expansion of U16 L or F32 RGB on the CPU; RGB counted as the padded RGBA the GPU stores)', async () => {
    const renderer = getRenderer();
    for (const [dt, model, channels] of [
      ['U16', 'L', 1],
      ['F32', 'RGB', 3],
      ['F16', 'L', 1],
      ['I8', 'RGBA', 4],
    ] as const) {
      const before = renderer.stats.textureBytes;
      const values = Array.from({ length: 64 * 32 * channels }, (_, i) => i % 200);
      const bytes = bytesOf(dt, values);
      const el = await showImage(bytes, {
        width: 64,
        height: 32,
        colorModel: model,
        channelDatatype: dt,
      });
      await el.snapshot();
      const stored = channels === 3 ? (bytes.length / 3) * 4 : bytes.length;
      expect(renderer.stats.textureBytes - before, `${model} ${dt}`).to.equal(stored);
      el.remove();
    }
  });
});

/** The bytes at t = 0, 0.5 and 1 of Rerun's map (colormap.wgsl, evaluated in f32). */
function expected(name: string): RGBA[] {
  return [0, 0.5, 1].map((t) => colormapBytes(name, t) as RGBA);
}

describe('<rr-image> value-range and colormap (beyond Rerun)', () => {
  it('draws a colour map on screen too', async () => {
    const el = await showImage(
      new Uint8Array([255, 255]),
      { width: 2, height: 1 },
      { colormap: 'magma' },
    );
    await el.renderComplete();
    const screen = canvasPixels(el);
    const [r, g, b] = expected('magma')[2];
    expectPixel(
      screen,
      Math.floor(screen.width / 2),
      Math.floor(screen.height / 2),
      [r, g, b, 255],
      1,
    );
  });

  for (const name of [
    'grayscale',
    'inferno',
    'magma',
    'plasma',
    'turbo',
    'viridis',
    'cyan-to-yellow',
    'spectral',
    'twilight',
  ]) {
    it(`maps 0, 0.5 and 1 through ${name} as Rerun's colormap.wgsl does (±1)`, async () => {
      const el = await showImage(
        bytesOf('F32', [0, 0.5, 1]),
        { width: 3, height: 1, channelDatatype: 'F32' },
        {
          colormap: name,
          'value-range': '0 1',
        },
      );
      const shot = await el.snapshot();
      expected(name).forEach((rgba, x) => expectPixel(shot, x, 0, rgba, 1));
    });
  }

  it('colour-maps U8 values v/255 without a value range', async () => {
    const el = await showImage(
      new Uint8Array([0, 128, 255]),
      { width: 3, height: 1 },
      { colormap: 'viridis' },
    );
    const shot = await el.snapshot();
    expected('viridis').forEach((rgba, x) => expectPixel(shot, x, 0, rgba, 1));
  });

  it('maps a value range to black..white and clamps values outside it', async () => {
    const el = await showImage(
      bytesOf('U16', [0, 100, 200, 300, 1000]),
      { width: 5, height: 1, channelDatatype: 'U16' },
      {
        'value-range': '100 300',
      },
    );
    const shot = await el.snapshot();
    [0, 0, 128, 255, 255].forEach((v, x) => expectPixel(shot, x, 0, gray(v), 1));
    // Changing the attribute re-renders with the new range.
    el.setAttribute('value-range', '0 1000');
    const wide = await el.snapshot();
    expectPixel(wide, 4, 0, gray(255), 1);
    expectPixel(wide, 3, 0, gray(77), 1);
  });

  it('ignores the colour map on RGB images but applies their value range', async () => {
    const el = await showImage(
      bytesOf('U16', [0, 500, 1000]),
      { width: 1, height: 1, colorModel: 'RGB', channelDatatype: 'U16' },
      {
        colormap: 'viridis',
        'value-range': '0 1000',
      },
    );
    // Multi-channel data outside [0, 255] shows t as linear: (0, 0.5, 1) → (0, 188, 255).
    expectPixel(await el.snapshot(), 0, 0, [0, 188, 255, 255], 1);
  });

  it('reports a bad value-range or colormap instead of drawing', async () => {
    const el = await fixture<RrImage>(html`<rr-image value-range="5"></rr-image>`);
    let error = nextEvent<{ message: string }>(el, 'rr-error');
    el.format = { width: 1, height: 1 };
    el.buffer = new Uint8Array([7]);
    expect((await error).detail.message).to.equal(
      'expected value-range as two different numbers "min max", got "5"',
    );
    error = nextEvent<{ message: string }>(el, 'rr-error');
    el.removeAttribute('value-range');
    el.setAttribute('colormap', 'jet');
    expect((await error).detail.message).to.contain(
      'unknown colormap "jet": expected one of grayscale, inferno',
    );
    el.removeAttribute('colormap');
    await el.renderComplete();
    expectPixel(await el.snapshot(), 0, 0, gray(7));
  });
});

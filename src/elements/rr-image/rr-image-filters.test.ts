import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrImage } from '../rr-image/rr-image.js';
import { getRenderer } from '../../render/renderer.js';
import {
  expectImage,
  expectPixel,
  expectSameImage,
  type RGBA,
} from '../../../test/helpers/pixels.js';
import { pngUrl, rgbImage } from '../../../test/helpers/fixtures.js';
import { assertNoWebGLError, requireWebGL2 } from '../../../test/helpers/webgl.js';
import { linearOf, randomBytes, showImage, srgbByte } from '../../../test/helpers/image-data.js';

// A 2×2 RGB image: red, green / blue, white.
const TWO_BY_TWO = [
  [255, 0, 0],
  [0, 255, 0],
  [0, 0, 255],
  [255, 255, 255],
];

/** Decoded (linear) texel, clamped to the edge. */
function texel(x: number, y: number): number[] {
  const cx = Math.min(1, Math.max(0, x));
  const cy = Math.min(1, Math.max(0, y));
  return TWO_BY_TWO[cy * 2 + cx].map(linearOf);
}

/** Catmull-Rom weights of SPEC §2.6. */
function catmullRom(t: number): number[] {
  const t2 = t * t;
  const t3 = t2 * t;
  return [-t3 + 2 * t2 - t, 3 * t3 - 5 * t2 + 2, -3 * t3 + 4 * t2 + t, t3 - t2].map((w) => 0.5 * w);
}

/** What SPEC §2.6 says output pixel (px, py) of a snapshot at `scale` shows. */
function filtered(
  filter: 'nearest' | 'linear' | 'bicubic',
  scale: number,
  px: number,
  py: number,
): RGBA {
  const u = (px + 0.5) / scale;
  const v = (py + 0.5) / scale;
  let rgb: number[];
  if (filter === 'nearest') {
    rgb = texel(Math.floor(u), Math.floor(v));
  } else {
    const cu = u - 0.5;
    const cv = v - 0.5;
    const x0 = Math.floor(cu);
    const y0 = Math.floor(cv);
    const fx = cu - x0;
    const fy = cv - y0;
    rgb = [0, 0, 0];
    if (filter === 'linear') {
      const taps: Array<[number, number, number]> = [
        [0, 0, (1 - fx) * (1 - fy)],
        [1, 0, fx * (1 - fy)],
        [0, 1, (1 - fx) * fy],
        [1, 1, fx * fy],
      ];
      for (const [dx, dy, w] of taps) texel(x0 + dx, y0 + dy).forEach((c, k) => (rgb[k] += w * c));
    } else {
      const wx = catmullRom(fx);
      const wy = catmullRom(fy);
      for (let j = 0; j < 4; j++) {
        for (let i = 0; i < 4; i++)
          texel(x0 + i - 1, y0 + j - 1).forEach((c, k) => (rgb[k] += wx[i] * wy[j] * c));
      }
      rgb = rgb.map((c) => Math.min(1, Math.max(0, c)));
    }
  }
  return [srgbByte(rgb[0]), srgbByte(rgb[1]), srgbByte(rgb[2]), 255];
}

describe('<rr-image> magnification filters (SPEC §2.6)', () => {
  for (const filter of ['nearest', 'linear', 'bicubic'] as const) {
    it(`${filter}: a 2×2 image at snapshot({scale: 8}) matches the formula on decoded texels`, async () => {
      const el = await showImage(
        Uint8Array.from(TWO_BY_TWO.flat()),
        { width: 2, height: 2, colorModel: 'RGB' },
        {
          'magnification-filter': filter,
        },
      );
      const shot = await el.snapshot({ scale: 8 });
      expect([shot.width, shot.height]).to.deep.equal([16, 16]);
      expectImage(shot, (x, y) => filtered(filter, 8, x, y), 1);
    });

    it(`${filter}: changes no pixel at scale 1`, async () => {
      const bytes = randomBytes(9 * 7 * 3, 11);
      const el = await showImage(
        bytes,
        { width: 9, height: 7, colorModel: 'RGB' },
        { 'magnification-filter': filter },
      );
      expectImage(await el.snapshot(), (x, y) => {
        const i = (y * 9 + x) * 3;
        return [bytes[i], bytes[i + 1], bytes[i + 2], 255];
      });
    });
  }

  it("minifies with Rerun's rule: linear for colour images, nearest for colour-mapped ones", async () => {
    // At scale 0.5 each output pixel centre sits on the edge between texels 2x and 2x + 1.
    const row = [0, 255, 0, 255];
    const rgb = await showImage(Uint8Array.from(row.flatMap((v) => [v, v, v])), {
      width: 4,
      height: 1,
      colorModel: 'RGB',
    });
    // Linear min filter on decoded texels: the mean of 0 and 1 in linear light → sRGB 188.
    expectImage(await rgb.snapshot({ scale: 0.5 }), () => [188, 188, 188, 255], 1);
    // U16 0/1000 is outside [0, 255]: gray-mapped, so nearest; the sample point x = 2px + 1 → texel 1, 3.
    const u16 = await showImage(new Uint8Array(Uint16Array.from([0, 1000, 0, 1000]).buffer), {
      width: 4,
      height: 1,
      channelDatatype: 'U16',
    });
    expectImage(await u16.snapshot({ scale: 0.5 }), () => [255, 255, 255, 255]);
  });

  it('filters the scalar before colour-mapping (a U16 image through the gray map)', async () => {
    // [0, 1000] → t 0 and 1; bilinear halfway between is t = 0.5 → gray byte 128 (t as sRGB),
    // not the 188 that filtering decoded colours would give.
    const bytes = new Uint8Array(Uint16Array.from([0, 1000]).buffer);
    const el = await showImage(
      bytes,
      { width: 2, height: 1, channelDatatype: 'U16' },
      { 'magnification-filter': 'linear' },
    );
    const shot = await el.snapshot({ scale: 8 });
    // Output pixel 7 and 8 sit at scene x 0.9375 and 1.0625: t = 0.4375 and 0.5625.
    expectImage(
      shot,
      (x) => {
        const t = Math.min(1, Math.max(0, (x + 0.5) / 8 - 0.5));
        const g = Math.round(t * 255);
        return [g, g, g, 255];
      },
      1,
    );
  });
});

describe('<rr-image> images larger than the GPU texture limit (rerun issue #3782)', () => {
  afterEach(() => {
    getRenderer().maxTextureSizeOverride = undefined;
  });

  it('shows a 9000×40 image on a device limited to 8192 texels per side, with no seam', async () => {
    const renderer = getRenderer();
    renderer.maxTextureSizeOverride = 8192;
    const color = (x: number, y: number) => [x & 255, (x >> 8) * 7, (y * 6) & 255];
    const before = renderer.stats.textures;
    const el = await showImage(rgbImage(9000, 40, color), {
      width: 9000,
      height: 40,
      colorModel: 'RGB',
    });
    const shot = await el.snapshot();
    expect(renderer.stats.textures - before, 'tiles').to.equal(2);
    expect([shot.width, shot.height]).to.deep.equal([9000, 40]);
    expectImage(shot, (x, y) => [...color(x, y), 255] as unknown as RGBA);
  });

  for (const filter of ['linear', 'bicubic'] as const) {
    it(`${filter} filtering is identical across tile seams (limit forced to 16 texels)`, async () => {
      const bytes = randomBytes(40 * 22 * 3, 5);
      const format = { width: 40, height: 22, colorModel: 'RGB' };
      const whole = await (
        await showImage(bytes, format, { 'magnification-filter': filter })
      ).snapshot({ scale: 3 });
      const renderer = getRenderer();
      renderer.maxTextureSizeOverride = 16;
      const before = renderer.stats.textures;
      const el = await showImage(bytes, format, { 'magnification-filter': filter });
      const tiled = await el.snapshot({ scale: 3 });
      // 40 and 22 texels in spans of 12: 4 × 2 tiles; the 120×66 snapshot is drawn in tiles too.
      expect(renderer.stats.textures - before, 'tiles').to.equal(8);
      expectSameImage(tiled, whole);
    });
  }

  it('tiles an encoded image (PNG src) too, seamlessly (limit forced to 16)', async function () {
    requireWebGL2(this);
    const url = await pngUrl(40, 22, (ctx) => {
      for (let y = 0; y < 22; y++)
        for (let x = 0; x < 40; x++) {
          ctx.fillStyle = `rgba(${x * 6}, ${y * 11}, ${(x * y) & 255}, ${0.5 + (x % 2) / 2})`;
          ctx.fillRect(x, y, 1, 1);
        }
    });
    const show = async () => {
      const el = await fixture<RrImage>(
        html`<rr-image style="width: 200px" magnification-filter="bicubic"></rr-image>`,
      );
      el.src = url;
      return el;
    };
    const whole = await (await show()).snapshot({ scale: 3 });
    const renderer = getRenderer();
    renderer.maxTextureSizeOverride = 16;
    const before = renderer.stats.textures;
    const el = await show();
    const tiled = await el.snapshot({ scale: 3 });
    expect(renderer.stats.textures - before, 'tiles').to.equal(8);
    assertNoWebGLError('tiled bitmap');
    expectSameImage(tiled, whole);
    // Not blank, and hover reads the texel from the tile that holds it.
    const texel = [31 * 6, 20 * 11, (31 * 20) & 255, 255];
    expectPixel(tiled, 3 * 31 + 1, 3 * 20 + 1, texel as unknown as RGBA, 1);
    expect(el.pick(31.5, 20.5)[0]?.value).to.deep.equal(texel);
  });

  it('tiles integer and float textures too (U16 L through the gray map, forced limit 8)', async () => {
    const values = Uint16Array.from({ length: 20 * 10 }, (_, i) => 300 + ((i * 37) % 1000));
    const bytes = new Uint8Array(values.buffer);
    const format = { width: 20, height: 10, channelDatatype: 'U16' };
    const whole = await (
      await showImage(bytes, format, { 'magnification-filter': 'bicubic' })
    ).snapshot({ scale: 2 });
    getRenderer().maxTextureSizeOverride = 8;
    const tiled = await (
      await showImage(bytes, format, { 'magnification-filter': 'bicubic' })
    ).snapshot({ scale: 2 });
    expectSameImage(tiled, whole);
  });
});

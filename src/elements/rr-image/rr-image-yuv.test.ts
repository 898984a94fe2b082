import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrImage } from './rr-image.js';
import { getRenderer } from '../../render/renderer.js';
import { PixelFormat, type PixelFormatName } from '../../store/image-format.js';
import { expectImage, expectPixel } from '../../../test/helpers/pixels.js';
import { nextEvent } from '../../../test/helpers/fixtures.js';
import { linearOf, randomBytes, showImage, srgbByte } from '../../../test/helpers/image-data.js';

// A plain CPU implementation of SPEC §1.4 (byte offsets) and §2.7 (conversion), written
// independently of the shader, as the reference the GPU must match.
function offsets(
  pf: PixelFormatName,
  w: number,
  h: number,
  x: number,
  y: number,
): [number, number, number] | [number] {
  const n = w * h;
  const hw = w / 2;
  const hx = Math.floor(x / 2);
  const hy = Math.floor(y / 2);
  switch (pf) {
    case 'Y_U_V24_LimitedRange':
    case 'Y_U_V24_FullRange':
      return [y * w + x, n + y * w + x, 2 * n + y * w + x];
    case 'Y_U_V16_LimitedRange':
    case 'Y_U_V16_FullRange':
      return [y * w + x, n + y * hw + hx, n + hw * h + y * hw + hx];
    case 'Y_U_V12_LimitedRange':
    case 'Y_U_V12_FullRange':
      return [y * w + x, n + hy * hw + hx, n + hw * (h / 2) + hy * hw + hx];
    case 'NV12':
      return [y * w + x, n + hy * w + 2 * hx, n + hy * w + 2 * hx + 1];
    case 'YUY2':
      return [y * 2 * w + 2 * x, y * 2 * w + 4 * hx + 1, y * 2 * w + 4 * hx + 3];
    case 'Y8_FullRange':
    case 'Y8_LimitedRange':
      return [y * w + x];
  }
}

function cpuYuvToRgb(
  pf: PixelFormatName,
  bytes: Uint8Array,
  w: number,
  h: number,
  x: number,
  y: number,
): [number, number, number, number] {
  const o = offsets(pf, w, h, x, y);
  const Y = bytes[o[0]];
  const U = o.length === 3 ? bytes[o[1]] : 128;
  const V = o.length === 3 ? bytes[o[2]] : 128;
  const limited = pf.endsWith('LimitedRange') || pf === 'NV12' || pf === 'YUY2';
  const yn = limited ? (Y - 16) / 219 : Y / 255;
  const un = limited ? (U - 128) / 224 : (U - 128) / 255;
  const vn = limited ? (V - 128) / 224 : (V - 128) / 255;
  const bt601 = pf === 'NV12' || pf === 'YUY2';
  const rgb = bt601
    ? [yn + 1.402 * vn, yn - 0.344 * un - 0.714 * vn, yn + 1.772 * un]
    : [yn + 1.575 * vn, yn - 0.187 * un - 0.468 * vn, yn + 1.856 * un];
  const q = rgb.map((c) => Math.round(Math.min(1, Math.max(0, c)) * 255));
  return [q[0], q[1], q[2], 255];
}

const SIZES: Record<PixelFormatName, number> = {
  Y_U_V12_LimitedRange: 1.5,
  Y_U_V12_FullRange: 1.5,
  NV12: 1.5,
  YUY2: 2,
  Y_U_V16_LimitedRange: 2,
  Y_U_V16_FullRange: 2,
  Y_U_V24_LimitedRange: 3,
  Y_U_V24_FullRange: 3,
  Y8_FullRange: 1,
  Y8_LimitedRange: 1,
};

/** Rerun's image_formats scene (SPEC §9): a 256×256 gradient (R = x, G = min(255, x + y), B = y). */
function gradient(layout: 'RGB' | 'BGR' | 'G'): Uint8Array {
  const channels = layout === 'G' ? 1 : 3;
  const out = new Uint8Array(256 * 256 * channels);
  for (let y = 0; y < 256; y++) {
    for (let x = 0; x < 256; x++) {
      const rgb = [x, Math.min(255, x + y), y];
      const i = (y * 256 + x) * channels;
      if (layout === 'G') out[i] = rgb[1];
      else out.set(layout === 'RGB' ? rgb : [...rgb].reverse(), i);
    }
  }
  return out;
}

describe('<rr-image> image_formats scene and YUV pixel formats', () => {
  it('shows image_formats RGB exactly: pixel (x, y) = (x, min(255, x+y), y)', async () => {
    const el = await showImage(gradient('RGB'), { width: 256, height: 256, colorModel: 'RGB' });
    expectImage(await el.snapshot(), (x, y) => [x, Math.min(255, x + y), y, 255]);
  });

  it('shows image_formats green-only L as gray min(255, x+y)', async () => {
    const el = await showImage(gradient('G'), { width: 256, height: 256, colorModel: 'L' });
    expectImage(await el.snapshot(), (x, y) => {
      const g = Math.min(255, x + y);
      return [g, g, g, 255];
    });
  });

  it('shows image_formats BGR identical to RGB', async () => {
    const el = await showImage(gradient('BGR'), { width: 256, height: 256, colorModel: 'BGR' });
    expectImage(await el.snapshot(), (x, y) => [x, Math.min(255, x + y), y, 255]);
  });

  it('shows image_formats Y_U_V16 full range with the corners and centre of SPEC §9', async () => {
    // Y plane all 128, U plane 128×256 with U = 2·col, V plane 128×256 with V = row.
    const bytes = new Uint8Array(256 * 256 * 2);
    bytes.fill(128, 0, 256 * 256);
    for (let row = 0; row < 256; row++) {
      for (let col = 0; col < 128; col++) {
        bytes[256 * 256 + row * 128 + col] = 2 * col;
        bytes[256 * 256 + 128 * 256 + row * 128 + col] = row;
      }
    }
    const el = await showImage(bytes, {
      width: 256,
      height: 256,
      pixelFormat: 'Y_U_V16_FullRange',
    });
    const shot = await el.snapshot();
    expectPixel(shot, 0, 0, [0, 212, 0, 255], 1);
    expectPixel(shot, 255, 0, [0, 164, 255, 255], 1);
    expectPixel(shot, 0, 255, [255, 92, 0, 255], 1);
    expectPixel(shot, 255, 255, [255, 45, 255, 255], 1);
    expectPixel(shot, 128, 128, [128, 128, 128, 255], 1);
    // Hover values come from Rerun's CPU conversion, which truncates: 0.8307 · 255 → 211, drawn 212.
    expect(el.pick(0.5, 0.5)[0].value).to.deep.equal([0, 211, 0]);
  });

  for (const pf of Object.keys(PixelFormat) as PixelFormatName[]) {
    it(`decodes ${pf} on the GPU as the CPU reference does (±1), from raw-sized GPU memory`, async () => {
      const [w, h] = [24, 12];
      const bytes = randomBytes(w * h * SIZES[pf], PixelFormat[pf]);
      const before = getRenderer().stats.textureBytes;
      const el = await showImage(bytes, { width: w, height: h, pixelFormat: pf });
      const shot = await el.snapshot();
      expect([shot.width, shot.height]).to.deep.equal([w, h]);
      expectImage(shot, (x, y) => cpuYuvToRgb(pf, bytes, w, h, x, y), 1);
      // The bytes are the texture: no RGBA expansion on the GPU.
      expect(getRenderer().stats.textureBytes - before).to.equal(bytes.length);
      el.remove();
    });
  }

  for (const [w, h] of [
    [24, 12],
    [26, 10],
  ]) {
    it(`minifies NV12 ${w}×${h} 2:1 as the mean of each 2×2 block's decoded pixels in linear light`, async () => {
      const bytes = randomBytes(w * h * 1.5, 11);
      const el = await showImage(bytes, { width: w, height: h, pixelFormat: 'NV12' });
      const shot = await el.snapshot({ scale: 0.5 });
      expect([shot.width, shot.height]).to.deep.equal([w / 2, h / 2]);
      expectImage(
        shot,
        (x, y) => {
          const taps = [0, 1, 2, 3].map((i) =>
            cpuYuvToRgb('NV12', bytes, w, h, 2 * x + (i & 1), 2 * y + (i >> 1)),
          );
          const mean = (c: number) => taps.reduce((sum, t) => sum + linearOf(t[c]), 0) / 4;
          return [srgbByte(mean(0)), srgbByte(mean(1)), srgbByte(mean(2)), 255];
        },
        1,
      );
      el.remove();
    });
  }

  it('decodes YUV whose byte count is not a multiple of the width (NV12 at 6×2: 18 bytes in rows of 6)', async () => {
    const [w, h] = [6, 2];
    const bytes = randomBytes(18, 7);
    const el = await showImage(bytes, { width: w, height: h, pixelFormat: 'NV12' });
    expectImage(await el.snapshot(), (x, y) => cpuYuvToRgb('NV12', bytes, w, h, x, y), 1);
  });

  it('decodes a YUV image taller than the texture limit by laying its bytes out in wider rows', async () => {
    const renderer = getRenderer();
    renderer.maxTextureSizeOverride = 64;
    try {
      const [w, h] = [4, 100];
      const bytes = randomBytes(w * h * 3, 3);
      const el = await showImage(bytes, { width: w, height: h, pixelFormat: 'Y_U_V24_FullRange' });
      expectImage(
        await el.snapshot(),
        (x, y) => cpuYuvToRgb('Y_U_V24_FullRange', bytes, w, h, x, y),
        1,
      );
    } finally {
      renderer.maxTextureSizeOverride = undefined;
    }
  });

  it('rejects an odd width for 4:2:2 with a clear message and draws nothing', async () => {
    const el = await fixture<RrImage>(html`<rr-image></rr-image>`);
    const error = nextEvent<{ message: string }>(el, 'rr-error');
    el.format = { width: 5, height: 4, pixelFormat: 'YUY2' };
    el.buffer = new Uint8Array(40);
    const { detail } = await error;
    expect(detail.message).to.equal(
      'expected an even width for YUY2 (chroma is shared by pixel pairs), got 5×4 YUY2',
    );
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.not.equal(null);
    let failed = false;
    await el.snapshot().catch(() => (failed = true));
    expect(failed).to.equal(true);
  });

  it('rejects an odd height for 4:2:0 and a wrong byte count', async () => {
    const el = await fixture<RrImage>(html`<rr-image></rr-image>`);
    let error = nextEvent<{ message: string }>(el, 'rr-error');
    el.format = { width: 4, height: 3, pixelFormat: 'NV12' };
    el.buffer = new Uint8Array(18);
    expect((await error).detail.message).to.contain('expected an even height for NV12');
    error = nextEvent<{ message: string }>(el, 'rr-error');
    el.format = { width: 4, height: 4, pixelFormat: 'NV12' };
    el.buffer = new Uint8Array(23);
    expect((await error).detail.message).to.equal('expected 24 bytes for 4×4 NV12, got 23');
  });
});

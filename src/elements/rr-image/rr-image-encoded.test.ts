// Colour-mapped images drawn encoded: the colour map's sRGB value written straight into an RGBA8
// target (no sRGB decode, no sRGB target), byte for byte as the linear-light path.
import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrImage } from './rr-image.js';
import type { RrDepthImage } from '../rr-depth-image/rr-depth-image.js';
import { getRenderer } from '../../render/renderer.js';
import { bytesOf } from '../../../test/helpers/image-data.js';
import { canvasPixels } from '../../../test/helpers/pixels.js';

const W = 64;
const H = 32;

/** Deterministic samples in [lo, hi], the minimum first and the maximum last. */
function samples(lo: number, hi: number, seed: number): number[] {
  let s = seed;
  const v = Array.from({ length: W * H }, () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return lo + ((s >>> 8) / 2 ** 24) * (hi - lo);
  });
  v[0] = lo;
  v[W * H - 1] = hi;
  return v;
}

/** F32 samples: random ones, NaN and ±inf. */
function floatSamples(): number[] {
  const v = samples(-1000, 99000, 7);
  v[5] = NaN;
  v[6] = Infinity;
  v[7] = -Infinity;
  return v;
}

/** Counters of the renderer, and what changed since `before`. */
function delta(before: ReturnType<typeof stats>) {
  const now = stats();
  return { frames: now.frames - before.frames, encoded: now.encodedFrames - before.encodedFrames };
}
const stats = () => getRenderer().stats;

async function image(
  buffer: Uint8Array,
  format: object,
  attributes: Record<string, string> = {},
): Promise<RrImage> {
  // Half the image's size: minified, as a 1080p frame in a 960×540 view.
  const el = await fixture<RrImage>(
    html`<rr-image style="width: ${W / 2}px; height: ${H / 2}px"></rr-image>`,
  );
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.format = format as RrImage['format'];
  el.buffer = buffer;
  await el.renderComplete();
  return el;
}

/** Screen and snapshots (half and full size) of the element's current frame. */
async function pictures(el: RrImage) {
  await el.updateComplete;
  await el.renderComplete();
  const screen = canvasPixels(el);
  return {
    screen: [...screen.data],
    half: [...(await el.snapshot({ scale: 0.5 })).data],
    full: [...(await el.snapshot()).data],
  };
}

describe('<rr-image> colour-mapped images drawn encoded', () => {
  const cases = [
    { dt: 'U16', values: samples(300, 65000, 3), colormap: undefined },
    { dt: 'F32', values: floatSamples(), colormap: undefined },
    { dt: 'F32', values: floatSamples(), colormap: 'turbo' },
    { dt: 'U16', values: samples(300, 65000, 5), colormap: 'viridis' },
  ] as const;
  for (const { dt, values, colormap } of cases) {
    it(`draws an L ${dt} frame (${colormap ?? 'Rerun’s gray map'}) alone in one encoded pass, byte for byte as the linear-light path`, async () => {
      const el = await image(
        bytesOf(dt, values),
        { width: W, height: H, channelDatatype: dt },
        colormap ? { colormap } : {},
      );
      // A new frame of the same format: drawn once, encoded, on screen.
      let before = stats();
      const next = bytesOf(
        dt,
        values.map((_, i) => values[(i + 1) % values.length]!),
      );
      el.buffer = next;
      await el.renderComplete();
      expect(delta(before)).to.deep.equal({ frames: 1, encoded: 1 });
      before = stats();
      const encoded = await pictures(el);
      // Both snapshots were drawn encoded too.
      expect(delta(before).encoded).to.equal(2);
      expect(encoded.screen).to.deep.equal(encoded.half);
      expect(encoded.full.some((c, i) => i % 4 !== 3 && c !== 0 && c !== 255)).to.equal(true);
      expect(encoded.full.filter((_, i) => i % 4 === 3).every((a) => a === 255)).to.equal(true);

      // The same frame over an opaque black background (hidden under the opaque image): not
      // encoded, so composited in linear light into an sRGB target. The same bytes on screen.
      // (The attribute of a standalone element is read at its next frame: the same one again.)
      el.setAttribute('background', '#000000');
      before = stats();
      el.buffer = next.slice();
      await el.renderComplete();
      expect(delta(before)).to.deep.equal({ frames: 1, encoded: 0 });
      expect([...canvasPixels(el).data]).to.deep.equal(encoded.screen);
      // And at an opacity just below 1 (alpha still rounds to 255): composited in linear light
      // and encoded by a second pass, on screen and in snapshots. The same bytes.
      el.removeAttribute('background');
      el.opacity = 1 - 2 ** -24;
      before = stats();
      const translucent = await pictures(el);
      expect(delta(before)).to.deep.equal({ frames: 1, encoded: 0 });
      expect(translucent).to.deep.equal(encoded);
    });
  }

  it('gives the exact byte round(255·t) at the rounding edges of F32 data, where the linear path may be one off', async () => {
    const [lo, hi] = [-1000, 99000];
    // t a hair (up to 2·10⁻⁶ relative) off (k + ½) / 255 for every k: the decode, and the sRGB
    // target's encode, are only exact to about 10⁻⁴ of a byte, so there the two paths may
    // round apart (on SwiftShader for some of these, never for the random values above).
    const v = Array.from({ length: W * H }, (_, i) => {
      const edge = ((i % 255) + 0.5) / 255;
      return lo + (hi - lo) * edge * (1 + ((i % 9) - 4) * 5e-7);
    });
    v[0] = lo;
    v[W * H - 1] = hi;
    const el = await image(bytesOf('F32', v), { width: W, height: H, channelDatatype: 'F32' });
    const before = stats();
    const encoded = (await el.snapshot()).data;
    expect(delta(before).encoded).to.equal(1);
    el.opacity = 1 - 2 ** -24;
    const linear = (await el.snapshot()).data;
    expect(delta(before).encoded).to.equal(1);
    let rounded = 0;
    for (let i = 0; i < W * H; i++) {
      const t = Math.fround(Math.fround(Math.fround(v[i]!) - lo) / (hi - lo));
      const x = 255 * t;
      const byte = encoded[i * 4]!;
      expect(Math.abs(byte - linear[i * 4]!), `pixel ${i}`).to.be.at.most(1);
      // Off the edge by more than the shader's f32 division can err: the rounded value.
      if (Math.abs(x - Math.floor(x) - 0.5) > 1e-4) {
        expect(byte, `pixel ${i}`).to.equal(Math.round(x));
        rounded++;
      }
    }
    expect(rounded).to.be.greaterThan((W * H) / 4);
  });

  it('keeps the linear path for a colour-mapped image below full opacity, and for RGB and U8 gray images', async () => {
    const u16 = await image(bytesOf('U16', samples(300, 65000, 9)), {
      width: W,
      height: H,
      channelDatatype: 'U16',
    });
    let before = stats();
    u16.opacity = 0.5;
    await u16.renderComplete();
    expect(delta(before)).to.deep.equal({ frames: 1, encoded: 0 });
    expect(canvasPixels(u16).data[3]).to.equal(128);
    // RGB U8, magnified with a bilinear filter (in linear light): never encoded.
    const rgb = await fixture<RrImage>(
      html`<rr-image style="width: 64px; height: 32px" magnification-filter="linear"></rr-image>`,
    );
    rgb.format = { width: 8, height: 4, colorModel: 'RGB', channelDatatype: 'U8' };
    before = stats();
    rgb.buffer = new Uint8Array(8 * 4 * 3).map((_, i) => (i * 37) & 255);
    await rgb.renderComplete();
    expect(delta(before).frames).to.be.at.least(1);
    expect(delta(before).encoded).to.equal(0);
    await rgb.snapshot();
    expect(delta(before).encoded).to.equal(0);
    // U8 gray (sRGB-decoded, filtered in linear light when minified): not encoded either.
    before = stats();
    await image(
      new Uint8Array(W * H).map((_, i) => i & 255),
      { width: W, height: H },
    );
    expect(delta(before).encoded).to.equal(0);
  });

  it('draws a depth image alone encoded too (the same image drawable), as the linear path does', async () => {
    const el = await fixture<RrDepthImage>(
      html`<rr-depth-image style="width: 32px; height: 16px"></rr-depth-image>`,
    );
    el.format = { width: W, height: H, channelDatatype: 'U16' };
    const before = stats();
    const depth = new Uint16Array(samples(0, 65535, 11).map(Math.round));
    el.buffer = depth;
    await el.renderComplete();
    expect(delta(before)).to.deep.equal({ frames: 1, encoded: 1 });
    const encoded = [...canvasPixels(el).data];
    expect(encoded.some((c, i) => i % 4 !== 3 && c !== 0)).to.equal(true);
    el.setAttribute('background', '#000000');
    el.buffer = depth.slice();
    await el.renderComplete();
    expect(delta(before)).to.deep.equal({ frames: 2, encoded: 1 });
    expect([...canvasPixels(el).data]).to.deep.equal(encoded);
  });
});

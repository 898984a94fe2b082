import { expect } from '@open-wc/testing';
import { depthT, formatDepth, parseDepthColormap, turboBytes, turboColormap } from './depth.js';
import { resolveDepthImage } from './depth-resolve.js';

/** SPEC §12.11 depth_image_simple: 300×200 U16, 65535 / 20000 / 45000, meter 10000. */
function depthImageSimple(): Uint16Array {
  const w = 300;
  const depth = new Uint16Array(w * 200).fill(65535);
  for (let y = 50; y < 150; y++) depth.fill(20000, y * w + 50, y * w + 150);
  for (let y = 130; y < 180; y++) depth.fill(45000, y * w + 100, y * w + 280);
  return depth;
}

const near = (got: number[], want: number[], tol = 1) =>
  got.every((v, i) => Math.abs(v - want[i]!) <= tol);

describe('DepthImage', () => {
  it('depth_image_simple: range [0, 65535], Turbo (144,13,0), (40,218,192), (255,171,36) ±1', () => {
    const d = resolveDepthImage({ meter: 10000 }, 'U16', depthImageSimple());
    expect(d.range).to.deep.equal([0, 65535]);
    expect(d.colormap).to.equal('turbo');
    expect(d.drawOrder).to.equal(-20);
    expect(d.opacity).to.equal(1);
    expect(d.meter).to.equal(10000);
    for (const [raw, want] of [
      [65535, [144, 13, 0]],
      [20000, [40, 218, 192]],
      [45000, [255, 171, 36]],
    ] as const) {
      const got = turboBytes(depthT(raw, d.range));
      expect(near(got, [...want]), `${raw} → ${got}`).to.equal(true);
    }
    expect(depthT(20000, d.range)).to.be.closeTo(0.30518, 1e-5);
    expect(depthT(45000, d.range)).to.be.closeTo(0.68666, 1e-5);
  });

  it('hover text: "Depth: 6.553 m" / "2.000 m" / "4.500 m", millimetres below one metre', () => {
    expect(formatDepth(65535, 10000)).to.equal('6.553 m');
    expect(formatDepth(20000, 10000)).to.equal('2.000 m');
    expect(formatDepth(45000, 10000)).to.equal('4.500 m');
    expect(formatDepth(250, 1000)).to.equal('250.0 mm');
    expect(formatDepth(0.5, 1)).to.equal('500.0 mm');
  });

  it('Turbo reference bytes at t = 0, 0.25, 0.5, 0.75, 1 (SPEC §12.10)', () => {
    expect(turboBytes(0)).to.deep.equal([35, 23, 27]);
    expect(turboBytes(0.25)).to.deep.equal([38, 189, 225]);
    expect(turboBytes(0.5)).to.deep.equal([150, 250, 80]);
    expect(turboBytes(0.75)).to.deep.equal([255, 128, 29]);
    expect(turboBytes(1)).to.deep.equal([144, 13, 0]);
    // Unclamped: blue at t = 1 is slightly negative, as the polynomial gives it.
    expect(turboColormap(1)[2]).to.be.closeTo(-0.0255, 1e-3);
  });

  it('meter defaults to 1000 for integer data and 1 for float data', () => {
    expect(resolveDepthImage({}, 'U16', [1]).meter).to.equal(1000);
    expect(resolveDepthImage({}, 'F32', [1]).meter).to.equal(1);
    expect(resolveDepthImage({ meter: '250' }, 'F32', [1]).meter).to.equal(250);
  });

  it('the default range is [0, largest finite], even with negative data; NaN and ∞ are skipped', () => {
    expect(
      resolveDepthImage({}, 'F32', new Float32Array([-5, 2, NaN, Infinity, 3])).range,
    ).to.deep.equal([0, 3]);
    // All zero (undefined in Rerun): [0, 1], so every texel shows the map's first colour.
    expect(resolveDepthImage({}, 'U8', new Uint8Array(4)).range).to.deep.equal([0, 1]);
  });

  it('depth-range and colormap attributes', () => {
    const d = resolveDepthImage({ depthRange: '1000 5000', colormap: 'Viridis' }, 'U16', [0]);
    expect(d.range).to.deep.equal([1000, 5000]);
    expect(d.colormap).to.equal('viridis');
    expect(resolveDepthImage({ depthRange: [0, 10], colormap: 7 }, 'U16', [0]).colormap).to.equal(
      'cyan-to-yellow',
    );
    expect(parseDepthColormap('cyan_to_yellow').value).to.equal('cyan-to-yellow');
    expect(parseDepthColormap('CyanToYellow').value).to.equal('cyan-to-yellow');
  });

  it('bad settings are named and fall back', () => {
    const d = resolveDepthImage(
      { meter: -1, depthRange: '5', colormap: 'rainbow', drawOrder: 'x' },
      'U16',
      [7],
    );
    expect(d.meter).to.equal(1000);
    expect(d.range).to.deep.equal([0, 7]);
    expect(d.colormap).to.equal('turbo');
    expect(d.drawOrder).to.equal(-20);
    expect(d.issues.map((i) => i.field)).to.deep.equal([
      'meter',
      'depthRange',
      'colormap',
      'drawOrder',
    ]);
    expect(d.issues[2]!.message).to.match(
      /^colormap: expected one of grayscale, .*, got "rainbow"; turbo used$/,
    );
    expect(parseDepthColormap(10).issues[0]!.got).to.equal('10 (RvizMap, not supported)');
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrDepthImage } from './rr-depth-image.js';
import type { RrView } from '../rr-view/rr-view.js';
import type { RrImage } from '../rr-image/rr-image.js';
import type { RrSegmentation } from '../rr-segmentation/rr-segmentation.js';
import { expectPixel, pixelAt } from '../../../test/helpers/pixels.js';
import { nextEvent, rgbImage } from '../../../test/helpers/fixtures.js';
import { hoverCanvas, until } from '../../../test/helpers/hover.js';
import { colormapBytes } from '../../../test/helpers/colormaps.js';

/** Rerun's `depth_image_simple` (SPEC §12.11): 300×200 U16, 65535 with 20000 and 45000 boxes. */
function depthImageSimple(): Uint16Array {
  const depth = new Uint16Array(300 * 200).fill(65535);
  for (let y = 50; y < 150; y++) for (let x = 50; x < 150; x++) depth[y * 300 + x] = 20000;
  for (let y = 130; y < 180; y++) for (let x = 100; x < 280; x++) depth[y * 300 + x] = 45000;
  return depth;
}

async function depthImage(attributes = ''): Promise<RrDepthImage> {
  const el = await fixture<RrDepthImage>(
    html`<rr-depth-image entity="depth" style="width: 300px"></rr-depth-image>`,
  );
  for (const [name, value] of attributes
    .split(';')
    .filter(Boolean)
    .map((a) => a.split('=')))
    el.setAttribute(name.trim(), value.trim());
  el.format = { width: 300, height: 200, channelDatatype: 'U16' };
  el.buffer = depthImageSimple();
  return el;
}

describe('<rr-depth-image>', () => {
  it("shows depth_image_simple in Rerun's polynomial Turbo over [0, largest value] (±1)", async () => {
    const el = await depthImage('meter=10000');
    const shot = await el.snapshot();
    expect([shot.width, shot.height]).to.deep.equal([300, 200]);
    // 65535 → t 1.0; 20000 → t 0.30518; 45000 → t 0.68666 (SPEC §12.11).
    expectPixel(shot, 10, 10, [144, 13, 0, 255], 1);
    expectPixel(shot, 290, 190, [144, 13, 0, 255], 1);
    expectPixel(shot, 75, 75, [40, 218, 192, 255], 1);
    expectPixel(shot, 120, 140, [255, 171, 36, 255], 1);
    expectPixel(shot, 275, 175, [255, 171, 36, 255], 1);
    // The overlap belongs to the value written second (45000), and 20000 stops at row 129.
    expectPixel(shot, 120, 129, [40, 218, 192, 255], 1);
  });

  it("matches the Turbo polynomial's reference bytes at t = 0, 0.25, 0.5, 0.75 and 1", async () => {
    const el = await fixture<RrDepthImage>(html`<rr-depth-image></rr-depth-image>`);
    // F32 depths 0, 1, 2, 3, 4 over depth-range 0 4: t = v / 4 exactly.
    el.setAttribute('depth-range', '0 4');
    el.format = { width: 5, height: 1, channelDatatype: 'F32' };
    el.buffer = new Float32Array([0, 1, 2, 3, 4]);
    const shot = await el.snapshot();
    const expected = [
      [35, 23, 27],
      [38, 189, 225],
      [150, 250, 80],
      [255, 128, 29],
      [144, 13, 0],
    ];
    expected.forEach(([r, g, b], x) => expectPixel(shot, x, 0, [r, g, b, 255], 1));
  });

  it("shows depth_image_3d's Viridis bytes (SPEC §12.11, ±1)", async () => {
    const el = await depthImage('meter=10000;colormap=viridis');
    const shot = await el.snapshot();
    // 65535 → t 1; 20000 → t 0.30518; 45000 → t 0.68666.
    expectPixel(shot, 10, 10, [252, 231, 33, 255], 1);
    expectPixel(shot, 75, 75, [53, 97, 142, 255], 1);
    expectPixel(shot, 120, 140, [61, 187, 116, 255], 1);
    // t = 0: a depth range that starts above every value.
    el.setAttribute('depth-range', '65535 70000');
    expectPixel(await el.snapshot(), 75, 75, [71, 1, 85, 255], 1);
  });

  for (const name of [
    'grayscale',
    'inferno',
    'magma',
    'plasma',
    'viridis',
    'cyan-to-yellow',
    'spectral',
    'twilight',
  ]) {
    it(`maps ${name} as Rerun's colormap.wgsl polynomial in f32 (±1 at nine t)`, async () => {
      const el = await fixture<RrDepthImage>(html`<rr-depth-image></rr-depth-image>`);
      // F32 depths 0 … 8 over depth-range 0 8: t = v / 8 exactly.
      el.setAttribute('depth-range', '0 8');
      el.setAttribute('colormap', name);
      el.format = { width: 9, height: 1, channelDatatype: 'F32' };
      el.buffer = new Float32Array([0, 1, 2, 3, 4, 5, 6, 7, 8]);
      const shot = await el.snapshot();
      for (let x = 0; x < 9; x++) expectPixel(shot, x, 0, colormapBytes(name, x / 8), 1);
    });
  }

  it('maps through depth-range, values beyond it clamped to the ends', async () => {
    const el = await depthImage('depth-range=20000 45000');
    const shot = await el.snapshot();
    // 20000 → t 0, 45000 → t 1, 65535 above the range → t 1.
    expectPixel(shot, 75, 75, [35, 23, 27, 255], 1);
    expectPixel(shot, 120, 140, [144, 13, 0, 255], 1);
    expectPixel(shot, 10, 10, [144, 13, 0, 255], 1);
  });

  it('uses the colormap attribute, by API or Rerun name, and tells a wrong one', async () => {
    const el = await depthImage('colormap=Grayscale');
    const gray = await el.snapshot();
    // Grayscale is t as sRGB: 20000 / 65535 → 78.
    expectPixel(gray, 75, 75, [78, 78, 78, 255], 1);
    expectPixel(gray, 10, 10, [255, 255, 255, 255]);
    el.colormap = 'CyanToYellow';
    const cyan = await el.snapshot();
    expect(pixelAt(cyan, 10, 10)).to.not.deep.equal(pixelAt(gray, 10, 10));
    const error = nextEvent(el, 'rr-error');
    el.colormap = 'rainbow';
    const detail = ((await error) as CustomEvent<{ message: string }>).detail;
    expect(detail.message).to.contain('colormap');
    expect(detail.message).to.contain('rainbow');
    await until(() => el.shadowRoot?.querySelector('[part="error"]'), 'the error message');
  });

  it('draws at opacity 1 below images and segmentations, which default to 0.5', async () => {
    const view = await fixture<RrView>(html`
      <rr-view style="width: 300px">
        <rr-image entity="photo"></rr-image>
        <rr-depth-image entity="depth"></rr-depth-image>
      </rr-view>
    `);
    const image = view.querySelector('rr-image') as RrImage;
    image.format = { width: 300, height: 200, colorModel: 'RGB' };
    image.buffer = rgbImage(300, 200, () => [0, 0, 255]);
    const depth = view.querySelector('rr-depth-image') as RrDepthImage;
    depth.format = { width: 300, height: 200, channelDatatype: 'U16' };
    depth.buffer = depthImageSimple();
    depth.opacity = 0.1; // Ignored: Rerun has no opacity for depth images.
    const shot = await view.snapshot();
    // Blue at 0.5 over Turbo(1.0) = (144, 13, 0), in linear light.
    const lin = (v: number) => ((v / 255 + 0.055) / 1.055) ** 2.4;
    const enc = (v: number) => Math.round((1.055 * v ** (1 / 2.4) - 0.055) * 255);
    expectPixel(shot, 10, 10, [enc(lin(144) / 2), enc(lin(13) / 2), enc(0.5), 255], 1);

    const seg = document.createElement('rr-segmentation') as RrSegmentation;
    seg.setAttribute('entity', 'seg');
    seg.setAttribute('draw-order', '1');
    seg.format = { width: 300, height: 200, channelDatatype: 'U8' };
    seg.buffer = new Uint8Array(300 * 200).fill(1);
    image.remove();
    view.append(seg);
    const shot2 = await view.snapshot();
    // Class 1's auto colour (77, 123, 188) at 0.5 over the depth image.
    expectPixel(
      shot2,
      10,
      10,
      [enc((lin(144) + lin(77)) / 2), enc((lin(13) + lin(123)) / 2), enc(lin(188) / 2), 255],
      1,
    );
  });

  it('hovers as Rerun: Depth in metres (meter raw units per metre), then Val', async () => {
    const el = await depthImage('meter=10000');
    await el.renderComplete();
    const hovered = nextEvent(el, 'rr-hover');
    hoverCanvas(el, 75.5 / 300, 75.5 / 200);
    const picks = ((await hovered) as CustomEvent<{ picks: { depth?: number; value: unknown }[] }>)
      .detail.picks;
    expect(picks[0].value).to.equal(20000);
    expect(picks[0].depth).to.equal(2);
    await el.updateComplete;
    const tip = el.shadowRoot!.querySelector('[part="tooltip"]')!.textContent!;
    expect(tip).to.contain('Depth: 2.000 m');
    expect(tip).to.contain('Val: 20000');
    // meter defaults to 1000 for integer data: 65535 → 65.535 m; a depth under 1 m in mm.
    el.removeAttribute('meter');
    await el.renderComplete();
    expect(el.pick(10, 10)[0].depth).to.equal(65.535);
  });

  it('rejects a colour image with a message naming what it expected', async () => {
    const el = await fixture<RrDepthImage>(html`<rr-depth-image></rr-depth-image>`);
    const error = nextEvent(el, 'rr-error');
    el.format = { width: 2, height: 2, colorModel: 'RGB' };
    el.buffer = new Uint8Array(12);
    const detail = ((await error) as CustomEvent<{ message: string }>).detail;
    expect(detail.message).to.match(/expected a single-channel \(L\) depth image/);
  });
});

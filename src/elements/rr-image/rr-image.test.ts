import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import {
  assertNoWebGLError,
  loseAndRestoreContext,
  requireWebGL2,
} from '../../../test/helpers/webgl.js';
import type { RrImage } from './rr-image.js';
import { expectImage, expectPixel, canvasPixels, pixelAt } from '../../../test/helpers/pixels.js';
import {
  convertRgb,
  imageSimple,
  imageSimpleColor,
  nextEvent,
  pngUrl,
  rgbImage,
} from '../../../test/helpers/fixtures.js';

async function imageWith(buffer: Uint8Array, format: object): Promise<RrImage> {
  const el = await fixture<RrImage>(html`<rr-image style="width: 300px"></rr-image>`);
  el.format = format as RrImage['format'];
  el.buffer = buffer;
  return el;
}

describe('<rr-image>', () => {
  before(function () {
    requireWebGL2(this);
  });
  afterEach(() => assertNoWebGLError());

  it("shows Rerun's image_simple scene exactly: red with a green square at rows/cols 50–149", async () => {
    const el = await imageWith(imageSimple(), {
      width: 300,
      height: 200,
      colorModel: 'RGB',
      channelDatatype: 'U8',
    });
    const shot = await el.snapshot();
    expect([shot.width, shot.height]).to.deep.equal([300, 200]);
    expectImage(shot, imageSimpleColor);
  });

  it('draws image_simple on screen, into its own canvas', async () => {
    const el = await imageWith(imageSimple(), { width: 300, height: 200, colorModel: 'RGB' });
    await el.renderComplete();
    const screen = canvasPixels(el);
    // The view fits the 300×200 picture; sample well inside both regions at the canvas' own scale.
    const sx = screen.width / 300;
    const sy = screen.height / 200;
    expectPixel(screen, Math.floor(100 * sx), Math.floor(100 * sy), [0, 255, 0, 255]);
    expectPixel(screen, Math.floor(20 * sx), Math.floor(20 * sy), [255, 0, 0, 255]);
    expectPixel(screen, Math.floor(250 * sx), Math.floor(180 * sy), [255, 0, 0, 255]);
  });

  it('gives the same pixels for RGB, BGR, RGBA and BGRA data of one picture', async () => {
    const rgb = rgbImage(16, 8, (x, y) => [x * 16, y * 32, (x * y) % 256]);
    const reference = await (
      await imageWith(rgb, { width: 16, height: 8, colorModel: 'RGB' })
    ).snapshot();
    // The reference itself must show the gradient, not a blank picture.
    expectPixel(reference, 15, 7, [240, 224, 105, 255]);
    for (const layout of ['BGR', 'RGBA', 'BGRA'] as const) {
      const el = await imageWith(convertRgb(rgb, layout), {
        width: 16,
        height: 8,
        colorModel: layout,
      });
      const shot = await el.snapshot();
      expectImage(shot, (x, y) => {
        const i = (y * 16 + x) * 4;
        return [
          reference.data[i],
          reference.data[i + 1],
          reference.data[i + 2],
          reference.data[i + 3],
        ];
      });
    }
  });

  it("minifies RGB with the texture unit exactly as the shader's decoded bilinear does", async () => {
    // RGB U8 minified is filtered by the texture unit (one fetch); RGBA goes through the shader's
    // four decoded taps. With alpha 255 both must give Rerun's result, in linear light.
    const rgb = rgbImage(32, 16, (x, y) => [
      (x * 37) % 256,
      (y * 71 + x * 13) % 256,
      x % 2 ? 255 : 0,
    ]);
    const viaUnit = await (
      await imageWith(rgb, { width: 32, height: 16, colorModel: 'RGB' })
    ).snapshot({ scale: 0.37 });
    const viaShader = await (
      await imageWith(convertRgb(rgb, 'RGBA'), { width: 32, height: 16, colorModel: 'RGBA' })
    ).snapshot({ scale: 0.37 });
    expect([viaUnit.width, viaUnit.height]).to.deep.equal([12, 6]);
    // Alternate columns of 0 and 255 blue average in linear light: about 188, not 128.
    expect(pixelAt(viaShader, 5, 3)[3]).to.equal(255);
    expect(pixelAt(viaShader, 5, 3)[2]).to.be.within(150, 230);
    expectImage(viaUnit, (x, y) => pixelAt(viaShader, x, y), 1);
  });

  it('writes a new frame of the same format into the texture it has, and keeps it through a context loss', async () => {
    const { getRenderer } = await import('../../render/renderer.js');
    const renderer = getRenderer();
    const el = await imageWith(
      rgbImage(8, 4, () => [10, 20, 30]),
      { width: 8, height: 4, colorModel: 'RGB' },
    );
    expectImage(await el.snapshot(), () => [10, 20, 30, 255]);
    const { textures, allocations, uploads } = renderer.stats;
    el.buffer = rgbImage(8, 4, (x) => [x * 30, 200, 7]);
    expectImage(await el.snapshot(), (x) => [x * 30, 200, 7, 255]);
    expect(renderer.stats.allocations, 'no texture was created').to.equal(allocations);
    expect(renderer.stats.textures, 'no texture was freed').to.equal(textures);
    expect(renderer.stats.uploads, 'one upload').to.equal(uploads + 1);
    await loseAndRestoreContext();
    // Rebuilt from the newest frame, not the first one.
    expectImage(await el.snapshot(), (x) => [x * 30, 200, 7, 255]);
  });

  it('reads RGBA alpha 0 as transparent and keeps straight alpha in snapshots', async () => {
    const rgba = new Uint8Array([255, 0, 0, 0, 0, 255, 0, 255, 0, 0, 255, 128, 10, 20, 30, 255]);
    const el = await imageWith(rgba, { width: 2, height: 2, colorModel: 'RGBA' });
    const shot = await el.snapshot();
    expectPixel(shot, 0, 0, [0, 0, 0, 0]);
    expectPixel(shot, 1, 0, [0, 255, 0, 255]);
    expectPixel(shot, 0, 1, [0, 0, 255, 128], 1);
    expectPixel(shot, 1, 1, [10, 20, 30, 255]);
  });

  it('shows L U8 as gray with the stored byte', async () => {
    const el = await imageWith(new Uint8Array([0, 1, 128, 255]), { width: 4, height: 1 });
    const shot = await el.snapshot();
    [0, 1, 128, 255].forEach((v, x) => expectPixel(shot, x, 0, [v, v, v, 255]));
  });

  it("accepts the format as attributes, with Rerun's names in any case or its numbers", async () => {
    const el = await fixture<RrImage>(
      html`<rr-image width="2" height="1" color-model="bgr" channel-datatype="6"></rr-image>`,
    );
    el.buffer = new Uint8Array([255, 0, 0, 0, 0, 255]);
    const shot = await el.snapshot();
    expectPixel(shot, 0, 0, [0, 0, 255, 255]);
    expectPixel(shot, 1, 0, [255, 0, 0, 255]);
    // Hover names the value as Rerun does: in the stored channel order.
    expect(el.pick(0, 0)[0]).to.deep.include({ value: [255, 0, 0], valueName: 'BGR' });
  });

  it("infers the format of ndarray-like data as Rerun's Python SDK does", async () => {
    const el = await fixture<RrImage>(html`<rr-image></rr-image>`);
    el.data = { data: new Uint8Array([255, 0, 0, 0, 0, 255]), shape: [1, 2, 3] };
    const shot = await el.snapshot();
    expect([shot.width, shot.height]).to.deep.equal([2, 1]);
    expectPixel(shot, 0, 0, [255, 0, 0, 255]);
    expectPixel(shot, 1, 0, [0, 0, 255, 255]);
    el.data = { data: new Uint8Array([7, 9]), shape: [2, 1] };
    const gray = await el.snapshot();
    expect([gray.width, gray.height]).to.deep.equal([1, 2]);
    expectPixel(gray, 0, 1, [9, 9, 9, 255]);
  });

  it('decodes a PNG src with its alpha', async () => {
    const url = await pngUrl(4, 2, (ctx) => {
      ctx.fillStyle = 'rgb(0, 0, 255)';
      ctx.fillRect(0, 0, 2, 2);
      ctx.fillStyle = 'rgb(255, 200, 0)';
      ctx.fillRect(2, 0, 1, 2);
      // Column 3 stays transparent.
    });
    const el = await fixture<RrImage>(html`<rr-image src=${url}></rr-image>`);
    const shot = await el.snapshot();
    expect([shot.width, shot.height]).to.deep.equal([4, 2]);
    expectPixel(shot, 0, 0, [0, 0, 255, 255]);
    expectPixel(shot, 2, 1, [255, 200, 0, 255]);
    expectPixel(shot, 3, 0, [0, 0, 0, 0]);
    expect(el.pick(2, 0)[0].value).to.deep.equal([255, 200, 0, 255]);
    URL.revokeObjectURL(url);
  });

  it('shows a short message, fires rr-error and draws nothing for a buffer of the wrong length', async () => {
    const el = await fixture<RrImage>(html`<rr-image entity="bad"></rr-image>`);
    const error = nextEvent<{ entity: string; message: string }>(el, 'rr-error');
    el.format = { width: 300, height: 200, colorModel: 'RGB', channelDatatype: 'U8' };
    el.buffer = new Uint8Array(179999);
    const event = await error;
    expect(event.detail.message).to.equal('expected 180000 bytes for 300×200 RGB U8, got 179999');
    expect(event.detail.entity).to.equal('/bad');
    await el.updateComplete;
    const shown = el.shadowRoot!.querySelector('[part="error"]');
    expect(shown?.textContent).to.contain('expected 180000 bytes');
    let failed = false;
    await el.snapshot().catch(() => (failed = true));
    expect(failed, 'a snapshot of a layer with bad data must not show a picture').to.equal(true);
    // Good data clears the message.
    el.buffer = new Uint8Array(180000);
    await el.renderComplete();
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('rejects an unknown colour model with a message naming the valid ones', async () => {
    const el = await fixture<RrImage>(html`<rr-image></rr-image>`);
    const error = nextEvent<{ message: string }>(el, 'rr-error');
    el.format = { width: 1, height: 1, colorModel: 'CMYK' };
    el.buffer = new Uint8Array(4);
    const { detail } = await error;
    expect(detail.message).to.contain('unknown color model "CMYK"');
    expect(detail.message).to.contain('L, RGB, RGBA, BGR, BGRA');
  });

  it('reports a broken src URL', async () => {
    const el = await fixture<RrImage>(html`<rr-image></rr-image>`);
    const error = nextEvent<{ message: string }>(el, 'rr-error');
    el.src = '/no/such/image.png';
    const { detail } = await error;
    expect(detail.message).to.contain('/no/such/image.png');
    expect(detail.message).to.contain('404');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.not.equal(null);
  });

  it('reports bytes that are not an image', async () => {
    const url = URL.createObjectURL(
      new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' }),
    );
    const el = await fixture<RrImage>(html`<rr-image></rr-image>`);
    const error = nextEvent<{ message: string }>(el, 'rr-error');
    el.src = url;
    const { detail } = await error;
    expect(detail.message).to.contain('image/png');
    URL.revokeObjectURL(url);
  });

  it('picks raw values at a scene point', async () => {
    const el = await imageWith(imageSimple(), { width: 300, height: 200, colorModel: 'RGB' });
    await el.renderComplete();
    const [hit] = el.pick(60.5, 70.2);
    expect(hit.entity).to.equal(el.entityPath);
    expect(hit.value).to.deep.equal([0, 255, 0]);
    expect([hit.x, hit.y]).to.deep.equal([60, 70]);
    expect(el.pick(-1, 5)).to.deep.equal([]);
  });
});

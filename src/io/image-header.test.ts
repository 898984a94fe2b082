/**
 * Image headers are read before decoding: the declared size of real PNG, JPEG and WebP files
 * (encoded by the browser), GIF and BMP; a file declaring too many pixels is refused at once by
 * <rr-image> and <rr-segmentation> with a message naming the size, and other views still draw.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../index.js';
import type { RrImage } from '../elements/rr-image/rr-image.js';
import type { RrSegmentation } from '../elements/rr-segmentation/rr-segmentation.js';
import { MAX_IMAGE_PIXELS, readImageHeader } from './image-header.js';
import { canvasPixels, expectPixel } from '../../test/helpers/pixels.js';
import { rgbImage } from '../../test/helpers/fixtures.js';
import { recordWarnings } from '../../test/helpers/warnings.js';
import { assertNoWebGLError, requireWebGL2 } from '../../test/helpers/webgl.js';

async function encoded(type: string, width: number, height: number): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#f00';
  ctx.fillRect(0, 0, width, height);
  const blob = await canvas.convertToBlob({ type });
  expect(blob.type, `this browser encodes ${type}`).to.equal(type);
  return new Uint8Array(await blob.arrayBuffer());
}

/** A real 4×4 PNG whose IHDR then claims `width`×`height` (the CRC no longer matches). */
async function lyingPng(width: number, height: number): Promise<Uint8Array> {
  const png = await encoded('image/png', 4, 4);
  const view = new DataView(png.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return png.slice(0, 95);
}

describe('image headers', () => {
  it('reads the declared size of PNG, JPEG, WebP, GIF and BMP files', async () => {
    expect(readImageHeader(await encoded('image/png', 300, 7))).to.deep.equal({
      type: 'png',
      width: 300,
      height: 7,
    });
    expect(readImageHeader(await encoded('image/jpeg', 17, 513))).to.deep.equal({
      type: 'jpeg',
      width: 17,
      height: 513,
    });
    expect(readImageHeader(await encoded('image/webp', 1000, 3))).to.deep.equal({
      type: 'webp',
      width: 1000,
      height: 3,
    });
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x40, 0x01, 0x20, 0x00]);
    expect(readImageHeader(gif)).to.deep.equal({ type: 'gif', width: 320, height: 32 });
    const bmp = new Uint8Array(54);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setUint32(14, 40, true);
    new DataView(bmp.buffer).setInt32(18, 640, true);
    new DataView(bmp.buffer).setInt32(22, -480, true); // top-down
    expect(readImageHeader(bmp)).to.deep.equal({ type: 'bmp', width: 640, height: 480 });
    expect(readImageHeader(new Uint8Array([1, 2, 3]))).to.equal(undefined);
  });
});

describe('oversized images are refused before decoding', () => {
  before(function () {
    requireWebGL2(this);
  });
  afterEach(() => assertNoWebGLError());

  it('a 95-byte PNG claiming 1 073 741 840 pixels across: rr-error, and other views draw', async () => {
    const other = await fixture<RrImage>(html`<rr-image style="width: 20px"></rr-image>`);
    other.format = { width: 2, height: 2, colorModel: 'RGB' };
    other.buffer = rgbImage(2, 2, () => [0, 0, 255]);
    const el = await fixture<RrImage>(html`<rr-image style="width: 20px"></rr-image>`);
    const warnings = recordWarnings();
    const error = new Promise<string>((resolve) =>
      el.addEventListener('rr-error', (e) => resolve(e.detail.message), { once: true }),
    );
    try {
      const url = URL.createObjectURL(
        new Blob([(await lyingPng(1073741840, 1)) as Uint8Array<ArrayBuffer>]),
      );
      el.src = url;
      expect(await error).to.equal(
        `expected an image of at most ${MAX_IMAGE_PIXELS.toLocaleString('en-US')} pixels (8192×8192), got a PNG of 1073741840×1 pixels; it is refused before decoding`,
      );
      await el.renderComplete();
    } finally {
      warnings.stop();
    }
    expect(warnings.lines).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[part="error"]')?.textContent).to.contain('1073741840×1');
    await other.renderComplete();
    const screen = canvasPixels(other);
    expectPixel(screen, screen.width >> 1, screen.height >> 1, [0, 0, 255, 255]);
  });

  it('<rr-segmentation> refuses a PNG claiming 20000×20000 before fast-png decodes it', async () => {
    const el = await fixture<RrSegmentation>(html`<rr-segmentation></rr-segmentation>`);
    const warnings = recordWarnings();
    const error = new Promise<string>((resolve) =>
      el.addEventListener('rr-error', (e) => resolve(e.detail.message), { once: true }),
    );
    try {
      el.src = URL.createObjectURL(
        new Blob([(await lyingPng(20000, 20000)) as Uint8Array<ArrayBuffer>]),
      );
      expect(await error).to.contain(
        'got a PNG of 20000×20000 pixels; it is refused before decoding',
      );
    } finally {
      warnings.stop();
    }
  });
});

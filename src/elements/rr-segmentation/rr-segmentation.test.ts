import { expect, fixture, html } from '@open-wc/testing';
import { encode } from 'fast-png';
import '../../index.js';
import type { RrContext } from '../rr-context/rr-context.js';
import type { RrView } from '../rr-view/rr-view.js';
import type { RrImage } from '../rr-image/rr-image.js';
import type { RrSegmentation } from './rr-segmentation.js';
import { autoColor } from '../../store/auto-color.js';
import { pngDecodeStats } from '../../io/png16-client.js';
import { decodeGrayscalePngNow } from '../../io/png16-decode.js';
import {
  canvasPixels,
  expectImage,
  expectPixel,
  expectSameImage,
  pixelAt,
  type RGBA,
} from '../../../test/helpers/pixels.js';
import { assertNoWebGLError, requireWebGL2 } from '../../../test/helpers/webgl.js';
import { nextEvent, rgbImage } from '../../../test/helpers/fixtures.js';
import {
  annotationContextSegmentation,
  segmentationImageSimple,
} from '../../../test/helpers/segmentation.js';

const RED: RGBA = [255, 0, 0, 255];
const GREEN: RGBA = [0, 255, 0, 255];
const AUTO0: RGBA = [188, 77, 77, 255];

/** A fresh recording holding `content`, so tests do not share the page's default recording. */
async function inContext<T extends Element>(
  content: ReturnType<typeof html>,
  selector: string,
): Promise<{ ctx: RrContext; el: T }> {
  const ctx = await fixture<RrContext>(html`<rr-context>${content}</rr-context>`);
  const el = ctx.querySelector(selector) as unknown as T;
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return { ctx, el };
}

function segmentation(
  ctx: RrContext,
  el: RrSegmentation,
  buffer: ArrayBufferView,
  format: object,
): void {
  el.format = format as RrSegmentation['format'];
  el.buffer = buffer;
  void ctx;
}

describe('<rr-segmentation>', () => {
  before(function () {
    requireWebGL2(this);
  });
  afterEach(() => assertNoWebGLError());

  it('shows segmentation_image_simple: class 1 red, class 2 green, class 0 auto (188, 77, 77)', async () => {
    const { ctx, el } = await inContext<RrSegmentation>(
      html`<rr-segmentation entity="image" style="width: 240px"></rr-segmentation>`,
      'rr-segmentation',
    );
    ctx.recording.log('/', {
      archetype: 'AnnotationContext',
      context: [
        [1, 'red', [255, 0, 0]],
        [2, 'green', [0, 255, 0]],
      ],
    });
    segmentation(ctx, el, segmentationImageSimple(), {
      width: 12,
      height: 8,
      channelDatatype: 'U8',
    });
    const shot = await el.snapshot();
    expect([shot.width, shot.height]).to.deep.equal([12, 8]);
    expectImage(shot, (x, y) => (y < 4 && x < 6 ? RED : y >= 4 && x >= 6 ? GREEN : AUTO0));
    // Hover shows the annotation label, else the id (SPEC §3.7).
    const [red] = el.pick(0.5, 0.5);
    expect(red).to.include({ classId: 1, label: 'red', value: 1 });
    expect(red!.color).to.deep.equal([255, 0, 0, 255]);
    const [zero] = el.pick(11.5, 0.5);
    expect(zero).to.include({ classId: 0, value: 0 });
    expect(zero!.label).to.equal(undefined);
    expect(zero!.color).to.deep.equal([188, 77, 77, 255]);
  });

  it('annotation_context_segmentation: a context on the parent applies; a nearer one hides it completely', async () => {
    const { ctx, el } = await inContext<RrSegmentation>(
      html`<rr-segmentation entity="segmentation/image"></rr-segmentation>`,
      'rr-segmentation',
    );
    ctx.recording.log('segmentation', {
      archetype: 'AnnotationContext',
      context: [
        [1, 'red', [255, 0, 0]],
        [2, 'green', [0, 255, 0]],
      ],
    });
    segmentation(ctx, el, annotationContextSegmentation(), { width: 300, height: 200 });
    let shot = await el.snapshot();
    expectPixel(shot, 10, 10, AUTO0);
    expectPixel(shot, 60, 60, RED);
    expectPixel(shot, 119, 99, RED);
    expectPixel(shot, 120, 99, AUTO0);
    expectPixel(shot, 200, 150, GREEN);
    expectPixel(shot, 279, 179, GREEN);
    expectPixel(shot, 280, 179, AUTO0);

    // A context on the entity itself only defines class 2: class 1 falls back to its auto colour
    // and nothing is merged from the parent's context.
    ctx.recording.log('segmentation/image', {
      archetype: 'AnnotationContext',
      context: [[2, 'blue', [0, 0, 255]]],
    });
    shot = await el.snapshot();
    expectPixel(shot, 60, 60, [...autoColor(1)] as unknown as RGBA);
    expectPixel(shot, 200, 150, [0, 0, 255, 255]);
    expectPixel(shot, 10, 10, AUTO0);
    expect(el.pick(60, 60)[0]!.label).to.equal(undefined);
  });

  it('a red class at default opacity over a blue <rr-image> reads (188, 0, 188)', async () => {
    const { el: view } = await inContext<RrView>(
      html`<rr-view>
        <rr-image entity="photo"></rr-image>
        <rr-annotation-context>[[1, "red", [255, 0, 0]]]</rr-annotation-context>
        <rr-segmentation entity="mask"></rr-segmentation>
      </rr-view>`,
      'rr-view',
    );
    const image = view.querySelector('rr-image') as RrImage;
    image.format = { width: 4, height: 2, colorModel: 'RGB' };
    image.buffer = rgbImage(4, 2, () => [0, 0, 255]);
    const seg = view.querySelector('rr-segmentation') as RrSegmentation;
    seg.format = { width: 4, height: 2 };
    seg.buffer = new Uint8Array([1, 1, 1, 1, 1, 1, 1, 1]);
    const shot = await view.snapshot();
    expectImage(shot, () => [188, 0, 188, 255]);
  });

  it('class 0 annotated with alpha 0 shows the image through at opacity 1', async () => {
    const { el: view } = await inContext<RrView>(
      html`<rr-view>
        <rr-image entity="photo"></rr-image>
        <rr-annotation-context
          >[[0, "background", [0, 0, 0, 0]], [1, "red", "#ff0000"]]</rr-annotation-context
        >
        <rr-segmentation entity="mask" opacity="1"></rr-segmentation>
      </rr-view>`,
      'rr-view',
    );
    const image = view.querySelector('rr-image') as RrImage;
    image.format = { width: 2, height: 1, colorModel: 'RGB' };
    image.buffer = new Uint8Array([0, 0, 255, 0, 0, 255]);
    const seg = view.querySelector('rr-segmentation') as RrSegmentation;
    seg.format = { width: 2, height: 1 };
    seg.buffer = new Uint8Array([0, 1]);
    const shot = await view.snapshot();
    expectPixel(shot, 0, 0, [0, 0, 255, 255]);
    expectPixel(shot, 1, 0, RED);
  });

  it('alone in a view it is opaque by default; with a colour image it defaults to 0.5', async () => {
    const { el } = await inContext<RrSegmentation>(
      html`<rr-segmentation></rr-segmentation>`,
      'rr-segmentation',
    );
    el.format = { width: 1, height: 1 };
    el.buffer = new Uint8Array([0]);
    expectPixel(await el.snapshot(), 0, 0, AUTO0);
  });

  it('renders float ids 1.4 and 1.6 as classes 1 and 2', async () => {
    const { el } = await inContext<RrSegmentation>(
      html`<rr-segmentation></rr-segmentation>`,
      'rr-segmentation',
    );
    el.data = { data: new Float32Array([1.4, 1.6, 0.4, 2.5]), shape: [1, 4] };
    const shot = await el.snapshot();
    expectPixel(shot, 0, 0, [...autoColor(1)] as unknown as RGBA);
    expectPixel(shot, 1, 0, [...autoColor(2)] as unknown as RGBA);
    expectPixel(shot, 2, 0, AUTO0);
    // Half to even, like WGSL's round.
    expectPixel(shot, 3, 0, [...autoColor(2)] as unknown as RGBA);
    expect(el.pick(1.5, 0.5)[0]).to.include({ classId: 2, value: Math.fround(1.6) });
  });

  it('indexes the table with round(v): ids 128, 129, 255 use their own colours (SPEC §3.4 fix)', async () => {
    const { el } = await inContext<RrSegmentation>(
      html`<rr-segmentation></rr-segmentation>`,
      'rr-segmentation',
    );
    el.data = { data: new Uint8Array([128, 129, 255]), shape: [1, 3] };
    const shot = await el.snapshot();
    expectPixel(shot, 0, 0, [188, 160, 77, 255]);
    expectPixel(shot, 1, 0, [131, 77, 188, 255]);
    expectPixel(shot, 2, 0, [77, 137, 188, 255]);
  });

  it('colours U16, I32 and U64 ids, including ids above 65535 (auto and annotated)', async () => {
    const { ctx, el } = await inContext<RrSegmentation>(
      html`<rr-segmentation entity="big"></rr-segmentation>`,
      'rr-segmentation',
    );
    ctx.recording.log('/', {
      archetype: 'AnnotationContext',
      context: [[200001, 'far', [1, 2, 3]]],
    });
    el.data = { data: new Uint32Array([0, 65535, 200000, 200001, 4000000000]), shape: [1, 5] };
    let shot = await el.snapshot();
    expectPixel(shot, 0, 0, AUTO0);
    expectPixel(shot, 1, 0, [188, 77, 176, 255]);
    expectPixel(shot, 2, 0, [...autoColor(200000)] as unknown as RGBA);
    expectPixel(shot, 3, 0, [1, 2, 3, 255]);
    expectPixel(shot, 4, 0, [...autoColor(4000000000)] as unknown as RGBA);
    expect(el.pick(3.5, 0.5)[0]).to.include({ classId: 200001, label: 'far' });

    el.data = { data: new BigUint64Array([1n, 70000n]), shape: [1, 2] };
    shot = await el.snapshot();
    expectPixel(shot, 0, 0, [...autoColor(1)] as unknown as RGBA);
    expectPixel(shot, 1, 0, [...autoColor(70000)] as unknown as RGBA);

    el.data = { data: new Int32Array([-5, 3]), shape: [1, 2] };
    shot = await el.snapshot();
    // A negative id has no class: nothing is drawn there.
    expectPixel(shot, 0, 0, [0, 0, 0, 0]);
    expectPixel(shot, 1, 0, [...autoColor(3)] as unknown as RGBA);

    el.data = { data: new Uint16Array([1000, 40000]), shape: [1, 2] };
    shot = await el.snapshot();
    expectPixel(shot, 0, 0, [188, 112, 77, 255]);
    expectPixel(shot, 1, 0, [...autoColor(40000)] as unknown as RGBA);
  });

  it('outline mode: a 1-pixel boundary where classes meet, nothing inside a region', async () => {
    const { el } = await inContext<RrSegmentation>(
      html`<rr-segmentation render-mode="outline"></rr-segmentation>`,
      'rr-segmentation',
    );
    // Left half class 1, right half class 2, 10×6.
    const ids = new Uint8Array(60);
    for (let y = 0; y < 6; y++) for (let x = 0; x < 10; x++) ids[y * 10 + x] = x < 5 ? 1 : 2;
    el.format = { width: 10, height: 6 };
    el.buffer = ids;
    const shot = await el.snapshot();
    const c1 = [...autoColor(1)] as unknown as RGBA;
    expectImage(shot, (x) => (x === 4 ? c1 : [0, 0, 0, 0]));

    // At 8 output pixels per texel the line stays 1 output pixel wide.
    const zoomed = await el.snapshot({ scale: 8 });
    for (let x = 30; x < 50; x++) {
      expectPixel(zoomed, x, 20, x === 39 ? c1 : [0, 0, 0, 0]);
    }
    // fill-outline: the interior is fainter than the boundary.
    el.renderMode = 'fill-outline';
    await el.updateComplete;
    const both = await el.snapshot();
    expectPixel(both, 4, 2, c1);
    expect(pixelAt(both, 1, 2)[3]).to.be.within(100, 160);
  });

  it('decodes 8- and 16-bit grayscale PNG src with exact ids', async () => {
    const data16 = new Uint16Array([0, 1, 1000, 65535]);
    const png16 = encode({ width: 4, height: 1, data: data16, depth: 16, channels: 1 });
    const url16 = URL.createObjectURL(
      new Blob([png16 as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
    );
    const { el } = await inContext<RrSegmentation>(
      html`<rr-segmentation src=${url16}></rr-segmentation>`,
      'rr-segmentation',
    );
    let shot = await el.snapshot();
    expectPixel(shot, 0, 0, AUTO0);
    expectPixel(shot, 1, 0, [77, 123, 188, 255]);
    expectPixel(shot, 2, 0, [188, 112, 77, 255]);
    expectPixel(shot, 3, 0, [188, 77, 176, 255]);
    expect(el.pick(2.5, 0.5)[0]).to.include({ classId: 1000, value: 1000 });

    const png8 = encode({
      width: 2,
      height: 1,
      data: new Uint8Array([129, 2]),
      depth: 8,
      channels: 1,
    });
    el.src = URL.createObjectURL(
      new Blob([png8 as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
    );
    shot = await el.snapshot();
    expectPixel(shot, 0, 0, [131, 77, 188, 255]);
    expectPixel(shot, 1, 0, [154, 188, 77, 255]);
  });

  it("decodes a 16-bit PNG src in a worker; a corrupt one gives the main thread's rr-error", async () => {
    const png16 = encode({
      width: 3,
      height: 1,
      data: new Uint16Array([1, 1000, 65535]),
      depth: 16,
      channels: 1,
    });
    const before = { ...pngDecodeStats };
    const { ctx, el } = await inContext<RrSegmentation>(
      html`<rr-segmentation
        src=${URL.createObjectURL(new Blob([png16 as Uint8Array<ArrayBuffer>]))}
      ></rr-segmentation>`,
      'rr-segmentation',
    );
    const shot = await el.snapshot();
    expectPixel(shot, 0, 0, [77, 123, 188, 255]);
    expectPixel(shot, 2, 0, [188, 77, 176, 255]);
    expect(el.pick(1.5, 0.5)[0]).to.include({ classId: 1000 });
    // The samples came back from the worker; nothing was decoded on the main thread.
    expect(pngDecodeStats.worker).to.equal(before.worker + 1);
    expect(pngDecodeStats.mainThread).to.equal(before.mainThread);

    // The zlib stream of IDAT (after the signature, IHDR and IDAT's length and type) broken.
    const corrupt = png16.slice();
    corrupt.fill(0xff, 41, 45);
    let expected = '';
    try {
      decodeGrayscalePngNow(corrupt);
    } catch (error) {
      expected = (error as Error).message;
    }
    expect(expected).to.match(/^expected a valid PNG, got one that cannot be decoded/);
    const bad = document.createElement('rr-segmentation');
    const error = nextEvent<{ message: string }>(bad, 'rr-error');
    bad.src = URL.createObjectURL(new Blob([corrupt as Uint8Array<ArrayBuffer>]));
    ctx.append(bad);
    expect((await error).detail.message).to.include(expected);
    await bad.updateComplete;
    expect(bad.shadowRoot!.querySelector('[part="error"]')!.textContent).to.include(
      'cannot be decoded',
    );
    expect(pngDecodeStats.mainThread).to.equal(before.mainThread);
  });

  it('rejects an RGB PNG and .npy with rr-error and draws nothing', async () => {
    const rgb = encode({
      width: 1,
      height: 1,
      data: new Uint8Array([1, 2, 3]),
      depth: 8,
      channels: 3,
    });
    const url = URL.createObjectURL(
      new Blob([rgb as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
    );
    const ctx = await fixture<RrContext>(html`<rr-context></rr-context>`);
    const el = document.createElement('rr-segmentation');
    const error = nextEvent<{ message: string }>(el, 'rr-error');
    el.src = url;
    ctx.append(el);
    expect((await error).detail.message).to.match(/single-channel.*got RGB/);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.match(/got RGB/);

    const npyError = nextEvent<{ message: string }>(el, 'rr-error');
    el.src = URL.createObjectURL(new Blob([new Uint8Array([0x93, 78, 85, 77, 80, 89])]));
    expect((await npyError).detail.message).to.equal(
      'malformed .npy file: expected at least 10 bytes of preamble, got 6',
    );
  });

  it('rejects a colour model other than L with a message saying what came', async () => {
    const ctx = await fixture<RrContext>(html`<rr-context></rr-context>`);
    const el = document.createElement('rr-segmentation');
    ctx.append(el);
    const error = nextEvent<{ message: string }>(el, 'rr-error');
    el.format = { width: 1, height: 1, colorModel: 'RGB' };
    el.buffer = new Uint8Array(3);
    expect((await error).detail.message).to.equal(
      'expected a single-channel (L) segmentation image, got 1×1 RGB U8',
    );
  });

  it('reports a malformed context logged from JS as an error naming the entry, then recovers', async () => {
    const { ctx, el } = await inContext<RrSegmentation>(
      html`<rr-segmentation entity="m"></rr-segmentation>`,
      'rr-segmentation',
    );
    el.data = { data: new Uint8Array([1]), shape: [1, 1] };
    await el.renderComplete();
    // Checked when logged: the context is not stored, the rr-context reports it (nothing shows
    // "/" itself) and the segmentation under it shows it.
    const error = nextEvent<{ message: string }>(ctx, 'rr-error');
    ctx.recording.log('/', { archetype: 'AnnotationContext', context: [[1, 'x', 'not-a-colour']] });
    expect((await error).detail.message).to.match(
      /^log\(\) \/ AnnotationContext:context: class entry 0 .*got "not-a-colour"/,
    );
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')?.textContent).to.match(
      /class entry 0 .*got "not-a-colour"/,
    );
    ctx.recording.log('/', { archetype: 'AnnotationContext', context: [[1, 'x', 'blue']] });
    expectPixel(await el.snapshot(), 0, 0, [0, 0, 255, 255]);
  });

  it('tiles an id image larger than the GPU texture limit, with no seam (limit forced to 16)', async function () {
    requireWebGL2(this);
    const { getRenderer } = await import('../../render/renderer.js');
    const renderer = getRenderer();
    // Blocks of classes 0–5, so outlines cross the seams of the 12-texel tile spans. A 2 px
    // outline at scale 3 never samples exactly on a texel edge, where rounding would decide.
    const ids = Uint8Array.from(
      { length: 40 * 22 },
      (_, i) => (((i % 40) >> 2) + Math.floor(i / 40 / 3)) % 6,
    );
    const show = async () => {
      const { el } = await inContext<RrSegmentation>(
        html`<rr-segmentation render-mode="fill-outline" outline-width="2"></rr-segmentation>`,
        'rr-segmentation',
      );
      el.data = { data: ids, shape: [22, 40] };
      return el.snapshot({ scale: 3 });
    };
    const whole = await show();
    renderer.maxTextureSizeOverride = 16;
    try {
      const before = renderer.stats.textures;
      const tiled = await show();
      // 40 × 22 ids in spans of 12: 4 × 2 id tiles, plus the colour table.
      expect(renderer.stats.textures - before, 'tiles').to.equal(9);
      assertNoWebGLError('tiled segmentation');
      expect([tiled.width, tiled.height]).to.deep.equal([120, 66]);
      expectSameImage(tiled, whole);
      // Not blank: the interior of class 1 at texel (4, 0), and a full-strength outline.
      expect(pixelAt(tiled, 13, 1)[3], 'fill alpha').to.be.within(1, 254);
      expect(pixelAt(tiled, 12, 1)[3], 'outline alpha').to.equal(255);
    } finally {
      renderer.maxTextureSizeOverride = undefined;
    }
  });

  it('toggling a class changes only the lookup table, never re-uploads the id image', async () => {
    const { ctx, el } = await inContext<RrSegmentation>(
      html`<rr-segmentation entity="m"></rr-segmentation>`,
      'rr-segmentation',
    );
    ctx.recording.log('/', {
      archetype: 'AnnotationContext',
      context: [
        [1, 'red', [255, 0, 0]],
        [2, 'green', [0, 255, 0]],
      ],
    });
    el.data = { data: new Uint8Array([1, 2]), shape: [1, 2] };
    await el.renderComplete();
    expectPixel(await el.snapshot(), 0, 0, RED);
    const drawable = el.segmentationLayer!.drawable;
    const ids = drawable.idUploads;
    const tables = drawable.tableUploads;
    expect(ids).to.equal(1);

    const { classStateFor } = await import('../../store/class-state.js');
    const state = classStateFor(ctx.recording, '/');
    state.setVisible(1, false);
    let shot = await el.snapshot();
    expectPixel(shot, 0, 0, [0, 0, 0, 0]);
    expectPixel(shot, 1, 0, GREEN);
    state.highlighted = 2;
    state.setVisible(1, true);
    shot = await el.snapshot();
    // Highlighting class 2 dims class 1 to a quarter of its alpha. The table holds egui Color32
    // (premultiplied in gamma space) like Rerun's, so a translucent class also darkens:
    // (64, 0, 0, 64) decodes to linear 0.051 / 0.251 → sRGB 125.
    expectPixel(shot, 0, 0, [125, 0, 0, 64], 1);
    expectPixel(shot, 1, 0, GREEN);
    state.highlighted = null;
    shot = await el.snapshot();
    expectPixel(shot, 0, 0, RED);
    expect(drawable.idUploads).to.equal(ids);
    expect(drawable.tableUploads).to.be.greaterThan(tables);
  });

  it('a class toggle rewrites one table entry (4 bytes), a solo or highlight the table from kept colours', async () => {
    const { ctx, el } = await inContext<RrSegmentation>(
      html`<rr-segmentation entity="m"></rr-segmentation>`,
      'rr-segmentation',
    );
    ctx.recording.log('/', {
      archetype: 'AnnotationContext',
      context: [
        [1, 'red', [255, 0, 0]],
        [2, 'green', [0, 255, 0]],
      ],
    });
    // Ids 0–999 and one id above 65535: 1000 classes, most of them auto-coloured.
    const ids = new Uint32Array(1001).map((_, i) => (i < 1000 ? i : 70000));
    el.data = { data: ids, shape: [1, 1001] };
    await el.renderComplete();
    const { getRenderer } = await import('../../render/renderer.js');
    const { classStateFor } = await import('../../store/class-state.js');
    const state = classStateFor(ctx.recording, '/');
    const drawable = el.segmentationLayer!.drawable;
    const reference = await el.snapshot();
    expectPixel(reference, 1, 0, RED);
    const autoAt = (x: number): RGBA => pixelAt(reference, x, 0);
    expect(autoAt(421)[3]).to.equal(255);

    for (const id of [421, 70000, 1]) {
      const bytes = getRenderer().stats.uploadBytes;
      const entries = drawable.tableEntriesUploaded;
      state.setVisible(id, false);
      const hidden = await el.snapshot();
      expect(getRenderer().stats.uploadBytes - bytes, `hiding ${id}`).to.equal(4);
      expect(drawable.tableEntriesUploaded - entries).to.equal(1);
      const x = id === 70000 ? 1000 : id;
      expectPixel(hidden, x, 0, [0, 0, 0, 0]);
      expectPixel(hidden, 2, 0, GREEN);
      state.setVisible(id, true);
      const shown = await el.snapshot();
      expect(getRenderer().stats.uploadBytes - bytes, `showing ${id}`).to.equal(8);
      expectImage(shown, (px) => autoAt(px));
    }

    // Solo and highlight change (nearly) every entry: the table is rewritten from the kept base
    // colours, and the pictures are the ones a freshly built table gives.
    state.toggleSolo(2);
    let shot = await el.snapshot();
    expectImage(shot, (px) => (px === 2 ? GREEN : [0, 0, 0, 0]));
    state.toggleSolo(2);
    state.highlighted = 2;
    shot = await el.snapshot();
    expectPixel(shot, 1, 0, [125, 0, 0, 64], 1);
    expectPixel(shot, 2, 0, GREEN);
    state.highlighted = null;
    expectImage(await el.snapshot(), (px) => autoAt(px));
    expect(drawable.idUploads).to.equal(1);
  });

  it('opaque and transparent classes alone draw in one pass of their bytes, without blending, byte for byte as the two-pass snapshot', async () => {
    const { ctx, el } = await inContext<RrSegmentation>(
      html`<rr-segmentation entity="m" style="width: 64px; height: 32px"></rr-segmentation>`,
      'rr-segmentation',
    );
    ctx.recording.log('/', {
      archetype: 'AnnotationContext',
      context: [
        [0, 'background', [0, 0, 0, 0]],
        [1, 'red', [255, 0, 0]],
        [2, 'green', [0, 255, 0]],
      ],
    });
    // Classes 0–3 in stripes (3 is auto-coloured, opaque).
    el.data = { data: new Uint8Array(32 * 16).map((_, i) => (i >> 3) % 4), shape: [16, 32] };
    await el.renderComplete();
    const { getRenderer } = await import('../../render/renderer.js');
    const { classStateFor } = await import('../../store/class-state.js');
    const state = classStateFor(ctx.recording, '/');
    const drawable = el.segmentationLayer!.drawable;
    const frame = async (change: () => void, passes: number) => {
      const before = getRenderer().stats;
      change();
      await el.renderComplete();
      const after = getRenderer().stats;
      expect(after.frames - before.frames).to.equal(1);
      expect(after.singlePassFrames - before.singlePassFrames).to.equal(passes);
      const screen = canvasPixels(el);
      const shot = await el.snapshot({ scale: 2 });
      expect([screen.width, screen.height]).to.deep.equal([64, 32]);
      return { screen, shot };
    };

    expect(drawable.opaque).to.equal(true);
    const encoded = drawable.encodedDraws;
    let { screen, shot } = await frame(() => state.setVisible(2, false), 1);
    // Both the view and the snapshot wrote the table's bytes as they are (no sRGB round trip).
    expect(drawable.encodedDraws - encoded).to.equal(2);
    // Class 0 stays transparent, hidden class 2 is gone, 1 and 3 are drawn: the screen holds
    // exactly the two-pass snapshot's bytes.
    expectPixel(screen, 0, 0, [0, 0, 0, 0]);
    expectPixel(screen, 16, 0, RED);
    expectPixel(screen, 32, 0, [0, 0, 0, 0]);
    expectPixel(screen, 48, 0, [...autoColor(3)] as unknown as RGBA);
    expect([...screen.data]).to.deep.equal([...shot.data]);
    // And the bytes the linear-light path gives: the same frame at an opacity of 1 − 2⁻²⁴ (not
    // opaque, so composited in linear light and encoded; alpha still rounds to 255).
    el.opacity = 1 - 2 ** -24;
    const linear = await el.snapshot({ scale: 2 });
    expect(drawable.encodedDraws - encoded).to.equal(2);
    expect([...linear.data]).to.deep.equal([...shot.data]);
    el.opacity = 1;
    await el.renderComplete();

    // A highlight dims the other classes (translucent entries): the encode pass is back.
    ({ screen, shot } = await frame(() => (state.highlighted = 1), 0));
    expect(drawable.opaque).to.equal(false);
    expect(drawable.encodedDraws - encoded).to.equal(3);
    expectPixel(screen, 16, 0, RED);
    expect(pixelAt(screen, 48, 0)[3]).to.equal(64);
    ({ screen, shot } = await frame(() => (state.highlighted = null), 1));
    expect([...screen.data]).to.deep.equal([...shot.data]);
    // Below full opacity, and in outline mode, neither.
    ({ screen } = await frame(() => (el.opacity = 0.5), 0));
    expect(pixelAt(screen, 16, 0)[3]).to.equal(128);
    await frame(() => (el.opacity = 1), 1);
    el.setAttribute('render-mode', 'outline');
    await el.updateComplete;
    await el.renderComplete();
    await frame(() => state.setVisible(2, true), 0);
    expect(drawable.opaque).to.equal(false);
  });

  it('follows a temporal context as the time cursor moves', async () => {
    const { ctx, el } = await inContext<RrSegmentation>(
      html`<rr-segmentation entity="m"></rr-segmentation>`,
      'rr-segmentation',
    );
    ctx.recording.log(
      '/',
      { archetype: 'AnnotationContext', context: [[1, 'a', [255, 0, 0]]] },
      { time: { step: 0 } },
    );
    ctx.recording.log(
      '/',
      { archetype: 'AnnotationContext', context: [[1, 'b', [0, 0, 255]]] },
      { time: { step: 5 } },
    );
    el.data = { data: new Uint8Array([1]), shape: [1, 1] };
    ctx.recording.setTime('step', 2);
    expectPixel(await el.snapshot(), 0, 0, RED);
    ctx.recording.setTime('step', 7);
    expectPixel(await el.snapshot(), 0, 0, [0, 0, 255, 255]);
    expect(el.pick(0.5, 0.5)[0]!.label).to.equal('b');
  });

  it('shows the class label in the hover tooltip and in rr-hover', async () => {
    const { ctx, el } = await inContext<RrSegmentation>(
      html`<rr-segmentation entity="image" style="width: 120px; height: 80px"></rr-segmentation>`,
      'rr-segmentation',
    );
    ctx.recording.log('/', {
      archetype: 'AnnotationContext',
      context: [
        [1, 'red', [255, 0, 0]],
        [2, 'green', [0, 255, 0]],
      ],
    });
    el.data = { data: segmentationImageSimple(), shape: [8, 12] };
    await el.renderComplete();
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    const rect = canvas.getBoundingClientRect();
    const hover = nextEvent<{ picks: Array<{ classId?: number; label?: string }> }>(el, 'rr-hover');
    canvas.dispatchEvent(
      new PointerEvent('pointermove', {
        clientX: rect.left + 5,
        clientY: rect.top + 5,
        bubbles: true,
        pointerId: 1,
      }),
    );
    const { detail } = await hover;
    expect(detail.picks[0]).to.include({ classId: 1, label: 'red' });
    await el.updateComplete;
    const tip = el.shadowRoot!.querySelector('[part="tooltip"]')!.textContent!.replace(/\s+/g, ' ');
    expect(tip).to.contain('Position: 0, 0').and.contain('Label: red').and.contain('Val: 1');
  });

  it('an <rr-view> with no layer children shows SegmentationImage entities', async () => {
    const ctx = await fixture<RrContext>(html`<rr-context><rr-view></rr-view></rr-context>`);
    ctx.recording.log('seg', {
      archetype: 'SegmentationImage',
      buffer: new Uint8Array([0, 2]),
      format: { width: 2, height: 1 },
    });
    const view = ctx.querySelector('rr-view')!;
    const shot = await view.snapshot();
    expectPixel(shot, 0, 0, AUTO0);
    expectPixel(shot, 1, 0, [154, 188, 77, 255]);
  });
});

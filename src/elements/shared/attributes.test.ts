/**
 * Attribute values that make no sense are named, never silently replaced by a default: an
 * rr-error says which attribute, what was expected and what came, `part="error"` shows it, and
 * the layer keeps drawing with its last good value. Ranges Rerun clamps stay clamped quietly.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrImage } from '../rr-image/rr-image.js';
import type { RrSegmentation } from '../rr-segmentation/rr-segmentation.js';
import type { ErrorDetail } from './errors.js';
import { expectImage, expectSameImage, pixelAt } from '../../../test/helpers/pixels.js';
import { rgbImage } from '../../../test/helpers/fixtures.js';
import { recordWarnings } from '../../../test/helpers/warnings.js';
import { assertNoWebGLError, requireWebGL2 } from '../../../test/helpers/webgl.js';

/** The rr-error messages `change` causes (quietly: the console.warn lines are checked too). */
async function errorsOf(el: HTMLElement, change: () => void | Promise<void>): Promise<string[]> {
  const messages: string[] = [];
  const listener = (e: Event) => messages.push((e as CustomEvent<ErrorDetail>).detail.message);
  el.addEventListener('rr-error', listener);
  const warnings = recordWarnings();
  try {
    await change();
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  } finally {
    warnings.stop();
    el.removeEventListener('rr-error', listener);
  }
  expect(warnings.lines.length, 'each rr-error is logged once').to.equal(messages.length);
  return messages;
}

function shownError(el: Element): string | undefined {
  return el.shadowRoot!.querySelector('[part="error"]')?.textContent?.trim();
}

async function redImage(attrs = ''): Promise<RrImage> {
  const el = await fixture<RrImage>(html`<rr-image style="width: 40px"></rr-image>`);
  for (const pair of attrs.split(' ').filter(Boolean)) {
    const [name, value] = pair.split('=');
    el.setAttribute(name, value);
  }
  el.format = { width: 2, height: 2, colorModel: 'RGB' };
  el.buffer = rgbImage(2, 2, () => [255, 0, 0]);
  await el.updateComplete;
  return el;
}

describe('checked attributes', () => {
  before(function () {
    requireWebGL2(this);
  });
  afterEach(() => assertNoWebGLError());

  it('opacity="abc" / "half": rr-error naming the attribute; the last good opacity stays', async () => {
    const el = await redImage('opacity=0.5');
    expectImage(await el.snapshot(), () => [255, 0, 0, 128], 1);
    const messages = await errorsOf(el, () => el.setAttribute('opacity', 'abc'));
    expect(messages).to.deep.equal(['opacity: expected a finite number, got "abc"']);
    expect(shownError(el)).to.equal('opacity: expected a finite number, got "abc"');
    expectImage(await el.snapshot(), () => [255, 0, 0, 128], 1);
    expect(await errorsOf(el, () => el.setAttribute('opacity', 'half'))).to.deep.equal([
      'opacity: expected a finite number, got "half"',
    ]);
    // Fixed: the message goes, the new value is used.
    expect(await errorsOf(el, () => el.setAttribute('opacity', '1'))).to.deep.equal([]);
    expect(shownError(el)).to.equal(undefined);
    expectImage(await el.snapshot(), () => [255, 0, 0, 255]);
  });

  it('opacity 2 or -1 is clamped to 1 or 0 without an error, as in Rerun', async () => {
    const el = await redImage('opacity=0.5');
    expect(await errorsOf(el, () => el.setAttribute('opacity', '2'))).to.deep.equal([]);
    expectImage(await el.snapshot(), () => [255, 0, 0, 255]);
    expect(await errorsOf(el, () => el.setAttribute('opacity', '-1'))).to.deep.equal([]);
    expect(pixelAt(await el.snapshot(), 0, 0)[3]).to.equal(0);
    expect(shownError(el)).to.equal(undefined);
  });

  it('draw-order="abc" / 1e400 / -Infinity: rr-error each, the last good order stays', async () => {
    const el = await redImage('draw-order=3');
    expect(
      await errorsOf(el, async () => {
        for (const bad of ['abc', '1e400', '-Infinity']) {
          el.setAttribute('draw-order', bad);
          await el.updateComplete;
        }
      }),
    ).to.deep.equal([
      'draw-order: expected a finite number, got "abc"',
      'draw-order: expected a finite number, got "1e400"',
      'draw-order: expected a finite number, got "-Infinity"',
    ]);
    expect(el.layerOverrides().drawOrder).to.equal(3);
  });

  it('magnification-filter="cubic" / "__proto__": rr-error; the picture still draws', async () => {
    const el = await redImage('magnification-filter=linear');
    expect(
      await errorsOf(el, async () => {
        el.setAttribute('magnification-filter', 'cubic');
        await el.updateComplete;
        el.setAttribute('magnification-filter', '__proto__');
      }),
    ).to.deep.equal([
      'magnification-filter: expected one of "nearest", "linear", "bicubic", got "cubic"',
      'magnification-filter: expected one of "nearest", "linear", "bicubic", got "__proto__"',
    ]);
    expect(el.layerOverrides()).to.include({ magnificationFilter: 'linear' });
    expectImage(await el.snapshot(), () => [255, 0, 0, 255]);
  });

  it('render-mode="blur", outline-width -5 / NaN / 1e9: rr-error each; the last good drawing stays', async () => {
    const el = await fixture<RrSegmentation>(
      html`<rr-segmentation render-mode="outline" outline-width="1"></rr-segmentation>`,
    );
    const ids = new Uint8Array(60);
    for (let y = 0; y < 6; y++) for (let x = 0; x < 10; x++) ids[y * 10 + x] = x < 5 ? 1 : 2;
    el.format = { width: 10, height: 6 };
    el.buffer = ids;
    const good = await el.snapshot();
    // Not blank: the outline column, nothing inside the regions.
    expect(pixelAt(good, 4, 2)[3]).to.equal(255);
    expect(pixelAt(good, 1, 2)[3]).to.equal(0);
    const messages = await errorsOf(el, async () => {
      el.setAttribute('render-mode', 'blur');
      for (const bad of ['-5', 'NaN', '1e9']) {
        await el.updateComplete;
        el.setAttribute('outline-width', bad);
      }
    });
    expect(messages).to.deep.equal([
      'render-mode: expected one of "fill", "outline", "fill-outline", got "blur"',
      'outline-width: expected a width in CSS pixels from 0 to 100, got "-5"',
      'outline-width: expected a width in CSS pixels from 0 to 100, got "NaN"',
      'outline-width: expected a width in CSS pixels from 0 to 100, got "1e9"',
    ]);
    expect(shownError(el)).to.equal(
      'render-mode: expected one of "fill", "outline", "fill-outline", got "blur"',
    );
    expectSameImage(await el.snapshot(), good);
  });

  it('data with strides that are not row-major: rr-error instead of a scrambled picture', async () => {
    const el = await fixture<RrImage>(html`<rr-image style="width: 40px"></rr-image>`);
    const messages = await errorsOf(el, () => {
      el.data = {
        data: new Uint8Array(6),
        shape: [2, 3],
        strides: [1, 2],
      } as unknown as RrImage['data'];
    });
    expect(messages).to.deep.equal([
      'expected row-major (C-contiguous) data, strides [3, 1], got strides [1, 2] (copy the array into row-major order first)',
    ]);
    expect(shownError(el)).to.equal(messages[0]);
    // Row-major strides (numpy's, in bytes) are fine.
    expect(
      await errorsOf(el, () => {
        el.data = {
          data: new Uint16Array(6),
          shape: [2, 3],
          strides: [6, 2],
        } as unknown as RrImage['data'];
      }),
    ).to.deep.equal([]);
  });
});

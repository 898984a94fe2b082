/**
 * Bad values given to `log()` / `sendColumns()`: each is an `rr-error` naming the entity, the
 * component, what was expected and what came; nothing throws; the layer keeps drawing its last
 * good state (pixels through snapshot()) and the other layers are unaffected.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrContext } from './rr-context.js';
import type { RrView } from '../rr-view/rr-view.js';
import type { ErrorDetail } from '../shared/errors.js';
import { expectPixel, expectSameImage, pixelAt } from '../../../test/helpers/pixels.js';
import { rgbImage } from '../../../test/helpers/fixtures.js';
import { assertNoWebGLError, requireWebGL2 } from '../../../test/helpers/webgl.js';
import { recordWarnings, type WarningRecorder } from '../../../test/helpers/warnings.js';

const solid = (w: number, h: number, rgb: readonly number[]) => rgbImage(w, h, () => rgb);
const RED = [255, 0, 0, 255] as const;
const BLUE = [0, 0, 255, 255] as const;

/** Collects the rr-error events reaching the document while a test runs. */
function errorsOf(target: EventTarget): Array<{ target: EventTarget | null; detail: ErrorDetail }> {
  const seen: Array<{ target: EventTarget | null; detail: ErrorDetail }> = [];
  target.addEventListener('rr-error', (e) =>
    seen.push({ target: e.target, detail: (e as CustomEvent<ErrorDetail>).detail }),
  );
  return seen;
}

/** A view of two logged images: /a (2×1 blue, under) and /b (1×1 red, over its left pixel). */
async function twoLogged(): Promise<{ ctx: RrContext; view: RrView }> {
  const ctx = await fixture<RrContext>(html`
    <rr-context>
      <rr-view style="width: 100px">
        <rr-image entity="a"></rr-image>
        <rr-image entity="b"></rr-image>
      </rr-view>
    </rr-context>
  `);
  const format = { width: 2, height: 1, colorModel: 'RGB' };
  ctx.log('a', { archetype: 'Image', buffer: solid(2, 1, [0, 0, 255]), format, drawOrder: 0 });
  ctx.log('b', {
    archetype: 'Image',
    buffer: solid(1, 1, [255, 0, 0]),
    format: { width: 1, height: 1, colorModel: 'RGB' },
    drawOrder: 1,
  });
  return { ctx, view: ctx.querySelector<RrView>('rr-view')! };
}

describe('log() and sendColumns() of bad values', () => {
  let warnings: WarningRecorder;
  before(function () {
    requireWebGL2(this);
  });
  beforeEach(() => (warnings = recordWarnings()));
  afterEach(() => {
    warnings.stop();
    assertNoWebGLError();
  });

  it('opacity "abc" or {}: rr-error from the layer, the last good opacity draws, no throw', async () => {
    const { ctx, view } = await twoLogged();
    const errors = errorsOf(document);
    ctx.log('b', { archetype: 'Image', opacity: 0.5 });
    const good = await view.snapshot();
    // Red at 0.5 over blue in linear light; the other pixel is /a's blue.
    expectPixel(good, 0, 0, [188, 0, 188, 255], 2);
    expectPixel(good, 1, 0, BLUE);
    expect(errors).to.deep.equal([]);

    ctx.log('b', { archetype: 'Image', opacity: 'abc' });
    ctx.log('b', { archetype: 'Image', opacity: {} });
    expectSameImage(await view.snapshot(), good);
    expect(errors.map((e) => e.detail.message)).to.deep.equal([
      'log() /b Image:opacity: expected a number from 0 to 1 (clamped), got "abc"; not stored, the last good value stays',
      'log() /b Image:opacity: expected a number from 0 to 1 (clamped), got an object; not stored, the last good value stays',
    ]);
    // Reported once each, by the layer that shows /b (not again by the context).
    const layer = view.querySelectorAll('rr-image')[1]!;
    expect(errors.map((e) => e.target)).to.deep.equal([layer, layer]);
    expect(errors[0]!.detail.entity).to.equal('/b');
    expect(warnings.lines.filter((l) => l.includes('Image:opacity')).length).to.equal(2);
    await layer.updateComplete;
    expect(layer.shadowRoot!.querySelector('[part="error"]')?.textContent).to.contain(
      'Image:opacity: expected a number from 0 to 1',
    );

    // A good value ends the message; Rerun clamps 2 to 1 without a word.
    ctx.log('b', { archetype: 'Image', opacity: 2 });
    const clamped = await view.snapshot();
    expectPixel(clamped, 0, 0, RED);
    expect(errors.length).to.equal(2);
    expect(ctx.recording.latestAt('b', 'Image:opacity')).to.equal(1);
    await layer.updateComplete;
    expect(layer.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('drawOrder {} or "abc": rr-error, the layers keep their order', async () => {
    const { ctx, view } = await twoLogged();
    const errors = errorsOf(document);
    ctx.log('b', { archetype: 'Image', drawOrder: -1 });
    const good = await view.snapshot();
    // /b is now under /a: both pixels blue.
    expectPixel(good, 0, 0, BLUE);
    ctx.log('b', { archetype: 'Image', drawOrder: {} });
    ctx.log('b', { archetype: 'Image', drawOrder: 'abc' });
    ctx.log('b', { archetype: 'Image', drawOrder: -Infinity });
    expectSameImage(await view.snapshot(), good);
    expect(errors.map((e) => e.detail.message)).to.deep.equal([
      'log() /b Image:draw_order: expected a finite number, got an object; not stored, the last good value stays',
      'log() /b Image:draw_order: expected a finite number, got "abc"; not stored, the last good value stays',
      'log() /b Image:draw_order: expected a finite number, got -Infinity; not stored, the last good value stays',
    ]);
  });

  it('a bad buffer or format keeps the last good picture; the good fields of the row are stored', async () => {
    const { ctx, view } = await twoLogged();
    const good = await view.snapshot();
    expectPixel(good, 0, 0, RED);
    const errors = errorsOf(document);
    ctx.log('b', { archetype: 'Image', buffer: 'pixels', format: 'garbage', drawOrder: -1 });
    // drawOrder was good and is stored: /b goes under /a; its picture is still the red one.
    expect(ctx.recording.latestAt('b', 'Image:draw_order')).to.equal(-1);
    expectPixel(await view.snapshot(), 0, 0, BLUE);
    ctx.log('b', { archetype: 'Image', drawOrder: 1 });
    expectSameImage(await view.snapshot(), good);
    expect(errors.map((e) => e.detail.message)).to.deep.equal([
      'log() /b Image:buffer: expected an ArrayBuffer or a typed array, got "pixels"; not stored, the last good value stays',
      'log() /b Image:format: expected a format {width, height, …}, got "garbage"; not stored, the last good value stays',
    ]);
  });

  it("an annotation context of 'garbage': rr-error, the segmentation keeps the last good colours", async () => {
    const ctx = await fixture<RrContext>(html`
      <rr-context>
        <rr-view style="width: 100px"><rr-segmentation entity="seg"></rr-segmentation></rr-view>
      </rr-context>
    `);
    const view = ctx.querySelector<RrView>('rr-view')!;
    ctx.log('/', { archetype: 'AnnotationContext', context: [{ id: 1, color: [0, 255, 0] }] });
    ctx.log('seg', {
      archetype: 'SegmentationImage',
      buffer: new Uint8Array([1]),
      format: { width: 1, height: 1 },
      opacity: 1,
    });
    const good = await view.snapshot();
    expectPixel(good, 0, 0, [0, 255, 0, 255]);
    const errors = errorsOf(document);
    ctx.log('/', { archetype: 'AnnotationContext', context: 'garbage' });
    expectSameImage(await view.snapshot(), good);
    expect(errors.length).to.equal(1);
    expect(errors[0]!.detail).to.include({ entity: '/' });
    expect(errors[0]!.detail.message).to.equal(
      'log() / AnnotationContext:context: expected an annotation context as a list of classes, got "garbage"; not stored, the last good value stays',
    );
    // Nothing shows "/" but the context: the rr-context reports it.
    expect(errors[0]!.target).to.equal(ctx);
  });

  it('geometry of wrong types: rr-error per field, the points keep their last good positions', async () => {
    const ctx = await fixture<RrContext>(html`
      <rr-context>
        <rr-view style="width: 100px" visual-bounds="0 0 10 10">
          <rr-image entity="bg"></rr-image>
          <rr-points2d entity="pts"></rr-points2d>
        </rr-view>
      </rr-context>
    `);
    const view = ctx.querySelector<RrView>('rr-view')!;
    ctx.log('bg', {
      archetype: 'Image',
      buffer: solid(10, 10, [0, 0, 255]),
      format: { width: 10, height: 10, colorModel: 'RGB' },
    });
    ctx.log('pts', {
      archetype: 'Points2D',
      positions: [[2.5, 2.5]],
      radii: 2,
      colors: [[255, 255, 0]],
    });
    const good = await view.snapshot();
    expect(pixelAt(good, 2, 2)[0], 'the point is drawn').to.be.greaterThan(150);
    expectPixel(good, 8, 8, BLUE);
    const errors = errorsOf(document);
    ctx.log('pts', { archetype: 'Points2D', positions: { x: 7, y: 7 } });
    ctx.log('pts', { archetype: 'Points2D', positions: [[7, 'seven']] });
    ctx.log('pts', { archetype: 'Points2D', radii: 'big', colors: 12n });
    ctx.sendColumns('pts', { step: [0, 1] }, { archetype: 'Points2D', positions: ['a b', 'c d'] });
    expectSameImage(await view.snapshot(), good);
    const messages = errors.map((e) => e.detail.message);
    expect(messages.length).to.equal(5);
    expect(messages[0]).to.match(/^log\(\) \/pts Points2D:positions: expected .*, got /);
    expect(messages[1]).to.match(/^log\(\) \/pts Points2D:positions: expected .*"seven"/);
    expect(messages[2]).to.match(/^log\(\) \/pts Points2D:radii: expected .*"big"/);
    expect(messages[3]).to.match(/^log\(\) \/pts Points2D:colors: expected /);
    expect(messages[4]).to.match(
      /^sendColumns\(\) \/pts Points2D:positions row 0: expected .* \(and 1 more row\); not stored/,
    );
    const points = view.querySelector('rr-points2d')!;
    expect(errors.every((e) => e.target === points)).to.equal(true);
  });

  it('with no layer children the view reports and shows the value, and keeps drawing', async () => {
    const ctx = await fixture<RrContext>(html`
      <rr-context><rr-view style="width: 100px"></rr-view></rr-context>
    `);
    const view = ctx.querySelector<RrView>('rr-view')!;
    ctx.log('img', {
      archetype: 'Image',
      buffer: solid(1, 1, [255, 0, 0]),
      format: { width: 1, height: 1, colorModel: 'RGB' },
    });
    const good = await view.snapshot();
    expectPixel(good, 0, 0, RED);
    const errors = errorsOf(document);
    ctx.log('img', { archetype: 'Image', opacity: 'half' });
    expectSameImage(await view.snapshot(), good);
    expect(errors.map((e) => e.target)).to.deep.equal([view]);
    await view.updateComplete;
    expect(view.shadowRoot!.querySelector('[part="error"]')?.textContent).to.contain(
      'log() /img Image:opacity: expected a number from 0 to 1 (clamped), got "half"',
    );
  });
});

/**
 * The settings-like attributes of the geometry elements and `<rr-depth-image>` go through the
 * shared checkedAttribute(): a bad value is an rr-error "attribute: expected …, got …", shown in
 * part="error", and the element keeps drawing with the last good value (pixels via snapshot()).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrBoxes2d } from '../rr-boxes2d/rr-boxes2d.js';
import type { RrDepthImage } from '../rr-depth-image/rr-depth-image.js';
import type { RrPoints2d } from '../rr-points2d/rr-points2d.js';
import type { ErrorDetail } from './errors.js';
import { expectPixel, expectSameImage, pixelAt } from '../../../test/helpers/pixels.js';
import { sceneView } from '../../../test/helpers/geometry.js';
import { assertNoWebGLError, requireWebGL2 } from '../../../test/helpers/webgl.js';
import { recordWarnings, type WarningRecorder } from '../../../test/helpers/warnings.js';

function errorsOf(el: Element): string[] {
  const seen: string[] = [];
  el.addEventListener('rr-error', (e) => seen.push((e as CustomEvent<ErrorDetail>).detail.message));
  return seen;
}

async function shownError(el: Element & { updateComplete: Promise<boolean> }) {
  await el.updateComplete;
  return el.shadowRoot!.querySelector('[part="error"]')?.textContent ?? null;
}

describe('geometry element attributes (checkedAttribute)', () => {
  let warnings: WarningRecorder;
  before(function () {
    requireWebGL2(this);
  });
  beforeEach(() => (warnings = recordWarnings()));
  afterEach(() => {
    warnings.stop();
    assertNoWebGLError();
  });

  it('<rr-points2d> radius, color, class-ids, keypoint-ids, show-labels: named, last good kept', async () => {
    const view = await sceneView(
      4,
      4,
      html`<rr-points2d positions="2 2" radius="1" color="#ff0000"></rr-points2d>`,
    );
    const el = view.querySelector<RrPoints2d>('rr-points2d')!;
    const good = await view.snapshot({ scale: 10 });
    // A red disc of radius 1 scene unit about (2, 2): its rim at 1.5 units is red, 2.5 is not.
    expect(pixelAt(good, 20, 20)[0]).to.be.greaterThan(100);
    expect(pixelAt(good, 20, 20)[2]).to.equal(0);
    expectPixel(good, 20, 4, [0, 0, 0, 0]);
    const errors = errorsOf(el);
    const bad: Array<[string, string, RegExp]> = [
      ['radius', 'abc', /^radius: expected .+, got "abc"$/],
      ['color', 'notacolour', /^color: expected .+, got "notacolour"$/],
      ['class-ids', '1 x', /^class-ids: expected .+, got "1 x"$/],
      ['keypoint-ids', '-3', /^keypoint-ids: expected .+, got "-3"$/],
      ['show-labels', 'maybe', /^show-labels: expected true or false, got "maybe"$/],
    ];
    for (const [name, value, message] of bad) {
      el.setAttribute(name, value);
      expectSameImage(await view.snapshot({ scale: 10 }), good);
      expect(errors.at(-1), name).to.match(message);
    }
    expect(errors.length).to.equal(bad.length);
    expect(await shownError(el)).to.match(/^radius: expected/);
    expect(warnings.lines.length).to.equal(bad.length);
    // Good values again: the messages go, and a new radius draws.
    for (const [name] of bad) el.removeAttribute(name);
    el.setAttribute('radius', '0.5');
    el.setAttribute('color', '#ff0000');
    const smaller = await view.snapshot({ scale: 10 });
    expect(await shownError(el)).to.equal(null);
    expectPixel(smaller, 20, 13, [0, 0, 0, 0]);
  });

  it('<rr-boxes2d> array-format "WXYZ": named, the last good format keeps drawing', async () => {
    const view = await sceneView(
      4,
      3,
      html`<rr-boxes2d color="#ffff00" array="1 0.5 2 1.5" array-format="XYWH"></rr-boxes2d>`,
    );
    const el = view.querySelector<RrBoxes2d>('rr-boxes2d')!;
    const good = await view.snapshot({ scale: 40 });
    expectPixel(good, 40, 50, [255, 255, 0, 255]);
    const errors = errorsOf(el);
    el.setAttribute('array-format', 'WXYZ');
    expectSameImage(await view.snapshot({ scale: 40 }), good);
    expect(errors).to.deep.equal([
      'array-format: expected one of XYWH, YXHW, XYXY, YXYX, XCYCWH, XCYCW2H2, got "WXYZ"',
    ]);
    expect(await shownError(el)).to.equal(errors[0]);
  });

  it('<rr-depth-image> colormap, meter, depth-range, magnification-filter: named, last good kept', async () => {
    const el = await fixture<RrDepthImage>(
      html`<rr-depth-image colormap="grayscale" style="width: 100px"></rr-depth-image>`,
    );
    el.format = { width: 2, height: 1, channelDatatype: 'U16' };
    el.buffer = new Uint16Array([0, 1000]);
    const good = await el.snapshot();
    // Grayscale over [0, 1000]: black, then white.
    expectPixel(good, 0, 0, [0, 0, 0, 255]);
    expectPixel(good, 1, 0, [255, 255, 255, 255]);
    const errors = errorsOf(el);
    const bad: Array<[string, string, string]> = [
      ['colormap', 'rainbow', 'colormap: expected one of grayscale'],
      ['meter', '-5', 'meter: expected a positive number of raw units per metre, got "-5"'],
      ['depth-range', '1 1', 'depth-range: expected two different finite numbers "min max"'],
      ['magnification-filter', 'cubic', 'magnification-filter: expected one of "nearest"'],
    ];
    for (const [name, value, message] of bad) {
      el.setAttribute(name, value);
      expectSameImage(await el.snapshot(), good);
      expect(errors.at(-1), name).to.contain(message);
      expect(errors.at(-1), name).to.match(new RegExp(`got "${value}"$`));
    }
    expect(errors.length).to.equal(bad.length);
    expect(await shownError(el)).to.contain('colormap: expected');
  });
});

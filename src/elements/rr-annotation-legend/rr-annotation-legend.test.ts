import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../index.js';
import type { RrContext } from '../rr-context/rr-context.js';
import type { RrSegmentation } from '../rr-segmentation/rr-segmentation.js';
import type { RrAnnotationLegend } from './rr-annotation-legend.js';
import { expectPixel } from '../../../test/helpers/pixels.js';
import { nextEvent } from '../../../test/helpers/fixtures.js';
import { TUTORIAL_DETECTIONS, TUTORIAL_MASKS } from '../../../test/helpers/segmentation.js';

function rows(legend: Element, part = 'row'): HTMLTableRowElement[] {
  return [...legend.shadowRoot!.querySelectorAll<HTMLTableRowElement>(`tr[part="${part}"]`)];
}

function cells(row: Element): string[] {
  return [...row.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim());
}

async function linked(
  context: unknown[],
): Promise<{ ctx: RrContext; legend: RrAnnotationLegend; seg: RrSegmentation }> {
  const ctx = await fixture<RrContext>(
    html`<rr-context>
      <rr-annotation-legend entity="masks"></rr-annotation-legend>
      <rr-segmentation entity="masks/image" style="width: 200px"></rr-segmentation>
    </rr-context>`,
  );
  ctx.recording.log('masks', { archetype: 'AnnotationContext', context });
  const legend = ctx.querySelector('rr-annotation-legend')!;
  const seg = ctx.querySelector('rr-segmentation')!;
  seg.data = { data: new Uint8Array([0, 1, 2, 1]), shape: [1, 4] };
  await legend.updateComplete;
  return { ctx, legend, seg };
}

describe('<rr-annotation-legend>', () => {
  it('shows the tutorial context: rows sorted by id with "(auto)" where no colour was logged', async () => {
    const ctx = await fixture<RrContext>(
      html`<rr-context
        ><rr-annotation-legend entity="masks/frame"></rr-annotation-legend
      ></rr-context>`,
    );
    ctx.recording.log('masks', { archetype: 'AnnotationContext', context: TUTORIAL_MASKS });
    const legend = ctx.querySelector('rr-annotation-legend')!;
    await legend.updateComplete;
    const [background, person] = rows(legend);
    expect(rows(legend)).to.have.length(2);
    expect(background!.dataset.classId).to.equal('0');
    expect(cells(background!)).to.deep.equal(['0', 'Background', '(auto)']);
    expect(cells(person!)).to.deep.equal(['1', 'Person', '']);
    expect(background!.querySelector('.swatch')!.getAttribute('title')).to.equal('#bc4d4d');
    expect(person!.querySelector('.swatch')!.getAttribute('title')).to.equal('#ff0000');
    await expect(legend).to.be.accessible();
  });

  it('shows keypoint tables and connections by label, else "id N"', async () => {
    const ctx = await fixture<RrContext>(
      html`<rr-context
        ><rr-annotation-legend entity="detections"></rr-annotation-legend
      ></rr-context>`,
    );
    ctx.recording.log('detections', {
      archetype: 'AnnotationContext',
      context: TUTORIAL_DETECTIONS,
    });
    const legend = ctx.querySelector('rr-annotation-legend')!;
    await legend.updateComplete;
    expect(cells(rows(legend)[0]!)).to.deep.equal(['0', 'Snake', '(auto)']);
    const keypoints = legend.shadowRoot!.querySelector('table[part="keypoints"]')!;
    expect(keypoints.querySelector('caption')!.textContent).to.equal(
      'Keypoints Annotation for Class 0',
    );
    const kpRows = [...keypoints.querySelectorAll('tbody tr')];
    expect(kpRows).to.have.length(10);
    expect(kpRows[3]!.querySelector('.swatch')!.getAttribute('title')).to.equal('#005400');
    const connections = legend.shadowRoot!.querySelector('table[part="connections"]')!;
    const pairs = [...connections.querySelectorAll('tbody tr')].map((r) => cells(r));
    expect(pairs).to.have.length(9);
    expect(pairs[0]).to.deep.equal(['id 0', 'id 1']);
    expect(pairs[8]).to.deep.equal(['id 8', 'id 9']);
    await expect(legend).to.be.accessible();
  });

  it('toggling a class in the legend makes its pixels transparent in the view, and back', async () => {
    const { legend, seg } = await linked([
      [1, 'red', [255, 0, 0]],
      [2, 'green', [0, 255, 0]],
    ]);
    expectPixel(await seg.snapshot(), 1, 0, [255, 0, 0, 255]);
    const ids = seg.segmentationLayer!.drawable.idUploads;
    const row = rows(legend).find((r) => r.dataset.classId === '1')!;
    const toggled = nextEvent<{ classId: number; visible: boolean }>(legend, 'rr-class-toggle');
    row.click();
    expect((await toggled).detail).to.deep.equal({ classId: 1, visible: false });
    let shot = await seg.snapshot();
    expectPixel(shot, 1, 0, [0, 0, 0, 0]);
    expectPixel(shot, 3, 0, [0, 0, 0, 0]);
    expectPixel(shot, 2, 0, [0, 255, 0, 255]);
    expect(legend.hiddenClasses).to.deep.equal([1]);
    await legend.updateComplete;
    const hiddenRow = rows(legend).find((r) => r.dataset.classId === '1')!;
    expect(hiddenRow.hasAttribute('data-hidden')).to.equal(true);
    expect(hiddenRow.querySelector('button')!.getAttribute('aria-pressed')).to.equal('false');

    // Enter on the row's button toggles it back (buttons click on Enter and Space).
    const button = rows(legend)
      .find((r) => r.dataset.classId === '1')!
      .querySelector('button')!;
    button.focus();
    button.click();
    shot = await seg.snapshot();
    expectPixel(shot, 1, 0, [255, 0, 0, 255]);
    expect(seg.segmentationLayer!.drawable.idUploads).to.equal(ids);
  });

  it('legends of the same context share visibility: a later legend shows what an earlier one hid', async () => {
    const { ctx, legend, seg } = await linked([
      [1, 'red', [255, 0, 0]],
      [2, 'green', [0, 255, 0]],
    ]);
    rows(legend)
      .find((r) => r.dataset.classId === '2')!
      .click();
    const second = document.createElement('rr-annotation-legend');
    second.entity = 'masks/other';
    ctx.append(second);
    await second.updateComplete;
    expect(second.hiddenClasses).to.deep.equal([2]);
    expect(
      rows(second)
        .find((r) => r.dataset.classId === '2')!
        .hasAttribute('data-hidden'),
    ).to.equal(true);
    rows(second)
      .find((r) => r.dataset.classId === '2')!
      .click();
    expectPixel(await seg.snapshot(), 2, 0, [0, 255, 0, 255]);
    await legend.updateComplete;
    expect(legend.hiddenClasses).to.deep.equal([]);
  });

  it('applies a hidden-classes attribute given before any context exists', async () => {
    const ctx = await fixture<RrContext>(
      html`<rr-context>
        <rr-annotation-legend hidden-classes="1 3"></rr-annotation-legend>
        <rr-segmentation entity="m"></rr-segmentation>
      </rr-context>`,
    );
    const seg = ctx.querySelector('rr-segmentation')!;
    seg.data = { data: new Uint8Array([1, 2, 3]), shape: [1, 3] };
    ctx.recording.log('/', {
      archetype: 'AnnotationContext',
      context: [
        [1, 'a', 'red'],
        [2, 'b', 'lime'],
        [3, 'c', 'blue'],
      ],
    });
    const shot = await seg.snapshot();
    expectPixel(shot, 0, 0, [0, 0, 0, 0]);
    expectPixel(shot, 1, 0, [0, 255, 0, 255]);
    expectPixel(shot, 2, 0, [0, 0, 0, 0]);
  });

  it('Alt-click shows only that class; hidden-classes sets visibility', async () => {
    const { legend, seg } = await linked([
      [0, 'bg'],
      [1, 'red', [255, 0, 0]],
      [2, 'green', [0, 255, 0]],
    ]);
    const row = rows(legend).find((r) => r.dataset.classId === '2')!;
    row.dispatchEvent(new MouseEvent('click', { bubbles: true, altKey: true }));
    let shot = await seg.snapshot();
    expectPixel(shot, 0, 0, [0, 0, 0, 0]);
    expectPixel(shot, 1, 0, [0, 0, 0, 0]);
    expectPixel(shot, 2, 0, [0, 255, 0, 255]);
    expect(legend.hiddenClasses).to.deep.equal([0, 1]);

    legend.setAttribute('hidden-classes', '0');
    await legend.updateComplete;
    shot = await seg.snapshot();
    expectPixel(shot, 0, 0, [0, 0, 0, 0]);
    expectPixel(shot, 1, 0, [255, 0, 0, 255]);
    expectPixel(shot, 2, 0, [0, 255, 0, 255]);
  });

  it('hovering a row highlights the class in the view and dims the others', async () => {
    const { legend, seg } = await linked([
      [1, 'red', [255, 0, 0]],
      [2, 'green', [0, 255, 0]],
    ]);
    const row = rows(legend).find((r) => r.dataset.classId === '2')!;
    const hover = nextEvent<{ classId: number | null }>(legend, 'rr-class-hover');
    row
      .querySelector('td')!
      .dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    expect((await hover).detail.classId).to.equal(2);
    let shot = await seg.snapshot();
    expectPixel(shot, 2, 0, [0, 255, 0, 255]);
    expect(shot.data[1 * 4 + 3]).to.equal(64);
    const leave = nextEvent<{ classId: number | null }>(legend, 'rr-class-hover');
    row.parentElement!.dispatchEvent(new PointerEvent('pointerleave'));
    expect((await leave).detail.classId).to.equal(null);
    shot = await seg.snapshot();
    expectPixel(shot, 1, 0, [255, 0, 0, 255]);
  });

  it('marks the row of the class under the pointer in a view', async () => {
    const { legend, seg } = await linked([
      [1, 'red', [255, 0, 0]],
      [2, 'green', [0, 255, 0]],
    ]);
    await seg.renderComplete();
    const canvas = seg.shadowRoot!.querySelector('canvas')!;
    const rect = canvas.getBoundingClientRect();
    // Pixel 2 of 4 (class 2).
    canvas.dispatchEvent(
      new PointerEvent('pointermove', {
        clientX: rect.left + rect.width * 0.6,
        clientY: rect.top + rect.height / 2,
        bubbles: true,
      }),
    );
    await legend.updateComplete;
    const marked = rows(legend).filter((r) => r.hasAttribute('data-hovered'));
    expect(marked.map((r) => r.dataset.classId)).to.deep.equal(['2']);
    canvas.dispatchEvent(new PointerEvent('pointerleave'));
    await legend.updateComplete;
    expect(rows(legend).filter((r) => r.hasAttribute('data-hovered'))).to.have.length(0);
  });

  it('renders labels as text, never HTML', async () => {
    const ctx = await fixture<RrContext>(
      html`<rr-context><rr-annotation-legend></rr-annotation-legend></rr-context>`,
    );
    ctx.recording.log('/', {
      archetype: 'AnnotationContext',
      context: [[1, '<img src=x onerror=alert(1)>']],
    });
    const legend = ctx.querySelector('rr-annotation-legend')!;
    await legend.updateComplete;
    const label = rows(legend)[0]!.querySelector('td.label')!;
    expect(label.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(legend.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('above 50 classes: a filter box and lazily rendered rows; 10 000 classes stay usable', async () => {
    const ctx = await fixture<RrContext>(
      html`<rr-context><rr-annotation-legend></rr-annotation-legend></rr-context>`,
    );
    const context = Array.from({ length: 10000 }, (_, i) => [i, `class ${i}`]);
    ctx.recording.log('/', { archetype: 'AnnotationContext', context });
    const legend = ctx.querySelector('rr-annotation-legend')!;
    await legend.updateComplete;
    const rendered = rows(legend);
    expect(rendered.length).to.be.greaterThan(5).and.lessThan(60);
    expect(rendered[0]!.dataset.classId).to.equal('0');
    const filter = legend.shadowRoot!.querySelector<HTMLInputElement>('input[part="filter"]')!;
    filter.value = 'class 9999';
    filter.dispatchEvent(new Event('input'));
    await legend.updateComplete;
    expect(rows(legend).map((r) => r.dataset.classId)).to.deep.equal(['9999']);
    filter.value = '';
    filter.dispatchEvent(new Event('input'));
    await legend.updateComplete;
    const scroller = legend.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = 26 * 5000;
    scroller.dispatchEvent(new Event('scroll'));
    await legend.updateComplete;
    const ids = rows(legend).map((r) => Number(r.dataset.classId));
    expect(ids).to.include(5005);
    expect(ids.length).to.be.lessThan(60);
    await expect(legend).to.be.accessible();
  });

  it('with 50 classes or fewer there is no filter box', async () => {
    const ctx = await fixture<RrContext>(
      html`<rr-context><rr-annotation-legend></rr-annotation-legend></rr-context>`,
    );
    ctx.recording.log('/', {
      archetype: 'AnnotationContext',
      context: Array.from({ length: 50 }, (_, i) => i),
    });
    const legend = ctx.querySelector('rr-annotation-legend')!;
    await legend.updateComplete;
    expect(rows(legend)).to.have.length(50);
    expect(legend.shadowRoot!.querySelector('input')).to.equal(null);
  });

  it('is keyboard-usable: Enter and Space toggle, arrows move between rows', async () => {
    const { legend, seg } = await linked([
      [1, 'red', [255, 0, 0]],
      [2, 'green', [0, 255, 0]],
      [3, 'c'],
    ]);
    const first = rows(legend)[0]!.querySelector('button')!;
    first.focus();
    await sendKeys({ press: 'Enter' });
    expectPixel(await seg.snapshot(), 1, 0, [0, 0, 0, 0]);
    await sendKeys({ press: 'Space' });
    await legend.updateComplete;
    const shot = await seg.snapshot();
    // Focus highlights the focused row's class: class 1 at full strength, class 2 dimmed.
    expectPixel(shot, 1, 0, [255, 0, 0, 255]);
    expect(shot.data[2 * 4 + 3]).to.equal(64);
    await sendKeys({ press: 'ArrowDown' });
    await legend.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(legend.shadowRoot!.activeElement!.closest('tr')!.dataset.classId).to.equal('2');
    await sendKeys({ press: 'Enter' });
    expectPixel(await seg.snapshot(), 2, 0, [0, 0, 0, 0]);
    expect(legend.hiddenClasses).to.deep.equal([2]);
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrContext } from '../rr-context/rr-context.js';
import type { RrSegmentation } from '../rr-segmentation/rr-segmentation.js';
import type { RrAnnotationContext } from './rr-annotation-context.js';
import {
  isAnnotationContextData,
  type AnnotationContextData,
} from '../../store/annotation-context.js';
import { expectPixel } from '../../../test/helpers/pixels.js';
import { nextEvent } from '../../../test/helpers/fixtures.js';
import { until } from '../../../test/helpers/hover.js';
import { recordWarnings } from '../../../test/helpers/warnings.js';
import { autoColor } from '../../store/auto-color.js';

function contextAt(ctx: RrContext, entity: string): AnnotationContextData | undefined {
  const value = ctx.recording.latestAt(entity, 'AnnotationContext:context');
  return isAnnotationContextData(value) ? value : undefined;
}

describe('<rr-annotation-context>', () => {
  it('logs its text content as a static context at / by default, and draws nothing', async () => {
    const ctx = await fixture<RrContext>(
      html`<rr-context
        ><rr-annotation-context
          >[[1, "red", [255, 0, 0]], [2, "green", "#00ff00"]]</rr-annotation-context
        ></rr-context
      >`,
    );
    const el = ctx.querySelector('rr-annotation-context')!;
    await el.updateComplete;
    const context = contextAt(ctx, '/');
    expect(context!.classes.get(2)!.info).to.deep.equal({
      id: 2,
      label: 'green',
      color: [0, 255, 0, 255],
    });
    expect(ctx.recording.latestAtRow('/', 'AnnotationContext:context')!.static).to.equal(true);
    expect(getComputedStyle(el).display).to.equal('none');
  });

  it('takes the context property and a src URL; the property wins', async () => {
    const url = URL.createObjectURL(
      new Blob([JSON.stringify([[7, 'from src']])], { type: 'application/json' }),
    );
    const ctx = await fixture<RrContext>(
      html`<rr-context
        ><rr-annotation-context entity="a/b" src=${url}></rr-annotation-context
      ></rr-context>`,
    );
    const el = ctx.querySelector('rr-annotation-context') as RrAnnotationContext;
    await el.loaded();
    expect(contextAt(ctx, 'a/b')!.classes.get(7)!.info.label).to.equal('from src');
    el.context = [{ id: 9, label: 'from property' }];
    await el.loaded();
    expect([...contextAt(ctx, 'a/b')!.classes.keys()]).to.deep.equal([9]);
  });

  it('updates when its text changes and removes only the context when it leaves', async () => {
    const ctx = await fixture<RrContext>(
      html`<rr-context>
        <rr-annotation-context entity="seg">[[1, "one", [255, 0, 0]]]</rr-annotation-context>
        <rr-segmentation entity="seg"></rr-segmentation>
      </rr-context>`,
    );
    const el = ctx.querySelector('rr-annotation-context')!;
    const seg = ctx.querySelector('rr-segmentation') as RrSegmentation;
    seg.data = { data: new Uint8Array([1]), shape: [1, 1] };
    expectPixel(await seg.snapshot(), 0, 0, [255, 0, 0, 255]);
    el.textContent = '[[1, "one", [0, 0, 255]]]';
    await new Promise((r) => setTimeout(r));
    expectPixel(await seg.snapshot(), 0, 0, [0, 0, 255, 255]);
    el.remove();
    // The image logged at the same entity stays; class 1 is back to its auto colour.
    expectPixel(await seg.snapshot(), 0, 0, [77, 123, 188, 255]);
  });

  it('reports bad JSON and bad entries with rr-error naming the entry', async () => {
    const ctx = await fixture<RrContext>(html`<rr-context></rr-context>`);
    const el = document.createElement('rr-annotation-context');
    el.textContent = '[[1, "red", [255, 0]]';
    const jsonError = nextEvent<{ entity: string; message: string }>(el, 'rr-error');
    ctx.append(el);
    const { detail } = await jsonError;
    expect(detail.entity).to.equal('/');
    expect(detail.message).to.match(/expected JSON in the element text/);

    const entryError = nextEvent<{ message: string }>(el, 'rr-error');
    el.textContent = '[[1, "red", [255, 0, 0]], [2, "green", [0, 999, 0]]]';
    expect((await entryError).detail.message).to.match(
      /class entry 1 .*expected a colour.*got \[0,999,0\]/,
    );
    expect(contextAt(ctx, '/')).to.equal(undefined);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.match(/class entry 1/);
  });

  it('writes the context it logged to .rrd, and the file loads back with the same colours', async () => {
    const source = await fixture<RrContext>(
      html`<rr-context
        ><rr-annotation-context
          >[[1, "one", [255, 0, 0]], {"info": {"id": 2, "color": "gold"}}]</rr-annotation-context
        ></rr-context
      >`,
    );
    await source.querySelector('rr-annotation-context')!.updateComplete;
    source.log('seg', {
      archetype: 'SegmentationImage',
      buffer: new Uint8Array([1, 2]),
      format: { width: 2, height: 1 },
    });
    const bytes = await source.toRrd();
    const ctx = await fixture<RrContext>(
      html`<rr-context><rr-segmentation entity="seg"></rr-segmentation></rr-context>`,
    );
    expect(await ctx.load(bytes), 'the written file loads').to.not.equal(undefined);
    const shot = await (ctx.querySelector('rr-segmentation') as RrSegmentation).snapshot();
    expectPixel(shot, 0, 0, [255, 0, 0, 255]);
    expectPixel(shot, 1, 0, [255, 215, 0, 255]);
    expect(contextAt(ctx, '/')).to.equal(undefined, 'read back as the plain list, not parsed');
    expect(ctx.recording.latestAt('/', 'AnnotationContext:context')).to.deep.equal([
      {
        info: { id: 1, label: 'one', color: 0xff0000ff },
        keypointAnnotations: [],
        keypointConnections: [],
      },
      { info: { id: 2, color: 0xffd700ff }, keypointAnnotations: [], keypointConnections: [] },
    ]);
  });

  it('JSON that does not parse: the legend and the segmentation under it show the error; fixed, it goes', async () => {
    const warnings = recordWarnings();
    const ctx = await fixture<RrContext>(
      html`<rr-context>
        <rr-annotation-context entity="masks">{"class_map": [oops</rr-annotation-context>
        <rr-annotation-legend entity="masks"></rr-annotation-legend>
        <rr-segmentation entity="masks/image" style="width: 40px"></rr-segmentation>
      </rr-context>`,
    );
    const legend = ctx.querySelector('rr-annotation-legend')!;
    const seg = ctx.querySelector<RrSegmentation>('rr-segmentation')!;
    seg.format = { width: 1, height: 1 };
    seg.buffer = new Uint8Array([1]);
    await seg.updateComplete;
    await legend.updateComplete;
    warnings.stop();
    const legendError = legend.shadowRoot!.querySelector('[part="error"]')?.textContent ?? '';
    expect(legendError).to.contain('annotation context at /masks: ');
    expect(legendError).to.contain(
      'expected JSON in the element text, got text that does not parse',
    );
    const segError = seg.shadowRoot!.querySelector('[part="error"]')?.textContent ?? '';
    expect(segError).to.contain('annotation context at /masks: ').and.to.contain('auto colours');
    // Logged once (by the context element) with console.warn, for devtools.
    expect(warnings.lines.filter((l) => l.includes('does not parse'))).to.have.length(1);
    // The segmentation still draws, with auto colours.
    expectPixel(await seg.snapshot(), 0, 0, [...autoColor(1)] as [number, number, number, number]);

    const element = ctx.querySelector<RrAnnotationContext>('rr-annotation-context')!;
    element.textContent = '[[1, "one", [255, 0, 0]]]';
    await until(
      () => !legend.shadowRoot!.querySelector('[part="error"]'),
      'the legend error to go',
    );
    await seg.updateComplete;
    expect(seg.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    expectPixel(await seg.snapshot(), 0, 0, [255, 0, 0, 255]);
  });
});

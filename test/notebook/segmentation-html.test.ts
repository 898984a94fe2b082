import { expect } from '@open-wc/testing';
import { until } from '../helpers/hover.js';
import { expectSegmentationSimple } from '../frameworks/segmentation-scene.js';

const PAGE = '/test/notebook/build/segmentation_image_simple.html';

describe('Jupyter HTML output, segmentation_image_simple', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('shows the quadrants exactly: rre.AnnotationContext + rre.Segmentation through nbconvert', async () => {
    const response = await fetch(PAGE, { method: 'HEAD' });
    if (!response.ok) {
      throw new Error(
        `${PAGE} is missing (HTTP ${response.status}): it is made by \`node scripts/prepare-notebook.mjs\` (after \`npm run build\`)`,
      );
    }
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 640px; height: 480px; border: 0';
    frame.src = PAGE;
    document.body.append(frame);
    const view = await until(
      () => {
        const doc = frame!.contentDocument;
        const win = doc?.defaultView;
        const found = doc?.querySelector('rr-view:has(rr-segmentation)') as
          | (HTMLElement & { snapshot(): Promise<ImageData>; renderComplete(): Promise<void> })
          | null;
        return found && win?.customElements.get('rr-segmentation') && found;
      },
      'the notebook output to create <rr-view> with a defined <rr-segmentation>',
      20000,
    );
    expect(
      frame.contentDocument!.querySelector('rr-annotation-context')!.getAttribute('entity'),
    ).to.equal('/');
    await expectSegmentationSimple(view);
  });
});

describe('Jupyter HTML output: the bundle once per notebook, a legend from Python', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('inlines the bundle in the first output only; the second output shows its legend', async () => {
    const html = await (await fetch(PAGE)).text();
    expect(html.split('window.__rrElements ??= import(').length - 1).to.equal(1);
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 640px; height: 900px; border: 0';
    frame.src = PAGE;
    document.body.append(frame);
    const legend = await until(
      () => {
        const el = frame!.contentDocument?.querySelector('rr-annotation-legend');
        return el?.shadowRoot?.textContent?.includes('green') && el;
      },
      'the second output’s <rr-annotation-legend> to list the classes',
      20000,
    );
    expect(legend.getAttribute('entity')).to.equal('mask');
    const rows = [...legend.shadowRoot!.querySelectorAll('[role="row"], tr, li')].map((r) =>
      r.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(rows.join(' | ')).to.match(/red/).and.to.match(/green/);
    const views = frame.contentDocument!.querySelectorAll('rr-view:has(rr-segmentation)');
    expect(views.length).to.equal(2);
    await expectSegmentationSimple(
      views[1] as HTMLElement & {
        snapshot(): Promise<ImageData>;
        renderComplete(): Promise<void>;
      },
    );
  });
});

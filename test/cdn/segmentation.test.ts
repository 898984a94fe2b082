import { expect } from '@open-wc/testing';
import { until } from '../helpers/hover.js';
import { builtBundle } from '../frameworks/scenario.js';
import { expectClassHover, expectSegmentationSimple } from '../frameworks/segmentation-scene.js';

type ViewElement = HTMLElement & {
  snapshot(): Promise<ImageData>;
  renderComplete(): Promise<void>;
};

describe('CDN bundle, segmentation_image_simple: context as JSON text, ids as a property', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  async function open(): Promise<{ doc: Document; view: ViewElement }> {
    await builtBundle();
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 400px; height: 400px; border: 0';
    frame.src = '/test/cdn/segmentation-page.html';
    document.body.append(frame);
    const doc = await until(
      () => frame!.contentDocument?.getElementById('mask') && frame!.contentDocument,
      'the page',
    );
    const win = doc.defaultView as typeof window;
    await until(
      () =>
        win.customElements.get('rr-segmentation') &&
        (doc.getElementById('mask') as { buffer?: unknown }).buffer,
      'rr-segmentation with its ids',
    );
    return { doc, view: doc.getElementById('view') as ViewElement };
  }

  it('shows the quadrants exactly', async () => {
    const { view } = await open();
    await expectSegmentationSimple(view);
  });

  it("delivers the hovered class to the page's listener", async () => {
    const { doc, view } = await open();
    await view.snapshot();
    const received: Array<Array<{ entity: string; classId?: number; label?: string }>> = [];
    view.addEventListener('rr-hover', (e) => received.push((e as CustomEvent).detail.picks));
    await expectClassHover(view, received);
    expect(doc.getElementById('hover')!.textContent).to.equal('Label: red');
  });
});

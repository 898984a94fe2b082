import { expect } from '@open-wc/testing';
import { until } from '../helpers/hover.js';
import { expectImageSimple } from '../frameworks/scenario.js';

const PAGE = '/test/notebook/build/image_simple.html';

/** Opens a page in an iframe of this test page (same origin, so its DOM is reachable). */
function open(url: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 640px; height: 480px; border: 0';
  frame.src = url;
  document.body.append(frame);
  return frame;
}

describe('Jupyter: a notebook executed by nbconvert, as HTML', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it("shows Rerun's image_simple with the exact pixels in nbconvert's HTML output", async () => {
    const response = await fetch(PAGE, { method: 'HEAD' });
    if (!response.ok) {
      throw new Error(
        `${PAGE} is missing (HTTP ${response.status}): it is made by \`node scripts/prepare-notebook.mjs\` ` +
          '(after `npm run build`), which executes test/notebook/image_simple.ipynb with jupyter nbconvert',
      );
    }
    frame = open(PAGE);
    const view = await until(
      () =>
        frame!.contentDocument?.querySelector('rr-view:has(rr-image)') as
          | (HTMLElement & { snapshot(): Promise<ImageData>; renderComplete(): Promise<void> })
          | null,
      'the notebook output to create <rr-view> with its <rr-image>',
      20000,
    );
    // It came from the notebook's Python: numpy bytes → base64 → the inlined bundle's element.
    expect(view.querySelector('rr-image')!.getAttribute('entity')).to.equal('image');
    expect(frame.contentDocument!.body.textContent).to.contain('rr_elements');
    await expectImageSimple(view);
  });
});

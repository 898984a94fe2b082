import { expect } from '@open-wc/testing';
import { until } from '../helpers/hover.js';
import {
  builtBundle,
  CDN_URL,
  expectHoverReachesHandler,
  expectImageSimple,
} from '../frameworks/scenario.js';

type ViewElement = HTMLElement & {
  snapshot(): Promise<ImageData>;
  renderComplete(): Promise<void>;
};

/** The snippet's element once its page script has given it data, else undefined. */
function withData(doc: Document): ViewElement | undefined {
  const el = doc.getElementById('picture') as (ViewElement & { buffer?: unknown }) | null;
  return el?.buffer ? el : undefined;
}

describe('CDN: dist/cdn/rr-elements.js from a plain <script type="module"> tag', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  /** The documented page (docs/snippets/cdn.html), word for word but for the bundle's address. */
  async function openSnippet(): Promise<Document> {
    const bundle = await builtBundle();
    const page = await (await fetch('/docs/snippets/cdn.html')).text();
    expect(page).to.contain(CDN_URL);
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 400px; height: 300px; border: 0';
    frame.srcdoc = page.replace(CDN_URL, new URL(bundle, location.href).href);
    document.body.append(frame);
    return until(
      () => frame!.contentDocument?.getElementById('picture') && frame!.contentDocument,
      'the page to load',
    );
  }

  it('registers every element from the one file, with lit inside (no other request)', async () => {
    const doc = await openSnippet();
    const win = doc.defaultView as typeof window;
    await until(() => win.customElements.get('rr-image'), 'rr-image to be defined');
    for (const tag of ['rr-context', 'rr-view', 'rr-image'])
      expect(win.customElements.get(tag), tag).to.not.equal(undefined);
    const scripts = win.performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname);
    // The dev server adds its own socket script to what it serves; that is not the library.
    const library = scripts.filter((p) => p.endsWith('.js') && !p.startsWith('/__web-dev-server'));
    expect(library).to.deep.equal(['/dist/cdn/rr-elements.js']);
  });

  it("shows Rerun's image_simple with the exact pixels", async () => {
    const doc = await openSnippet();
    const picture = await until(
      () => withData(doc),
      'the page script to give the element its data',
    );
    await expectImageSimple(picture);
  });

  it("delivers rr-hover to the page's listener", async () => {
    const doc = await openSnippet();
    const picture = await until(
      () => withData(doc),
      'the page script to give the element its data',
    );
    await picture.snapshot();
    const received: Array<Array<{ entity: string; value: unknown }>> = [];
    picture.addEventListener('rr-hover', (e) => received.push((e as CustomEvent).detail.picks));
    await expectHoverReachesHandler(picture, received as never);
    expect(doc.getElementById('hover')!.textContent).to.equal('/image: 0,255,0');
  });
});

import { expect } from '@open-wc/testing';
import { encode } from 'fast-png';
import { until } from '../helpers/hover.js';
import { builtBundle } from '../frameworks/scenario.js';

type ViewElement = HTMLElement & { snapshot(): Promise<ImageData> };

/** 16-bit ids 1, 1000 and 65535 in a 3×1 grayscale PNG. */
const png16 = () =>
  encode({ width: 3, height: 1, data: new Uint16Array([1, 1000, 65535]), depth: 16, channels: 1 });

describe('CDN bundle: 16-bit PNGs are decoded in dist/cdn/png16.worker.js', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('the built worker file decodes a 16-bit PNG on its own, samples transferred', async () => {
    await builtBundle();
    const worker = new Worker('/dist/cdn/png16.worker.js', { type: 'module' });
    try {
      const reply = await new Promise<{
        bytes: Uint8Array;
        format: { width: number; channelDatatype: string };
      }>((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = () => reject(new Error('png16.worker.js did not start'));
        const bytes = png16();
        worker.postMessage({ id: 0, bytes }, [bytes.buffer]);
      });
      expect(reply.format).to.include({ width: 3, channelDatatype: 'U16' });
      expect([...new Uint16Array(reply.bytes.buffer, reply.bytes.byteOffset, 3)]).to.deep.equal([
        1, 1000, 65535,
      ]);
    } finally {
      worker.terminate();
    }
  });

  type PageWindow = Window & typeof globalThis & { workers?: string[] };

  /** A page with the CDN bundle and a 16-bit PNG mask; `head` goes first (a CSP, say). */
  async function open(head = '', bundle?: string): Promise<PageWindow> {
    bundle ??= await builtBundle();
    const url = URL.createObjectURL(new Blob([png16() as Uint8Array<ArrayBuffer>]));
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 300px; height: 100px; border: 0';
    // Records the workers the page starts (a subclass: they still run), before the bundle loads.
    frame.srcdoc = `<!doctype html>${head}<script type="module">
      window.workers = [];
      window.Worker = class extends Worker {
        constructor(u, o) { window.workers.push(String(u)); super(u, o); }
      };
    </script><script type="module" src="${bundle}"></script>
    <rr-context><rr-view id="view" style="display: block; width: 300px; height: 100px">
      <rr-segmentation src="${url}"></rr-segmentation></rr-view></rr-context>`;
    document.body.append(frame);
    return until(() => {
      const w = frame!.contentWindow as PageWindow | null;
      return w?.workers && w.customElements.get('rr-view') ? w : undefined;
    }, 'the elements');
  }

  /** The view shows ids 1, 1000 and 65535 in their auto colours (as in rr-segmentation.test.ts). */
  async function expectIds(win: PageWindow): Promise<void> {
    await until(() => win.customElements.get('rr-view'), 'the elements');
    const shot = await (win.document.getElementById('view') as ViewElement).snapshot();
    const at = (i: number) => {
      const k =
        (Math.floor(shot.height / 2) * shot.width + Math.floor(((i + 0.5) * shot.width) / 3)) * 4;
      return [...shot.data.slice(k, k + 4)];
    };
    expect(at(0)).to.deep.equal([77, 123, 188, 255]);
    expect(at(1)).to.deep.equal([188, 112, 77, 255]);
    expect(at(2)).to.deep.equal([188, 77, 176, 255]);
  }

  /** Whether the page loaded the main-thread decoder chunk (fast-png). */
  const mainThreadDecoder = (win: PageWindow) =>
    win.performance.getEntriesByType('resource').some((e) => /png16-decode-/.test(e.name));

  it('a page with the bundle starts that worker for a 16-bit PNG src and draws its ids', async () => {
    const win = await open();
    await until(() => win.workers!.length, 'a worker started by the page');
    expect(new URL(win.workers![0]).pathname).to.equal('/dist/cdn/png16.worker.js');
    await expectIds(win);
    expect(mainThreadDecoder(win)).to.equal(false);
  });

  it('under a CSP that refuses workers, decodes on the main thread: same pixels, no error', async () => {
    const win = await open(
      `<meta http-equiv="Content-Security-Policy" content="worker-src 'none'">`,
    );
    await expectIds(win);
    expect(mainThreadDecoder(win)).to.equal(true);
    const el = win.document.querySelector('rr-segmentation')!;
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('the anywidget one-file bundle from a blob: URL (as in Jupyter) decodes on the main thread', async () => {
    const code = await (await fetch('/dist/cdn/rr-elements-anywidget.js')).text();
    const blob = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    const win = await open('', blob);
    await expectIds(win);
    // No worker URL can be made relative to a blob: module: no worker was even attempted.
    expect(win.workers).to.deep.equal([]);
    const el = win.document.querySelector('rr-segmentation')!;
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });
});

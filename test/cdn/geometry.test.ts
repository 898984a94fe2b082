import { expect } from '@open-wc/testing';
import { until } from '../helpers/hover.js';
import { builtBundle } from '../frameworks/scenario.js';
import { expectSameImage, pixelAt } from '../helpers/pixels.js';

type ViewElement = HTMLElement & { snapshot(o?: { scale?: number }): Promise<ImageData> };

/**
 * Every layer kind in one view: a depth image (Turbo) under a box outline, a line strip and two
 * points, with a 16-bit depth buffer given from the page's script.
 */
const scene = (script: string) => `<!doctype html>
<script type="module" src="${script}"></script>
<rr-view id="view" visual-bounds="0 0 16 16" style="width: 160px">
  <rr-depth-image id="depth" entity="depth" width="4" height="4" channel-datatype="U16"></rr-depth-image>
  <rr-boxes2d entity="boxes" mins="1 1" sizes="6 6" color="#00ff00" radius="0.5"></rr-boxes2d>
  <rr-line-strips2d entity="strips" strips="1 14 14 14 14 9" color="#0000ff" radius="0.5"></rr-line-strips2d>
  <rr-points2d entity="points" positions="12 4 4 12" radius="1.5" color="#ff0000" label="p"></rr-points2d>
</rr-view>
<script type="module">
  document.getElementById('depth').buffer = new Uint16Array([...Array(16).keys()].map((i) => i * 1000));
</script>`;

describe('CDN bundle: geometry and depth layers draw as from the sources', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((f) => f.remove()));

  async function snapshot(script: string): Promise<ImageData> {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 200px; height: 200px; border: 0';
    frame.srcdoc = scene(new URL(script, location.href).href);
    document.body.append(frame);
    frames.push(frame);
    const view = await until(() => {
      const win = frame.contentWindow as (Window & typeof globalThis) | null;
      const el = frame.contentDocument?.getElementById('view');
      return win?.customElements.get('rr-points2d') && el ? (el as ViewElement) : undefined;
    }, 'the page to define the elements');
    return view.snapshot({ scale: 4 });
  }

  it('the same pixels as /src/index.ts, every layer visible', async () => {
    const built = await snapshot(await builtBundle());
    const source = await snapshot('/src/index.ts');
    expectSameImage(built, source);
    // Each layer shows where it draws (a blank or black picture is wrong).
    const red = pixelAt(built, 12 * 4, 4 * 4);
    expect(red[0], 'point').to.be.greaterThan(150);
    expect(red[1], 'point').to.be.lessThan(80);
    const green = pixelAt(built, 1 * 4, 4 * 4);
    expect(green[1], 'box edge').to.be.greaterThan(150);
    const blue = pixelAt(built, 8 * 4, 14 * 4);
    expect(blue[2], 'strip').to.be.greaterThan(150);
    const depth = pixelAt(built, 2.5 * 4, 3.5 * 4);
    expect(depth[3], 'depth image').to.equal(255);
    expect(Math.max(depth[0], depth[1], depth[2]), 'depth colour').to.be.greaterThan(60);
  });
});

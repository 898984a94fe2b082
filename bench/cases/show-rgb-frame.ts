// Showing a new 1920×1080 RGB U8 frame, e.g. the next frame of a video: the time from handing
// over the bytes until they are on screen. Both sides show it in a 960×540 CSS-pixel box.
import { createRgbU8Baseline } from '../baseline-webgl.js';
import { defineCase } from '../harness.js';
import { libraryDrain } from '../fixtures/library-drain.js';

const WIDTH = 1920;
const HEIGHT = 1080;
const BOX = 'display:block;width:960px;height:540px';

/** The part of <rr-image> this case relies on (typed here so that the case compiles before,
 * and independently of, the element's own types). */
interface RrImageLike extends HTMLElement {
  format: { width: number; height: number; colorModel: string; channelDatatype: string };
  buffer: Uint8Array;
  renderComplete(): Promise<unknown>;
  updateComplete?: Promise<unknown>;
}

// A fixed pseudo-random image; each repetition gets a fresh copy with a few bytes changed, so
// nothing can be skipped as "same data as before" and both sides pay for a new buffer alike.
const template = new Uint8Array(WIDTH * HEIGHT * 3);
let seed = 1;
for (let i = 0; i < template.length; i++) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  template[i] = seed >>> 24;
}

export default defineCase<Uint8Array>({
  name: 'show a new 1920×1080 RGB U8 frame',
  notes: 'fresh Uint8Array per frame; baseline: texImage2D RGB8 + quad + 1-px readPixels',
  input(i) {
    const bytes = new Uint8Array(template);
    bytes[0] = i & 255;
    bytes[bytes.length - 1] = (i * 7) & 255;
    return bytes;
  },

  baseline({ stage }) {
    const gl = createRgbU8Baseline(stage, WIDTH, HEIGHT, 960, 540);
    return {
      run: (bytes) => gl.show(bytes, false),
      drain: () => gl.drain(),
      dispose: () => gl.dispose(),
    };
  },

  async candidate({ stage, loadElements, entry }) {
    await loadElements();
    if (!customElements.get('rr-image')) throw new Error(`${entry} does not define <rr-image>`);
    const tag: string = 'rr-image'; // a plain string: the element's own typing does not apply
    const el = document.createElement(tag) as RrImageLike;
    if (typeof el.renderComplete !== 'function') {
      throw new Error('<rr-image> has no renderComplete() method');
    }
    el.style.cssText = BOX;
    stage.append(el);
    el.format = { width: WIDTH, height: HEIGHT, colorModel: 'RGB', channelDatatype: 'U8' };
    await el.updateComplete;
    return {
      async run(bytes) {
        el.buffer = bytes;
        await el.renderComplete();
      },
      // The library's one WebGL2 context draws every view: wait for the GPU there.
      drain: await libraryDrain(entry),
      dispose: () => el.remove(),
    };
  },
});

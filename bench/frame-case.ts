// "Show a new 1920×1080 frame" in one format: the time from handing over the bytes until they
// are drawn (GPU done), <rr-image> against hand-written WebGL2 programs (frame-baselines.ts)
// given the same bytes. All show it in a 960×540 CSS-pixel box. The fair program draws the
// same pixels as <rr-image>, which the pixel check after the timed repetitions proves (it fails
// the case beyond 2 levels); the earlier fair program (fixed range, nearest texels) runs beside
// it as an extra row. Each side waits for the GPU on its own context. The case also reports
// the GPU memory <rr-image> takes for the frame against its raw byte size.
import { createFrameBaseline, type FrameKind, type FrameVariant } from './frame-baselines.js';
import {
  canvasPixels,
  defineCase,
  drainContext,
  type BenchContext,
  type Runner,
} from './harness.js';

const WIDTH = 1920;
const HEIGHT = 1080;
const BOX = 'display:block;width:960px;height:540px';

interface RrImageLike extends HTMLElement {
  format: {
    width: number;
    height: number;
    colorModel?: string;
    channelDatatype?: string;
    pixelFormat?: string;
  };
  buffer: Uint8Array;
  renderComplete(): Promise<unknown>;
  updateComplete?: Promise<unknown>;
}

const SPECS: Record<
  FrameKind,
  { label: string; bytes: number; format: RrImageLike['format']; range: [number, number] }
> = {
  'rgb-u8': {
    label: 'RGB U8',
    bytes: WIDTH * HEIGHT * 3,
    format: { width: WIDTH, height: HEIGHT, colorModel: 'RGB', channelDatatype: 'U8' },
    range: [0, 1],
  },
  'l-u16': {
    label: 'L U16',
    bytes: WIDTH * HEIGHT * 2,
    format: { width: WIDTH, height: HEIGHT, colorModel: 'L', channelDatatype: 'U16' },
    range: [0, 65535],
  },
  'l-f32': {
    label: 'L F32',
    bytes: WIDTH * HEIGHT * 4,
    format: { width: WIDTH, height: HEIGHT, colorModel: 'L', channelDatatype: 'F32' },
    range: [0, 1000],
  },
  nv12: {
    label: 'NV12',
    bytes: WIDTH * HEIGHT * 1.5,
    format: { width: WIDTH, height: HEIGHT, pixelFormat: 'NV12' },
    range: [0, 1],
  },
};

/** Deterministic frame bytes valid for the format (finite floats for F32). */
function template(kind: FrameKind): Uint8Array {
  const spec = SPECS[kind];
  if (kind === 'l-f32') {
    const floats = new Float32Array(WIDTH * HEIGHT);
    for (let i = 0; i < floats.length; i++) floats[i] = (i * 7919) % 1000;
    return new Uint8Array(floats.buffer);
  }
  const bytes = new Uint8Array(spec.bytes);
  let seed = 1;
  for (let i = 0; i < bytes.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    bytes[i] = seed >>> 24;
  }
  return bytes;
}

/** What the fair program does for each format to draw <rr-image>'s pixels (frame-baselines.ts). */
const FAIR: Record<FrameKind, string> = {
  'rgb-u8': 'an SRGB8 texture, LINEAR, an SRGB8_ALPHA8 drawing buffer (bilinear in linear light)',
  'l-u16':
    "Rerun's range from a CPU min/max loop each frame (in its main-thread time), nearest texel (a colour-mapped image minifies with Nearest), RGBA8 buffer",
  'l-f32':
    "Rerun's range from a CPU finite min/max loop each frame (in its main-thread time), nearest texel (a colour-mapped image minifies with Nearest), RGBA8 buffer",
  nv12: 'Y as R8 + UV as RG8, per tap limited-range BT.601 rounded to bytes and sRGB-decoded by a 256-entry table, 4 taps bilinear in linear light, SRGB8_ALPHA8 buffer',
};

/** A hand-written program's side: draws, then drains on its own context. */
function programSide(
  kind: FrameKind,
  variant: FrameVariant,
  stage: HTMLElement,
  range: [number, number],
): Runner<Uint8Array> {
  const gl = createFrameBaseline(kind, variant, stage, WIDTH, HEIGHT, 960, 540, range);
  return {
    run: (bytes) => gl.show(bytes),
    drain: () => gl.drain(),
    pixels: () => gl.pixels(),
    dispose: () => gl.dispose(),
  };
}

export function frameCase(kind: FrameKind) {
  const spec = SPECS[kind];
  const frame = template(kind);
  const c = defineCase<Uint8Array>({
    name: `show a new 1920×1080 ${spec.label} frame`,
    notes: `fresh buffer per frame; each side drains on its own context (1-px readPixels); baseline: texImage2D of the raw bytes + texelFetch quad, fixed range, RGBA8 buffer; fair (same pixels as <rr-image>): texSubImage2D into kept storage, ${FAIR[kind]}; extra row: the earlier fair program (texSubImage2D, the baseline's shader: other pixels); raw ${spec.bytes} B`,
    samePixels: true,
    extras: [
      {
        label: 'fair, fixed range, nearest (other pixels)',
        setup: ({ stage }) => programSide(kind, 'fixed', stage, spec.range),
      },
    ],
    input(i: number): Uint8Array {
      // A fresh copy with a changed sample, so nothing is skipped as "same data as before".
      const bytes = new Uint8Array(frame);
      bytes[kind === 'l-f32' ? 1 : 0] = i & 127;
      return bytes;
    },
    baseline: ({ stage }: BenchContext) => {
      const side = programSide(kind, 'original', stage, spec.range);
      return { ...side, run: (bytes) => void side.run(bytes) };
    },
    fair: ({ stage }: BenchContext) => programSide(kind, 'same', stage, spec.range),
    async candidate({ stage, loadElements, entry }: BenchContext): Promise<Runner<Uint8Array>> {
      await loadElements();
      if (!customElements.get('rr-image')) throw new Error(`${entry} does not define <rr-image>`);
      const tag: string = 'rr-image';
      const el = document.createElement(tag) as RrImageLike;
      el.style.cssText = BOX;
      stage.append(el);
      el.format = spec.format;
      el.buffer = c.input!(0);
      await el.renderComplete();
      // GPU memory per image against the raw bytes (the renderer's own statistics).
      const lib = (await import(/* @vite-ignore */ entry)) as {
        getRenderer?: () => { stats: { textureBytes: number }; gl: WebGL2RenderingContext };
      };
      const renderer = lib.getRenderer?.();
      if (!renderer) throw new Error(`${entry} does not export getRenderer()`);
      const gpu = renderer.stats.textureBytes;
      if (gpu !== undefined) {
        c.notes += `; GPU memory ${gpu} B = ${(gpu / spec.bytes).toFixed(2)}× raw`;
        console.log(`[bench] ${c.name}: GPU texture bytes ${gpu}, raw ${spec.bytes}`);
      }
      return {
        // Main-thread time: until the frame is submitted and the page is free again (the
        // harness then waits for the GPU). Includes any wait for an animation frame.
        async run(bytes) {
          const start = performance.now();
          el.buffer = bytes;
          await el.renderComplete();
          return performance.now() - start;
        },
        // The library's one WebGL2 context draws every view: wait there.
        drain: () => drainContext(renderer.gl),
        // What the page shows: the view's on-screen canvas.
        pixels: () => canvasPixels(el.shadowRoot!.querySelector('canvas')!),
        dispose: () => el.remove(),
      };
    },
  });
  return c;
}

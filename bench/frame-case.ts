// "Show a new 1920×1080 frame" in one format: the time from handing over the bytes until they
// are on screen, <rr-image> against a minimal hand-written WebGL2 program (frame-baselines.ts)
// uploading the same bytes. Both show it in a 960×540 CSS-pixel box. The case also reports
// the GPU memory <rr-image> takes for the frame against its raw byte size.
import { createFrameBaseline, type FrameKind } from './frame-baselines.js';
import { defineCase, type BenchContext, type Runner } from './harness.js';

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

export function frameCase(kind: FrameKind) {
  const spec = SPECS[kind];
  const frame = template(kind);
  const c = defineCase<Uint8Array>({
    name: `show a new 1920×1080 ${spec.label} frame`,
    notes: `fresh buffer per frame; baseline: texImage2D of the raw bytes + texelFetch quad + 1-px readPixels; fair: texSubImage2D into kept storage, same shader${kind === 'rgb-u8' ? ' but the same pixels as <rr-image> (an SRGB8 texture, LINEAR, an SRGB8_ALPHA8 drawing buffer: bilinear in linear light)' : ''}; raw ${spec.bytes} B`,
    input(i: number): Uint8Array {
      // A fresh copy with a changed sample, so nothing is skipped as "same data as before".
      const bytes = new Uint8Array(frame);
      bytes[kind === 'l-f32' ? 1 : 0] = i & 127;
      return bytes;
    },
    baseline({ stage }: BenchContext): Runner<Uint8Array> {
      const gl = createFrameBaseline(kind, stage, WIDTH, HEIGHT, 960, 540, spec.range);
      return { run: (bytes) => void gl.show(bytes), dispose: () => gl.dispose() };
    },
    fair({ stage }: BenchContext): Runner<Uint8Array> {
      const gl = createFrameBaseline(kind, stage, WIDTH, HEIGHT, 960, 540, spec.range, true);
      return { run: (bytes) => gl.show(bytes), dispose: () => gl.dispose() };
    },
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
        getRenderer?: () => { stats: { textureBytes: number } };
      };
      const gpu = lib.getRenderer?.().stats.textureBytes;
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
        dispose: () => el.remove(),
      };
    },
  });
  return c;
}

/**
 * Grayscale PNGs with exact sample values (8- and 16-bit), for segmentation masks and depth.
 *
 * The browser's decoders give 8-bit, colour-managed RGBA: 16-bit ids would be truncated and
 * gamma or ICC handling could shift ids. fast-png (a small, maintained pure-JS decoder) returns
 * the stored samples as they are. It runs in a module Worker (png16.worker.ts), created on the
 * first such PNG and reused, so a large file never blocks the page; where no module Worker can
 * start (a CSP without `worker-src`, a one-file bundle loaded from a blob: URL such as
 * anywidget's, an unbundled npm install whose bare imports a worker cannot resolve) the same
 * decoder runs on the main thread (png16-decode.ts, a lazy chunk), so pages that never load such
 * a PNG download neither.
 */
import { ImageFormatError, type ImageFormat } from '../store/image-format.js';

/** True when the bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 8 &&
    bytes[0] === 0x89 &&
    bytes[1] === 0x50 &&
    bytes[2] === 0x4e &&
    bytes[3] === 0x47 &&
    bytes[4] === 0x0d &&
    bytes[5] === 0x0a &&
    bytes[6] === 0x1a &&
    bytes[7] === 0x0a
  );
}

type Decoded = { bytes: Uint8Array; format: ImageFormat };
/** What the worker answers: the samples (their buffer transferred), or the decoder's error. */
export type PngWorkerReply =
  ({ id: number } & Decoded) | { id: number; error: string; formatError: boolean };

/** Where the PNGs were decoded, for tests and devtools: worker replies and main-thread decodes. */
export const pngDecodeStats = { worker: 0, mainThread: 0 };

type Pending = { bytes: Uint8Array; resolve: (d: Decoded) => void; reject: (e: Error) => void };
const pending = new Map<number, Pending>();
let nextId = 0;
let worker: Worker | undefined;
/** Why no worker can decode (set once: every later PNG is decoded on the main thread). */
let noWorker: string | undefined;

async function onMainThread(bytes: Uint8Array): Promise<Decoded> {
  let decodeNow: typeof import('./png16-decode.js').decodeGrayscalePngNow;
  try {
    ({ decodeGrayscalePngNow: decodeNow } = await import('./png16-decode.js'));
  } catch (error) {
    throw new Error(
      `could not load the PNG decoder: ${noWorker ? `the worker failed (${noWorker}) and ` : ''}${(error as Error).message}`,
    );
  }
  const out = decodeNow(bytes);
  pngDecodeStats.mainThread++;
  return out;
}

/** The worker failed to start or died: what it had pending is decoded on the main thread. */
function giveUp(reason: string): void {
  noWorker = reason;
  worker?.terminate();
  worker = undefined;
  for (const { bytes, resolve, reject } of pending.values())
    onMainThread(bytes).then(resolve, reject);
  pending.clear();
}

function startWorker(): Worker | undefined {
  if (worker || noWorker) return worker;
  try {
    // The pattern bundlers (Vite, webpack, rollup plugins) turn into a worker chunk of their own.
    worker = new Worker(new URL('./png16.worker.js', import.meta.url), { type: 'module' });
  } catch (error) {
    noWorker = (error as Error).message;
    return undefined;
  }
  worker.onmessage = ({ data }: MessageEvent<PngWorkerReply>) => {
    const job = pending.get(data.id);
    if (!job) return;
    pending.delete(data.id);
    if ('error' in data)
      job.reject(data.formatError ? new ImageFormatError(data.error) : new Error(data.error));
    else {
      pngDecodeStats.worker++;
      job.resolve({ bytes: data.bytes, format: data.format });
    }
  };
  // Decoder errors come back as messages: an error event means the worker itself failed (its
  // script did not load, or a CSP refused it).
  worker.onerror = (event) => {
    event.preventDefault();
    giveUp((event as ErrorEvent).message || 'the worker script did not load');
  };
  worker.onmessageerror = () => giveUp('its reply could not be read');
  return worker;
}

/**
 * Decodes a single-channel PNG to raw little-endian samples and their format: 8-bit → U8,
 * 16-bit → U16. An indexed (palette) PNG gives its palette indices, which is how many
 * segmentation datasets store class ids. The header's size is checked before decoding, which
 * runs in a worker; `bytes` are copied to it and stay usable.
 */
export async function decodeGrayscalePng(bytes: Uint8Array): Promise<Decoded> {
  if (!isPng(bytes))
    throw new ImageFormatError(
      `expected a PNG file, got ${bytes.byteLength} bytes without the PNG signature`,
    );
  // Refused before anything is sent when the header declares more pixels than can be held (a
  // lazy chunk, shared with <rr-image>'s check: ~1 KB gzipped that pages without images skip).
  const { checkImageHeader } = await import('./image-header.js');
  checkImageHeader(bytes);
  const to = startWorker();
  if (!to) return onMainThread(bytes);
  const id = nextId++;
  const copy = bytes.slice();
  return new Promise<Decoded>((resolve, reject) => {
    pending.set(id, { bytes, resolve, reject });
    to.postMessage({ id, bytes: copy }, [copy.buffer]);
  });
}

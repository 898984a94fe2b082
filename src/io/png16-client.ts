/**
 * The main side of the PNG decoding worker (png16.worker.ts), a lazy chunk behind
 * `decodeGrayscalePng()` (png16.ts): checks the signature and the header's size, starts the
 * worker on the first PNG and reuses it, sends a copy of the bytes and gets the samples back
 * transferred. Decoder errors come back as messages and are thrown as the same errors as on the
 * main thread; when no module Worker can start, png16-decode.ts runs here instead.
 */
import { ImageFormatError, type ImageFormat } from '../store/image-format.js';
import { checkImageHeader } from './image-header.js';
import { isPng } from './png-signature.js';

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

/** `decodeGrayscalePng()` (png16.ts): the checks here, the decoding in the worker. */
export async function decodeInWorker(bytes: Uint8Array): Promise<Decoded> {
  if (!isPng(bytes))
    throw new ImageFormatError(
      `expected a PNG file, got ${bytes.byteLength} bytes without the PNG signature`,
    );
  // Refused before anything is sent when the header declares more pixels than can be held.
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

/**
 * The module Worker behind `decodeGrayscalePng()` (png16.ts): decodes one PNG per message with
 * png16-decode.ts (fast-png) and posts the samples back, their buffer transferred, or the
 * decoder's message. Started as `new URL('./png16.worker.js', import.meta.url)`; the CDN build
 * makes it one file beside rr-elements.js (rollup.config.mjs).
 */
import { ImageFormatError } from '../store/image-format.js';
import type { PngWorkerReply } from './png16-client.js';
import { decodeGrayscalePngNow } from './png16-decode.js';

self.onmessage = ({ data }: MessageEvent<{ id: number; bytes: Uint8Array }>) => {
  let reply: PngWorkerReply;
  let transfer: Transferable[] = [];
  try {
    const out = decodeGrayscalePngNow(data.bytes);
    reply = { id: data.id, ...out };
    transfer = [out.bytes.buffer];
  } catch (error) {
    reply = {
      id: data.id,
      error: (error as Error).message,
      formatError: error instanceof ImageFormatError,
    };
  }
  self.postMessage(reply, { transfer });
};

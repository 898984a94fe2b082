/**
 * Grayscale PNGs with exact sample values (8- and 16-bit), for segmentation masks and depth.
 *
 * The browser's decoders give 8-bit, colour-managed RGBA: 16-bit ids would be truncated and
 * gamma or ICC handling could shift ids. fast-png (a small, maintained pure-JS decoder) returns
 * the stored samples as they are. It runs in a module Worker (png16.worker.ts), created on the
 * first such PNG and reused, so a large file never blocks the page; where no module Worker can
 * start (a CSP without `worker-src`, a one-file bundle loaded from a blob: URL such as
 * anywidget's, an unbundled npm install whose bare imports a worker cannot resolve) the same
 * decoder runs on the main thread (png16-decode.ts). Both sides are lazy chunks
 * (png16-client.ts, png16-decode.ts), so pages that never load such a PNG download neither.
 */
import type { ImageFormat } from '../store/image-format.js';

export { isPng } from './png-signature.js';

/**
 * Decodes a single-channel PNG to raw little-endian samples and their format: 8-bit → U8,
 * 16-bit → U16. An indexed (palette) PNG gives its palette indices, which is how many
 * segmentation datasets store class ids. The header's size is checked before decoding, which
 * runs in a worker (png16-client.ts); `bytes` are copied to it and stay usable.
 */
export async function decodeGrayscalePng(
  bytes: Uint8Array,
): Promise<{ bytes: Uint8Array; format: ImageFormat }> {
  const { decodeInWorker } = await import('./png16-client.js');
  return decodeInWorker(bytes);
}

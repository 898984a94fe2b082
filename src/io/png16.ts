/**
 * Grayscale PNGs with exact sample values (8- and 16-bit), for segmentation masks.
 *
 * The browser's decoders give 8-bit, colour-managed RGBA: 16-bit ids would be truncated and
 * gamma or ICC handling could shift ids. fast-png (a small, maintained pure-JS decoder) returns
 * the stored samples as they are. It is imported lazily (png16-decode.ts), so pages that never
 * load a PNG mask do not download it.
 */
import type { ImageFormat } from '../store/image-format.js';

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

/**
 * Decodes a single-channel PNG to raw little-endian samples and their format: 8-bit → U8,
 * 16-bit → U16. An indexed (palette) PNG gives its palette indices, which is how many
 * segmentation datasets store class ids. The header's size is checked before decoding.
 */
export async function decodeGrayscalePng(
  bytes: Uint8Array,
): Promise<{ bytes: Uint8Array; format: ImageFormat }> {
  const { decodeGrayscalePngNow } = await import('./png16-decode.js');
  return decodeGrayscalePngNow(bytes);
}

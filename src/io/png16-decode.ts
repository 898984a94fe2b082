/**
 * The decoder behind `decodeGrayscalePng()` (png16.ts), a lazy chunk with fast-png (a small,
 * maintained pure-JS decoder that returns the stored samples as they are): pages that never
 * load a PNG mask do not download it.
 */
import { decode } from 'fast-png';
import { ImageFormatError, type ImageFormat } from '../store/image-format.js';
import { checkImageHeader } from './image-header.js';
import { isPng } from './png-signature.js';

/**
 * Decodes a single-channel PNG to raw little-endian samples and their format: 8-bit → U8,
 * 16-bit → U16. An indexed (palette) PNG gives its palette indices, which is how many
 * segmentation datasets store class ids.
 */
export function decodeGrayscalePngNow(bytes: Uint8Array): {
  bytes: Uint8Array;
  format: ImageFormat;
} {
  if (!isPng(bytes))
    throw new ImageFormatError(
      `expected a PNG file, got ${bytes.byteLength} bytes without the PNG signature`,
    );
  // Refused before decoding when the header declares more pixels than can be held.
  checkImageHeader(bytes);
  let png: ReturnType<typeof decode>;
  try {
    png = decode(bytes);
  } catch (error) {
    throw new ImageFormatError(
      `expected a valid PNG, got one that cannot be decoded (${(error as Error).message})`,
    );
  }
  if (png.channels !== 1) {
    const what =
      png.channels === 2
        ? 'grayscale with alpha'
        : png.channels === 3
          ? 'RGB'
          : png.channels === 4
            ? 'RGBA'
            : `${png.channels}-channel`;
    throw new ImageFormatError(
      `expected a single-channel (grayscale or indexed) PNG of class ids, got ${what}`,
    );
  }
  if (png.depth !== 8 && png.depth !== 16) {
    throw new ImageFormatError(
      `expected an 8- or 16-bit PNG of class ids, got ${png.depth}-bit samples`,
    );
  }
  const format: ImageFormat = {
    width: png.width,
    height: png.height,
    colorModel: 'L',
    channelDatatype: png.depth === 16 ? 'U16' : 'U8',
  };
  const data = png.data;
  // fast-png returns native-endian Uint16Array samples: as bytes they are little-endian on every
  // platform browsers run on, which is Rerun's layout.
  const out = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return { bytes: out, format };
}

/**
 * The pixel size an encoded image declares in its header, read before anything is decoded, so
 * that a 95-byte file claiming 1 073 741 840 pixels across is refused at once instead of
 * blocking the page or exhausting memory. PNG (IHDR), JPEG (SOFn), WebP (VP8, VP8L, VP8X), GIF
 * and BMP; other formats (AVIF …) give undefined and are checked after decoding.
 */

/** What an image header declares. */
export interface ImageHeader {
  type: 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp';
  width: number;
  height: number;
}

/**
 * Largest image the elements decode: 2^26 pixels (8192×8192, 256 MiB as RGBA). Larger images
 * would take seconds to upload and more GPU memory than most pages can spare.
 */
export const MAX_IMAGE_PIXELS = 1 << 26;

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) =>
  ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const i32le = (b: Uint8Array, i: number) =>
  b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
const ascii = (b: Uint8Array, i: number, text: string) =>
  [...text].every((c, k) => b[i + k] === c.charCodeAt(0));

function jpegSize(b: Uint8Array): ImageHeader | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // Markers without a length: TEM, RSTn, SOI, EOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      i += 2;
      continue;
    }
    const length = u16be(b, i + 2);
    const isFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { type: 'jpeg', height: u16be(b, i + 5), width: u16be(b, i + 7) };
    if (length < 2) return undefined;
    i += 2 + length;
  }
  return undefined;
}

function webpSize(b: Uint8Array): ImageHeader | undefined {
  if (ascii(b, 12, 'VP8 ') && b.length >= 30)
    return { type: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (ascii(b, 12, 'VP8L') && b.length >= 25 && b[20] === 0x2f) {
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return { type: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (ascii(b, 12, 'VP8X') && b.length >= 30)
    return { type: 'webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return undefined;
}

/** The declared size, or undefined when the bytes are not one of the formats read here. */
export function readImageHeader(b: Uint8Array): ImageHeader | undefined {
  if (b.length >= 24 && b[0] === 0x89 && ascii(b, 1, 'PNG') && ascii(b, 12, 'IHDR'))
    return { type: 'png', width: u32be(b, 16), height: u32be(b, 20) };
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegSize(b);
  if (b.length >= 16 && ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return webpSize(b);
  if (b.length >= 10 && ascii(b, 0, 'GIF8'))
    return { type: 'gif', width: u16le(b, 6), height: u16le(b, 8) };
  if (b.length >= 26 && ascii(b, 0, 'BM')) {
    if (u32be(b, 14) === 0x0c000000)
      return { type: 'bmp', width: u16le(b, 18), height: u16le(b, 20) };
    return { type: 'bmp', width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
  }
  return undefined;
}

/**
 * Throws when an image of this size is too large to decode: more than `MAX_IMAGE_PIXELS`, or a
 * side of 0. `what` names the file in the message ("a PNG").
 */
export function checkImageSize(width: number, height: number, what: string): void {
  if (!(width > 0) || !(height > 0))
    throw new RangeError(
      `expected an image of at least 1×1 pixels, got ${what} of ${width}×${height}`,
    );
  if (width * height > MAX_IMAGE_PIXELS)
    throw new RangeError(
      `expected an image of at most ${MAX_IMAGE_PIXELS.toLocaleString('en-US')} pixels (8192×8192), got ${what} of ${width}×${height} pixels; it is refused before decoding`,
    );
}

/** Reads the header and refuses sizes that cannot be decoded (see `checkImageSize`). */
export function checkImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  const header = readImageHeader(bytes);
  if (header) {
    const name =
      header.type === 'png' || header.type === 'bmp' || header.type === 'gif'
        ? header.type.toUpperCase()
        : header.type === 'jpeg'
          ? 'JPEG'
          : 'WebP';
    checkImageSize(header.width, header.height, `a ${name}`);
  }
  return header;
}

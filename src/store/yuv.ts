/**
 * CPU side of Rerun's YUV pixel formats (SPEC §1.4, §2.7), for hover values and `pick()`.
 * Drawing happens in the image shader; this mirrors Rerun's CPU `rgb_from_yuv`, which
 * truncates to bytes where the GPU rounds (so a hover value can be 1 below the drawn one).
 */
import type { ImageFormat, PixelFormatName } from './image-format.js';

/** Byte offsets of the Y, U, V samples of pixel (x, y); U and V are undefined for Y8. */
export function yuvOffsets(
  pf: PixelFormatName,
  w: number,
  h: number,
  x: number,
  y: number,
): [number, number?, number?] {
  const n = w * h;
  const hw = w >> 1;
  const hx = x >> 1;
  const hy = y >> 1;
  switch (pf) {
    case 'Y_U_V24_LimitedRange':
    case 'Y_U_V24_FullRange':
      return [y * w + x, n + y * w + x, 2 * n + y * w + x];
    case 'Y_U_V16_LimitedRange':
    case 'Y_U_V16_FullRange':
      return [y * w + x, n + y * hw + hx, n + hw * h + y * hw + hx];
    case 'Y_U_V12_LimitedRange':
    case 'Y_U_V12_FullRange':
      return [y * w + x, n + hy * hw + hx, n + hw * (h >> 1) + hy * hw + hx];
    case 'NV12':
      return [y * w + x, n + hy * w + 2 * hx, n + hy * w + 2 * hx + 1];
    case 'YUY2':
      return [y * 2 * w + 2 * x, y * 2 * w + 4 * hx + 1, y * 2 * w + 4 * hx + 3];
    case 'Y8_FullRange':
    case 'Y8_LimitedRange':
      return [y * w + x];
  }
}

/** The RGB bytes Rerun's CPU conversion gives for pixel (x, y) of a YUV image. */
export function yuvPixelRgb(
  bytes: Uint8Array,
  format: ImageFormat,
  x: number,
  y: number,
): [number, number, number] | undefined {
  const pf = format.pixelFormat;
  if (!pf || x < 0 || y < 0 || x >= format.width || y >= format.height) return undefined;
  const [yo, uo, vo] = yuvOffsets(pf, format.width, format.height, x, y);
  const Y = bytes[yo];
  const U = uo === undefined ? 128 : bytes[uo];
  const V = vo === undefined ? 128 : bytes[vo];
  const limited = pf.endsWith('LimitedRange') || pf === 'NV12' || pf === 'YUY2';
  const yn = limited ? (Y - 16) / 219 : Y / 255;
  const un = limited ? (U - 128) / 224 : (U - 128) / 255;
  const vn = limited ? (V - 128) / 224 : (V - 128) / 255;
  // Rerun keeps BT.601 for NV12 and YUY2 "for historical reasons" (SPEC §2.7).
  const rgb =
    pf === 'NV12' || pf === 'YUY2'
      ? [yn + 1.402 * vn, yn - 0.344 * un - 0.714 * vn, yn + 1.772 * un]
      : [yn + 1.575 * vn, yn - 0.187 * un - 0.468 * vn, yn + 1.856 * un];
  const byte = (c: number) => Math.trunc(Math.min(1, Math.max(0, c)) * 255);
  return [byte(rgb[0]), byte(rgb[1]), byte(rgb[2])];
}

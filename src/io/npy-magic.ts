/**
 * Recognising a `.npy` file without loading its reader (npy.ts), which elements import lazily
 * (`loadNpy()`): a page that never shows `.npy` data never downloads it.
 */

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** True when the bytes start with the `.npy` magic string, or when `url` names a `.npy` file. */
export function isNpy(bytes: Uint8Array, url?: string): boolean {
  return (
    (bytes.length >= 6 && MAGIC.every((b, i) => bytes[i] === b)) ||
    (url !== undefined && /\.npy(\?|#|$)/i.test(url))
  );
}

/** The `.npy` reader, loaded on first use. */
export function loadNpy(): Promise<typeof import('./npy.js')> {
  return import('./npy.js');
}

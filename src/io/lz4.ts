/**
 * LZ4 *block* format (no frame header), as Rerun's `lz4_flex::block::{compress, decompress}`
 * write and read `.rrd` payloads (SPEC §8.3).
 *
 * Hand-written on purpose: the maintained npm LZ4 packages are CommonJS only (`lz4js`, which
 * browsers cannot import without a bundler step) or need WebAssembly loading (`lz4-wasm`); the
 * block format itself is a token byte, literals, a 2-byte offset and a match length, about
 * sixty lines for both directions.
 */

/** Raised for a block that is not valid LZ4 or does not decode to the stated size. */
export class Lz4Error extends Error {
  override name = 'Lz4Error';
}

/** Decompresses one LZ4 block into exactly `size` bytes; throws {@link Lz4Error} on anything malformed. */
export function lz4DecompressBlock(src: Uint8Array, size: number): Uint8Array {
  // LZ4 expands at most ~255× (a 1-byte match length step per 255 bytes): a larger stated size
  // is a corrupt header, and must not make us allocate it.
  if (!Number.isSafeInteger(size) || size < 0 || size > src.length * 255 + 16) {
    throw new Lz4Error(
      `an LZ4 block of ${src.length} bytes cannot decode to the stated ${size} bytes`,
    );
  }
  const out = new Uint8Array(size);
  let ip = 0;
  let op = 0;
  const end = src.length;
  while (ip < end) {
    const token = src[ip++]!;
    let literals = token >>> 4;
    if (literals === 15) {
      let b: number;
      do {
        if (ip >= end) throw new Lz4Error('LZ4 block ends inside a literal length');
        b = src[ip++]!;
        literals += b;
      } while (b === 255);
    }
    if (ip + literals > end) throw new Lz4Error(`LZ4 block ends inside ${literals} literal bytes`);
    if (op + literals > size)
      throw new Lz4Error(`LZ4 block decodes to more than the stated ${size} bytes`);
    out.set(src.subarray(ip, ip + literals), op);
    ip += literals;
    op += literals;
    if (ip === end) break; // the last sequence has literals only
    if (ip + 2 > end) throw new Lz4Error('LZ4 block ends inside a match offset');
    const offset = src[ip]! | (src[ip + 1]! << 8);
    ip += 2;
    if (offset === 0 || offset > op)
      throw new Lz4Error(`LZ4 match offset ${offset} points before the start of the output`);
    let length = (token & 15) + 4;
    if ((token & 15) === 15) {
      let b: number;
      do {
        if (ip >= end) throw new Lz4Error('LZ4 block ends inside a match length');
        b = src[ip++]!;
        length += b;
      } while (b === 255);
    }
    if (op + length > size)
      throw new Lz4Error(`LZ4 block decodes to more than the stated ${size} bytes`);
    let from = op - offset;
    // Matches may overlap their own output (run-length style), so copy forwards byte by byte
    // unless the source lies wholly behind.
    if (offset >= length) {
      out.copyWithin(op, from, from + length);
      op += length;
    } else {
      for (let i = 0; i < length; i++) out[op++] = out[from++]!;
    }
  }
  if (op !== size) throw new Lz4Error(`LZ4 block decoded to ${op} bytes, expected ${size}`);
  return out;
}

const MIN_MATCH = 4;
/** The format's end rules: the last 5 bytes are literals, and no match starts in the last 12. */
const LAST_LITERALS = 5;
const MF_LIMIT = 12;
const HASH_BITS = 16;

function writeLength(out: Uint8Array, op: number, n: number): number {
  while (n >= 255) {
    out[op++] = 255;
    n -= 255;
  }
  out[op++] = n;
  return op;
}

/** Compresses bytes into one LZ4 block (greedy, hash of 4-byte sequences; lz4_flex-compatible). */
export function lz4CompressBlock(src: Uint8Array): Uint8Array {
  const n = src.length;
  // Worst case: all literals plus one length byte per 255 and the token.
  const out = new Uint8Array(n + Math.ceil(n / 255) + 16);
  const table = new Int32Array(1 << HASH_BITS).fill(-1);
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const hash = (i: number) => Math.imul(view.getUint32(i, true), 2654435761) >>> (32 - HASH_BITS);
  let anchor = 0;
  let ip = 0;
  let op = 0;
  const matchLimit = n - MF_LIMIT;
  while (ip < matchLimit) {
    const h = hash(ip);
    const candidate = table[h]!;
    table[h] = ip;
    if (
      candidate < 0 ||
      ip - candidate > 65535 ||
      view.getUint32(candidate, true) !== view.getUint32(ip, true)
    ) {
      ip++;
      continue;
    }
    let length = MIN_MATCH;
    const maxLength = n - LAST_LITERALS - ip;
    while (length < maxLength && src[candidate + length] === src[ip + length]) length++;
    const literals = ip - anchor;
    const tokenAt = op++;
    out[tokenAt] = (Math.min(literals, 15) << 4) | Math.min(length - MIN_MATCH, 15);
    if (literals >= 15) op = writeLength(out, op, literals - 15);
    out.set(src.subarray(anchor, ip), op);
    op += literals;
    const offset = ip - candidate;
    out[op++] = offset & 255;
    out[op++] = offset >>> 8;
    if (length - MIN_MATCH >= 15) op = writeLength(out, op, length - MIN_MATCH - 15);
    ip += length;
    anchor = ip;
  }
  const literals = n - anchor;
  out[op++] = Math.min(literals, 15) << 4;
  if (literals >= 15) op = writeLength(out, op, literals - 15);
  out.set(src.subarray(anchor), op);
  op += literals;
  return out.slice(0, op);
}

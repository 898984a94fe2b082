/**
 * The entity auto colour (SPEC §12.3 item 3): the colour Rerun's *web* viewer gives an entity
 * whose instances have neither colours nor class ids,
 * `auto_color_egui((entity_path.hash64() % 65535) as u16)`
 * (`re_viewer_context/src/utils/color.rs`).
 *
 * `hash64` is ahash 0.8's fallback hasher keyed with `RandomState::with_seeds(0, 1, 2, 3)`
 * (`re_log_types/src/hash.rs`) over the path's parts as a `Vec<EntityPathPart>`; each part is an
 * interned string whose `Hash` writes the string's own hash, made the same way
 * (`re_string_interner/src/lib.rs`). So, in Rust's `Hash` terms:
 *
 *     part_hash(s) = finish(fresh.write(utf8(s)).write_u8(0xff))        // str::hash → write_str
 *     hash64(path) = finish(fresh.write_usize(n).write_u64(part_hash(p₀))…)  // Vec length prefix
 *
 * Rerun's web viewer is wasm32, where ahash's build script does not enable `folded_multiply`
 * (it does so only for 64-bit targets): the "folded multiply" there is the u64-only variant
 * built from two wrapping multiplies and byte swaps, which gives other hashes than the u128
 * variant native builds use — hence a native Rerun viewer colours entities differently. On
 * wasm32 `write_usize` still widens to u64, so pointer width changes nothing else.
 *
 * 64-bit arithmetic in BigInt: this runs once per entity, clarity beats speed.
 */
import { autoColor, type Rgba8 } from '../auto-color.js';
import { parseEntityPath } from '../entity-path.js';

const MASK = (1n << 64n) - 1n;

/** Knuth's MMIX LCG multiplier (ahash `operations.rs`). */
const MULTIPLE = 6364136223846793005n;
const ROT = 23n;
/** ahash `random_state.rs`: the digits of π that `with_seeds` xors into the seeds. */
const PI2 = [0x452821e638d01377n, 0xbe5466cf34e90c6cn, 0xc0ac29b7c97c50ddn, 0x3f84d5b5b5470917n];

const mul = (a: bigint, b: bigint) => (a * b) & MASK;
const add = (a: bigint, b: bigint) => (a + b) & MASK;
const not = (a: bigint) => ~a & MASK;

function swapBytes(x: bigint): bigint {
  let out = 0n;
  for (let i = 0; i < 8; i++) {
    out = (out << 8n) | (x & 0xffn);
    x >>= 8n;
  }
  return out;
}

function rotateLeft(x: bigint, r: bigint): bigint {
  r &= 63n;
  return r === 0n ? x : ((x << r) | (x >> (64n - r))) & MASK;
}

/**
 * ahash's `folded_multiply` as compiled for wasm32 (`#[cfg(not(folded_multiply))]`): two
 * 64-bit products, one of the byte-swapped inputs, combined with a byte swap.
 */
function foldedMultiply(s: bigint, by: bigint): bigint {
  const b1 = mul(s, swapBytes(by));
  const b2 = mul(swapBytes(s), not(by));
  return b1 ^ swapBytes(b2);
}

/** Little-endian u64 from up to 8 bytes at `at`. */
function readU64(bytes: Uint8Array, at: number, n = 8): bigint {
  let v = 0n;
  for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[at + i]!);
  return v;
}

/** The seeds of Rerun's `HASH_RANDOM_STATE`, `RandomState::with_seeds(0, 1, 2, 3)`. */
const K = [0n, 1n, 2n, 3n].map((k, i) => k ^ PI2[i]!) as [bigint, bigint, bigint, bigint];

/** ahash 0.8's fallback `AHasher` (`fallback_hash.rs`), built by `RandomState::build_hasher`. */
export class FallbackHasher {
  #buffer = K[1];
  #pad = K[0];
  readonly #extra: [bigint, bigint] = [K[2], K[3]];

  #update(data: bigint): void {
    this.#buffer = foldedMultiply(data ^ this.#buffer, MULTIPLE);
  }

  #largeUpdate(lo: bigint, hi: bigint): void {
    const combined = foldedMultiply(lo ^ this.#extra[0], hi ^ this.#extra[1]);
    this.#buffer = rotateLeft(add(this.#buffer, this.#pad) ^ combined, ROT);
  }

  writeU8(v: number): this {
    this.#update(BigInt(v & 0xff));
    return this;
  }

  writeU64(v: bigint): this {
    this.#update(v & MASK);
    return this;
  }

  /** `write_usize`: widened to u64 on every pointer width up to 64, wasm32 included. */
  writeUsize(v: number): this {
    return this.writeU64(BigInt(v));
  }

  /** `write(&[u8])`: the length, then 16-byte blocks (or the small-input path). */
  write(bytes: Uint8Array): this {
    const n = bytes.length;
    this.#buffer = mul(add(this.#buffer, BigInt(n)), MULTIPLE);
    if (n > 16) {
      // The last 16 bytes first, then every full 16-byte block from the start while > 16 remain.
      this.#largeUpdate(readU64(bytes, n - 16), readU64(bytes, n - 8));
      for (let at = 0; n - at > 16; at += 16) {
        this.#largeUpdate(readU64(bytes, at), readU64(bytes, at + 8));
      }
    } else if (n > 8) {
      this.#largeUpdate(readU64(bytes, 0), readU64(bytes, n - 8));
    } else {
      // `read_small`.
      let lo = 0n;
      let hi = 0n;
      if (n >= 4) {
        lo = readU64(bytes, 0, 4);
        hi = readU64(bytes, n - 4, 4);
      } else if (n >= 2) {
        lo = readU64(bytes, 0, 2);
        hi = BigInt(bytes[n - 1]!);
      } else if (n === 1) {
        lo = hi = BigInt(bytes[0]!);
      }
      this.#largeUpdate(lo, hi);
    }
    return this;
  }

  /** Rust's default `Hasher::write_str` (ahash on stable Rust does not override it). */
  writeStr(s: string): this {
    return this.write(new TextEncoder().encode(s)).writeU8(0xff);
  }

  finish(): bigint {
    const rot = this.#buffer & 63n;
    return rotateLeft(foldedMultiply(this.#buffer, this.#pad), rot);
  }
}

/** `InternedString`'s precomputed hash of one (unescaped) path part. */
export function entityPathPartHash(part: string): bigint {
  return new FallbackHasher().writeStr(part).finish();
}

/** Rerun's `EntityPath::hash64()` of a path (string, parsed forgivingly, or unescaped parts). */
export function entityPathHash64(path: string | readonly string[]): bigint {
  const parts = typeof path === 'string' ? parseEntityPath(path) : path;
  const hasher = new FallbackHasher().writeUsize(parts.length);
  for (const part of parts) hasher.writeU64(entityPathPartHash(part));
  return hasher.finish();
}

const cache = new Map<string, Rgba8>();

/**
 * The colour Rerun's web viewer gives an entity's instances when they have no colours and no
 * class ids: `autoColor(hash64(path) % 65535)`, sRGB bytes `[r, g, b, 255]`.
 */
export function entityAutoColor(path: string | readonly string[]): Rgba8 {
  const parts = typeof path === 'string' ? parseEntityPath(path) : [...path];
  const key = JSON.stringify(parts);
  let color = cache.get(key);
  if (!color) {
    color = autoColor(Number(entityPathHash64(parts) % 65535n));
    cache.set(key, color);
  }
  return [...color] as Rgba8;
}

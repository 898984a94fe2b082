/**
 * Seeded fuzzing of every file format the elements read (.rrd, Arrow IPC, .npy, PNG, JPEG): a
 * few hundred mutations of a valid file each (byte flips, 32-bit fields set to huge values,
 * truncation, insertions), each through the real reader. A case must settle (resolve, or
 * reject with an Error that has a message) within a time bound: nothing thrown that is not an
 * Error, nothing that hangs or blocks the page. The seed is fixed, so a failure replays.
 */
import { expect } from '@open-wc/testing';
import * as A from 'apache-arrow';
import '../src/index.js';
import { parseSource } from '../src/io/load.js';
import { npyToImageRow } from '../src/io/npy.js';
import { decodeGrayscalePng } from '../src/io/png16.js';
import { checkImageHeader } from '../src/io/image-header.js';
import { toRrd } from '../src/io/to-rrd.js';
import { Recording } from '../src/store/recording.js';

const SEED = 0x5eed12;
const CASES = 200;
/** Longest a single case may take to settle (generous for a loaded CI machine). */
const CASE_BOUND_MS = 3000;

/** mulberry32: a small, fast seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(seed: Uint8Array, rand: () => number): Uint8Array {
  const int = (n: number) => Math.floor(rand() * n);
  let bytes = seed.slice();
  const edits = 1 + int(4);
  for (let e = 0; e < edits; e++) {
    const at = int(Math.max(1, bytes.length));
    switch (int(5)) {
      case 0: // flip a byte
        bytes[at] ^= 1 + int(255);
        break;
      case 1: {
        // a 32-bit field set to a huge or odd value (sizes, lengths, counts)
        const values = [0xffffffff, 0x7fffffff, 0x40000010, 0x80000000, 0, 1];
        if (at + 4 <= bytes.length)
          new DataView(bytes.buffer).setUint32(at, values[int(values.length)], rand() < 0.5);
        break;
      }
      case 2: // truncate
        bytes = bytes.slice(0, at);
        break;
      case 3: {
        // insert random bytes
        const extra = Uint8Array.from({ length: 1 + int(16) }, () => int(256));
        const out = new Uint8Array(bytes.length + extra.length);
        out.set(bytes.subarray(0, at));
        out.set(extra, at);
        out.set(bytes.subarray(at), at + extra.length);
        bytes = out;
        break;
      }
      default: // overwrite a run with one value
        bytes.fill(int(256), at, at + 1 + int(8));
    }
  }
  return bytes;
}

async function encoded(type: string): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(8, 6);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#c33';
  ctx.fillRect(0, 0, 8, 6);
  ctx.fillStyle = '#3c3';
  ctx.fillRect(2, 2, 3, 2);
  return new Uint8Array(await (await canvas.convertToBlob({ type })).arrayBuffer());
}

function npy(): Uint8Array {
  const header = "{'descr': '<u2', 'fortran_order': False, 'shape': (3, 4), }";
  const padded = header.padEnd(118, ' ') + '\n';
  const out = new Uint8Array(10 + padded.length + 24);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, padded.length, 0]);
  out.set(new TextEncoder().encode(padded), 10);
  out.set(new Uint8Array(new Uint16Array(12).map((_, i) => i * 1000).buffer), 10 + padded.length);
  return out;
}

async function rrd(): Promise<Uint8Array> {
  const recording = new Recording();
  recording.log('cam', {
    archetype: 'Image',
    buffer: new Uint8Array(4 * 3 * 3).fill(200),
    format: { width: 4, height: 3, colorModel: 'RGB' },
  });
  recording.log('cam', { archetype: 'Image', opacity: 0.5 }, { time: { step: 1 } });
  return toRrd(recording);
}

function arrow(): Uint8Array {
  const opacity = A.vectorFromArray(
    [[0.5], [1], [0.25]],
    new A.List(new A.Field('item', new A.Float32(), true)),
  );
  const table = new A.Table({
    step: A.vectorFromArray([0n, 1n, 2n], new A.Int64()),
    '/cam:Image:opacity': opacity,
  });
  return A.tableToIPC(table, 'stream');
}

/** Runs one case; fails on anything but settling in time with a value or an Error. */
async function settles(what: string, run: () => Promise<unknown>): Promise<void> {
  let timer = 0;
  const bound = new Promise<'timeout'>((resolve) => {
    timer = window.setTimeout(() => resolve('timeout'), CASE_BOUND_MS);
  });
  const outcome = await Promise.race([
    run().then(
      () => 'ok',
      (error: unknown) =>
        error instanceof Error && error.message
          ? 'error'
          : `rejected with ${String(error)} (not an Error with a message)`,
    ),
    bound,
  ]);
  clearTimeout(timer);
  if (outcome !== 'ok' && outcome !== 'error') throw new Error(`${what}: ${outcome}`);
}

const formats: Array<
  [string, () => Promise<Uint8Array> | Uint8Array, (b: Uint8Array) => Promise<unknown>]
> = [
  ['.rrd', rrd, (b) => parseSource(b)],
  ['Arrow IPC', arrow, (b) => parseSource(b)],
  ['.npy', npy, async (b) => npyToImageRow(b)],
  [
    'PNG',
    () => encoded('image/png'),
    async (b) => {
      checkImageHeader(b);
      await decodeGrayscalePng(b).catch((e: unknown) => {
        if (!(e instanceof Error)) throw e;
      });
      await createImageBitmap(new Blob([b as Uint8Array<ArrayBuffer>])).then((bitmap) =>
        bitmap.close(),
      );
    },
  ],
  [
    'JPEG',
    () => encoded('image/jpeg'),
    async (b) => {
      checkImageHeader(b);
      const bitmap = await createImageBitmap(
        new Blob([b as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }),
      );
      bitmap.close();
    },
  ],
];

describe(`fuzz: ${CASES} seeded mutations per format`, () => {
  for (const [name, make, read] of formats) {
    it(`${name}: every mutation settles with a value or an Error within ${CASE_BOUND_MS} ms`, async function () {
      this.timeout(CASES * CASE_BOUND_MS);
      const seed = await make();
      // The unmutated file reads: the fuzzing starts from a valid input.
      await read(seed);
      const rand = random(SEED ^ name.length);
      let errors = 0;
      for (let i = 0; i < CASES; i++) {
        const bytes = mutate(seed, rand);
        await settles(`${name} case ${i}`, () =>
          read(bytes).catch((e: unknown) => {
            errors++;
            throw e;
          }),
        );
      }
      // Mutations really reach the readers: some are refused.
      expect(errors, 'mutations that were refused').to.be.greaterThan(0);
    });
  }
});

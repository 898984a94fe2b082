import { expect } from '@open-wc/testing';
import { builtBundle } from '../frameworks/scenario.js';

/** A 2×3 U8 `.npy` file (format 1.0) holding 1…6, as numpy writes it. */
function npy(): Uint8Array {
  let dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 3), }";
  dict += ' '.repeat(64 - ((10 + dict.length + 1) % 64)) + '\n';
  const header = new TextEncoder().encode(dict);
  const out = new Uint8Array(10 + header.length + 6);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  out.set(header, 10);
  out.set([1, 2, 3, 4, 5, 6], 10 + header.length);
  return out;
}

interface NpyModule {
  parseNpy(bytes: Uint8Array): { data: ArrayBufferView; shape: number[]; dtype: string };
  npyToImageRow(bytes: Uint8Array): { bytes: Uint8Array; format: { width: number } };
  isNpy(bytes: Uint8Array): boolean;
}

describe('CDN bundle: the .npy reader is dist/cdn/npy.js', () => {
  it('reads a .npy file with the chunk the elements load, sharing the bundle', async () => {
    const url = '/dist/cdn/npy.js';
    const cdn = (await import(/* @vite-ignore */ url)) as NpyModule;
    const file = npy();
    expect(cdn.isNpy(file)).to.equal(true);
    const array = cdn.parseNpy(file);
    expect(array).to.deep.include({ shape: [2, 3], dtype: 'U8' });
    expect([...(array.data as Uint8Array)]).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(cdn.npyToImageRow(file).format).to.deep.include({ width: 3, height: 2 });
    // The same ImageFormatError class as the bundle's: one copy of the reader and its errors.
    const bundleUrl = await builtBundle();
    const bundle = (await import(/* @vite-ignore */ bundleUrl)) as {
      ImageFormatError: ErrorConstructor;
    } & Record<string, unknown>;
    expect(bundle.parseNpy).to.equal(undefined);
    expect(() => cdn.parseNpy(file.subarray(0, 20))).to.throw(bundle.ImageFormatError);
  });
});

import { expect } from '@open-wc/testing';
import { Lz4Error, lz4CompressBlock, lz4DecompressBlock } from './lz4.js';

describe('LZ4 block format', () => {
  it('decodes a block written by hand: literals, an overlapping match, final literals', () => {
    // token 0x34: 3 literals "abc", match length 4+4=8 at offset 3 → "abcabcabcab", then 5 literals.
    const block = new Uint8Array([0x34, 97, 98, 99, 3, 0, 0x50, 49, 50, 51, 52, 53]);
    const out = lz4DecompressBlock(block, 16);
    expect(new TextDecoder().decode(out)).to.equal('abcabcabcab12345');
  });

  it('round-trips repetitive, random and empty data, and compresses the repetitive kind', () => {
    const repetitive = new Uint8Array(300 * 200 * 3).map((_, i) => (i % 3 === 2 ? 255 : 0));
    const random = crypto.getRandomValues(new Uint8Array(5000));
    for (const data of [repetitive, random, new Uint8Array(0), new Uint8Array([1, 2, 3])]) {
      const block = lz4CompressBlock(data);
      expect([...lz4DecompressBlock(block, data.length)]).to.deep.equal([...data]);
    }
    expect(lz4CompressBlock(repetitive).length).to.be.lessThan(repetitive.length / 50);
  });

  it('rejects blocks that are truncated, point before the output or decode to another size', () => {
    const data = new Uint8Array(1000).map((_, i) => i % 7);
    const block = lz4CompressBlock(data);
    expect(() => lz4DecompressBlock(block.subarray(0, block.length - 3), 1000)).to.throw(Lz4Error);
    expect(() => lz4DecompressBlock(block, 999)).to.throw(Lz4Error, /more than the stated 999/);
    expect(() => lz4DecompressBlock(block, 1001)).to.throw(
      Lz4Error,
      /decoded to 1000 bytes, expected 1001/,
    );
    expect(() => lz4DecompressBlock(new Uint8Array([0x10, 65, 9, 0]), 10)).to.throw(
      Lz4Error,
      /offset 9/,
    );
  });
});

import { expect } from '@open-wc/testing';
import { entityAutoColor, entityPathHash64, FallbackHasher } from './entity-color.js';

/**
 * Read from @rerun-io/web-viewer 0.33's own rendering (`npm run test:interop`): a Points2D
 * entity without colours, the disc's colour at 0.2 r from its centre, where Rerun's shading
 * factor is exactly 1 (SPEC §12.6.1).
 */
const WEB_VIEWER: Record<string, [number, number, number]> = {
  points: [123, 77, 188],
  strip: [127, 188, 77],
  simple: [77, 133, 188],
  'a/b/c': [188, 184, 77],
};

describe('entityAutoColor', () => {
  for (const [path, rgb] of Object.entries(WEB_VIEWER)) {
    it(`gives "${path}" the colour Rerun's web viewer shows, ${rgb}`, () => {
      expect(entityAutoColor(path)).to.deep.equal([...rgb, 255]);
    });
  }

  it('hashes the parsed parts, so equivalent spellings of a path share a colour', () => {
    expect(entityAutoColor('/points')).to.deep.equal(entityAutoColor('points'));
    expect(entityAutoColor('a//b/c/')).to.deep.equal(entityAutoColor('a/b/c'));
    expect(entityAutoColor(['a', 'b', 'c'])).to.deep.equal(entityAutoColor('a/b/c'));
    expect(entityPathHash64('a/b/c')).to.not.equal(entityPathHash64('a/bc'));
    // An escaped slash is part of one part, not a separator.
    expect(entityPathHash64('a\\/b')).to.equal(entityPathHash64(['a/b']));
    expect(entityPathHash64('a\\/b')).to.not.equal(entityPathHash64('a/b'));
  });

  it('returns a fresh array each time (callers may not corrupt the cache)', () => {
    const a = entityAutoColor('points');
    a[0] = 0;
    expect(entityAutoColor('points')[0]).to.equal(123);
  });
});

describe('FallbackHasher', () => {
  it('is deterministic and 64-bit', () => {
    const h = new FallbackHasher().writeStr('points').finish();
    expect(h).to.equal(new FallbackHasher().writeStr('points').finish());
    expect(h >= 0n && h < 1n << 64n).to.equal(true);
  });

  it('takes every length path of write() (small, 9–16, > 16 bytes) and tells them apart', () => {
    const seen = new Set<bigint>();
    for (let n = 0; n <= 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
      seen.add(new FallbackHasher().write(bytes).finish());
    }
    expect(seen.size).to.equal(41);
  });

  it('orders its inputs: (a, b) and (b, a) differ', () => {
    const ab = new FallbackHasher().writeU64(1n).writeU64(2n).finish();
    const ba = new FallbackHasher().writeU64(2n).writeU64(1n).finish();
    expect(ab).to.not.equal(ba);
  });
});

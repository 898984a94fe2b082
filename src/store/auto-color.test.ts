import { expect } from '@open-wc/testing';
import { autoColor, gammaU8FromLinearF32 } from './auto-color.js';

/** SPEC Appendix A. */
const APPENDIX_A: Record<number, [number, number, number]> = {
  0: [188, 77, 77],
  1: [77, 123, 188],
  2: [154, 188, 77],
  3: [188, 77, 178],
  4: [77, 188, 175],
  5: [188, 150, 77],
  6: [118, 77, 188],
  7: [86, 188, 77],
  8: [188, 77, 128],
  9: [77, 158, 188],
  10: [182, 188, 77],
  11: [172, 77, 188],
  12: [77, 188, 146],
  13: [188, 112, 77],
  14: [77, 94, 188],
  15: [133, 188, 77],
  128: [188, 160, 77],
  129: [131, 77, 188],
  255: [77, 137, 188],
  256: [164, 188, 77],
  1000: [188, 112, 77],
  65535: [188, 77, 176],
};

describe('autoColor', () => {
  for (const [id, rgb] of Object.entries(APPENDIX_A)) {
    it(`gives id ${id} Rerun's colour rgb(${rgb.join(', ')})`, () => {
      expect(autoColor(Number(id))).to.deep.equal([...rgb, 255]);
    });
  }

  it('gives ids above 65535 a colour from the same formula', () => {
    const c = autoColor(200000);
    expect(c).to.have.length(4);
    expect(c[3]).to.equal(255);
    // Every channel is v (188), p (77) or in between, like every auto colour.
    for (const v of c.slice(0, 3)) expect(v).to.be.within(77, 188);
    expect(c).to.not.deep.equal(autoColor(200001));
    expect(autoColor(200000)).to.deep.equal(c);
  });

  it("encodes linear to sRGB bytes with egui's formula", () => {
    expect(gammaU8FromLinearF32(0)).to.equal(0);
    expect(gammaU8FromLinearF32(0.5)).to.equal(188);
    expect(gammaU8FromLinearF32(1)).to.equal(255);
    expect(gammaU8FromLinearF32(2)).to.equal(255);
    expect(gammaU8FromLinearF32(0.002)).to.equal(7);
  });
});

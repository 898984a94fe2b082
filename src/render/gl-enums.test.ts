import { expect } from '@open-wc/testing';
import { GL } from './gl-enums.js';

describe('gl-enums', () => {
  it('every constant is the browser’s own WebGL2 enum value', () => {
    const names = Object.keys(GL) as (keyof typeof GL)[];
    expect(names.length).to.be.greaterThan(30);
    for (const name of names) {
      expect(GL[name], name).to.equal(
        (WebGL2RenderingContext as unknown as Record<string, number>)[name],
      );
    }
  });
});

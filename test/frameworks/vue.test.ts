import { expect } from '@open-wc/testing';
import type { App } from 'vue';
import type { PickResult } from 'rr-elements';
import type { RrImage } from '../../src/index.js';
import { mountImageView } from './vue-runtime-template.js';
import { imageSimple } from '../helpers/fixtures.js';
import { expectHoverReachesHandler, expectImageSimple, rendered } from './scenario.js';

describe('Vue 3 (a runtime template, with Vue’s own template compiler)', () => {
  let target: HTMLElement;
  let app: App | undefined;

  beforeEach(() => {
    target = document.createElement('div');
    target.style.width = '300px';
    document.body.append(target);
  });

  afterEach(() => {
    app?.unmount();
    target.remove();
  });

  it("shows Rerun's image_simple with the exact pixels, the typed array set as a property", async () => {
    app = mountImageView(target, {
      pixels: imageSimple(),
      width: 300,
      height: 200,
      onPick: () => {},
    });
    const el = rendered<RrImage>(target, 'rr-image');
    expect(el.buffer).to.be.instanceOf(Uint8Array);
    expect(el.format).to.deep.equal({
      width: 300,
      height: 200,
      colorModel: 'RGB',
      channelDatatype: 'U8',
    });
    expect(el.entityPath).to.equal('/image');
    await expectImageSimple(el);
  });

  it('delivers rr-hover to the @rr-hover handler', async () => {
    const received: PickResult[][] = [];
    app = mountImageView(target, {
      pixels: imageSimple(),
      width: 300,
      height: 200,
      onPick: (p) => received.push(p),
    });
    await expectHoverReachesHandler(rendered<RrImage>(target, 'rr-image'), received);
  });
});

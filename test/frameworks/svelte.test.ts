import { expect } from '@open-wc/testing';
import { flushSync, mount, unmount } from 'svelte';
import type { PickResult } from 'rr-elements';
import type { RrImage } from '../../src/index.js';
import ImageView from './ImageView.svelte';
import { imageSimple } from '../helpers/fixtures.js';
import { expectHoverReachesHandler, expectImageSimple, rendered } from './scenario.js';

describe('Svelte 5 (the documented component, compiled by svelte/compiler)', () => {
  let target: HTMLElement;
  let component: ReturnType<typeof mount> | undefined;

  beforeEach(() => {
    target = document.createElement('div');
    target.style.width = '300px';
    document.body.append(target);
  });

  afterEach(() => {
    if (component) unmount(component);
    component = undefined;
    target.remove();
  });

  function show(onpick: (picks: PickResult[]) => void): RrImage {
    component = mount(ImageView, {
      target,
      props: { pixels: imageSimple(), width: 300, height: 200, onpick },
    });
    flushSync();
    return rendered<RrImage>(target, 'rr-image');
  }

  it("shows Rerun's image_simple with the exact pixels, the typed array set as a property", async () => {
    const el = show(() => {});
    expect(el.buffer).to.be.instanceOf(Uint8Array);
    expect(el.hasAttribute('buffer')).to.equal(false);
    expect(el.entityPath).to.equal('/image');
    await expectImageSimple(el);
  });

  it('delivers rr-hover to the onrr-hover handler', async () => {
    const received: PickResult[][] = [];
    await expectHoverReachesHandler(
      show((p) => received.push(p)),
      received,
    );
  });
});

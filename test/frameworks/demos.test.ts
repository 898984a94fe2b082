import { expect } from '@open-wc/testing';
import { until } from '../helpers/hover.js';
import { builtBundle, expectImageSimple } from './scenario.js';

type ViewElement = HTMLElement & {
  snapshot(): Promise<ImageData>;
  renderComplete(): Promise<void>;
};

/** The environment pages of the demo gallery, and how many image_simple views each shows. */
const DEMOS: Array<[string, number]> = [
  ['env-cdn.html', 1],
  ['env-react.html', 2],
  ['env-vue.html', 1],
  ['env-svelte.html', 1],
  ['env-observable.html', 1],
  ['env-jupyter.html', 1],
];

describe('demo gallery: the environment pages run', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  for (const [page, count] of DEMOS) {
    it(`demo/${page} shows image_simple with the exact pixels`, async () => {
      await builtBundle();
      frame = document.createElement('iframe');
      frame.style.cssText = 'width: 900px; height: 700px; border: 0';
      frame.src = `/demo/${page}`;
      document.body.append(frame);
      const images = await until(() => {
        const found = [
          ...(frame!.contentDocument?.querySelectorAll('rr-image') ?? []),
        ] as ViewElement[];
        return (
          found.length >= count &&
          found.every(
            (el) => typeof el.snapshot === 'function' && (el as { buffer?: unknown }).buffer,
          ) &&
          found
        );
      }, `${count} upgraded <rr-image> with data in demo/${page}`);
      expect(images.length).to.equal(count);
      for (const image of images)
        await expectImageSimple((image.closest('rr-view') as ViewElement | null) ?? image);
    });
  }
});

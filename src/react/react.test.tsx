import { expect } from '@open-wc/testing';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { PickResult } from 'rr-elements';
import type { RrImage } from '../elements/rr-image/rr-image.js';
import { ImageView } from '../../docs/snippets/react-wrapper.js';
import { ImageViewTag } from '../../docs/snippets/react-plain.js';
import { expectImage } from '../../test/helpers/pixels.js';
import { imageSimple, imageSimpleColor } from '../../test/helpers/fixtures.js';
import { hoverCanvas, until } from '../../test/helpers/hover.js';

// React's act() warns unless told it runs in a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  container.style.width = '300px';
  document.body.append(container);
});

afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
  container.remove();
});

async function render(node: React.ReactNode): Promise<RrImage> {
  root = createRoot(container);
  await act(async () => root!.render(node));
  const el = container.querySelector('rr-image');
  if (!el) throw new Error('React rendered no <rr-image>');
  return el;
}

for (const [name, Component] of [
  ['the @lit/react wrapper (rr-elements/react)', ImageView],
  ['the plain <rr-image> tag in React 19', ImageViewTag],
] as const) {
  describe(`React: ${name}`, () => {
    it("shows Rerun's image_simple scene with the exact pixels", async () => {
      const el = await render(
        <Component pixels={imageSimple()} width={300} height={200} onPick={() => {}} />,
      );
      expect(el.buffer, 'buffer must arrive as a property, not an attribute').to.be.instanceOf(
        Uint8Array,
      );
      expect(el.hasAttribute('buffer')).to.equal(false);
      expect(el.entityPath).to.equal('/image');
      const shot = await el.snapshot();
      expect([shot.width, shot.height]).to.deep.equal([300, 200]);
      expectImage(shot, imageSimpleColor);
    });

    it('calls the React handler with rr-hover picks', async () => {
      const picks: PickResult[][] = [];
      const el = await render(
        <Component pixels={imageSimple()} width={300} height={200} onPick={(p) => picks.push(p)} />,
      );
      await el.renderComplete();
      // One third across, half way down: scene point ≈ (100, 100), inside the green square.
      hoverCanvas(el, 1 / 3, 0.5);
      const [hit] = await until(() => picks.find((p) => p.length), 'a hover with picks');
      expect(hit.entity).to.equal('/image');
      expect(hit.value).to.deep.equal([0, 255, 0]);
    });

    it('updates the picture when React passes new pixels', async () => {
      const el = await render(
        <Component pixels={imageSimple()} width={300} height={200} onPick={() => {}} />,
      );
      await el.snapshot();
      const blue = new Uint8Array(2 * 1 * 3).fill(0);
      blue[2] = 255;
      blue[5] = 255;
      await act(async () =>
        root!.render(<Component pixels={blue} width={2} height={1} onPick={() => {}} />),
      );
      const shot = await el.snapshot();
      expect([shot.width, shot.height]).to.deep.equal([2, 1]);
      expectImage(shot, () => [0, 0, 255, 255]);
    });
  });
}

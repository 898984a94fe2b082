import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { PickResult } from 'rr-elements';
import { RrContext, RrView } from './index.js';
import { RrAnnotationContext, RrSegmentation } from './segmentation.js';
import type { RrView as RrViewElement } from '../elements/rr-view/rr-view.js';
import {
  CONTEXT,
  SEGMENTATION_FORMAT,
  expectClassHover,
  expectSegmentationSimple,
  segmentationSimple,
} from '../../test/frameworks/segmentation-scene.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function WrapperScene({ onPick }: { onPick: (picks: PickResult[]) => void }) {
  return (
    <RrContext>
      <RrAnnotationContext entity="/" context={CONTEXT} />
      <RrView style={{ width: 300 }} onRrHover={(e) => onPick(e.detail.picks)}>
        <RrSegmentation entity="image" buffer={segmentationSimple()} format={SEGMENTATION_FORMAT} />
      </RrView>
    </RrContext>
  );
}

function TagScene({ onPick }: { onPick: (picks: PickResult[]) => void }) {
  return (
    <rr-context>
      <rr-annotation-context entity="/" context={CONTEXT} />
      <rr-view style={{ width: 300 }} onrr-hover={(e) => onPick(e.detail.picks)}>
        <rr-segmentation
          entity="image"
          buffer={segmentationSimple()}
          format={SEGMENTATION_FORMAT}
        />
      </rr-view>
    </rr-context>
  );
}

let root: Root | undefined;
let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
  container.remove();
});

async function render(node: React.ReactNode): Promise<RrViewElement> {
  root = createRoot(container);
  await act(async () => root!.render(node));
  const view = container.querySelector('rr-view');
  if (!view) throw new Error('React rendered no <rr-view>');
  return view;
}

for (const [name, Scene] of [
  ['the @lit/react wrappers', WrapperScene],
  ['the plain tags in React 19', TagScene],
] as const) {
  describe(`React, segmentation_image_simple: ${name}`, () => {
    it('shows the red and green quadrants and class 0 in its auto colour, exactly', async () => {
      const view = await render(<Scene onPick={() => {}} />);
      await expectSegmentationSimple(view);
    });

    it('gives the React handler the hovered class and its label', async () => {
      const received: PickResult[][] = [];
      const view = await render(<Scene onPick={(p) => received.push(p)} />);
      await expectClassHover(view, received);
    });
  });
}

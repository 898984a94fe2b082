import { expect } from '@open-wc/testing';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { RrPoints2d, RrView } from './index.js';
import type { RrView as RrViewElement } from '../elements/rr-view/rr-view.js';
import { pixelAt } from '../../test/helpers/pixels.js';
import { requireWebGL2 } from '../../test/helpers/webgl.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('React: RrPoints2d wrapper', () => {
  let root: Root | undefined;
  let container: HTMLElement;
  before(function () {
    requireWebGL2(this);
  });
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(async () => {
    await act(async () => root?.unmount());
    root = undefined;
    container.remove();
  });

  it('draws positions and colors passed as properties', async () => {
    root = createRoot(container);
    await act(async () =>
      root!.render(
        <RrView style={{ width: 300 }} visualBounds="0 0 4 4">
          <RrPoints2d
            entity="points"
            positions={[
              [1, 1],
              [3, 3],
            ]}
            colors={[
              [255, 0, 0],
              [0, 0, 255],
            ]}
            radii={[0.5]}
          />
        </RrView>,
      ),
    );
    const points = container.querySelector('rr-points2d')!;
    expect(points.hasAttribute('colors'), 'colors must arrive as a property').to.equal(false);
    const view = container.querySelector('rr-view') as RrViewElement;
    const shot = await view.snapshot({ scale: 50 });
    expect([shot.width, shot.height]).to.deep.equal([200, 200]);
    // Disc centres: the channel clipped at 255 (shading 1.095), the others 0; between them: nothing (transparent).
    expect(pixelAt(shot, 50, 50)).to.deep.equal([255, 0, 0, 255]);
    expect(pixelAt(shot, 150, 150)).to.deep.equal([0, 0, 255, 255]);
    expect(pixelAt(shot, 100, 100)).to.deep.equal([0, 0, 0, 0]);
  });
});

/**
 * Views past what the GPU can render: one view wider than the largest render target draws at
 * that size (scaled up on screen) and leaves every other view drawing; a view whose frame fails
 * reports it with `rr-error` and never leaves the shared renderer broken.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrImage } from '../rr-image/rr-image.js';
import type { RrView } from './rr-view.js';
import { getRenderer, type Drawable, type Renderer } from '../../render/renderer.js';
import type {
  LayerFrame,
  LayerPick,
  LayerState,
  SceneRect,
  ViewLayer,
} from '../../render/layer.js';
import { LayerElement } from '../shared/layer-element.js';
import type { ErrorDetail } from '../shared/errors.js';
import { canvasPixels, expectPixel } from '../../../test/helpers/pixels.js';
import { rgbImage } from '../../../test/helpers/fixtures.js';
import { recordWarnings } from '../../../test/helpers/warnings.js';
import { assertNoWebGLError, requireWebGL2 } from '../../../test/helpers/webgl.js';

const solid = (w: number, h: number, rgb: readonly number[]) => rgbImage(w, h, () => rgb);

async function imageView(style: string, w: number, h: number, rgb: number[]): Promise<RrImage> {
  const el = await fixture<RrImage>(html`<rr-image style=${style}></rr-image>`);
  el.format = { width: w, height: h, colorModel: 'RGB' };
  el.buffer = solid(w, h, rgb);
  return el;
}

/** A layer whose drawing throws while `broken` is set (a bug in some layer). */
let broken = true;
const BOUNDS: SceneRect = { x: 0, y: 0, width: 4, height: 4 };
class FailingLayer implements ViewLayer {
  readonly kind = { name: 'failing-test' };
  readonly state: LayerState = { status: 'ready' };
  readonly pending = undefined;
  readonly bounds = BOUNDS;
  readonly drawOrder = 0;
  update(): LayerState {
    return this.state;
  }
  prepare(_frame: LayerFrame): Drawable {
    return {
      draw: () => {
        if (broken) throw new Error('the test layer is broken');
      },
    };
  }
  pick(): LayerPick | undefined {
    return undefined;
  }
  dispose(): void {}
}
class TestFailing extends LayerElement {
  protected createLayer(_renderer: Renderer): ViewLayer {
    return new FailingLayer();
  }
  protected ownRow(): undefined {
    return undefined;
  }
}
customElements.define('rr-test-failing', TestFailing);

describe('views beyond the GPU limits', () => {
  before(function () {
    requireWebGL2(this);
  });
  afterEach(() => assertNoWebGLError());

  it('draws a view wider than the largest render target, scaled, and the others still draw', async () => {
    const max = getRenderer().maxRenderSize;
    const errors: ErrorDetail[] = [];
    const onError = (e: Event) => errors.push((e as CustomEvent<ErrorDetail>).detail);
    document.addEventListener('rr-error', onError);
    try {
      const small = await imageView('width: 40px', 4, 4, [0, 255, 0]);
      await small.renderComplete();
      const wide = await imageView(`width: ${max + 4000}px; height: 40px`, 100, 4, [255, 0, 0]);
      await wide.renderComplete();
      // The wide view shows its picture at the largest size the GPU renders.
      const screen = canvasPixels(wide);
      expect(screen.width).to.be.at.most(max);
      expect(screen.width).to.be.greaterThan(max / 2);
      expectPixel(
        screen,
        Math.floor(screen.width / 2),
        Math.floor(screen.height / 2),
        [255, 0, 0, 255],
      );
      // Another view, redrawn after the wide one, still draws.
      small.format = { width: 4, height: 4, colorModel: 'RGB' };
      small.buffer = solid(4, 4, [0, 0, 255]);
      await small.renderComplete();
      const other = canvasPixels(small);
      expectPixel(
        other,
        Math.floor(other.width / 2),
        Math.floor(other.height / 2),
        [0, 0, 255, 255],
      );
      expect(errors).to.deep.equal([]);
    } finally {
      document.removeEventListener('rr-error', onError);
    }
  });

  it('a view whose frame fails fires rr-error, the others draw, and it draws once fixed', async () => {
    broken = true;
    const warnings = recordWarnings();
    const view = await fixture<RrView>(
      html`<rr-view style="width: 40px"><rr-test-failing></rr-test-failing></rr-view>`,
    );
    const error = new Promise<ErrorDetail>((resolve) =>
      view.addEventListener('rr-error', (e) => resolve(e.detail), { once: true }),
    );
    try {
      await view.renderComplete();
      expect((await error).message).to.equal('could not draw this view: the test layer is broken');
    } finally {
      warnings.stop();
    }
    // Logged once, naming the element.
    expect(warnings.lines).to.deep.equal([
      '<rr-view>: could not draw this view: the test layer is broken',
    ]);

    const good = await imageView('width: 40px', 4, 4, [0, 255, 0]);
    await good.renderComplete();
    const screen = canvasPixels(good);
    expectPixel(
      screen,
      Math.floor(screen.width / 2),
      Math.floor(screen.height / 2),
      [0, 255, 0, 255],
    );

    broken = false;
    view.background = '#ff0000';
    await view.renderComplete();
    const fixed = canvasPixels(view);
    expectPixel(fixed, Math.floor(fixed.width / 2), Math.floor(fixed.height / 2), [255, 0, 0, 255]);
  });
});

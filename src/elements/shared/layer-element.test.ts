/**
 * The layer contract as a new layer kind sees it: a layer that is not an image (a rectangle with
 * bounds away from the origin, its own shader, an instance pick and no pixel value), joined to a
 * view through a LayerElement subclass, composited with an image by draw order, counted by kind
 * for the image's default opacity.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrView } from '../rr-view/rr-view.js';
import type { RrImage } from '../rr-image/rr-image.js';
import type {
  LayerFrame,
  LayerKind,
  LayerPick,
  LayerState,
  SceneRect,
  ViewLayer,
} from '../../render/layer.js';
import {
  sceneUniforms,
  type DrawContext,
  type Drawable,
  type Renderer,
} from '../../render/renderer.js';
import { LayerElement } from './layer-element.js';
import { expectImage } from '../../../test/helpers/pixels.js';
import { rgbImage } from '../../../test/helpers/fixtures.js';
import { assertNoWebGLError, requireWebGL2 } from '../../../test/helpers/webgl.js';
import { setUniforms } from '../../render/gl-program.js';

const RECT_VERTEX = /* glsl */ `#version 300 es
precision highp float;
#define a_position vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1))
uniform vec4 u_rect;
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_viewport;
void main() {
  vec2 device = u_offset + (u_rect.xy + a_position * u_rect.zw) * u_scale;
  vec2 clip = device / u_viewport * 2.0 - 1.0;
  gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
}
`;
const RECT_FRAGMENT = /* glsl */ `#version 300 es
precision highp float;
uniform vec4 u_color;
out vec4 out_color;
void main() { out_color = u_color; }
`;

const BOUNDS: SceneRect = { x: -2, y: -1, width: 2, height: 1 };

/** Counted as `depth`: its presence makes colour images default to opacity 0.5 (SPEC §3.6). */
const RECT_KIND: LayerKind = { name: 'depth', defaultOpacity: () => 1 };

class RectDrawable implements Drawable {
  draw(context: DrawContext): void {
    const program = context.renderer.program('test-rect', RECT_VERTEX, RECT_FRAGMENT);
    context.gl.useProgram(program.program);
    setUniforms(program.uniformSetters, {
      ...sceneUniforms(context),
      u_rect: [BOUNDS.x, BOUNDS.y, BOUNDS.width, BOUNDS.height],
      u_color: [0, 0, 1, 1],
    });
    context.renderer.drawQuad();
  }
}

class RectLayer implements ViewLayer {
  readonly kind = RECT_KIND;
  readonly state: LayerState = { status: 'ready' };
  readonly pending = undefined;
  readonly bounds = BOUNDS;
  readonly drawOrder = -20;
  #drawable = new RectDrawable();
  update(): LayerState {
    return this.state;
  }
  prepare(_frame: LayerFrame): Drawable {
    return this.#drawable;
  }
  pick(x: number, y: number): LayerPick | undefined {
    const b = BOUNDS;
    return x >= b.x && y >= b.y && x < b.x + b.width && y < b.y + b.height
      ? { instance: 0 }
      : undefined;
  }
  dispose(): void {}
}

class TestRect extends LayerElement {
  protected createLayer(_renderer: Renderer): ViewLayer {
    return new RectLayer();
  }
  protected ownRow(): undefined {
    return undefined;
  }
}
customElements.define('rr-test-rect', TestRect);

describe('the layer contract (a non-image layer kind)', () => {
  before(function () {
    requireWebGL2(this);
  });
  afterEach(() => assertNoWebGLError());

  it('fits the union of bounds, draws in scene coordinates, counts kinds, picks instances', async () => {
    const view = await fixture<RrView>(
      html`<rr-view style="width: 100px"
        ><rr-test-rect></rr-test-rect><rr-image></rr-image
      ></rr-view>`,
    );
    const image = view.querySelector<RrImage>('rr-image')!;
    image.format = { width: 2, height: 1, colorModel: 'RGB' };
    image.buffer = rgbImage(2, 1, () => [255, 0, 0]);
    const shot = await view.snapshot();
    // Bounds (-2, -1, 2, 1) ∪ (0, 0, 2, 1) = (-2, -1)–(2, 1): the snapshot starts at (-2, -1).
    expect([shot.width, shot.height]).to.deep.equal([4, 2]);
    expectImage(shot, (x, y) =>
      y === 0 && x < 2
        ? [0, 0, 255, 255]
        : y === 1 && x >= 2
          ? // Red at the colour-image default of 0.5, as a depth-kind layer shares the view.
            [255, 0, 0, 128]
          : [0, 0, 0, 0],
    );
    const rect = view.querySelector('rr-test-rect')!;
    const picks = view.pick(-1.5, -0.5);
    expect(picks.map((p) => [p.layer, p.instance, p.value])).to.deep.equal([[rect, 0, undefined]]);
  });
});

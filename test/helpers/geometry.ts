/** Geometry test scenes: views whose snapshot covers a known scene rectangle. */
import { fixture } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import type { RrView } from '../../src/elements/rr-view/rr-view.js';
import type { RrImage } from '../../src/elements/rr-image/rr-image.js';
import { linearOf, srgbByte } from './image-data.js';

/**
 * A view over scene [0, width] × [0, height]: a fully transparent RGBA image of that size sets
 * the snapshot's extent (it draws nothing), so snapshot pixel = scene point × scale for layers
 * whose regions lie inside it.
 */
export async function sceneView(
  width: number,
  height: number,
  layers: TemplateResult,
  wrap: (view: TemplateResult) => TemplateResult = (v) => v,
): Promise<RrView> {
  const root = await fixture<HTMLElement>(
    wrap(
      html`<rr-view style="width: 300px">
        <rr-image class="rr-bounds"></rr-image>
        ${layers}
      </rr-view>`,
    ),
  );
  const view = (root.localName === 'rr-view' ? root : root.querySelector('rr-view')) as RrView;
  const bounds = view.querySelector<RrImage>('rr-image.rr-bounds')!;
  bounds.format = { width, height, colorModel: 'RGBA' };
  bounds.buffer = new Uint8Array(width * height * 4);
  return view;
}

/** Rerun's disc shading (SPEC §12.6.1) of a byte at dist / r = t. */
export function discShade(byte: number, t: number): number {
  return srgbByte(linearOf(byte) * Math.max(0.4, Math.sqrt(Math.max(0, 1.2 - t))));
}

/** The pixel whose centre is nearest to device point (x, y), and that centre's distance. */
export function nearestPixel(x: number, y: number): { px: number; py: number } {
  return { px: Math.round(x - 0.5), py: Math.round(y - 0.5) };
}

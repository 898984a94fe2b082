/** Geometry test scenes: views whose snapshot covers a known scene rectangle. */
import { fixture } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import type { RrView } from '../../src/elements/rr-view/rr-view.js';
import { linearOf, srgbByte } from './image-data.js';

/**
 * A view over scene [0, width] × [0, height] (`visual-bounds`), so snapshot pixel = scene point
 * × scale whatever regions the layers have.
 */
export async function sceneView(
  width: number,
  height: number,
  layers: TemplateResult,
  wrap: (view: TemplateResult) => TemplateResult = (v) => v,
): Promise<RrView> {
  const root = await fixture<HTMLElement>(
    wrap(
      html`<rr-view style="width: 300px" visual-bounds="0 0 ${width} ${height}"
        >${layers}</rr-view
      >`,
    ),
  );
  return (root.localName === 'rr-view' ? root : root.querySelector('rr-view')) as RrView;
}

/** Rerun's disc shading (SPEC §12.6.1) of a byte at dist / r = t. */
export function discShade(byte: number, t: number): number {
  return srgbByte(linearOf(byte) * Math.max(0.4, Math.sqrt(Math.max(0, 1.2 - t))));
}

/** The pixel whose centre is nearest to device point (x, y), and that centre's distance. */
export function nearestPixel(x: number, y: number): { px: number; py: number } {
  return { px: Math.round(x - 0.5), py: Math.round(y - 0.5) };
}

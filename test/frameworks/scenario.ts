/** The checks every environment test runs on what its framework rendered. */
import { expect } from '@open-wc/testing';
import type { PickResult } from '../../src/index.js';
import { expectImage } from '../helpers/pixels.js';
import { imageSimpleColor } from '../helpers/fixtures.js';
import { hoverCanvas, until } from '../helpers/hover.js';

interface SnapshotHost extends HTMLElement {
  snapshot(): Promise<ImageData>;
  renderComplete(): Promise<void>;
}

/** Finds `selector` under `root`, failing with what the framework rendered instead. */
export function rendered<E extends Element = SnapshotHost>(root: ParentNode, selector: string): E {
  const el = root.querySelector<E>(selector);
  if (!el)
    throw new Error(
      `nothing matches ${selector}; rendered: ${(root as Element).innerHTML?.slice(0, 300)}`,
    );
  return el;
}

/** Rerun's image_simple (SPEC §9): exactly 300×200 red with a green square at rows/cols 50–149. */
export async function expectImageSimple(el: SnapshotHost): Promise<void> {
  const shot = await el.snapshot();
  expect([shot.width, shot.height]).to.deep.equal([300, 200]);
  expectImage(shot, imageSimpleColor);
}

/**
 * Hovers a third across and half way down the image_simple view (scene ≈ (100, 100), in the
 * green square) and waits for the framework's handler to have received the picks.
 */
export async function expectHoverReachesHandler(
  el: SnapshotHost,
  received: PickResult[][],
  entity = '/image',
): Promise<void> {
  await el.renderComplete();
  hoverCanvas(el, 1 / 3, 0.5);
  const [hit] = await until(
    () => received.find((p) => p.length),
    'the framework handler to receive rr-hover picks',
  );
  expect(hit.entity).to.equal(entity);
  expect(hit.value).to.deep.equal([0, 255, 0]);
}

/** The CDN bundle's URL; fails with how to make it when it has not been built. */
export async function builtBundle(): Promise<string> {
  const url = '/dist/cdn/rr-elements.js';
  const response = await fetch(url, { method: 'HEAD' });
  if (!response.ok)
    throw new Error(
      `${url} is missing (HTTP ${response.status}): run \`npm run build\` before the browser tests`,
    );
  return url;
}

/** The published CDN address the documented snippets use (the tests load the local build). */
export const CDN_URL = 'https://cdn.jsdelivr.net/npm/rr-elements/dist/cdn/rr-elements.js';

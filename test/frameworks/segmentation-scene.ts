/** Rerun's segmentation_image_simple scene (SPEC §9), for the environment tests. */
import { expect } from '@open-wc/testing';
import type { RGBA } from '../helpers/pixels.js';
import { expectImage } from '../helpers/pixels.js';
import { hoverCanvas, until } from '../helpers/hover.js';

/** 12×8 U8 class ids: 1 in rows 0–3 × cols 0–5, 2 in rows 4–7 × cols 6–11, 0 elsewhere. */
export function segmentationSimple(): Uint8Array {
  const ids = new Uint8Array(12 * 8);
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 12; x++) ids[y * 12 + x] = y < 4 && x < 6 ? 1 : y >= 4 && x >= 6 ? 2 : 0;
  }
  return ids;
}

export const SEGMENTATION_FORMAT = { width: 12, height: 8, channelDatatype: 'U8' } as const;

/** The static context at `/`, as Rerun's snippet logs it: `[(1, "red", (255, 0, 0)), (2, "green", (0, 255, 0))]`. */
export const CONTEXT = [
  [1, 'red', [255, 0, 0]],
  [2, 'green', [0, 255, 0]],
];

/** Red and green quadrants; class 0 in its auto colour #bc4d4d; opacity 1 (the only layer). */
export function segmentationSimpleColor(x: number, y: number): RGBA {
  if (y < 4 && x < 6) return [255, 0, 0, 255];
  if (y >= 4 && x >= 6) return [0, 255, 0, 255];
  return [188, 77, 77, 255];
}

interface SnapshotHost extends HTMLElement {
  snapshot(): Promise<ImageData>;
  renderComplete(): Promise<void>;
}

/** Exactly segmentation_image_simple's 12×8 picture. */
export async function expectSegmentationSimple(view: SnapshotHost): Promise<void> {
  const shot = await view.snapshot();
  expect([shot.width, shot.height]).to.deep.equal([12, 8]);
  expectImage(shot, segmentationSimpleColor);
}

/** Hovers the top-left quadrant (class 1) and waits for the handler to receive `Label: red`. */
export async function expectClassHover(
  view: SnapshotHost,
  received: Array<Array<{ entity: string; classId?: number; label?: string }>>,
  entity = '/image',
): Promise<void> {
  await view.renderComplete();
  hoverCanvas(view, 0.25, 0.25);
  const [hit] = await until(
    () => received.find((p) => p.length),
    'the handler to receive rr-hover picks',
  );
  expect(hit).to.deep.include({ entity, classId: 1, label: 'red' });
}

/** Rerun's documented segmentation scenes (SPEC §9), made in code. */

/** `segmentation_image_simple`: 12×8 u8, class 1 top-left (rows 0–3, cols 0–5), class 2 bottom-right. */
export function segmentationImageSimple(): Uint8Array {
  const ids = new Uint8Array(8 * 12);
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 12; x++) {
      if (y < 4 && x < 6) ids[y * 12 + x] = 1;
      else if (y >= 4 && x >= 6) ids[y * 12 + x] = 2;
    }
  }
  return ids;
}

/** `annotation_context_segmentation`: 300×200 u8, class 1 rows 50–99 × cols 50–119, class 2 rows 100–179 × cols 130–279. */
export function annotationContextSegmentation(): Uint8Array {
  const ids = new Uint8Array(200 * 300);
  for (let y = 50; y < 100; y++) ids.fill(1, y * 300 + 50, y * 300 + 120);
  for (let y = 100; y < 180; y++) ids.fill(2, y * 300 + 130, y * 300 + 280);
  return ids;
}

/** The `tutorials/annotation_context` contexts (SPEC §9). */
export const TUTORIAL_MASKS = [
  [0, 'Background'],
  [1, 'Person', [255, 0, 0]],
];

export const TUTORIAL_DETECTIONS = {
  info: { id: 0, label: 'Snake' },
  keypointAnnotations: Array.from({ length: 10 }, (_, i) => ({ id: i, color: [0, 28 * i, 0] })),
  keypointConnections: Array.from({ length: 9 }, (_, i) => [i, i + 1]),
};

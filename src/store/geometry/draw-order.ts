/**
 * Draw-order defaults and the layer sort of SPEC §12.7 (`draw_order_ext.rs`,
 * `component_fallbacks.rs`, `depth_offsets.rs`).
 */
import type { GeometryKind } from './types.js';

/** Rerun's default draw order per archetype. */
export const DEFAULT_DRAW_ORDER = {
  DepthImage: -20,
  Image: -10,
  EncodedImage: -10,
  SegmentationImage: 0,
  Boxes2D: 10,
  LineStrips2D: 20,
  /**
   * 20, as Rerun's code registers it (`DEFAULT_LINES2D`); its docs and `DEFAULT_POINTS2D`
   * say 30 (SPEC §12.13 item 1). With 20, points tie with lines and win the tie by name.
   */
  Points2D: 20,
} as const;

/**
 * Rerun's visualizer ids, the tie-break between equal draw orders (sorted as strings, so
 * "Lines2D" < "Points2D": points above lines).
 */
export const VISUALIZER_NAME = {
  DepthImage: 'DepthImage',
  Image: 'Image',
  EncodedImage: 'EncodedImage',
  SegmentationImage: 'SegmentationImage',
  Boxes2D: 'Boxes2D',
  LineStrips2D: 'Lines2D',
  Points2D: 'Points2D',
} as const;

/** The archetype each geometry kind draws. */
export const KIND_ARCHETYPE: Record<GeometryKind, 'Points2D' | 'Boxes2D' | 'LineStrips2D'> = {
  points: 'Points2D',
  boxes: 'Boxes2D',
  strips: 'LineStrips2D',
};

/** What the layer sort compares: painter's order is ascending. */
export interface DrawSortKey {
  drawOrder: number;
  /** A {@link VISUALIZER_NAME} value. */
  visualizer: string;
  entity: string;
}

/**
 * Rerun's order of (visualizer, entity) pairs: draw order, then visualizer id, then entity.
 * Rerun's last key is the entity-path *hash*; the path string is used here so the order is
 * stable and readable (it only matters between entities of one kind at one draw order).
 */
export function compareDrawOrder(a: DrawSortKey, b: DrawSortKey): number {
  if (a.drawOrder !== b.drawOrder) return a.drawOrder - b.drawOrder;
  if (a.visualizer !== b.visualizer) return a.visualizer < b.visualizer ? -1 : 1;
  return a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0;
}

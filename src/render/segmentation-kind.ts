/**
 * The SegmentationImage layer kind as views and `<rr-segmentation>` see it: its kind, default
 * draw order and automatic-view entry. The layer itself (segmentation-layer.ts, with its
 * drawable, id planning and shader) is a lazy chunk, loaded when an entity first holds a
 * segmentation image (lazy-layer.ts), so a page that never shows one never downloads it.
 */
import type { LayerKind } from './layer.js';
import { hasAnyComponent, type AutoLayerKind } from './layer-kinds.js';
import { LazyLayer } from './lazy-layer.js';
import type { Renderer } from './renderer.js';

/** Rerun's default draw order for SegmentationImage (SPEC §5.1). */
export const SEGMENTATION_DRAW_ORDER = 0;

export const SEGMENTATION_KIND: LayerKind = {
  name: 'segmentation',
  // Rerun: 0.5 when a colour or depth image shares the view, else 1 (SPEC §3.6).
  defaultOpacity: (counts) => ((counts.color ?? 0) + (counts.depth ?? 0) > 0 ? 0.5 : 1),
};

/** A segmentation layer; its code loads when the entity first has a segmentation image. */
export function createSegmentationLayer(renderer: Renderer, onAsyncChange: () => void): LazyLayer {
  return new LazyLayer(
    SEGMENTATION_KIND,
    SEGMENTATION_DRAW_ORDER,
    () =>
      import('./segmentation-layer.js').then(
        ({ SegmentationLayer }) => new SegmentationLayer(renderer, onAsyncChange),
      ),
    ({ recording, entity, timeline, time }) =>
      recording.latestAtRow(entity, 'SegmentationImage:buffer', timeline, time)?.value != null,
    onAsyncChange,
    'the segmentation code',
  );
}

/** Automatic views show entities holding a segmentation image. */
export const SEGMENTATION_AUTO_KIND: AutoLayerKind = {
  matches: (recording, entity) => hasAnyComponent(recording, entity, ['SegmentationImage:buffer']),
  create: createSegmentationLayer,
};

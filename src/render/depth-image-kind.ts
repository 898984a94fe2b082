/**
 * The DepthImage layer kind as views and `<rr-depth-image>` see it: its kind, default draw
 * order and automatic-view entry. The layer itself (depth-image-layer.ts) is a lazy chunk,
 * loaded when an entity first holds a depth image (lazy-layer.ts).
 */
// Registers log()/sendColumns() field handling of DepthImage with the recording.
import '../store/geometry/log-fields.js';
import type { DepthImageOverrides } from './depth-image-layer.js';
import type { LayerKind } from './layer.js';
import { hasAnyComponent, type AutoLayerKind } from './layer-kinds.js';
import { LazyLayer } from './lazy-layer.js';
import type { Renderer } from './renderer.js';

/** Rerun's default draw order for DepthImage (SPEC §12.7). */
export const DEPTH_IMAGE_DRAW_ORDER = -20;

/** DepthImage: always opaque (Rerun has no opacity for it); its presence halves the others'. */
export const DEPTH_KIND: LayerKind = { name: 'depth', defaultOpacity: () => 1 };

/** A depth image layer; its code loads when the entity first has a depth image. */
export function createDepthImageLayer(renderer: Renderer, onAsyncChange: () => void): LazyLayer {
  return new LazyLayer(
    DEPTH_KIND,
    DEPTH_IMAGE_DRAW_ORDER,
    () =>
      import('./depth-image-layer.js').then(({ DepthImageLayer }) => new DepthImageLayer(renderer)),
    ({ recording, entity, timeline, time }, overrides) =>
      // An attribute the element could not parse is shown by the layer, data or not.
      !!(overrides as DepthImageOverrides).overrideError ||
      recording.latestAtRow(entity, 'DepthImage:buffer', timeline, time)?.value != null,
    onAsyncChange,
    'the depth image code',
  );
}

/** Automatic views show entities holding a depth image. */
export const DEPTH_IMAGE_AUTO_KIND: AutoLayerKind = {
  matches: (recording, entity) => hasAnyComponent(recording, entity, ['DepthImage:buffer']),
  create: createDepthImageLayer,
};

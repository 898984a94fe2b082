import { registerLayerKind } from '../../render/layer-kinds.js';
import { SegmentationLayer } from '../../render/segmentation-layer.js';
import { RrSegmentation } from './rr-segmentation.component.js';

export { RrSegmentation };

if (!customElements.get('rr-segmentation')) {
  customElements.define('rr-segmentation', RrSegmentation);
  // Automatic views (`<rr-view>` without layer children) show SegmentationImage entities too.
  registerLayerKind({
    matches: (recording, entity) =>
      recording.components(entity).includes('SegmentationImage:buffer'),
    create: (renderer, onAsyncChange) => new SegmentationLayer(renderer, onAsyncChange),
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'rr-segmentation': RrSegmentation;
  }
}

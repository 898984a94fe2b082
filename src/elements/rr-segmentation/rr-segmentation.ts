import { registerLayerKind } from '../../render/layer-kinds.js';
import { SEGMENTATION_AUTO_KIND } from '../../render/segmentation-kind.js';
import { RrSegmentation } from './rr-segmentation.component.js';

export { RrSegmentation };

if (!customElements.get('rr-segmentation')) {
  customElements.define('rr-segmentation', RrSegmentation);
  // Automatic views (`<rr-view>` without layer children) show SegmentationImage entities too.
  registerLayerKind(SEGMENTATION_AUTO_KIND);
}

declare global {
  interface HTMLElementTagNameMap {
    'rr-segmentation': RrSegmentation;
  }
}

import { DEPTH_IMAGE_AUTO_KIND } from '../../render/depth-image-kind.js';
import { registerLayerKind } from '../../render/layer-kinds.js';
import { RrDepthImage } from './rr-depth-image.component.js';

export { RrDepthImage };

if (!customElements.get('rr-depth-image')) {
  customElements.define('rr-depth-image', RrDepthImage);
  // Automatic views (`<rr-view>` without layer children) show DepthImage entities too.
  registerLayerKind(DEPTH_IMAGE_AUTO_KIND);
}

declare global {
  interface HTMLElementTagNameMap {
    'rr-depth-image': RrDepthImage;
  }
}

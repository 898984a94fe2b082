import { IMAGE_AUTO_KIND } from '../../render/image-layer.js';
import { registerLayerKind } from '../../render/layer-kinds.js';
import { RrImage } from './rr-image.component.js';

export { RrImage };

if (!customElements.get('rr-image')) {
  customElements.define('rr-image', RrImage);
  // Automatic views (`<rr-view>` without layer children) show Image and EncodedImage entities.
  registerLayerKind(IMAGE_AUTO_KIND);
}

declare global {
  interface HTMLElementTagNameMap {
    'rr-image': RrImage;
  }
}

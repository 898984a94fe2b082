import { IMAGE_AUTO_KIND } from '../../render/image-layer.js';
import { registerLayerKind } from '../../render/layer-kinds.js';
import { RrView } from './rr-view.component.js';

export { RrView };

if (!customElements.get('rr-view')) {
  customElements.define('rr-view', RrView);
  // A view shows image entities automatically even when `<rr-image>` is not loaded.
  registerLayerKind(IMAGE_AUTO_KIND);
}

declare global {
  interface HTMLElementTagNameMap {
    'rr-view': RrView;
  }
}

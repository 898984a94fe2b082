import { createGeometryLayer, REQUIRED_COMPONENT } from '../../render/geometry-kind.js';
import { registerLayerKind } from '../../render/layer-kinds.js';
import { RrBoxes2d } from './rr-boxes2d.component.js';

export { RrBoxes2d };

if (!customElements.get('rr-boxes2d')) {
  customElements.define('rr-boxes2d', RrBoxes2d);
  // Automatic views (`<rr-view>` without layer children) show Boxes2D entities too.
  registerLayerKind({
    matches: (recording, entity) => recording.components(entity).includes(REQUIRED_COMPONENT.boxes),
    create: (renderer, onAsyncChange) => createGeometryLayer(renderer, onAsyncChange, 'boxes'),
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'rr-boxes2d': RrBoxes2d;
  }
}

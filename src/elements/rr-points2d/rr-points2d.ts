import { createGeometryLayer, REQUIRED_COMPONENT } from '../../render/geometry-kind.js';
import { registerLayerKind } from '../../render/layer-kinds.js';
import { RrPoints2d } from './rr-points2d.component.js';

export { RrPoints2d };

if (!customElements.get('rr-points2d')) {
  customElements.define('rr-points2d', RrPoints2d);
  // Automatic views (`<rr-view>` without layer children) show Points2D entities too.
  registerLayerKind({
    matches: (recording, entity) =>
      recording.components(entity).includes(REQUIRED_COMPONENT.points),
    create: (renderer, onAsyncChange) => createGeometryLayer(renderer, onAsyncChange, 'points'),
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'rr-points2d': RrPoints2d;
  }
}

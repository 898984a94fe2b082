import { createGeometryLayer, REQUIRED_COMPONENT } from '../../render/geometry-kind.js';
import { registerLayerKind } from '../../render/layer-kinds.js';
import { RrLineStrips2d } from './rr-line-strips2d.component.js';

export { RrLineStrips2d };

if (!customElements.get('rr-line-strips2d')) {
  customElements.define('rr-line-strips2d', RrLineStrips2d);
  // Automatic views (`<rr-view>` without layer children) show LineStrips2D entities too.
  registerLayerKind({
    matches: (recording, entity) =>
      recording.components(entity).includes(REQUIRED_COMPONENT.strips),
    create: (renderer, onAsyncChange) => createGeometryLayer(renderer, onAsyncChange, 'strips'),
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'rr-line-strips2d': RrLineStrips2d;
  }
}

/**
 * The geometry layers (Points2D, Boxes2D, LineStrips2D) as views and elements see them before
 * their code is loaded: geometry-layer.ts, with the resolution of SPEC §12, the instanced
 * drawables and shaders, picking and the label painter, is a lazy chunk that a LazyLayer loads
 * when its entity first holds the archetype's required component. The elements themselves and
 * `log()` of the geometry archetypes stay in the page's bundle; a page of image tags never
 * downloads any of it.
 */
import { DEFAULT_DRAW_ORDER, KIND_ARCHETYPE } from '../store/geometry/draw-order.js';
import type { GeometryKind } from '../store/geometry/types.js';
import type { LayerKind } from './layer.js';
import { LazyLayer } from './lazy-layer.js';
import type { Renderer } from './renderer.js';

/** The component that defines each archetype's instance count (the layer has data with it). */
export const REQUIRED_COMPONENT: Record<GeometryKind, string> = {
  points: 'Points2D:positions',
  boxes: 'Boxes2D:half_sizes',
  strips: 'LineStrips2D:strips',
};

/**
 * The layer kinds, one per archetype (what views count). No default-opacity hook: geometry has
 * no opacity in Rerun (translucent colours darken instead, SPEC §12.6.4).
 */
export const GEOMETRY_KINDS: Record<GeometryKind, LayerKind> = {
  points: { name: 'points' },
  boxes: { name: 'boxes' },
  strips: { name: 'strips' },
};

/** A geometry layer; its code loads when the entity first has the archetype's data. */
export function createGeometryLayer(
  renderer: Renderer,
  onAsyncChange: () => void,
  geometry: GeometryKind,
): LazyLayer {
  return new LazyLayer(
    GEOMETRY_KINDS[geometry],
    DEFAULT_DRAW_ORDER[KIND_ARCHETYPE[geometry]],
    () =>
      import('./geometry-layer.js').then(
        ({ GeometryLayer }) => new GeometryLayer(renderer, onAsyncChange, geometry),
      ),
    ({ recording, entity, timeline, time }) =>
      recording.latestAtRow(entity, REQUIRED_COMPONENT[geometry], timeline, time)?.value != null,
    onAsyncChange,
    'the geometry code',
  );
}

/**
 * Layer kinds a view can create by itself for entities it finds under its `origin`
 * (automatic views, as Rerun spawns them). Each kind says which entities it shows.
 */
import type { Recording } from '../store/recording.js';
import { ImageLayer } from './image-layer.js';
import type { ViewLayer } from './layer.js';
import type { Renderer } from './renderer.js';

export interface LayerKind {
  /** True when the entity holds this kind's data (at any time). */
  matches(recording: Recording, entity: string): boolean;
  create(renderer: Renderer, onAsyncChange: () => void): ViewLayer;
}

const kinds: LayerKind[] = [
  {
    matches: (recording, entity) => {
      const components = recording.components(entity);
      return components.includes('Image:buffer') || components.includes('EncodedImage:blob');
    },
    create: (renderer, onAsyncChange) => new ImageLayer(renderer, onAsyncChange),
  },
];

/** Adds a layer kind (segmentation, depth, … register themselves here). */
export function registerLayerKind(kind: LayerKind): void {
  kinds.push(kind);
}

/** The first kind that shows this entity. */
export function layerKindFor(recording: Recording, entity: string): LayerKind | undefined {
  return kinds.find((kind) => kind.matches(recording, entity));
}

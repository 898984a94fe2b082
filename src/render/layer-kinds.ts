/**
 * Layer kinds a view can create by itself for entities it finds under its `origin`
 * (automatic views, as Rerun spawns them). Each kind says which entities it shows; define files
 * register theirs (`rr-image.ts`, `rr-segmentation.ts`, …), so a view only knows the kinds the
 * page loaded.
 */
import type { Recording } from '../store/recording.js';
import type { ViewLayer } from './layer.js';
import type { Renderer } from './renderer.js';

export interface AutoLayerKind {
  /** True when the entity holds this kind's data (at any time). */
  matches(recording: Recording, entity: string): boolean;
  create(renderer: Renderer, onAsyncChange: () => void): ViewLayer;
}

const kinds: AutoLayerKind[] = [];

/** Adds a layer kind to automatic views (first registered, first asked). */
export function registerLayerKind(kind: AutoLayerKind): void {
  if (!kinds.includes(kind)) kinds.push(kind);
}

/** The first kind that shows this entity. */
export function layerKindFor(recording: Recording, entity: string): AutoLayerKind | undefined {
  return kinds.find((kind) => kind.matches(recording, entity));
}

/** Components whose presence makes an entity a layer of a kind. */
export function hasAnyComponent(recording: Recording, entity: string, keys: string[]): boolean {
  const components = recording.components(entity);
  return keys.some((key) => components.includes(key));
}

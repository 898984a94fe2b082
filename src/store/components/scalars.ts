/** Scalar components shared by many archetypes: opacity, draw order, filters, media types. */
import { monoComponent, plainNumber, type ArrowModule, type ComponentEntry } from './entry.js';
import {
  DRAW_ORDER_IMAGES,
  FILTER_IMAGES,
  MAGNIFICATION_FILTERS,
  OPACITY_IMAGES,
  type MagnificationFilterName,
} from './normalize.js';

/** A `Float32` component (Opacity, DrawOrder, Radius, …) under the given key. */
export function f32Component(key: string, componentType: string): ComponentEntry {
  return monoComponent({
    key,
    componentType,
    arrowType: (A: ArrowModule) => new A.Float32(),
    write: (value) => Number(value),
    read: (v) => plainNumber(v) ?? null,
  });
}

/** A MagnificationFilter (stored as `nearest`, `linear`, `bicubic`; written as its Arrow number). */
export function filterComponent(key: string): ComponentEntry {
  return monoComponent({
    key,
    componentType: 'MagnificationFilter',
    arrowType: (A: ArrowModule) => new A.Uint8(),
    write: (value) =>
      typeof value === 'string'
        ? MAGNIFICATION_FILTERS.indexOf(value.toLowerCase() as MagnificationFilterName) + 1 || 1
        : Number(value),
    read: (v) => plainNumber(v) ?? null,
  });
}

/** A `Utf8` component (MediaType, Text, …) under the given key. */
export function utf8Component(key: string, componentType: string): ComponentEntry {
  return monoComponent({
    key,
    componentType,
    arrowType: (A: ArrowModule) => new A.Utf8(),
    write: (value) => String(value),
    read: (v) => (v === null || v === undefined ? null : String(v)),
  });
}

export const scalarComponents: ComponentEntry[] = [
  ...DRAW_ORDER_IMAGES.map((a) => f32Component(`${a}:draw_order`, 'DrawOrder')),
  ...OPACITY_IMAGES.map((a) => f32Component(`${a}:opacity`, 'Opacity')),
  ...FILTER_IMAGES.map((a) => filterComponent(`${a}:magnification_filter`)),
  utf8Component('EncodedImage:media_type', 'MediaType'),
];

/**
 * What a view needs of a layer: the contract between views (elements) and layer kinds
 * (image, segmentation, …), which turn what a recording holds into drawables.
 */
import type { Recording } from '../store/recording.js';
import type { PixelValue } from '../store/pixel-value.js';
import type { Drawable } from './renderer.js';
import type { ResolvedLabel } from '../store/geometry/types.js';

/** Where and when a layer reads the recording. */
export interface LayerQuery {
  recording: Recording;
  entity: string;
  timeline: string | undefined;
  time: bigint | undefined;
}

/** What a layer currently shows. */
export type LayerState =
  | { status: 'empty' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready' };

/** Counts of layer kinds in a view, for Rerun's default opacities (SPEC §3.6). */
export interface LayerCounts {
  color: number;
  depth: number;
  segmentation: number;
}

/** Values given on an element that override what the recording says. */
export interface LayerOverrides {
  opacity?: number;
  drawOrder?: number;
}

/** One hit of `pick()`. */
export interface LayerPick {
  value: PixelValue;
  /** How Rerun's tooltip names the value: `L`, `RGB`, `RGBA`, `BGR`, `BGRA`, or `Val` (segmentation). */
  valueName?: string;
  classId?: number;
  label?: string;
  color?: [number, number, number, number];
  /** Depth images: the depth in metres (the sample divided by `meter`), shown as `Depth:`. */
  depth?: number;
}

export interface ViewLayer {
  /** Which kind of archetype this layer shows: it decides defaults and counts. */
  readonly kind: 'color' | 'depth' | 'segmentation';
  /** Brings the layer up to date with the recording; cheap when nothing changed. */
  update(query: LayerQuery, overrides: LayerOverrides): LayerState;
  /** The current state (as last returned by update). */
  readonly state: LayerState;
  /** Resolves when asynchronous work started by update (decoding) has settled. */
  readonly pending: Promise<void> | undefined;
  /** Where the layer lies in the scene (geometry); without it, (0, 0)–extent. */
  readonly bounds?: { x: number; y: number; width: number; height: number };
  /** Size in scene units, once ready. */
  readonly extent: { width: number; height: number } | undefined;
  /** Draw order: the override, else the logged value, else the archetype's default. */
  readonly drawOrder: number;
  /** Prepares the drawable for a frame (opacity default depends on the view). */
  prepare(counts: LayerCounts): Drawable | undefined;
  /** Instance labels to show above every layer (SPEC §12.4), in scene coordinates. */
  readonly labels?: readonly ResolvedLabel[];
  /** The value at scene point (x, y), if the layer covers it. */
  pick(x: number, y: number): LayerPick | undefined;
  /** Frees GPU resources. */
  dispose(): void;
}

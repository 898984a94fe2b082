/**
 * What a view needs of a layer: the contract between views (elements) and layer kinds
 * (image, segmentation, …), which turn what a recording holds into drawables.
 */
import type { Recording } from '../store/recording.js';
import type { PixelValue } from '../store/pixel-value.js';
import type { Drawable } from './renderer.js';

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
  geometry: number;
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
  /** Geometry layers: the instance's index in the logged data. */
  instance?: number;
  /** Points with keypoint ids: the instance's keypoint id. */
  keypointId?: number;
  /** Geometry layers: the instance's position in scene units (points; box centres). */
  position?: [number, number];
}

export interface ViewLayer {
  /** Which kind of archetype this layer shows: it decides defaults and counts. */
  readonly kind: 'color' | 'depth' | 'segmentation' | 'geometry';
  /** Rerun's visualizer name, the tie-break between equal draw orders (SPEC §12.7). */
  readonly visualizer?: string;
  /** Brings the layer up to date with the recording; cheap when nothing changed. */
  update(query: LayerQuery, overrides: LayerOverrides): LayerState;
  /** The current state (as last returned by update). */
  readonly state: LayerState;
  /** Resolves when asynchronous work started by update (decoding) has settled. */
  readonly pending: Promise<void> | undefined;
  /** Size in scene units, once ready. */
  readonly extent: { width: number; height: number } | undefined;
  /** Draw order: the override, else the logged value, else the archetype's default. */
  readonly drawOrder: number;
  /** Prepares the drawable for a frame (opacity default depends on the view). */
  prepare(counts: LayerCounts): Drawable | undefined;
  /**
   * The value at scene point (x, y), if the layer covers it; `uiPointsPerUnit` (the view's CSS
   * pixels per scene unit) sizes UI-point radii and the snap radius of geometry.
   */
  pick(x: number, y: number, uiPointsPerUnit?: number): LayerPick | undefined;
  /** Frees GPU resources. */
  dispose(): void;
}

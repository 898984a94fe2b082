/**
 * What a view needs of a layer: the contract between views (elements) and layer kinds (image,
 * segmentation, and whatever registers next), which turn what a recording holds into drawables.
 *
 * A layer reads its entity latest-at (`update`), says where it lies in the scene (`bounds`) and
 * in which order it draws (`drawOrder`), hands the view one drawable per frame (`prepare`), and
 * answers hover (`pick`). The view unions the bounds, fits the camera, sorts by draw order and
 * gives every drawable the same DrawContext (renderer.ts): scene → device transform, viewport,
 * device pixels per CSS pixel.
 */
import type { Recording } from '../store/recording.js';
import type { PixelValue } from '../store/pixel-value.js';
import type { Drawable } from './renderer.js';
import type { ResolvedLabel } from '../store/geometry/types.js';
import type { OutlineDrawable } from './outline.js';

/** Where and when a layer reads the recording. */
export interface LayerQuery {
  recording: Recording;
  entity: string;
  timeline: string | undefined;
  time: bigint | undefined;
}

/**
 * What a layer currently shows. `problem`: what was wrong with the recording's data while what
 * can be drawn still is (its element reports it as `rr-error` and shows it in `part="error"`).
 */
export type LayerState =
  | { status: 'empty'; problem?: string }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; problem?: string };

/** A rectangle in scene units (x right, y down); images cover (0, 0)–(width, height). */
export interface SceneRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How many ready layers of each kind share a view (kind name → count; absent means 0), for
 * Rerun's default opacities (SPEC §3.6).
 */
export type LayerCounts = Readonly<Record<string, number>>;

/** What a view tells its layers when it prepares a frame. */
export interface LayerFrame {
  /** The kinds sharing the view. */
  readonly counts: LayerCounts;
  /** The opacity of this layer when neither the recording nor the element gives one. */
  readonly defaultOpacity: number;
}

/**
 * A layer kind: one per archetype family. The name is what `LayerCounts` counts; the hook gives
 * the default opacity from what shares the view. Kinds are open: a new one is an object like
 * this, exported beside its layer class (and registered in layer-kinds.ts for automatic views).
 */
export interface LayerKind {
  /** `color` (Image, EncodedImage), `segmentation`, `depth`, `points`, … */
  readonly name: string;
  /** Rerun's opacity when none is given (default 1). */
  defaultOpacity?(counts: LayerCounts): number;
}

/** Values given on an element that override what the recording says. */
export interface LayerOverrides {
  opacity?: number;
  drawOrder?: number;
}

/** How the view looks at the scene when it asks for a pick (hit tests in UI points need it). */
export interface PickContext {
  /** CSS pixels per scene unit. */
  readonly scale: number;
}

/** One hit of `pick()`: a pixel value for image-like layers, an instance for geometry. */
export interface LayerPick {
  /** The sample under the point (images, segmentations). */
  value?: PixelValue;
  /** How Rerun's tooltip names the value: `L`, `RGB`, `RGBA`, `BGR`, `BGRA`, or `Val` (segmentation). */
  valueName?: string;
  /** The instance hit (points, boxes, strips). */
  instance?: number;
  classId?: number;
  label?: string;
  color?: [number, number, number, number];
  /** Depth images: the depth in metres (the sample divided by `meter`), shown as `Depth:`. */
  depth?: number;
  /** Geometry layers: the instance's keypoint id (points with keypoint ids). */
  keypointId?: number;
  /** Geometry: the instance's position in scene units (a point; a box's centre). */
  position?: [number, number];
}

export interface ViewLayer {
  /** Which kind of layer this is: it decides default opacities and counts. */
  readonly kind: LayerKind;
  /** Rerun's visualizer name, the tie-break between equal draw orders (SPEC §12.7). */
  readonly visualizer?: string;
  /** Brings the layer up to date with the recording; cheap when nothing changed. */
  update(query: LayerQuery, overrides: LayerOverrides): LayerState;
  /** The current state (as last returned by update). */
  readonly state: LayerState;
  /** Resolves when asynchronous work started by update (decoding) has settled. */
  readonly pending: Promise<void> | undefined;
  /** Where the layer lies in the scene, once ready (the view fits the union of these). */
  readonly bounds: SceneRect | undefined;
  /** Draw order: the override, else the logged value, else the archetype's default. */
  readonly drawOrder: number;
  /** Prepares the drawable for a frame. */
  prepare(frame: LayerFrame): Drawable | undefined;
  /** What the layer shows at scene point (x, y), if anything. */
  pick(x: number, y: number, context: PickContext): LayerPick | undefined;
  /** Instance labels to show above every layer (SPEC §12.4), in scene coordinates. */
  readonly labels?: readonly ResolvedLabel[];
  /**
   * Geometry: the hit for an instance (by its index in the logged data) without a point to
   * test, as hovering its label gives (SPEC §12.9); `at` is the scene point hovered.
   */
  pickInstance?(instance: number, at: [number, number]): LayerPick | undefined;
  /** Geometry: the hover outline of an instance (SPEC §12.9), drawn after every layer. */
  outline?(instance: number): OutlineDrawable | undefined;
  /** Frees GPU resources. */
  dispose(): void;
}

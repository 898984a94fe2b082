/**
 * The contract between geometry data (`src/store/geometry/`) and whoever draws it: what
 * Points2D, Boxes2D, LineStrips2D and DepthImage look like once their input has been read
 * (the `*Data` shapes, Rerun's component layout) and once every per-instance rule of SPEC §12
 * has been applied (the `Resolved*` shapes the renderer consumes as they are).
 *
 * Coordinates are scene units, x right, y down. Per-instance arrays of a resolved batch are
 * already clamped (SPEC §12.2) to the batch's `count` and hold only instances that can be drawn;
 * `instances[i]` is the index instance `i` had in the logged data (what pick and hover report).
 *
 * This file only grows: fields are added, never renamed or removed.
 */
import type { AnnotationContextData } from '../annotation-context.js';
import type { Rgba8 } from '../auto-color.js';

export type { Rgba8 };

/** A point or vector in scene units. */
export type Vec2 = [number, number];

/** An axis-aligned region in scene units (x0 ≤ x1, y0 ≤ y1; y down, so (x0, y0) is top-left). */
export interface SceneRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The geometry layer kinds. */
export type GeometryKind = 'points' | 'boxes' | 'strips';

/** The archetypes of SPEC §12, by Rerun's name. */
export type GeometryArchetype = 'Points2D' | 'Boxes2D' | 'LineStrips2D' | 'DepthImage';

// ---- problems with the input -------------------------------------------------------------

/**
 * One thing wrong with the input. Never thrown by the resolvers: a batch with problems still
 * resolves, leaving out what cannot be drawn (`instances`), and the element reports these as
 * `rr-error` / `part="error"` while the rest draws.
 */
export interface GeometryIssue {
  /** The field as API.md's properties and `log()` name it, camelCase (`classIds`). */
  field: string;
  /** The same as an element attribute, kebab-case (`class-ids`). */
  attribute: string;
  /** What would have been accepted, e.g. "an even count of numbers (x y pairs)". */
  expected: string;
  /** What came, shortened for a message, e.g. "5 numbers". */
  got: string;
  /** Indices (in the logged data) of the instances left out because of this; none = whole field ignored. */
  instances?: number[];
  /** One sentence naming field, expected and got, ready for `rr-error`. */
  message: string;
}

/** The result of reading raw input: the normalised data plus what was wrong with it. */
export interface Normalized<T> {
  data: T;
  issues: GeometryIssue[];
  /**
   * Instances (indices in `data`) that cannot be drawn because a value of theirs could not be
   * read (already named in `issues`); pass them on as {@link ResolveContext.leaveOut}.
   */
  leftOut: number[];
}

// ---- input forms (what properties, attributes and log() take) ----------------------------

/**
 * 2D vectors: a flat `[x0, y0, x1, y1, …]` (any numeric array or typed array), an array of
 * `[x, y]` pairs, or an attribute string of numbers separated by spaces and/or commas.
 */
export type Vec2ListInput = ArrayLike<number> | ReadonlyArray<readonly number[]> | string;

/** Line strips: an array of {@link Vec2ListInput}, or an attribute string with `;` between strips. */
export type StripsInput = ReadonlyArray<Vec2ListInput> | string;

/** One number or one per instance (radii, class ids, keypoint ids). */
export type ScalarListInput = number | ArrayLike<number> | string;

/**
 * One colour or one per instance, in any colour form of `<rr-annotation-context>`
 * (`[r, g, b(, a)]`, `#rrggbb(aa)`, CSS names, packed `0xRRGGBBAA`), or a `Uint32Array` of
 * packed colours (Rerun's Color component), or a `Uint8Array` of RGBA bytes, 4 per instance.
 */
export type ColorListInput = unknown;

/** One text (for the whole entity when N > 1, SPEC §12.4.3) or one per instance. */
export type TextListInput = string | readonly string[];

/** The fields shared by the three geometry archetypes, in API.md's camelCase. */
export interface GeometryCommonInput {
  radii?: ScalarListInput;
  colors?: ColorListInput;
  labels?: TextListInput;
  classIds?: ScalarListInput;
  /** `true`/`false`, or the attribute strings "true"/"false". */
  showLabels?: boolean | string;
  drawOrder?: number | string;
}

export interface Points2DInput extends GeometryCommonInput {
  positions: Vec2ListInput;
  keypointIds?: ScalarListInput;
}

/**
 * Boxes2D in every construction form of SPEC §12.1.1: `halfSizes` (+ `centers`), `sizes`
 * (+ `centers` or `mins`), or `array` + `arrayFormat`. All become `centers` + `halfSizes`.
 */
export interface Boxes2DInput extends GeometryCommonInput {
  halfSizes?: Vec2ListInput;
  centers?: Vec2ListInput;
  sizes?: Vec2ListInput;
  mins?: Vec2ListInput;
  array?: ArrayLike<number> | ReadonlyArray<readonly number[]> | string;
  arrayFormat?: Box2DFormat | string;
}

export interface LineStrips2DInput extends GeometryCommonInput {
  strips: StripsInput;
}

/** Rerun's `Box2DFormat` (Python SDK). */
export type Box2DFormat = 'XYWH' | 'YXHW' | 'XYXY' | 'YXYX' | 'XCYCWH' | 'XCYCW2H2';

// ---- normalised data: Rerun's components (what the recording, Arrow and .rrd hold) -------

/** Optional components shared by the three archetypes, in Rerun's representation. */
export interface GeometryCommonData {
  /** `Radius`: > 0 scene units, ≤ 0 UI points (−value). */
  radii?: Float32Array;
  /** `Color`: packed `0xRRGGBBAA`, sRGB, straight (unmultiplied) alpha. */
  colors?: Uint32Array;
  /** `Text`. */
  labels?: string[];
  /** `ClassId`. */
  classIds?: Uint16Array;
  /** `ShowLabels` (mono). */
  showLabels?: boolean;
  /** `DrawOrder` (mono). */
  drawOrder?: number;
}

export interface Points2DData extends GeometryCommonData {
  /** `Position2D`, 2 floats per instance; defines the instance count. */
  positions: Float32Array;
  /** `KeypointId`. */
  keypointIds?: Uint16Array;
}

export interface Boxes2DData extends GeometryCommonData {
  /** `HalfSize2D`, 2 floats per instance; defines the instance count. */
  halfSizes: Float32Array;
  /** `Position2D`, 2 floats per instance; absent = (0, 0) for every box. */
  centers?: Float32Array;
}

export interface LineStrips2DData extends GeometryCommonData {
  /** `LineStrip2D`: per strip, 2 floats per vertex; defines the instance count. */
  strips: Float32Array[];
}

// ---- resolved instances: what the renderer draws -----------------------------------------

/** Where a resolved batch came from and how it sorts among layers. */
export interface ResolvedCommon {
  /** The entity path (canonical), for picking and the tie-break in the layer sort. */
  entity: string;
  /** Drawable instances. */
  count: number;
  /** Per drawable instance: its index in the logged data (pick/hover report this). */
  instances: Uint32Array;
  /**
   * Per instance, Rerun's signed radius: > 0 scene units, ≤ 0 UI points (= −value). Points:
   * the disc radius; strips and boxes: half the line width.
   */
  radii: Float32Array;
  /**
   * Per instance, 4 bytes: egui's Color32, sRGB premultiplied in gamma (`round(c·a/255)`).
   * Points draw these bytes opaque; lines and boxes un-premultiply, go linear and multiply by
   * a/255 (SPEC §12.6.4).
   */
  colors: Uint8Array;
  /** Per instance class id, when class ids were logged (legend toggle/solo/highlight, pick). */
  classIds?: Uint16Array;
  /** The labels to show (already filtered by §12.4.2), in instance order. */
  labels: ResolvedLabel[];
  /** The region of interest for fitting the view (SPEC §12.8); undefined for an empty batch. */
  region?: SceneRect;
  /** Draw order (logged, else the archetype default of SPEC §12.7). */
  drawOrder: number;
  /** What was wrong with the input (left-out instances are named in each issue). */
  issues: GeometryIssue[];
}

export interface ResolvedPoints extends ResolvedCommon {
  kind: 'points';
  /** 2 floats per instance. */
  positions: Float32Array;
  /** Per instance keypoint id, when logged together with class ids (SPEC §12.2). */
  keypointIds?: Uint16Array;
  /** The class skeletons (SPEC §12.6.5), drawn just under the points. */
  connections: KeypointSegments;
}

export interface ResolvedBoxes extends ResolvedCommon {
  kind: 'boxes';
  /** 2 floats per box. */
  centers: Float32Array;
  /** 2 floats per box, may be negative (flipped box, same rectangle). */
  halfSizes: Float32Array;
}

export interface ResolvedStrips extends ResolvedCommon {
  kind: 'strips';
  /** All strips' vertices, 2 floats each. */
  vertices: Float32Array;
  /** Strip i has vertices `offsets[i] … offsets[i+1] − 1` (count + 1 entries). Strips of < 2 vertices draw nothing. */
  offsets: Uint32Array;
}

export type ResolvedGeometry = ResolvedPoints | ResolvedBoxes | ResolvedStrips;

/**
 * Keypoint connections of one Points2D batch (SPEC §12.6.5): flat segments, no caps, shaded
 * `max(0.2, 1 − d²/r²)·0.9` across the width, never highlighted, picked as the whole entity.
 */
export interface KeypointSegments {
  count: number;
  /** 4 floats per segment: x0, y0, x1, y1 (the two keypoints' positions). */
  endpoints: Float32Array;
  /** 4 bytes per segment: Color32 (class colour, else auto colour of the class info id). */
  colors: Uint8Array;
  /** Per segment, the class it belongs to (legend toggle hides it with its class). */
  classIds: Uint16Array;
  /** Signed radius of every segment: −1.5 (1.5 UI points, fixed in Rerun). */
  radius: number;
}

/** One label to draw (SPEC §12.4): text, anchor, colour, and the instance it belongs to. */
export interface ResolvedLabel {
  /** Plain text (never HTML); may contain newlines. Never empty. */
  text: string;
  /** Scene point; the text's top-centre sits 5 UI points below it. */
  anchor: Vec2;
  /** Text colour: the instance's Color32 bytes (premultiplied in gamma). */
  color: Rgba8;
  /** Index in the logged data of the instance it labels (0 for the single entity label). */
  instance: number;
  /** True for the one label of the whole entity at its bounding-box centre (§12.4.3). */
  entityLabel?: boolean;
  /** The instance's class id, if any (a hidden class hides its labels too). */
  classId?: number;
  /** The instance's keypoint id, if any. */
  keypointId?: number;
  /**
   * Boxes only: the box's width in scene units; the wrap width is
   * `max(width · uiPointsPerSceneUnit − 4, 60)` UI points ({@link labelWrapWidth}). Absent: no wrap.
   */
  boxWidth?: number;
}

// ---- depth images ------------------------------------------------------------------------

/** Colour maps a DepthImage can use, by API name, with Rerun's `Colormap` enum values. */
export type DepthColormapName =
  | 'grayscale'
  | 'inferno'
  | 'magma'
  | 'plasma'
  | 'turbo'
  | 'viridis'
  | 'cyan-to-yellow'
  | 'spectral'
  | 'twilight';

/** DepthImage fields beyond buffer + format, as `log()` and the element take them. */
export interface DepthImageSettingsInput {
  meter?: number | string;
  /** `[min, max]` or the attribute string "min max". */
  depthRange?: ArrayLike<number> | string;
  /** A name (case-insensitive, `_` or `-`) or Rerun's numeric enum value. */
  colormap?: DepthColormapName | string | number;
  drawOrder?: number | string;
}

/** A DepthImage's settings with every fallback of SPEC §12.10 applied. */
export interface ResolvedDepthImage {
  /** Raw units per metre: logged, else 1000 for integer data, 1 for float data. */
  meter: number;
  /** `[min, max]` mapped to t = 0…1: logged, else `[0, largest finite sample]`. */
  range: [number, number];
  colormap: DepthColormapName;
  /** −20 unless logged. */
  drawOrder: number;
  /** Always 1 (Rerun has no DepthImage opacity). */
  opacity: 1;
  issues: GeometryIssue[];
}

// ---- resolving ---------------------------------------------------------------------------

/** What a resolver needs besides the data: whose it is and which annotation context applies. */
export interface ResolveContext {
  /** Canonical entity path (its hash gives the entity auto colour, SPEC §12.3 item 3). */
  entity: string;
  /** The annotation context that applies to the entity (nearest ancestor), if any. */
  annotations?: AnnotationContextData;
  /** Instances to leave out without a further issue ({@link Normalized.leftOut}). */
  leaveOut?: Iterable<number>;
}

/**
 * The functions of `src/store/geometry/` (re-exported from its `index.ts`):
 *
 * - `normalizePoints2D(input) → Normalized<Points2DData>` and likewise `normalizeBoxes2D`,
 *   `normalizeLineStrips2D`: read any input form; never throw.
 * - `resolvePoints2D(data, ctx) → ResolvedPoints`, `resolveBoxes2D`, `resolveLineStrips2D`.
 * - `entityAutoColor(entityPath) → Rgba8`: Rerun web viewer's colour for an entity.
 * - `resolveDepthImage(settings, format, samples) → ResolvedDepthImage`,
 *   `formatDepth(raw, meter) → "6.553 m"`, `turboColormap(t) → [r, g, b]` (0…1, unclamped).
 * - `labelWrapWidth(label, uiPointsPerSceneUnit) → number` (UI points; Infinity = no wrap).
 * - `pointsRegion`, `boxesRegion`, `stripsRegion`, `unionRegions` (SPEC §12.8).
 */
export type NormalizePoints2D = (input: Points2DInput) => Normalized<Points2DData>;
export type NormalizeBoxes2D = (input: Boxes2DInput) => Normalized<Boxes2DData>;
export type NormalizeLineStrips2D = (input: LineStrips2DInput) => Normalized<LineStrips2DData>;
export type ResolvePoints2D = (data: Points2DData, ctx: ResolveContext) => ResolvedPoints;
export type ResolveBoxes2D = (data: Boxes2DData, ctx: ResolveContext) => ResolvedBoxes;
export type ResolveLineStrips2D = (data: LineStrips2DData, ctx: ResolveContext) => ResolvedStrips;

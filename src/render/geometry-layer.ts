/**
 * The layer for Rerun's Points2D, Boxes2D and LineStrips2D (a lazy chunk: geometry-kind.ts): reads the archetype's
 * components at the entity (latest-at), resolves them with the annotation context that applies
 * (src/store/geometry), applies the legend's class state and hands instanced drawables to the
 * renderer. Work is redone only when a row, the context or the class state changed.
 */
import { annotationContextOf, type AnnotationContextData } from '../store/annotation-context.js';
import { classStateFor, type ClassState, type ClassStateChange } from '../store/class-state.js';
import {
  DEFAULT_DRAW_ORDER,
  KIND_ARCHETYPE,
  resolveBoxes2D,
  resolveLineStrips2D,
  resolvePoints2D,
  VISUALIZER_NAME,
  type GeometryKind,
  type ResolvedGeometry,
  type ResolvedLabel,
} from '../store/geometry/index.js';
import { describeIssues } from '../store/geometry/issues.js';
import { componentKey } from '../store/recording.js';
import {
  boxSegments,
  connectionSegments,
  pointInstances,
  stripSegments,
  type ClassFilter,
} from './geometry-instances.js';
import { pickInstance } from './geometry-pick.js';
import { GEOMETRY_KINDS } from './geometry-kind.js';
import { compositeLabels, layoutLabels, paintLabels } from './labels.js';
import { setLabelPainter } from './label-painter.js';
import type {
  LayerKind,
  LayerOverrides,
  LayerPick,
  LayerQuery,
  LayerState,
  PickContext,
  SceneRect,
  ViewLayer,
} from './layer.js';
import { PointsDrawable } from './points-drawable.js';
import {
  LINE_OUTLINE_BOOST,
  OutlineDrawable,
  POINT_OUTLINE_BOOST,
  sameOutline,
  type OutlineShape,
} from './outline.js';
import type { Drawable, Renderer } from './renderer.js';
import { SegmentsDrawable } from './segments-drawable.js';

/** Alpha factor of classes other than the highlighted one (as segmentation layers dim). */
const DIM = 0.25;
const LABEL_PAINTER = { compositeLabels, layoutLabels, paintLabels };
const CONTEXT_COMPONENT = 'AnnotationContext:context';
const COMMON_FIELDS = ['radii', 'colors', 'labels', 'classIds', 'showLabels', 'drawOrder'];

interface GeometrySpec {
  /** The component that defines the instance count, then the optional ones. */
  fields: string[];
  resolve(
    data: never,
    ctx: { entity: string; annotations?: AnnotationContextData },
  ): ResolvedGeometry;
}

export const GEOMETRY_SPECS: Record<GeometryKind, GeometrySpec> = {
  points: {
    fields: ['positions', ...COMMON_FIELDS, 'keypointIds'],
    resolve: resolvePoints2D as GeometrySpec['resolve'],
  },
  boxes: {
    fields: ['halfSizes', 'centers', ...COMMON_FIELDS],
    resolve: resolveBoxes2D as GeometrySpec['resolve'],
  },
  strips: {
    fields: ['strips', ...COMMON_FIELDS],
    resolve: resolveLineStrips2D as GeometrySpec['resolve'],
  },
};

/** Where a picked instance is: a point's position, a box's centre, else the picked point. */
function anchor(resolved: ResolvedGeometry, i: number, x: number, y: number): [number, number] {
  if (resolved.kind === 'points')
    return [resolved.positions[i * 2]!, resolved.positions[i * 2 + 1]!];
  if (resolved.kind === 'boxes') return [resolved.centers[i * 2]!, resolved.centers[i * 2 + 1]!];
  return [x, y];
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class GeometryLayer implements ViewLayer {
  readonly kind: LayerKind;
  readonly visualizer: string;
  readonly #spec: GeometrySpec;
  readonly #archetype: 'Points2D' | 'Boxes2D' | 'LineStrips2D';
  #drawable: PointsDrawable | SegmentsDrawable;
  #state: LayerState = { status: 'empty' };
  #key = '';
  #resolved: ResolvedGeometry | undefined;
  #classState: ClassState | undefined;
  #drawOrder: number;
  /** The last hover outline made (the view disposes it once it no longer shows it). */
  #outline: OutlineDrawable | undefined;
  /** Draws (what the renderer was given) since creation: tests read it. */
  builds = 0;

  constructor(
    private readonly renderer: Renderer,
    private readonly onAsyncChange: () => void,
    readonly geometry: GeometryKind,
  ) {
    // The view paints labels through this; image-only pages never load the label code.
    setLabelPainter(LABEL_PAINTER);
    this.kind = GEOMETRY_KINDS[geometry];
    this.#spec = GEOMETRY_SPECS[geometry];
    this.#archetype = KIND_ARCHETYPE[geometry];
    // Rerun's visualizer name breaks ties of equal draw orders (SPEC §12.7).
    this.visualizer = VISUALIZER_NAME[this.#archetype];
    this.#drawOrder = DEFAULT_DRAW_ORDER[this.#archetype];
    if (geometry === 'points') {
      const points = new PointsDrawable(renderer);
      points.under = new SegmentsDrawable(renderer, 'gradient');
      this.#drawable = points;
    } else {
      this.#drawable = new SegmentsDrawable(renderer, geometry === 'boxes' ? 'box' : 'capsule');
    }
  }

  get state(): LayerState {
    return this.#state;
  }

  get pending(): Promise<void> | undefined {
    return undefined;
  }

  /** The resolved batch currently shown (labels, regions, picking). */
  get resolved(): ResolvedGeometry | undefined {
    return this.#resolved;
  }

  /**
   * The region of interest of SPEC §12.8 (points: mean ± 2σ; boxes, strips: the geometric
   * bounding box). A degenerate axis (one point, a horizontal line) takes the other axis's size,
   * or 1 scene unit, about its centre, so the view has something to fit.
   */
  get bounds(): SceneRect | undefined {
    const region = this.#resolved?.region;
    if (!region) return undefined;
    let width = region.x1 - region.x0;
    let height = region.y1 - region.y0;
    if (!(width >= 0 && height >= 0 && Number.isFinite(width + height))) return undefined;
    const fallback = Math.max(width, height) || 1;
    let x = region.x0;
    let y = region.y0;
    if (width === 0) [x, width] = [x - fallback / 2, fallback];
    if (height === 0) [y, height] = [y - fallback / 2, fallback];
    return { x, y, width, height };
  }

  /** The labels to show, without those of hidden classes (SPEC §12.4). */
  get labels(): readonly ResolvedLabel[] {
    const resolved = this.#resolved;
    if (this.#state.status !== 'ready' || !resolved) return [];
    const filter = this.#filter();
    if (!filter) return resolved.labels;
    return resolved.labels.filter((l) => l.classId === undefined || filter.visible(l.classId));
  }

  get drawOrder(): number {
    return this.#drawOrder;
  }

  update(query: LayerQuery, overrides: LayerOverrides): LayerState {
    const { recording, entity, timeline, time } = query;
    const rows = this.#spec.fields.map((field) =>
      recording.latestAtRow(entity, componentKey(this.#archetype, field), timeline, time),
    );
    const required = rows[0];
    if (!required || required.value == null) return this.#empty();

    const match = recording.annotationContextFor(entity, timeline, time);
    const contextRow = match
      ? recording.latestAtRow(match.entity, CONTEXT_COMPONENT, timeline, time)
      : undefined;
    this.#follow(match ? classStateFor(recording, match.entity) : undefined);
    const key = [
      entity,
      ...rows.map((row) => row?.rowId ?? ''),
      match?.entity ?? '',
      contextRow?.rowId ?? '',
      this.#classState?.version ?? '',
    ].join(':');
    if (key !== this.#key) {
      this.#key = key;
      try {
        const annotations = match ? annotationContextOf(match.context) : undefined;
        const data: Record<string, unknown> = {};
        this.#spec.fields.forEach((field, i) => {
          const value = rows[i]?.value;
          if (value !== undefined && value !== null) data[field] = value;
        });
        const resolved = this.#spec.resolve(
          data as never,
          annotations ? { entity, annotations } : { entity },
        );
        this.#resolved = resolved;
        this.#build(resolved);
      } catch (error) {
        this.#resolved = undefined;
        this.#clearDrawables();
        this.#state = { status: 'error', message: errorMessage(error) };
        return this.#state;
      }
    }
    const resolved = this.#resolved;
    if (!resolved) return this.#state;
    const order = overrides.drawOrder ?? resolved.drawOrder;
    this.#drawOrder = Number.isFinite(order) ? order : this.#drawOrder;
    // Instances that could not be drawn (NaN positions, bad per-instance values in a row from
    // log(), an .rrd or Arrow) are left out; what was wrong is reported by the element.
    const problem = resolved.issues.length ? describeIssues(resolved.issues) : undefined;
    const status = resolved.count > 0 ? 'ready' : 'empty';
    this.#state = problem ? { status, problem } : { status };
    return this.#state;
  }

  /** The legend's state as a filter, or undefined when it changes nothing. */
  #filter(): ClassFilter | undefined {
    const state = this.#classState;
    if (!state || state.neutral) return undefined;
    const highlighted = state.highlighted;
    const keypoint = state.highlightedKeypoint;
    return {
      visible: (id) => state.isVisible(id),
      // A keypoint row highlights only the points of that class and keypoint (SPEC §12.9).
      weight: (id, kp) =>
        highlighted === null || (id === highlighted && (keypoint === null || kp === keypoint))
          ? 1
          : DIM,
    };
  }

  #build(resolved: ResolvedGeometry): void {
    this.builds++;
    const filter = this.#filter();
    const drawable = this.#drawable;
    if (resolved.kind === 'points' && drawable instanceof PointsDrawable) {
      drawable.set(pointInstances(resolved, filter));
      drawable.under!.set(connectionSegments(resolved.connections, filter));
    } else if (resolved.kind === 'boxes' && drawable instanceof SegmentsDrawable) {
      drawable.set(boxSegments(resolved, filter));
    } else if (resolved.kind === 'strips' && drawable instanceof SegmentsDrawable) {
      drawable.set(stripSegments(resolved, filter));
    }
  }

  #clearDrawables(): void {
    this.#drawable.clear();
    if (this.#drawable instanceof PointsDrawable) this.#drawable.under?.clear();
  }

  #follow(state: ClassState | undefined): void {
    if (state === this.#classState) return;
    this.#classState?.removeEventListener('change', this.#onClassState);
    this.#classState = state;
    state?.addEventListener('change', this.#onClassState);
  }

  #onClassState = (event: Event): void => {
    if ((event as CustomEvent<ClassStateChange>).detail?.what === 'hover') return;
    this.onAsyncChange();
  };

  #empty(): LayerState {
    this.#resolved = undefined;
    this.#key = '';
    this.#clearDrawables();
    this.#state = { status: 'empty' };
    return this.#state;
  }

  prepare(): Drawable | undefined {
    return this.#state.status === 'ready' ? this.#drawable : undefined;
  }

  /**
   * The instance at scene point (x, y), snapping to shapes within 5 UI points at the view's
   * scale (CSS pixels per scene unit).
   */
  pick(x: number, y: number, context: PickContext): LayerPick | undefined {
    const resolved = this.#resolved;
    if (this.#state.status !== 'ready' || !resolved) return undefined;
    const filter = this.#filter();
    const ids = resolved.classIds;
    const i = pickInstance(resolved, x, y, context.scale, (k) =>
      !filter || !ids ? true : filter.visible(ids[k]!),
    );
    return i < 0 ? undefined : this.#describe(resolved, i, x, y);
  }

  /** The hit for drawn instance `i` (index in the resolved batch) at scene point (x, y). */
  #describe(resolved: ResolvedGeometry, i: number, x: number, y: number): LayerPick {
    const instance = resolved.instances[i]!;
    const c = resolved.colors;
    const pick: LayerPick = {
      instance,
      position: anchor(resolved, i, x, y),
      color: [c[i * 4]!, c[i * 4 + 1]!, c[i * 4 + 2]!, c[i * 4 + 3]!],
    };
    const ids = resolved.classIds;
    if (ids) pick.classId = ids[i]!;
    if (resolved.kind === 'points' && resolved.keypointIds)
      pick.keypointId = resolved.keypointIds[i]!;
    const label = resolved.labels.find((l) => l.instance === instance && !l.entityLabel);
    if (label) pick.label = label.text;
    return pick;
  }

  /** The drawn, visible instance with logged index `instance`, as an index in the batch. */
  #indexOf(instance: number): { resolved: ResolvedGeometry; i: number } | undefined {
    const resolved = this.#resolved;
    if (this.#state.status !== 'ready' || !resolved) return undefined;
    const i = resolved.instances.indexOf(instance);
    if (i < 0) return undefined;
    const filter = this.#filter();
    if (filter && resolved.classIds && !filter.visible(resolved.classIds[i]!)) return undefined;
    return { resolved, i };
  }

  /** The hit for a logged instance, as hovering its label gives it (SPEC §12.9). */
  pickInstance(instance: number, [x, y]: [number, number]): LayerPick | undefined {
    const found = this.#indexOf(instance);
    return found && this.#describe(found.resolved, found.i, x, y);
  }

  /**
   * The hover outline of a logged instance (SPEC §12.9): the same drawable while the shape stays
   * the same, so moving along one instance redraws nothing.
   */
  outline(instance: number): OutlineDrawable | undefined {
    const shape = this.#outlineShape(instance);
    if (!shape) return undefined;
    const last = this.#outline;
    if (last && !last.disposed && sameOutline(last.shape, shape)) return last;
    this.#outline = new OutlineDrawable(this.renderer, shape);
    return this.#outline;
  }

  #outlineShape(instance: number): OutlineShape | undefined {
    const found = this.#indexOf(instance);
    if (!found) return undefined;
    const { resolved, i } = found;
    const radius = resolved.radii[i]!;
    if (resolved.kind === 'points')
      return {
        vertices: resolved.positions.subarray(i * 2, i * 2 + 2),
        closed: false,
        radius,
        boost: POINT_OUTLINE_BOOST,
      };
    const boost = LINE_OUTLINE_BOOST;
    if (resolved.kind === 'boxes') {
      const [cx, cy] = [resolved.centers[i * 2]!, resolved.centers[i * 2 + 1]!];
      const hx = Math.abs(resolved.halfSizes[i * 2]!);
      const hy = Math.abs(resolved.halfSizes[i * 2 + 1]!);
      const [x0, y0, x1, y1] = [cx - hx, cy - hy, cx + hx, cy + hy];
      return { vertices: [x0, y0, x1, y0, x1, y1, x0, y1], closed: true, radius, boost };
    }
    const from = resolved.offsets[i]!;
    const to = resolved.offsets[i + 1]!;
    // A strip of fewer than 2 vertices draws nothing, so it has no outline either.
    if (to - from < 2) return undefined;
    const vertices = resolved.vertices.subarray(from * 2, to * 2);
    return { vertices, closed: false, radius, boost };
  }

  dispose(): void {
    this.#follow(undefined);
    this.#drawable.dispose();
    this.#outline?.dispose();
    this.#outline = undefined;
    this.#resolved = undefined;
    this.#key = '';
    this.#state = { status: 'empty' };
  }
}

/**
 * The layer kind for Rerun's Points2D, Boxes2D and LineStrips2D: reads the archetype's
 * components at the entity (latest-at), resolves them with the annotation context that applies
 * (src/store/geometry), applies the legend's class state and hands instanced drawables to the
 * renderer. Work is redone only when a row, the context or the class state changed.
 */
import { annotationContextOf, type AnnotationContextData } from '../store/annotation-context.js';
import { classStateFor, type ClassState, type ClassStateChange } from '../store/class-state.js';
import {
  DEFAULT_DRAW_ORDER,
  KIND_ARCHETYPE,
  VISUALIZER_NAME,
} from '../store/geometry/draw-order.js';
import type { GeometryKind, ResolvedGeometry, ResolvedLabel } from '../store/geometry/types.js';
import { componentKey } from '../store/recording.js';
import type { ClassFilter } from './geometry-instances.js';
import { geometryRuntime, loadGeometryRuntime, type GeometryRuntime } from './geometry-loader.js';
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
import type { PointsDrawable } from './points-drawable.js';
import type { Drawable, Renderer } from './renderer.js';
import type { SegmentsDrawable } from './segments-drawable.js';

/** Alpha factor of classes other than the highlighted one (as segmentation layers dim). */
const DIM = 0.25;
const CONTEXT_COMPONENT = 'AnnotationContext:context';
const COMMON_FIELDS = ['radii', 'colors', 'labels', 'classIds', 'showLabels', 'drawOrder'];

type Resolve = (
  data: never,
  ctx: { entity: string; annotations?: AnnotationContextData },
) => ResolvedGeometry;

interface GeometrySpec {
  /** The component that defines the instance count, then the optional ones. */
  fields: string[];
  /** The archetype's resolution, from the lazily loaded runtime. */
  resolve(runtime: GeometryRuntime): Resolve;
}

export const GEOMETRY_SPECS: Record<GeometryKind, GeometrySpec> = {
  points: {
    fields: ['positions', ...COMMON_FIELDS, 'keypointIds'],
    resolve: (runtime) => runtime.resolvePoints2D as Resolve,
  },
  boxes: {
    fields: ['halfSizes', 'centers', ...COMMON_FIELDS],
    resolve: (runtime) => runtime.resolveBoxes2D as Resolve,
  },
  strips: {
    fields: ['strips', ...COMMON_FIELDS],
    resolve: (runtime) => runtime.resolveLineStrips2D as Resolve,
  },
};

/** Where a picked instance is: a point's position, a box's centre, else the picked point. */
function anchor(resolved: ResolvedGeometry, i: number, x: number, y: number): [number, number] {
  if (resolved.kind === 'points')
    return [resolved.positions[i * 2]!, resolved.positions[i * 2 + 1]!];
  if (resolved.kind === 'boxes') return [resolved.centers[i * 2]!, resolved.centers[i * 2 + 1]!];
  return [x, y];
}

/**
 * The layer kinds, one per archetype (what views count). No default-opacity hook: geometry has
 * no opacity in Rerun (translucent colours darken instead, SPEC §12.6.4).
 */
export const GEOMETRY_KINDS: Record<GeometryKind, LayerKind> = {
  points: { name: 'points' },
  boxes: { name: 'boxes' },
  strips: { name: 'strips' },
};

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class GeometryLayer implements ViewLayer {
  readonly kind: LayerKind;
  readonly visualizer: string;
  readonly #spec: GeometrySpec;
  readonly #archetype: 'Points2D' | 'Boxes2D' | 'LineStrips2D';
  readonly #renderer: Renderer;
  /** Made with the runtime, when the layer first has data. */
  #drawable: PointsDrawable | SegmentsDrawable | undefined;
  #pending: Promise<void> | undefined;
  #loadError: string | undefined;
  #state: LayerState = { status: 'empty' };
  #key = '';
  #resolved: ResolvedGeometry | undefined;
  #classState: ClassState | undefined;
  #drawOrder: number;
  /** Draws (what the renderer was given) since creation: tests read it. */
  builds = 0;

  constructor(
    renderer: Renderer,
    private readonly onAsyncChange: () => void,
    readonly geometry: GeometryKind,
  ) {
    this.#renderer = renderer;
    this.kind = GEOMETRY_KINDS[geometry];
    this.#spec = GEOMETRY_SPECS[geometry];
    this.#archetype = KIND_ARCHETYPE[geometry];
    // Rerun's visualizer name breaks ties of equal draw orders (SPEC §12.7).
    this.visualizer = VISUALIZER_NAME[this.#archetype];
    this.#drawOrder = DEFAULT_DRAW_ORDER[this.#archetype];
  }

  /**
   * The runtime (resolution, drawables, picking, labels) once loaded; until then undefined,
   * with the load started and awaited through `pending` (renderComplete() and snapshot() wait
   * for it), after which the view updates the layer again.
   */
  #runtime(): GeometryRuntime | undefined {
    const runtime = geometryRuntime();
    if (runtime) {
      this.#drawable ??= this.#makeDrawable(runtime);
      return runtime;
    }
    // A failed load is not retried by this layer (its error stays shown).
    if (this.#loadError) return undefined;
    this.#pending ??= loadGeometryRuntime().then(
      () => {
        this.#pending = undefined;
        this.#key = '';
        this.onAsyncChange();
      },
      (error: unknown) => {
        this.#pending = undefined;
        this.#loadError = `could not load the geometry code (${errorMessage(error)})`;
        this.onAsyncChange();
      },
    );
    return undefined;
  }

  #makeDrawable(runtime: GeometryRuntime): PointsDrawable | SegmentsDrawable {
    const renderer = this.#renderer;
    if (this.geometry === 'points') {
      const points = new runtime.PointsDrawable(renderer);
      points.under = new runtime.SegmentsDrawable(renderer, 'gradient');
      return points;
    }
    return new runtime.SegmentsDrawable(renderer, this.geometry === 'boxes' ? 'box' : 'capsule');
  }

  get state(): LayerState {
    return this.#state;
  }

  get pending(): Promise<void> | undefined {
    return this.#pending;
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
    const runtime = this.#runtime();
    if (!runtime) {
      const message = this.#loadError;
      this.#state = message ? { status: 'error', message } : { status: 'loading' };
      return this.#state;
    }

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
        const resolved = this.#spec.resolve(runtime)(
          data as never,
          annotations ? { entity, annotations } : { entity },
        );
        this.#resolved = resolved;
        this.#build(resolved, runtime);
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
    this.#state = resolved.count > 0 ? { status: 'ready' } : { status: 'empty' };
    return this.#state;
  }

  /** The legend's state as a filter, or undefined when it changes nothing. */
  #filter(): ClassFilter | undefined {
    const state = this.#classState;
    if (!state || state.neutral) return undefined;
    const highlighted = state.highlighted;
    return {
      visible: (id) => state.isVisible(id),
      weight: (id) => (highlighted !== null && id !== highlighted ? DIM : 1),
    };
  }

  #build(resolved: ResolvedGeometry, runtime: GeometryRuntime): void {
    this.builds++;
    const filter = this.#filter();
    const drawable = this.#drawable;
    if (resolved.kind === 'points' && drawable instanceof runtime.PointsDrawable) {
      drawable.set(runtime.pointInstances(resolved, filter));
      drawable.under!.set(runtime.connectionSegments(resolved.connections, filter));
    } else if (resolved.kind === 'boxes' && drawable instanceof runtime.SegmentsDrawable) {
      drawable.set(runtime.boxSegments(resolved, filter));
    } else if (resolved.kind === 'strips' && drawable instanceof runtime.SegmentsDrawable) {
      drawable.set(runtime.stripSegments(resolved, filter));
    }
  }

  #clearDrawables(): void {
    const drawable = this.#drawable;
    drawable?.clear();
    if (drawable && 'under' in drawable) drawable.under?.clear();
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
    const runtime = geometryRuntime();
    if (this.#state.status !== 'ready' || !resolved || !runtime) return undefined;
    const filter = this.#filter();
    const ids = resolved.classIds;
    const i = runtime.pickInstance(resolved, x, y, context.scale, (k) =>
      !filter || !ids ? true : filter.visible(ids[k]!),
    );
    if (i < 0) return undefined;
    const instance = resolved.instances[i]!;
    const c = resolved.colors;
    const pick: LayerPick = {
      instance,
      position: anchor(resolved, i, x, y),
      color: [c[i * 4]!, c[i * 4 + 1]!, c[i * 4 + 2]!, c[i * 4 + 3]!],
    };
    if (ids) pick.classId = ids[i]!;
    if (resolved.kind === 'points' && resolved.keypointIds)
      pick.keypointId = resolved.keypointIds[i]!;
    const label = resolved.labels.find((l) => l.instance === instance && !l.entityLabel);
    if (label) pick.label = label.text;
    return pick;
  }

  dispose(): void {
    this.#follow(undefined);
    this.#drawable?.dispose();
    this.#drawable = undefined;
    this.#resolved = undefined;
    this.#key = '';
    this.#state = { status: 'empty' };
  }
}

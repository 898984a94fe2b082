/**
 * Base of the geometry layer elements (`<rr-points2d>`, `<rr-boxes2d>`, `<rr-line-strips2d>`):
 * the fields they share (radii, colours, labels, class ids, show-labels), read from properties
 * or attributes, normalised by src/store/geometry and logged as the archetype's components.
 * Input problems are reported (`rr-error`, `part="error"`) while the drawable instances draw.
 */
import { property } from 'lit/decorators.js';
import { createGeometryLayer } from '../../render/geometry-kind.js';
import type { GeometryLayer } from '../../render/geometry-layer.js';
import type { LazyLayer } from '../../render/lazy-layer.js';
import type { Renderer } from '../../render/renderer.js';
import type {
  GeometryCommonInput,
  GeometryIssue,
  GeometryKind,
  Normalized,
} from '../../store/geometry/types.js';
import { componentKey } from '../../store/recording.js';
import { KIND_ARCHETYPE } from '../../store/geometry/draw-order.js';
// Registers log()/sendColumns() field handling of the geometry archetypes with the recording.
import '../../store/geometry/log-fields.js';
import { LayerElement, type OwnRow } from './layer-element.js';

export abstract class GeometryElement extends LayerElement {
  /** Radius per instance (property): > 0 scene units, ≤ 0 UI points; short arrays repeat their last value. */
  @property({ attribute: false }) radii: unknown;
  /** One radius for every instance (attribute), as `radii`. Default −1.5 (1.5 UI points). */
  @property() radius: string | undefined;
  /** Colour per instance (property), any colour form of `<rr-annotation-context>`. */
  @property({ attribute: false }) colors: unknown;
  /** One colour for every instance (attribute): `#rrggbb`, `#rrggbbaa`, a CSS name, `r g b (a)`. */
  @property() color: string | undefined;
  /** Label text per instance, or one for the whole entity (property). */
  @property({ attribute: false }) labels: string | readonly string[] | undefined;
  /** One label (attribute): for the whole entity when there are several instances. */
  @property() label: string | undefined;
  /** Class id per instance, or one for all (numbers separated by spaces or commas). */
  @property({ attribute: 'class-ids' }) classIds: unknown;
  /** `true` / `false`; default: labels show when there is one label or fewer than 30 instances. */
  @property({ attribute: 'show-labels' }) showLabels: string | boolean | undefined;

  protected static override dataProperties = new Set<PropertyKey>([
    ...LayerElement.dataProperties,
    'radii',
    'radius',
    'colors',
    'color',
    'labels',
    'label',
    'classIds',
    'showLabels',
  ]);

  /** The archetype this element logs (`Points2D`, `Boxes2D`, `LineStrips2D`). */
  protected abstract readonly archetype: string;
  /** Which geometry this element shows. */
  protected abstract readonly geometry: GeometryKind;
  /** The element's own input, or undefined when it has none (it then shows the recording). */
  protected abstract ownInput(common: GeometryCommonInput): object | undefined;
  /** Reads the input into the archetype's components (src/store/geometry). */
  protected abstract readInput(input: object): Normalized<object>;

  #layer: LazyLayer | undefined;

  /** @internal The layer (tests read its resolved batch). */
  get geometryLayer(): GeometryLayer | undefined {
    return this.#layer?.inner as GeometryLayer | undefined;
  }

  protected createLayer(renderer: Renderer, onAsyncChange: () => void): LazyLayer {
    this.#layer = createGeometryLayer(renderer, onAsyncChange, this.geometry);
    return this.#layer;
  }

  #common(): GeometryCommonInput {
    const common: GeometryCommonInput = {};
    const radii = this.radii ?? this.radius;
    if (radii !== undefined && radii !== null) common.radii = radii as GeometryCommonInput['radii'];
    const colors = this.colors ?? this.color;
    if (colors !== undefined && colors !== null) common.colors = colors;
    const labels = this.labels ?? this.label;
    if (labels !== undefined && labels !== null) common.labels = labels;
    if (this.classIds !== undefined && this.classIds !== null)
      common.classIds = this.classIds as GeometryCommonInput['classIds'];
    if (this.showLabels !== undefined && this.showLabels !== null)
      common.showLabels = this.showLabels;
    return common;
  }

  protected ownRow(): OwnRow | undefined {
    const input = this.ownInput(this.#common());
    if (!input) return undefined;
    const { data, issues } = this.readInput(input);
    if (issues.length) this.reportInputProblem(describeIssues(issues));
    const row: OwnRow = {};
    for (const [field, value] of Object.entries(data)) {
      if (value !== undefined) row[componentKey(KIND_ARCHETYPE[this.geometry], field)] = value;
    }
    return row;
  }
}

/** One message for `rr-error`: the first issue, and how many more there are. */
function describeIssues(issues: readonly GeometryIssue[]): string {
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : '';
  return issues[0]!.message + more;
}

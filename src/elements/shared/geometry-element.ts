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
import type { GeometryCommonInput, GeometryKind, Normalized } from '../../store/geometry/types.js';
import { componentKey } from '../../store/recording.js';
import { describeIssues } from '../../store/geometry/issues.js';
import { parseBoolean, parseColors, parseScalars } from '../../store/geometry/parse.js';
import { parsedAttribute, type AttributeParser } from './attributes.js';
import { KIND_ARCHETYPE } from '../../store/geometry/draw-order.js';
// Registers log()/sendColumns() field handling of the geometry archetypes with the recording.
import '../../store/geometry/log-fields.js';
import { LayerElement, type OwnRow } from './layer-element.js';

/**
 * The settings-like attributes, read by the same parsers as the data (one rule each), checked as
 * every element checks its attributes (`checkedAttribute`: an rr-error naming the attribute,
 * and the last good value kept). Lists given as properties stay on the data path, where a bad
 * instance is left out while the others draw.
 */
export const GEOMETRY_ATTRIBUTES = {
  radius: parsedAttribute((v) => parseScalars(v, 'radii', 'f32')),
  color: parsedAttribute((v) => parseColors(v)),
  classIds: parsedAttribute((v) => parseScalars(v, 'classIds', 'u16')),
  keypointIds: parsedAttribute((v) => parseScalars(v, 'keypointIds', 'u16')),
  showLabels: parsedAttribute((v) => parseBoolean(v, 'showLabels')),
};
const asGiven: AttributeParser<unknown> = (value) => value ?? undefined;
const { radius: RADIUS, color: COLOR, showLabels: SHOW_LABELS } = GEOMETRY_ATTRIBUTES;

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

  /**
   * A list attribute that is also a property (`class-ids`): its text is checked as an
   * attribute; a list set from script goes to the data path as it is.
   */
  protected listAttribute(attribute: string, value: unknown, parse: AttributeParser<unknown>) {
    // A list (or nothing) also ends an earlier attribute error.
    return this.checkedAttribute(attribute, value, typeof value === 'string' ? parse : asGiven);
  }

  #common(): GeometryCommonInput {
    const common: GeometryCommonInput = {};
    const radii = this.radii ?? this.checkedAttribute('radius', this.radius, RADIUS);
    if (radii !== undefined && radii !== null) common.radii = radii as GeometryCommonInput['radii'];
    const colors = this.colors ?? this.checkedAttribute('color', this.color, COLOR);
    if (colors !== undefined && colors !== null) common.colors = colors;
    const labels = this.labels ?? this.label;
    if (labels !== undefined && labels !== null) common.labels = labels;
    const classIds = this.listAttribute('class-ids', this.classIds, GEOMETRY_ATTRIBUTES.classIds);
    if (classIds !== undefined && classIds !== null)
      common.classIds = classIds as GeometryCommonInput['classIds'];
    const showLabels = this.checkedAttribute('show-labels', this.showLabels, SHOW_LABELS);
    if (showLabels !== undefined && showLabels !== null)
      common.showLabels = showLabels as GeometryCommonInput['showLabels'];
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

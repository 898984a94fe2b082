import { property } from 'lit/decorators.js';
import { parseBox2DFormat } from '../../store/geometry/box-forms.js';
import { normalizeBoxes2D } from '../../store/geometry/normalize.js';
import type { Boxes2DInput, GeometryCommonInput } from '../../store/geometry/types.js';
import { parsedAttribute } from '../shared/attributes.js';
import { GeometryElement } from '../shared/geometry-element.js';

const ARRAY_FORMAT = parsedAttribute(parseBox2DFormat);

/**
 * A layer showing Rerun's Boxes2D: outlines centred on each box's edge with round outer
 * corners, never filled, from `centers` + `half-sizes`, `sizes` (+ `centers` or `mins`), or
 * `array` + `array-format`. Colours and labels from the data or the annotation context. Inside an
 * `<rr-view>` it is one of the view's layers (draw order 10); on its own it is a view. With an
 * `entity` and no data of its own it shows what the recording holds.
 *
 * @fires rr-error - The input is unusable (detail `{entity, message}` names the attribute, what was expected and what came); the drawable boxes still draw.
 * @fires rr-hover - Standalone only: the pointer moved; detail `{x, y, picks}` with instance, classId, label.
 * @csspart canvas - The canvas the view draws into (standalone only).
 * @csspart frame - The box holding canvas and tooltip (standalone only).
 * @csspart tooltip - The hover tooltip (standalone only).
 * @csspart error - The message shown when the input has problems.
 * @cssprop --rr-aspect - Aspect ratio used when no CSS height is given; set from the content.
 * @cssprop --rr-view-background - Background of the frame behind the canvas.
 * @cssprop --rr-tooltip-background - Tooltip background.
 * @cssprop --rr-tooltip-color - Tooltip text colour.
 * @cssprop --rr-focus-color - Focus ring colour.
 */
export class RrBoxes2d extends GeometryElement {
  protected readonly archetype = 'Boxes2D';
  protected readonly geometry = 'boxes';

  /** Box centres: a flat `[x0, y0, …]`, `[x, y]` pairs, or the attribute "x y, x y …". Default (0, 0). */
  @property() centers: Boxes2DInput['centers'] | undefined;
  /** Half sizes (half width, half height) per box, in the same forms as `centers`. */
  @property({ attribute: 'half-sizes' }) halfSizes: Boxes2DInput['halfSizes'] | undefined;
  /** Full sizes (width, height) per box, instead of `half-sizes`. */
  @property() sizes: Boxes2DInput['sizes'] | undefined;
  /** Top-left corners, with `sizes` or `half-sizes`, instead of `centers`. */
  @property() mins: Boxes2DInput['mins'] | undefined;
  /** All boxes as 4 numbers each, read as `array-format` says. */
  @property() array: Boxes2DInput['array'] | undefined;
  /** `XYWH`, `YXHW`, `XYXY`, `YXYX`, `XCYCWH` or `XCYCW2H2` (Rerun's Box2DFormat). */
  @property({ attribute: 'array-format' }) arrayFormat: string | undefined;

  protected static override dataProperties = new Set<PropertyKey>([
    ...GeometryElement.dataProperties,
    'centers',
    'halfSizes',
    'sizes',
    'mins',
    'array',
    'arrayFormat',
  ]);

  protected ownInput(common: GeometryCommonInput): Boxes2DInput | undefined {
    const input: Boxes2DInput = { ...common };
    let any = false;
    for (const key of ['centers', 'halfSizes', 'sizes', 'mins', 'array', 'arrayFormat'] as const) {
      // The format is a setting, checked as every element checks its attributes.
      const value =
        key === 'arrayFormat'
          ? this.checkedAttribute('array-format', this.arrayFormat, ARRAY_FORMAT)
          : this[key];
      if (value !== undefined && value !== null) {
        (input as Record<string, unknown>)[key] = value;
        any = true;
      }
    }
    return any ? input : undefined;
  }

  protected readInput(input: Boxes2DInput) {
    return normalizeBoxes2D(input);
  }
}

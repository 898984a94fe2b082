import { property } from 'lit/decorators.js';
import { normalizeLineStrips2D } from '../../store/geometry/normalize.js';
import type { GeometryCommonInput, LineStrips2DInput } from '../../store/geometry/types.js';
import { GeometryElement } from '../shared/geometry-element.js';

/**
 * A layer showing Rerun's LineStrips2D: polylines with round caps and joins, one colour and
 * width per strip, from the data or the annotation context. Inside an `<rr-view>` it is one of
 * the view's layers (draw order 20, under points of the same order); on its own it is a view.
 * With an `entity` and no data of its own it shows what the recording holds.
 *
 * @fires rr-error - The input is unusable (detail `{entity, message}` names the attribute, what was expected and what came); the drawable strips still draw.
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
export class RrLineStrips2d extends GeometryElement {
  protected readonly archetype = 'LineStrips2D';
  protected readonly geometry = 'strips';

  /** Strips: an array of vertex lists (each flat or `[x, y]` pairs), or the attribute "x y, x y; x y, …". */
  @property() strips: LineStrips2DInput['strips'] | undefined;

  protected static override dataProperties = new Set<PropertyKey>([
    ...GeometryElement.dataProperties,
    'strips',
  ]);

  protected ownInput(common: GeometryCommonInput): LineStrips2DInput | undefined {
    if (this.strips === undefined || this.strips === null) return undefined;
    return { ...common, strips: this.strips };
  }

  protected readInput(input: LineStrips2DInput) {
    return normalizeLineStrips2D(input);
  }
}

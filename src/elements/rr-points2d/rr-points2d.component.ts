import { property } from 'lit/decorators.js';
import { normalizePoints2D } from '../../store/geometry/normalize.js';
import type { GeometryCommonInput, Points2DInput } from '../../store/geometry/types.js';
import { GEOMETRY_ATTRIBUTES, GeometryElement } from '../shared/geometry-element.js';

/**
 * A layer showing Rerun's Points2D: shaded discs with radii in scene units or UI points, colours
 * and labels from the data or the annotation context, and, for points with class ids and
 * keypoint ids, their class's keypoint connections just under the discs. Inside an `<rr-view>`
 * it is one of the view's layers (draw order 20, above line strips of the same order); on its
 * own it is a view. With an `entity` and no data of its own it shows what the recording holds.
 *
 * @fires rr-error - The input is unusable (detail `{entity, message}` names the attribute, what was expected and what came); the drawable points still draw.
 * @fires rr-hover - Standalone only: the pointer moved; detail `{x, y, picks}` with instance, classId, keypointId, label.
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
export class RrPoints2d extends GeometryElement {
  protected readonly archetype = 'Points2D';
  protected readonly geometry = 'points';

  /** Positions: a flat `[x0, y0, x1, y1, …]`, `[x, y]` pairs, or the attribute "x y, x y …". */
  @property() positions: Points2DInput['positions'] | undefined;
  /** Keypoint id per point, or one for all; used with `class-ids`. */
  @property({ attribute: 'keypoint-ids' }) keypointIds: Points2DInput['keypointIds'] | undefined;

  protected static override dataProperties = new Set<PropertyKey>([
    ...GeometryElement.dataProperties,
    'positions',
    'keypointIds',
  ]);

  protected ownInput(common: GeometryCommonInput): Points2DInput | undefined {
    if (this.positions === undefined || this.positions === null) return undefined;
    const input: Points2DInput = { ...common, positions: this.positions };
    const keypointIds = this.listAttribute(
      'keypoint-ids',
      this.keypointIds,
      GEOMETRY_ATTRIBUTES.keypointIds,
    );
    if (keypointIds !== undefined && keypointIds !== null)
      input.keypointIds = keypointIds as Points2DInput['keypointIds'];
    return input;
  }

  protected readInput(input: Points2DInput) {
    return normalizePoints2D(input);
  }
}

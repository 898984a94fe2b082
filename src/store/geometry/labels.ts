/**
 * Labels of a geometry batch (SPEC §12.4): which text, whether they show, and where.
 * How they look (font, background box, the 5-point offset) is the renderer's part.
 */
import { clamped } from './instance-style.js';
import type { ResolvedLabel, Rgba8, SceneRect, Vec2 } from './types.js';

/** Rerun's `MAX_NUM_LABELS_PER_ENTITY`. */
export const MAX_LABELS_PER_ENTITY = 30;

/**
 * SPEC §12.4.2: a logged `showLabels` is obeyed; otherwise labels show iff exactly one label
 * was logged or there are fewer than 30 instances (the count of the logged data).
 */
export function labelsShown(
  count: number,
  labels: readonly string[] | undefined,
  showLabels?: boolean,
): boolean {
  if (showLabels !== undefined) return showLabels;
  return (labels?.length ?? 0) === 1 || count < MAX_LABELS_PER_ENTITY;
}

/** What {@link resolveLabels} needs of a batch, in the logged data's indexing. */
export interface LabelSource {
  /** Instances logged (the count component's length). */
  count: number;
  /** Whether instance i is drawn (left-out instances get no label). */
  drawn(i: number): boolean;
  labels?: readonly string[];
  showLabels?: boolean;
  /** Per instance, the annotation label. */
  annotationLabels: ReadonlyArray<string | undefined>;
  /** 4 Color32 bytes per instance. */
  colors: Uint8Array;
  classIds?: Uint16Array;
  keypointIds?: Uint16Array;
  /** Anchor of instance i (point, strip vertex mean, box bottom-centre); undefined = none. */
  anchor(i: number): Vec2 | undefined;
  /** Boxes: the width of box i in scene units (for the wrap width). */
  boxWidth?(i: number): number;
  /** The exact bounding box of the drawn geometry, for the single entity label. */
  bounds(): SceneRect | undefined;
}

function colorAt(colors: Uint8Array, i: number): Rgba8 {
  return [colors[i * 4]!, colors[i * 4 + 1]!, colors[i * 4 + 2]!, colors[i * 4 + 3]!];
}

function ids(label: ResolvedLabel, src: LabelSource, i: number): ResolvedLabel {
  const classId = clamped(src.classIds, i);
  if (classId !== undefined) {
    label.classId = classId;
    const keypointId = clamped(src.keypointIds, i);
    if (keypointId !== undefined) label.keypointId = keypointId;
  }
  return label;
}

/**
 * SPEC §12.4.1 and §12.4.3. Instance i shows `labels[i]` if logged, else its annotation
 * label (keypoint → class); an empty text shows nothing. Exactly one logged label with more
 * than one instance: one label for the whole entity at the centre of its bounding box, in
 * instance 0's colour.
 */
export function resolveLabels(src: LabelSource): ResolvedLabel[] {
  const labels = src.labels ?? [];
  if (!labelsShown(src.count, labels, src.showLabels)) return [];
  if (labels.length === 1 && src.count > 1) {
    const text = labels[0]!;
    const box = src.bounds();
    if (text === '' || !box) return [];
    return [
      ids(
        {
          text,
          anchor: [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2],
          color: colorAt(src.colors, 0),
          instance: 0,
          entityLabel: true,
        },
        src,
        0,
      ),
    ];
  }
  const out: ResolvedLabel[] = [];
  for (let i = 0; i < src.count; i++) {
    if (!src.drawn(i)) continue;
    const text = i < labels.length ? labels[i] : src.annotationLabels[i];
    if (text === undefined || text === '') continue;
    const anchor = src.anchor(i);
    if (!anchor) continue;
    const label: ResolvedLabel = { text, anchor, color: colorAt(src.colors, i), instance: i };
    if (src.boxWidth) label.boxWidth = src.boxWidth(i);
    out.push(ids(label, src, i));
  }
  return out;
}

/**
 * The wrap width of a label in UI points (SPEC §12.4.3): for box labels
 * `max(box width in UI points − 4, 60)`, else Infinity (no wrapping).
 */
export function labelWrapWidth(label: ResolvedLabel, uiPointsPerSceneUnit: number): number {
  if (label.boxWidth === undefined) return Infinity;
  return Math.max(label.boxWidth * uiPointsPerSceneUnit - 4, 60);
}

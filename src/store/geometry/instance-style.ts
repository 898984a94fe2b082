/**
 * Per-instance colour and annotation label of a geometry batch (SPEC §12.3, §12.4.1), in
 * Rerun's order: explicit colours; else the class (and keypoint) of the nearest annotation
 * context; else the entity's auto colour. Colours end as egui Color32 bytes, premultiplied in
 * gamma, which is what Rerun's renderer receives.
 */
import { premultiplyGamma, type AnnotationContextData } from '../annotation-context.js';
import { autoColor, type Rgba8 } from '../auto-color.js';
import { entityAutoColor } from './entity-color.js';

/** Element i of a clamped per-instance array (SPEC §12.2): the last repeats; empty = none. */
export function clamped<T extends ArrayLike<number>>(
  values: T | undefined,
  i: number,
): number | undefined {
  if (!values || values.length === 0) return undefined;
  return values[Math.min(i, values.length - 1)];
}

/** Packed `0xRRGGBBAA` → straight sRGB bytes. */
export function unpackColor(packed: number): Rgba8 {
  return [packed >>> 24, (packed >>> 16) & 255, (packed >>> 8) & 255, packed & 255];
}

/** What a class id (and keypoint id) resolves to in an annotation context. */
export interface Annotation {
  /** Straight sRGB bytes. */
  color: Rgba8;
  label?: string;
}

/**
 * SPEC §12.3 item 2 and §12.4.1: the class found with the keypoint listed → keypoint colour,
 * else class colour, else the auto colour of the keypoint id; keypoint label, else class label.
 * Class found, keypoint absent or unlisted → class colour, else auto colour of `info.id`.
 * Class not found → auto colour of the class id, no label.
 */
export function annotate(
  context: AnnotationContextData | undefined,
  classId: number,
  keypointId: number | undefined,
): Annotation {
  const description = context?.classes.get(classId);
  if (!description) return { color: autoColor(classId) };
  const { info } = description;
  const keypoint =
    keypointId === undefined ? undefined : description.keypoints.find((k) => k.id === keypointId);
  if (keypoint) {
    const label = keypoint.label ?? info.label;
    return {
      color: keypoint.color ?? info.color ?? autoColor(keypoint.id),
      ...(label !== undefined ? { label } : {}),
    };
  }
  return {
    color: info.color ?? autoColor(info.id),
    ...(info.label !== undefined ? { label: info.label } : {}),
  };
}

/** The colour and annotation label of every instance of a batch (logged indexing). */
export interface InstanceStyles {
  /** 4 Color32 bytes per instance. */
  colors: Uint8Array;
  /** Per instance, the annotation label (undefined: none). */
  annotationLabels: Array<string | undefined>;
}

/**
 * Resolves all `count` instances. `keypointIds` count only together with `classIds`
 * (SPEC §12.2: without class ids the viewer resolves every instance as "no class").
 */
export function instanceStyles(
  count: number,
  entity: string,
  context: AnnotationContextData | undefined,
  colors: Uint32Array | undefined,
  classIds: Uint16Array | undefined,
  keypointIds: Uint16Array | undefined,
): InstanceStyles {
  const out = new Uint8Array(count * 4);
  const annotationLabels: Array<string | undefined> = new Array(count);
  const hasClasses = !!classIds && classIds.length > 0;
  const explicit = !!colors && colors.length > 0;
  const fallback = hasClasses || explicit ? undefined : premultiplyGamma(entityAutoColor(entity));
  for (let i = 0; i < count; i++) {
    let annotation: Annotation | undefined;
    if (hasClasses) {
      annotation = annotate(context, clamped(classIds, i)!, clamped(keypointIds, i));
      annotationLabels[i] = annotation.label;
    }
    const color = explicit
      ? premultiplyGamma(unpackColor(clamped(colors, i)!))
      : annotation
        ? premultiplyGamma(annotation.color)
        : fallback!;
    out.set(color, i * 4);
  }
  return { colors: out, annotationLabels };
}

/**
 * Annotation contexts that were given but could not be read (JSON that does not parse, a bad
 * class entry), by recording and entity: those of `<rr-annotation-context>` kept here, those
 * given to `log()` kept by the recording (`Recording.problem`). Nothing is logged for them (layers fall back to the
 * context above), so the legend and the segmentation layers under that path look here to show
 * the error where the user looks instead of quietly using auto colours.
 */
import { formatEntityPath, parseEntityPath } from './entity-path.js';
import type { Recording } from './recording.js';

const ANNOTATION_CONTEXT = 'AnnotationContext:context';

const errors = new WeakMap<Recording, Map<string, string>>();

/** Records (or, with undefined, clears) the error of the context given for `entity`. */
export function setAnnotationContextError(
  recording: Recording,
  entity: string,
  message: string | undefined,
): void {
  let map = errors.get(recording);
  if (message === undefined) {
    map?.delete(entity);
    return;
  }
  if (!map) errors.set(recording, (map = new Map()));
  map.set(entity, message);
}

/**
 * The error of the nearest context given at `entity` or above it, unless a context that does
 * apply is nearer (`applies`: the entity of the context `annotationContextFor` found).
 */
export function annotationContextErrorFor(
  recording: Recording,
  entity: string,
  applies: string | undefined,
): { entity: string; message: string } | undefined {
  const map = errors.get(recording);
  // Contexts given to log() that were not stored are the recording's own problems.
  const logged = recording.problems().some((p) => p.component === ANNOTATION_CONTEXT);
  if (!map?.size && !logged) return undefined;
  const parts = parseEntityPath(entity);
  for (let n = parts.length; n >= 0; n--) {
    const path = formatEntityPath(parts.slice(0, n));
    if (path === applies) return undefined;
    const message = map?.get(path) ?? recording.problem(path, ANNOTATION_CONTEXT)?.message;
    if (message !== undefined) return { entity: path, message };
  }
  return undefined;
}

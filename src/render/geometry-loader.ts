/**
 * Loads the geometry runtime (geometry-runtime.ts) once, on the first geometry layer that gets
 * data: the dynamic `import()` is the chunk boundary of the CDN build (a file beside
 * rr-elements.js) and of users' bundlers.
 */
import { setLabelPainter } from './label-painter.js';

export type GeometryRuntime = typeof import('./geometry-runtime.js');

let runtime: GeometryRuntime | undefined;
let loading: Promise<GeometryRuntime> | undefined;

/** The runtime, or undefined until {@link loadGeometryRuntime} has resolved. */
export function geometryRuntime(): GeometryRuntime | undefined {
  return runtime;
}

/** Loads the runtime (once; a failed load is tried again on the next call). */
export function loadGeometryRuntime(): Promise<GeometryRuntime> {
  loading ??= import('./geometry-runtime.js').then(
    (module) => {
      // The view paints labels through it from now on.
      setLabelPainter(module.LABEL_PAINTER);
      return (runtime = module);
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The WebGL gate and error checks of render tests, after twgl's test/webgl.js: a suite skips
 * (visibly, as pending) where WebGL2 is missing, and a test can assert the shared context raised
 * no GL error, so a draw that silently failed (a texture over the limit) cannot pass.
 */
import { getRenderer } from '../../src/render/renderer.js';
import { nextEvent } from './fixtures.js';

let available: boolean | undefined;

/** True when this browser gives a WebGL2 context. */
export function hasWebGL2(): boolean {
  available ??= !!document.createElement('canvas').getContext('webgl2');
  return available;
}

/** Call first in a render suite's `before`: skips the suite without WebGL2. */
export function requireWebGL2(context: Mocha.Context): void {
  if (!hasWebGL2()) context.skip();
}

const NAMES: Record<number, string> = {
  0x0500: 'INVALID_ENUM',
  0x0501: 'INVALID_VALUE',
  0x0502: 'INVALID_OPERATION',
  0x0505: 'OUT_OF_MEMORY',
  0x0506: 'INVALID_FRAMEBUFFER_OPERATION',
  0x9242: 'CONTEXT_LOST_WEBGL',
};

/** Throws when the shared renderer's context has recorded GL errors (clearing them). */
export function assertNoWebGLError(what = 'GL'): void {
  const gl = getRenderer().gl;
  const errors: string[] = [];
  for (let error = gl.getError(); error !== gl.NO_ERROR; error = gl.getError()) {
    errors.push(NAMES[error] ?? `0x${error.toString(16)}`);
    if (errors.length > 8 || error === gl.CONTEXT_LOST_WEBGL) break;
  }
  if (errors.length) throw new Error(`${what}: expected no WebGL error, got ${errors.join(', ')}`);
}

/**
 * Loses the shared renderer's context and restores it, resolving once it is restored (Chrome
 * only restores after the lost event has been fully dispatched, hence the task in between).
 */
export async function loseAndRestoreContext(): Promise<void> {
  const renderer = getRenderer();
  const lose = renderer.gl.getExtension('WEBGL_lose_context')!;
  const lost = nextEvent(renderer.canvas, 'webglcontextlost');
  lose.loseContext();
  await lost;
  await new Promise((r) => setTimeout(r, 0));
  const restored = nextEvent(renderer.canvas, 'webglcontextrestored');
  lose.restoreContext();
  await restored;
}

/** Moves a (synthetic) pointer over a view's canvas, as a user's mouse would. */

/** Dispatches `pointermove` on the canvas in `host`'s shadow root at fractions (fx, fy) of its box. */
export function hoverCanvas(host: Element, fx: number, fy: number): void {
  const canvas = host.shadowRoot?.querySelector('canvas');
  if (!canvas) throw new Error(`${host.localName} has no canvas in its shadow root`);
  const rect = canvas.getBoundingClientRect();
  if (!rect.width || !rect.height)
    throw new Error(`the canvas of ${host.localName} has no size (${rect.width}×${rect.height})`);
  // The event class of the canvas' own window: the element may live in an iframe.
  const View = (canvas.ownerDocument.defaultView ?? window) as typeof window;
  canvas.dispatchEvent(
    new View.PointerEvent('pointermove', {
      clientX: rect.left + rect.width * fx,
      clientY: rect.top + rect.height * fy,
      pointerId: 1,
      bubbles: true,
      composed: true,
    }),
  );
}

/** Resolves when `condition()` is true (checked each frame), or rejects after `timeout` ms. */
export async function until<T>(
  condition: () => T | undefined | null | false,
  what: string,
  timeout = 10000,
): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = condition();
    if (value) return value;
    if (performance.now() - start > timeout)
      throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

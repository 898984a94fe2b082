/**
 * The one way an element reports bad input: an `rr-error` event (bubbling, composed) and one
 * `console.warn`, so that a problem no listener handles is still found in devtools.
 */

/** Detail of `rr-error`. */
export interface ErrorDetail {
  /** The entity the problem is about, when there is one. */
  entity?: string;
  /** What was expected and what came, in words a user understands. */
  message: string;
}

/** Fires `rr-error` on `target` and logs it once with `console.warn`. */
export function reportError(target: Element, detail: ErrorDetail): void {
  const where = detail.entity ? ` ${detail.entity}` : '';
  console.warn(`<${target.localName}>${where}: ${detail.message}`);
  target.dispatchEvent(
    new CustomEvent<ErrorDetail>('rr-error', { detail, bubbles: true, composed: true }),
  );
}

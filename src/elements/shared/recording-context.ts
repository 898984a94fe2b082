/**
 * The recording travels to every element through the Context Community Protocol
 * (@lit/context), so it crosses shadow roots and works in any framework.
 */
import { ContextRoot, createContext } from '@lit/context';
import type { Recording } from '../../store/recording.js';

/** The context key `<rr-context>` provides its Recording under. */
export const recordingContext = createContext<Recording>(Symbol.for('rr-elements.recording'));

let rootAttached = false;

/**
 * Lets a `<rr-context>` that is defined or inserted after its children still reach them:
 * the root remembers unanswered requests and replays them when a provider appears.
 */
export function ensureContextRoot(): void {
  if (rootAttached || typeof document === 'undefined') return;
  rootAttached = true;
  new ContextRoot().attach(document.documentElement);
}

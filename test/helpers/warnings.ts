/**
 * Records the `console.warn` lines rr-elements writes (every `rr-error` is logged once) while a
 * test runs; the runner's output leaves them out (web-test-runner.config.mjs).
 */
export interface WarningRecorder {
  /** The lines logged since the recorder started. */
  readonly lines: string[];
  /** Stops recording (console.warn is what it was). */
  stop(): void;
}

export function recordWarnings(): WarningRecorder {
  const original = console.warn;
  const lines: string[] = [];
  console.warn = (...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  return {
    lines,
    stop: () => {
      console.warn = original;
    },
  };
}

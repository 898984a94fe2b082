/** Types of the notebook module beside this file (for the TypeScript tests that run it). */
export default function define(
  runtime: { module(): unknown },
  observer: (name: string) => unknown,
): unknown;

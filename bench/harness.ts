// The benchmark harness. Every case measures a candidate (our code) against a baseline (the
// least a hand-written WebGL2 program must do for the same result), in the same page and the
// same run, and reports the ratio of their medians: machines differ, ratios travel.
//
// Adding a case: a file in bench/cases/ whose default export is `defineCase({...})`; the page
// finds it by itself (scripts/dev-server.mjs lists that folder at /bench/cases.json).

/** One side of a case, set up and ready: `run` is the timed part of one repetition. */
export interface Runner<Input> {
  /**
   * The timed part. It may return the main-thread milliseconds it took (the part of the
   * repetition that blocked the page, without waiting for the GPU); the harness then reports
   * their median too.
   */
  run(input: Input): void | number | Promise<void | number>;
  dispose?(): void | Promise<void>;
}

/** What the page hands to every case. */
export interface BenchContext {
  /** Where the elements come from: `/dist/index.js` (the build) or `/src/index.ts`. */
  readonly entry: string;
  /** Imports `entry` once (registering the elements); rejects when that fails. */
  loadElements(): Promise<void>;
  /** A visible box in the page for canvases and elements (both sides must be on screen). */
  readonly stage: HTMLElement;
}

export interface BenchCase<Input = void> {
  /** Short name for the table, e.g. "show a new 1920×1080 RGB U8 frame". */
  name: string;
  /** What to keep in mind when reading the ratio. */
  notes?: string;
  /** Untimed repetitions of each side before measuring (default 5). */
  warmup?: number;
  /** Timed repetitions of each side (default 30); the median is reported. */
  repeats?: number;
  /** Makes the input of repetition `i`, outside the timed part; both sides get the same one. */
  input?(i: number): Input;
  /** Sets up the reference implementation (untimed). */
  baseline(ctx: BenchContext): Runner<Input> | Promise<Runner<Input>>;
  /** Sets up our implementation (untimed). Throwing here gives an error row, not a crash. */
  candidate(ctx: BenchContext): Runner<Input> | Promise<Runner<Input>>;
  /**
   * A second, fairer reference (optional): what a well-written raw program does in a steady
   * state (texSubImage2D into a texture it keeps, an on-page canvas). Interleaved with the
   * other two sides and reported beside the first baseline.
   */
  fair?(ctx: BenchContext): Runner<Input> | Promise<Runner<Input>>;
}

/** Identity function for type inference in case files. */
export function defineCase<Input = void>(c: BenchCase<Input>): BenchCase<Input> {
  return c;
}

export interface BenchResult {
  name: string;
  notes: string;
  /** Median over `repeats`, in milliseconds; null when that side could not run. */
  baselineMs: number | null;
  candidateMs: number | null;
  /** candidateMs / baselineMs: below 1 means faster than the baseline. */
  ratio: number | null;
  error?: string;
  warmup: number;
  repeats: number;
  baselineSamples: number[];
  candidateSamples: number[];
  /** The fair baseline (when the case has one): median, candidate / fair, samples. */
  fairMs?: number | null;
  fairRatio?: number | null;
  fairSamples?: number[];
  /** Main-thread milliseconds (when the runners report them): medians and candidate / fair. */
  candidateMainMs?: number | null;
  fairMainMs?: number | null;
  mainRatio?: number | null;
}

/** A repetition that takes longer than this is stuck (say, a promise that never resolves). */
const RUN_TIMEOUT_MS = 60000;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} took over ${RUN_TIMEOUT_MS} ms`)),
      RUN_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

let drainContext: WebGL2RenderingContext | null | undefined;

/**
 * Waits until the GPU has caught up: a one-pixel readPixels on a context of our own, which in
 * Chromium queues behind the work that other WebGL contexts of the page have already flushed.
 * Part of every timed repetition, on both sides: GPU work a side leaves in flight is then
 * charged to that side and not to whichever side happens to run next.
 */
function drainGpu(): void {
  if (drainContext === undefined) {
    drainContext = document.createElement('canvas').getContext('webgl2');
  }
  drainContext?.readPixels(
    0,
    0,
    1,
    1,
    drainContext.RGBA,
    drainContext.UNSIGNED_BYTE,
    new Uint8Array(4),
  );
}

/**
 * Waits for a random moment of the display's 60 Hz cycle (untimed): an animation frame, then
 * 0–16.7 ms. A side that waits for the next animation frame before drawing pays, on average,
 * the half frame a user's change pays, instead of always starting right after a frame.
 */
function randomPhase(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => setTimeout(resolve, Math.random() * (1000 / 60))),
  );
}

async function timeOnce<Input>(
  runner: Runner<Input>,
  input: Input,
  what: string,
): Promise<{ ms: number; mainMs: number | undefined }> {
  await randomPhase();
  const start = performance.now();
  const main = await withTimeout(Promise.resolve(runner.run(input)), what);
  drainGpu();
  return { ms: performance.now() - start, mainMs: typeof main === 'number' ? main : undefined };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs one case: warm-up, then the two sides interleaved (in alternating order, so that a
 * drift in machine speed hits both alike), then the medians. Never throws. */
export async function runCase<Input>(
  c: BenchCase<Input>,
  ctx: BenchContext,
  overrides: { warmup?: number; repeats?: number } = {},
): Promise<BenchResult> {
  const warmup = overrides.warmup ?? c.warmup ?? 5;
  const repeats = overrides.repeats ?? c.repeats ?? 30;
  const result: BenchResult = {
    name: c.name,
    notes: c.notes ?? '',
    baselineMs: null,
    candidateMs: null,
    ratio: null,
    warmup,
    repeats,
    baselineSamples: [],
    candidateSamples: [],
  };
  const input = (i: number) => (c.input ? c.input(i) : (undefined as Input));
  const errors: string[] = [];
  let baseline: Runner<Input> | undefined;
  let candidate: Runner<Input> | undefined;
  let fair: Runner<Input> | undefined;
  if (c.fair) {
    result.fairSamples = [];
    try {
      fair = await c.fair(ctx);
    } catch (e) {
      errors.push(`fair baseline: ${message(e)}`);
    }
  }
  try {
    baseline = await c.baseline(ctx);
  } catch (e) {
    errors.push(`baseline: ${message(e)}`);
  }
  try {
    candidate = await c.candidate(ctx);
  } catch (e) {
    errors.push(`candidate: ${message(e)}`);
  }

  const candidateMain: number[] = [];
  const fairMain: number[] = [];
  // Set-up may add to the notes (what it measured: memory, sizes).
  result.notes = c.notes ?? '';
  const sides = [
    { label: 'baseline', runner: baseline, samples: result.baselineSamples, main: [] as number[] },
    {
      label: 'candidate',
      runner: candidate,
      samples: result.candidateSamples,
      main: candidateMain,
    },
  ];
  if (c.fair)
    sides.push({ label: 'fair', runner: fair, samples: result.fairSamples!, main: fairMain });
  for (let i = 0; i < warmup + repeats; i++) {
    // Rotating order: each side runs first, in the middle and last alike.
    const shift = i % sides.length;
    const order = [...sides.slice(shift), ...sides.slice(0, shift)];
    if ((i / sides.length) & 1) order.reverse();
    for (const side of order) {
      if (!side.runner) continue;
      try {
        const { ms, mainMs } = await timeOnce(
          side.runner,
          input(i),
          `${side.label} repetition ${i}`,
        );
        if (i >= warmup) {
          side.samples.push(ms);
          if (mainMs !== undefined) side.main.push(mainMs);
        }
      } catch (e) {
        errors.push(`${side.label}: ${message(e)}`);
        side.runner = undefined; // stop this side; its samples so far are dropped
        side.samples.length = 0;
        side.main.length = 0;
      }
    }
  }

  for (const runner of [baseline, candidate, fair]) {
    try {
      await runner?.dispose?.();
    } catch (e) {
      errors.push(`dispose: ${message(e)}`);
    }
  }
  if (result.baselineSamples.length) result.baselineMs = median(result.baselineSamples);
  if (result.candidateSamples.length) result.candidateMs = median(result.candidateSamples);
  if (result.baselineMs && result.candidateMs !== null) {
    result.ratio = result.candidateMs / result.baselineMs;
  }
  result.candidateMainMs = candidateMain.length ? median(candidateMain) : null;
  if (c.fair) {
    const f = result.fairSamples!;
    result.fairMs = f.length ? median(f) : null;
    result.fairRatio =
      result.fairMs && result.candidateMs !== null ? result.candidateMs / result.fairMs : null;
    result.fairMainMs = fairMain.length ? median(fairMain) : null;
    result.mainRatio =
      result.fairMainMs && result.candidateMainMs != null
        ? result.candidateMainMs / result.fairMainMs
        : null;
  }
  if (errors.length) result.error = errors.join('; ');
  return result;
}

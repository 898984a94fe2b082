// The benchmark harness. Every case measures a candidate (our code) against a baseline (the
// least a hand-written WebGL2 program must do for the same result), in the same page and the
// same run, and reports the ratio of their medians: machines differ, ratios travel.
//
// Adding a case: a file in bench/cases/ whose default export is `defineCase({...})`; the page
// finds it by itself (scripts/dev-server.mjs lists that folder at /bench/cases.json).

/** Pixels a side shows, rows top to bottom, 4 bytes (RGBA) a pixel. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/**
 * One side of a case, set up and ready. A timed repetition is `run`, then `drain` (until the
 * GPU has done this side's work); `verify` follows, untimed.
 */
export interface Runner<Input> {
  /**
   * The timed part. It may return the main-thread milliseconds it took (the part of the
   * repetition that blocked the page, without waiting for the GPU); the harness then reports
   * their median too.
   */
  run(input: Input): void | number | Promise<void | number>;
  /**
   * Timed, right after `run`: waits until the GPU has done the work `run` gave it, on the side's
   * own context (a one-pixel readPixels there; see drainGpu for why that charges all of it).
   * Without one the harness waits with a readPixels on a context of its own.
   */
  drain?(): void | Promise<void>;
  /**
   * Untimed, after the drain: checks that the repetition drew what it should (a pixel read
   * back, a counter) and throws when not, which fails this side of the case.
   */
  verify?(input: Input): void | Promise<void>;
  /**
   * Untimed, after the last repetition: the pixels this side shows for the last input, for the
   * pixel check (`BenchResult.pixels`): the candidate against the fair sides.
   */
  pixels?(): Pixels | Promise<Pixels>;
  dispose?(): void | Promise<void>;
}

/** A further reference measured beside the others (interleaved), reported in its own row. */
export interface ExtraSide<Input> {
  /** Short label, e.g. "fair, fixed range, nearest (other pixels)". */
  label: string;
  setup(ctx: BenchContext): Runner<Input> | Promise<Runner<Input>>;
  /**
   * Another way of ours rather than a reference (an opt-in mode): its ratio is its time over
   * the baseline's, reported in the candidate's columns.
   */
  candidate?: boolean;
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
  /**
   * The fair side draws the same pixels as the candidate: the pixel check then fails the case
   * when they differ by more than PIXEL_TOLERANCE levels in any channel.
   */
  samePixels?: boolean;
  /** Further references (say, an older fair program that draws other pixels). */
  extras?: ExtraSide<Input>[];
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
  /** The further references (BenchCase.extras), in their order. */
  extras?: ExtraResult[];
  /**
   * The pixel check, after the timed repetitions: each reference's last frame against the
   * candidate's (by side label: "fair", "baseline", an extra's label).
   */
  pixels?: Record<string, PixelDiff>;
  /**
   * Diagnostics of the drain (medians, ms): a separate-context drain right after each side's
   * own one. If a side's own drain left work of that side unfinished, its residual is larger.
   */
  residualMs?: Record<string, number>;
}

export interface ExtraResult {
  label: string;
  /** ExtraSide.candidate: `ratio` is ms / baselineMs. */
  candidate?: boolean;
  ms: number | null;
  /** candidateMs / ms. */
  ratio: number | null;
  mainMs: number | null;
  /** candidateMainMs / mainMs. */
  mainRatio: number | null;
  samples: number[];
}

/** How far a reference's pixels are from the candidate's. */
export interface PixelDiff {
  /** Largest |difference| of any channel (RGBA bytes), or null when the sizes differ. */
  maxDelta: number | null;
  /** Pixels compared. */
  pixels: number;
  /** Pixels with some channel off by more than PIXEL_TOLERANCE. */
  beyondTolerance: number;
  /** Set when no comparison was possible (different sizes, a side without pixels). */
  error?: string;
}

/** Levels (of 255) two programs drawing "the same pixels" may differ by: rounding, not meaning. */
export const PIXEL_TOLERANCE = 2;

/** Compares two frames of RGBA bytes. */
export function comparePixels(reference: Pixels, candidate: Pixels): PixelDiff {
  const pixels = candidate.width * candidate.height;
  if (reference.width !== candidate.width || reference.height !== candidate.height)
    return {
      maxDelta: null,
      pixels,
      beyondTolerance: pixels,
      error: `sizes differ: ${reference.width}×${reference.height} against ${candidate.width}×${candidate.height}`,
    };
  let maxDelta = 0;
  let beyond = 0;
  const a = reference.data;
  const b = candidate.data;
  for (let i = 0; i < a.length; i += 4) {
    let d = 0;
    for (let c = 0; c < 4; c++) d = Math.max(d, Math.abs(a[i + c]! - b[i + c]!));
    if (d > PIXEL_TOLERANCE) beyond++;
    if (d > maxDelta) maxDelta = d;
  }
  return { maxDelta, pixels, beyondTolerance: beyond };
}

/** One line for the notes: "fair: max |Δ| 1 over 518400 px". */
export function describePixelDiff(label: string, d: PixelDiff): string {
  if (d.error) return `${label}: ${d.error}`;
  const beyond = d.beyondTolerance
    ? ` (${((100 * d.beyondTolerance) / d.pixels).toFixed(1)}% of px > ${PIXEL_TOLERANCE})`
    : '';
  return `${label}: max |Δ| ${d.maxDelta} over ${d.pixels} px${beyond}`;
}

/** Reads a canvas's pixels through a 2D copy (any canvas: WebGL, bitmaprenderer, 2D). */
export function canvasPixels(canvas: HTMLCanvasElement): Pixels {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const g = copy.getContext('2d', { willReadFrequently: true })!;
  g.drawImage(canvas, 0, 0);
  return {
    width: copy.width,
    height: copy.height,
    data: g.getImageData(0, 0, copy.width, copy.height).data,
  };
}

/** A WebGL context's drawing buffer, rows top to bottom (call it in the task that drew). */
export function glPixels(gl: WebGL2RenderingContext): Pixels {
  const width = gl.drawingBufferWidth;
  const height = gl.drawingBufferHeight;
  const bottomUp = new Uint8Array(width * height * 4);
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, bottomUp);
  const data = new Uint8Array(bottomUp.length);
  const row = width * 4;
  for (let y = 0; y < height; y++)
    data.set(bottomUp.subarray((height - 1 - y) * row, (height - y) * row), y * row);
  return { width, height, data };
}

/** A one-pixel readPixels on `gl`: returns when the GPU has done what `gl` was given before. */
export function drainContext(gl: WebGL2RenderingContext): void {
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
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

let ownContext: WebGL2RenderingContext | null | undefined;

/**
 * Waits until the GPU has caught up: a one-pixel readPixels on a context of our own, which in
 * Chromium queues behind the work that other WebGL contexts of the page have already flushed.
 * Part of every timed repetition of a side without its own `drain`: GPU work a side leaves in
 * flight is then charged to that side and not to whichever side happens to run next.
 *
 * A side with its own drain does the same readPixels on the context that did its work, and
 * that is equivalent for the side's own work: readPixels must return the pixels of every
 * command given before it on that context, so the GPU process runs the context's whole command
 * stream up to it and then waits for the GPU (with ANGLE on Vulkan, SwiftShader included: a
 * queue submission and a wait on its fence, which in Vulkan also waits for every batch
 * submitted to the queue before it). The candidate's frame went to its view by
 * transferToImageBitmap, which flushes, so its draws are in that stream before the readPixels.
 * What an own drain may no longer wait for is other contexts' work (the compositor's, the other
 * sides'), which is not the side's. The harness checks this in every run: after a side's own
 * drain it times this separate drain too (untimed, `BenchResult.residualMs`); work an own drain
 * had left in flight would show as a larger residual on that side than on the others. And
 * `npm run bench -- --drain harness` times every side with this drain instead, to compare.
 */
function drainGpu(): void {
  if (ownContext === undefined) {
    ownContext = document.createElement('canvas').getContext('webgl2');
  }
  if (ownContext) drainContext(ownContext);
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
  sharedDrain: boolean,
): Promise<{ ms: number; mainMs: number | undefined; residualMs: number | undefined }> {
  await randomPhase();
  const start = performance.now();
  const main = await withTimeout(Promise.resolve(runner.run(input)), what);
  const own = runner.drain && !sharedDrain;
  if (own) await withTimeout(Promise.resolve(runner.drain!()), `${what} (drain)`);
  else drainGpu();
  const ms = performance.now() - start;
  // Untimed from here on.
  let residualMs: number | undefined;
  if (own) {
    const t = performance.now();
    drainGpu();
    residualMs = performance.now() - t;
  }
  if (runner.verify) await withTimeout(Promise.resolve(runner.verify(input)), `${what} (verify)`);
  return { ms, mainMs: typeof main === 'number' ? main : undefined, residualMs };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs one case: warm-up, then the two sides interleaved (in alternating order, so that a
 * drift in machine speed hits both alike), then the medians. Never throws. */
export async function runCase<Input>(
  c: BenchCase<Input>,
  ctx: BenchContext,
  /** `sharedDrain`: every side waits on the harness's context (the earlier way, to compare). */
  overrides: { warmup?: number; repeats?: number; sharedDrain?: boolean } = {},
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

  const extras: { label: string; runner: Runner<Input> | undefined; candidate?: boolean }[] = [];
  for (const extra of c.extras ?? []) {
    try {
      extras.push({
        label: extra.label,
        runner: await extra.setup(ctx),
        candidate: extra.candidate,
      });
    } catch (e) {
      errors.push(`${extra.label}: ${message(e)}`);
      extras.push({ label: extra.label, runner: undefined });
    }
  }

  // Set-up may add to the notes (what it measured: memory, sizes).
  result.notes = c.notes ?? '';
  interface Side {
    label: string;
    runner: Runner<Input> | undefined;
    samples: number[];
    main: number[];
    residual: number[];
  }
  const side = (label: string, runner: Runner<Input> | undefined, samples: number[]): Side => ({
    label,
    runner,
    samples,
    main: [],
    residual: [],
  });
  const baselineSide = side('baseline', baseline, result.baselineSamples);
  const candidateSide = side('candidate', candidate, result.candidateSamples);
  const fairSide = c.fair ? side('fair', fair, result.fairSamples!) : undefined;
  const extraSides = extras.map((e) => ({ ...side(e.label, e.runner, []), mode: e.candidate }));
  const sides = [baselineSide, candidateSide, ...(fairSide ? [fairSide] : []), ...extraSides];
  for (let i = 0; i < warmup + repeats; i++) {
    // Rotating order: each side runs first, in the middle and last alike.
    const shift = i % sides.length;
    const order = [...sides.slice(shift), ...sides.slice(0, shift)];
    if ((i / sides.length) & 1) order.reverse();
    for (const side of order) {
      if (!side.runner) continue;
      try {
        const { ms, mainMs, residualMs } = await timeOnce(
          side.runner,
          input(i),
          `${side.label} repetition ${i}`,
          overrides.sharedDrain ?? false,
        );
        if (i >= warmup) {
          side.samples.push(ms);
          if (mainMs !== undefined) side.main.push(mainMs);
          if (residualMs !== undefined) side.residual.push(residualMs);
        }
      } catch (e) {
        errors.push(`${side.label}: ${message(e)}`);
        side.runner = undefined; // stop this side; its samples so far are dropped
        side.samples.length = 0;
        side.main.length = 0;
      }
    }
  }

  // The pixel check (untimed): every reference's last frame against the candidate's.
  if (candidateSide.runner?.pixels) {
    try {
      const ours = await candidateSide.runner.pixels();
      const checks: string[] = [];
      result.pixels = {};
      for (const s of sides) {
        if (s === candidateSide || !s.runner?.pixels) continue;
        const d = comparePixels(await s.runner.pixels(), ours);
        result.pixels[s.label] = d;
        checks.push(describePixelDiff(s.label, d));
        if (s === fairSide && c.samePixels && (d.error || d.beyondTolerance))
          errors.push(`the fair program does not draw the candidate's pixels (${checks.at(-1)})`);
      }
      if (checks.length) result.notes += `; pixels against ours: ${checks.join(', ')}`;
    } catch (e) {
      errors.push(`pixel check: ${message(e)}`);
    }
  }
  const residual: Record<string, number> = {};
  for (const s of sides) if (s.residual.length) residual[s.label] = median(s.residual);
  if (Object.keys(residual).length) result.residualMs = residual;

  for (const runner of [baseline, candidate, fair, ...extras.map((e) => e.runner)]) {
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
  const candidateMain = candidateSide.main;
  result.candidateMainMs = candidateMain.length ? median(candidateMain) : null;
  if (c.fair) {
    const f = result.fairSamples!;
    result.fairMs = f.length ? median(f) : null;
    result.fairRatio =
      result.fairMs && result.candidateMs !== null ? result.candidateMs / result.fairMs : null;
    const fairMain = fairSide!.main;
    result.fairMainMs = fairMain.length ? median(fairMain) : null;
    result.mainRatio =
      result.fairMainMs && result.candidateMainMs != null
        ? result.candidateMainMs / result.fairMainMs
        : null;
  }
  if (extraSides.length)
    result.extras = extraSides.map((s) => {
      const ms = s.samples.length ? median(s.samples) : null;
      const mainMs = s.main.length ? median(s.main) : null;
      if (s.mode)
        return {
          label: s.label,
          candidate: true,
          ms,
          ratio: ms != null && result.baselineMs ? ms / result.baselineMs : null,
          mainMs,
          mainRatio: null,
          samples: s.samples,
        };
      return {
        label: s.label,
        ms,
        ratio: ms && result.candidateMs != null ? result.candidateMs / ms : null,
        mainMs,
        mainRatio:
          mainMs && result.candidateMainMs != null ? result.candidateMainMs / mainMs : null,
        samples: s.samples,
      };
    });
  if (errors.length) result.error = errors.join('; ');
  return result;
}

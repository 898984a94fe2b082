import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Recording, TimelineInfo } from '../../store/recording.js';
import { formatTime } from '../../store/time-format.js';
import { reportError } from '../shared/errors.js';
import { RecordingElement } from '../shared/recording-element.js';
import { timelineStyles } from './rr-timeline.styles.js';

/** Rerun's default playback rate of sequence timelines, in steps per second. */
export const DEFAULT_FPS = 30;

const SPEEDS = [0.25, 0.5, 1, 2, 4, 8];

/** Index of the last time ≤ t (0 when t lies before all). */
function floorIndex(times: readonly bigint[], t: bigint): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** A 16×16 icon in the text colour; SVG rather than symbol glyphs, which not every font has. */
function icon(path: string) {
  return html`<svg
    viewBox="0 0 16 16"
    width="14"
    height="14"
    aria-hidden="true"
    fill="currentColor"
  >
    <path d=${path} />
  </svg>`;
}

/**
 * Time control for the nearest recording: a timeline selector (when there are several), a
 * scrubber over the active timeline's times, play/pause, step back/forward, loop and speed.
 * Playback runs at the data's own rate: real time for duration and timestamp timelines,
 * `fps` steps per second for sequence timelines; both scaled by `speed`.
 *
 * Keyboard (focus anywhere inside): Space plays/pauses, ←/→ step, Home/End jump to the ends.
 *
 * @csspart bar - The row of controls.
 * @csspart timeline-select - The timeline selector (only with several timelines).
 * @csspart step-back - The step-back button.
 * @csspart play - The play/pause button.
 * @csspart step-forward - The step-forward button.
 * @csspart scrubber - The range input over the timeline's times.
 * @csspart time - The formatted cursor time.
 * @csspart loop - The loop checkbox.
 * @csspart speed - The speed selector.
 * @cssprop --rr-timeline-background - Background colour.
 * @cssprop --rr-timeline-color - Text colour.
 * @fires rr-play - Playback started.
 * @fires rr-pause - Playback stopped.
 * @fires rr-error - `advance()` was given a step that is not a finite number of seconds ≥ 0: detail `{message}`.
 */
export class RrTimeline extends RecordingElement {
  static override styles = timelineStyles;

  /** Steps per second when playing a sequence timeline. */
  @property({ type: Number }) fps = DEFAULT_FPS;
  /** Playback speed factor. */
  @property({ type: Number }) speed = 1;
  /** Start again at the beginning after the end. */
  @property({ type: Boolean, reflect: true }) loop = false;
  /** Whether it is playing. */
  @property({ type: Boolean, reflect: true }) playing = false;
  /** Timestamps in local time (default) or UTC. */
  @property({ attribute: 'time-zone' }) timeZone: 'local' | 'utc' = 'local';

  @state() private revision = 0;

  #times: bigint[] = [];
  #timesKey = '';
  #frame: number | undefined;
  #lastTick: number | undefined;
  /** Sub-unit progress of playback not yet applied to the (integer) cursor. */
  #carry = 0;

  constructor() {
    super();
    this.addEventListener('keydown', this.#onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLoop();
  }

  protected override recordingConnected(): void {
    this.#timesKey = '';
    this.revision++;
  }

  protected override recordingChanged(event: Event): void {
    if (event.type === 'change') this.#timesKey = '';
    this.revision++;
  }

  /** The distinct times of the active timeline, cached until the data changes. */
  #currentTimes(recording: Recording, timeline: string | undefined): bigint[] {
    const key = `${timeline}`;
    if (key !== this.#timesKey) {
      this.#times = timeline === undefined ? [] : recording.times(timeline);
      this.#timesKey = key;
    }
    return this.#times;
  }

  /** The active timeline's name, kind and range, and the cursor. */
  get #view(): {
    timeline: string | undefined;
    info: TimelineInfo | undefined;
    time: bigint | undefined;
    times: bigint[];
  } {
    const recording = this.recording;
    const timeline = recording.timeline;
    const info = timeline === undefined ? undefined : recording.timelines().get(timeline);
    return { timeline, info, time: recording.time, times: this.#currentTimes(recording, timeline) };
  }

  /** Starts playback (from the beginning when the cursor is at the end). */
  play(): void {
    const { timeline, time, times, info } = this.#view;
    if (!timeline || !info || times.length === 0) return;
    if (time !== undefined && time >= info.max && times.length > 1)
      this.recording.setTime(timeline, info.min);
    if (this.playing) return;
    this.playing = true;
    this.#carry = 0;
    this.#lastTick = undefined;
    this.#frame = requestAnimationFrame(this.#tick);
    this.dispatchEvent(new CustomEvent('rr-play', { bubbles: true, composed: true }));
  }

  /** Stops playback. */
  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.#stopLoop();
    this.dispatchEvent(new CustomEvent('rr-pause', { bubbles: true, composed: true }));
  }

  /** Plays or pauses. */
  togglePlay(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Moves the cursor to the next time holding data (wrapping when `loop` is set). */
  stepForward(): void {
    this.#step(1);
  }

  /** Moves the cursor to the previous time holding data (wrapping when `loop` is set). */
  stepBack(): void {
    this.#step(-1);
  }

  #step(direction: 1 | -1): void {
    const { timeline, time, times } = this.#view;
    if (!timeline || times.length === 0) return;
    let i: number;
    if (time === undefined) i = direction > 0 ? 0 : times.length - 1;
    else if (direction > 0) {
      i = times.findIndex((t) => t > time);
      if (i < 0) i = this.loop ? 0 : times.length - 1;
    } else {
      i = floorIndex(times, time);
      if (times[i]! >= time) i--;
      if (i < 0) i = this.loop ? times.length - 1 : 0;
    }
    this.recording.setTime(timeline, times[i]!);
  }

  #seekIndex(i: number): void {
    const { timeline, times } = this.#view;
    if (!timeline || times.length === 0) return;
    this.recording.setTime(timeline, times[Math.min(times.length - 1, Math.max(0, i))]!);
  }

  #stopLoop(): void {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
    this.#lastTick = undefined;
  }

  #tick = (now: number): void => {
    this.#frame = undefined;
    if (!this.playing || !this.isConnected) return;
    const last = this.#lastTick ?? now;
    this.#lastTick = now;
    this.advance((now - last) / 1000);
    if (this.playing) this.#frame = requestAnimationFrame(this.#tick);
  };

  /**
   * Advances playback by `seconds` of wall-clock time (what each animation frame does; public so
   * that playback can be driven and checked without waiting for real time).
   */
  advance(seconds: number): void {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
      // Playback goes on; the bad step is named, not thrown (it may come from a frame callback).
      const got = typeof seconds === 'number' ? String(seconds) : `a ${typeof seconds}`;
      reportError(this, {
        message: `advance() expected a finite number of seconds ≥ 0, got ${got}`,
      });
      return;
    }
    const { timeline, info, time } = this.#view;
    if (!timeline || !info || time === undefined) return;
    const speed = Number.isFinite(this.speed) && this.speed > 0 ? this.speed : 1;
    // Time units per second: steps for sequences, nanoseconds for durations and timestamps.
    const rate =
      info.kind === 'sequence'
        ? Number.isFinite(this.fps) && this.fps > 0
          ? this.fps
          : DEFAULT_FPS
        : 1e9;
    this.#carry += seconds * rate * speed;
    const whole = Math.floor(this.#carry);
    if (whole <= 0) return;
    this.#carry -= whole;
    let next = time + BigInt(whole);
    if (next > info.max) {
      if (this.loop) {
        const span = info.max - info.min + 1n;
        next = info.min + ((next - info.min) % span);
      } else {
        next = info.max;
        this.recording.setTime(timeline, next);
        this.pause();
        return;
      }
    }
    this.recording.setTime(timeline, next);
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0] as HTMLElement | undefined;
    const tag = target?.localName;
    const type = (target as HTMLInputElement | undefined)?.type;
    if (tag === 'select') return;
    switch (event.key) {
      case ' ':
      case 'Spacebar':
        if (type === 'checkbox') return;
        event.preventDefault();
        this.togglePlay();
        break;
      case 'ArrowRight':
      case 'ArrowUp':
        event.preventDefault();
        this.stepForward();
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        event.preventDefault();
        this.stepBack();
        break;
      case 'Home':
        event.preventDefault();
        this.#seekIndex(0);
        break;
      case 'End':
        event.preventDefault();
        this.#seekIndex(Number.MAX_SAFE_INTEGER);
        break;
    }
  };

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('playing') && !this.playing) this.#stopLoop();
  }

  /** The cursor time formatted for people ('' when there is none). */
  get formattedTime(): string {
    const { info, time } = this.#view;
    return info && time !== undefined
      ? formatTime(time, info.kind, { timeZone: this.timeZone })
      : '';
  }

  protected override render(): TemplateResult {
    void this.revision;
    const recording = this.recording;
    const timelines = [...recording.timelines()];
    const { timeline, info, time, times } = this.#view;
    if (!timeline || !info || times.length === 0) {
      return html`<div class="bar empty" part="bar" role="group" aria-label="Time control">
        <span role="status">No timeline data</span>
      </div>`;
    }
    const index = time === undefined ? times.length - 1 : floorIndex(times, time);
    const formatted = this.formattedTime;
    const format = (t: bigint) => formatTime(t, info.kind, { timeZone: this.timeZone });
    return html`<div class="bar" part="bar" role="group" aria-label="Time control">
      ${
        timelines.length > 1
          ? html`<select
              part="timeline-select"
              aria-label="Timeline"
              .value=${timeline}
              @change=${(e: Event) => recording.setTimeline((e.target as HTMLSelectElement).value)}
            >
              ${timelines.map(([name, t]) => html`<option value=${name} ?selected=${name === timeline}>${name} (${t.kind})</option>`)}
            </select>`
          : nothing
      }
      <button
        part="step-back"
        type="button"
        aria-label="Step back"
        title="Step back (←)"
        @click=${() => this.stepBack()}
      >
        ${icon('M3 2h2v12H3zM14 2v12L6 8z')}
      </button>
      <button
        part="play"
        type="button"
        aria-label=${this.playing ? 'Pause' : 'Play'}
        title=${this.playing ? 'Pause (Space)' : 'Play (Space)'}
        @click=${() => this.togglePlay()}
      >
        ${icon(this.playing ? 'M3 2h4v12H3zM9 2h4v12H9z' : 'M4 2v12l10-6z')}
      </button>
      <button
        part="step-forward"
        type="button"
        aria-label="Step forward"
        title="Step forward (→)"
        @click=${() => this.stepForward()}
      >
        ${icon('M11 2h2v12h-2zM2 2v12l8-6z')}
      </button>
      <input
        part="scrubber"
        type="range"
        min="0"
        max=${times.length - 1}
        step="1"
        .value=${String(index)}
        aria-label=${`Time on ${timeline}`}
        aria-valuetext=${formatted}
        @input=${(e: Event) => this.#seekIndex(Number((e.target as HTMLInputElement).value))}
      />
      <output part="time" aria-live="off" title=${`${format(info.min)} … ${format(info.max)}`}
        >${formatted}</output
      >
      <label part="loop"
        ><input
          type="checkbox"
          .checked=${this.loop}
          @change=${(e: Event) => (this.loop = (e.target as HTMLInputElement).checked)}
        />Loop</label
      >
      <select
        part="speed"
        aria-label="Playback speed"
        @change=${(e: Event) => (this.speed = Number((e.target as HTMLSelectElement).value))}
      >
        ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === this.speed}>${s}×</option>`)}
      </select>
    </div>`;
  }
}

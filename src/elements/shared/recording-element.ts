/**
 * Base of every element that reads a recording: finds the nearest `<rr-context>` (or the page's
 * default recording) and follows its changes.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import {
  defaultRecording,
  type Recording,
  type RecordingErrorDetail,
} from '../../store/recording.js';
import { ensureContextRoot, recordingContext } from './recording-context.js';

export abstract class RecordingElement extends LitElement {
  #consumer = new ContextConsumer(this, {
    context: recordingContext,
    subscribe: true,
    callback: () => this.#syncRecording(),
  });
  #current: Recording | undefined;

  constructor() {
    super();
    ensureContextRoot();
  }

  /** The recording this element reads and writes: the nearest `<rr-context>`'s, else the page's default. */
  get recording(): Recording {
    return this.#consumer.value ?? defaultRecording();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#syncRecording();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#current) {
      const old = this.#current;
      this.#current = undefined;
      old.removeEventListener('change', this.#onChange);
      old.removeEventListener('time-change', this.#onChange);
      old.removeEventListener('error', this.#onError);
      this.recordingDisconnected(old);
    }
  }

  #syncRecording(): void {
    if (!this.isConnected) return;
    const next = this.recording;
    const old = this.#current;
    if (old === next) return;
    if (old) {
      old.removeEventListener('change', this.#onChange);
      old.removeEventListener('time-change', this.#onChange);
      old.removeEventListener('error', this.#onError);
      this.recordingDisconnected(old);
    }
    this.#current = next;
    next.addEventListener('change', this.#onChange);
    next.addEventListener('time-change', this.#onChange);
    next.addEventListener('error', this.#onError);
    this.recordingConnected(next);
  }

  #onChange = (event: Event): void => {
    this.recordingChanged(event);
  };

  #onError = (event: Event): void => {
    this.recordingError(event as CustomEvent<RecordingErrorDetail>);
  };

  /**
   * A value logged into the recording was not stored (its `error` event). An element that
   * shows the entity reports it (`reportError`) and calls `preventDefault()`, so that the
   * `<rr-context>` does not report it again.
   */
  protected recordingError(_event: CustomEvent<RecordingErrorDetail>): void {}

  /** The element now uses this recording (on connect, or when a provider appeared). */
  protected recordingConnected(_recording: Recording): void {}
  /** The element stopped using this recording. */
  protected recordingDisconnected(_recording: Recording): void {}
  /** The recording's data or time cursor changed. */
  protected recordingChanged(_event: Event): void {}
}

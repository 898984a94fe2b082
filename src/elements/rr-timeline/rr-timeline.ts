import { RrTimeline } from './rr-timeline.component.js';

export { RrTimeline };

if (!customElements.get('rr-timeline')) customElements.define('rr-timeline', RrTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'rr-timeline': RrTimeline;
  }
}

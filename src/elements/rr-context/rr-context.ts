import { RrContext } from './rr-context.component.js';

export { RrContext };

if (!customElements.get('rr-context')) customElements.define('rr-context', RrContext);

declare global {
  interface HTMLElementTagNameMap {
    'rr-context': RrContext;
  }
}

import { RrView } from './rr-view.component.js';

export { RrView };

if (!customElements.get('rr-view')) customElements.define('rr-view', RrView);

declare global {
  interface HTMLElementTagNameMap {
    'rr-view': RrView;
  }
}

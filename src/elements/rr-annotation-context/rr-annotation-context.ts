import { RrAnnotationContext } from './rr-annotation-context.component.js';

export { RrAnnotationContext };

if (!customElements.get('rr-annotation-context'))
  customElements.define('rr-annotation-context', RrAnnotationContext);

declare global {
  interface HTMLElementTagNameMap {
    'rr-annotation-context': RrAnnotationContext;
  }
}

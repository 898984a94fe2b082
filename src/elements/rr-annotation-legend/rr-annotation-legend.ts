import { RrAnnotationLegend } from './rr-annotation-legend.component.js';

export { RrAnnotationLegend };
export type { ClassHoverDetail, ClassToggleDetail } from './rr-annotation-legend.component.js';

if (!customElements.get('rr-annotation-legend'))
  customElements.define('rr-annotation-legend', RrAnnotationLegend);

declare global {
  interface HTMLElementTagNameMap {
    'rr-annotation-legend': RrAnnotationLegend;
  }
}

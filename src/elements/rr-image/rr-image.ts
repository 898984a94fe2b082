import { RrImage } from './rr-image.component.js';

export { RrImage };

if (!customElements.get('rr-image')) customElements.define('rr-image', RrImage);

declare global {
  interface HTMLElementTagNameMap {
    'rr-image': RrImage;
  }
}

/**
 * rr-elements: registers every element and exports every class, type and helper (bundle.ts),
 * with the `.npy` reader. Bundlers keep the reader only where it is used; the CDN bundle, which
 * cannot drop exports, has it as `dist/cdn/npy.js` beside `rr-elements.js`.
 */
export * from './bundle.js';
export { parseNpy, npyToImageRow } from './io/npy.js';

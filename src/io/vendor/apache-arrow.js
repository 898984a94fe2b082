// apache-arrow, as the package ships it: `npm run build` bundles this file (with apache-arrow
// and its dependencies) into dist/io/vendor/apache-arrow.js, so users of rr-elements install
// no apache-arrow (nor the @types/node it depends on). The tests and the CDN build resolve it
// from node_modules. Loaded only by io/arrow.ts, on first use.
export * from 'apache-arrow';

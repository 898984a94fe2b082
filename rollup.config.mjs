// The CDN build: one self-contained, minified ES module (lit and @lit/context inside)
// that registers every element: <script type="module" src=".../dist/cdn/rr-elements.js">.
// Code behind a dynamic import() (apache-arrow, say) becomes a chunk of its own beside it, so
// pages that never read Arrow data never download it. Its module is src/bundle.ts: the package
// root without the .npy reader, which is `dist/cdn/npy.js` (npyEntry below).
// The npm build (dist/*.js + .d.ts, dependencies left as bare imports) is tsc's job, not ours.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { readFileSync } from 'node:fs';
import { minifyLiterals } from './scripts/minify-literals.mjs';
import { compactDecorators } from './scripts/compact-decorators.mjs';

/**
 * Strips comments and indentation from the GLSL, CSS and HTML template literals of src/**\/*.ts
 * (minify-literals.mjs): terser keeps string contents, and their comments (which explain Rerun's
 * maths or a layout choice in the source) would otherwise ship in the bundle.
 */
function minifyTemplates() {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      const out = minifyLiterals(code);
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * lit's `@property()`/`@state()` fields as the `createProperty()` calls they make
 * (compact-decorators.mjs): tsc's `__decorate([...], X.prototype, …)` calls and tslib's helper
 * cost ~0.45 KB gzipped. Runs on tsc's output (the typescript plugin's `load`).
 */
function compactLitDecorators() {
  return {
    name: 'compact-decorators',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      const out = compactDecorators(code);
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * Gives the packages in node_modules (apache-arrow: __awaiter, __asyncGenerator, …) a copy of
 * tslib of their own. With one shared tslib module, rollup keeps every helper any chunk uses in
 * the entry, so rr-elements.js carried the async-iterator helpers only the lazy Arrow chunk
 * calls (~0.8 KB gzipped); our own code needs only __decorate.
 */
function vendorTslib() {
  const suffix = '?vendor';
  return {
    name: 'vendor-tslib',
    async resolveId(source, importer, options) {
      if (source !== 'tslib' || !importer || !importer.includes('/node_modules/')) return null;
      if (importer.endsWith(suffix)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && { ...resolved, id: resolved.id + suffix };
    },
    load(id) {
      return id.endsWith(suffix) ? readFileSync(id.slice(0, -suffix.length), 'utf8') : null;
    },
  };
}

/**
 * `dist/cdn/npy.js`: `parseNpy` and `npyToImageRow` for CDN pages, from the lazy chunk of
 * src/io/npy.ts that the elements load for `.npy` data (one copy of the reader, and of the
 * ImageFormatError it throws), and `isNpy` from the bundle. A second entry in this build would
 * instead move every module the two share (image-format.ts, …) into a third file that
 * rr-elements.js imports.
 */
function npyEntry() {
  const names = ['parseNpy', 'npyToImageRow'];
  return {
    name: 'npy-entry',
    generateBundle(_, bundle) {
      const chunk = Object.values(bundle).find(
        (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/io/npy.ts'),
      );
      const missing = names.filter((name) => !chunk?.exports.includes(name));
      if (missing.length) this.error(`the .npy chunk does not export ${missing.join(', ')}`);
      this.emitFile({
        type: 'asset',
        fileName: 'npy.js',
        source: `export{${names.join(',')}}from"./${chunk.fileName}";export{isNpy}from"./rr-elements.js";\n`,
      });
    },
  };
}

/** Names the bundled packages and their licences at the top of each vendored file. */
function licenceBanner() {
  const versions = [
    'apache-arrow',
    'flatbuffers',
    'json-with-bigint',
    '@bufbuild/protobuf',
    'tslib',
  ]
    .map((name) => {
      const pkg = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
      return `${name} ${pkg.version} (${pkg.license})`;
    })
    .join(', ');
  return {
    name: 'licence-banner',
    renderChunk: (code) => ({
      code: `/*! Bundled from npm: ${versions}. Apache-2.0 text: LICENSE-APACHE in this package. */\n${code}`,
      map: null,
    }),
  };
}

const plugins = () => [
  vendorTslib(),
  minifyTemplates(),
  compactLitDecorators(),
  // `browser` and the default (non-`development`) conditions: lit's production build,
  // without its dev-mode warnings and checks.
  nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
  typescript({
    tsconfig: './tsconfig.json',
    // Declarations come from tsc; here they would only land in dist/cdn.
    declaration: false,
    declarationMap: false,
    outDir: 'dist/cdn',
    noEmitOnError: true,
  }),
  // Two compress passes: what the first inlines, the second can drop (~0.2 KB gzipped).
  terser({ format: { comments: false }, ecma: 2020, module: true, compress: { passes: 2 } }),
];

function onwarn(warning, warn) {
  // lit's decorators compiled by tsc refer to `this` at the top level of a module; harmless.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
}

export default [
  {
    input: 'src/bundle.ts',
    // The lazy Arrow/.rrd chunks import from the entry; without this rollup would move the whole
    // entry into a shared chunk behind a one-line facade, and rr-elements.js would no longer be
    // the module that holds the elements (nor what the size budget measures).
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: 'rr-elements.js',
      chunkFileNames: '[name]-[hash].js',
      sourcemap: 'hidden',
    },
    plugins: [...plugins(), npyEntry()],
    onwarn,
  },
  // The 16-bit PNG decoder's module Worker (src/io/png16.worker.ts, fast-png inside) as one file
  // beside rr-elements.js, where `new URL('./png16.worker.js', import.meta.url)` finds it.
  {
    input: 'src/io/png16.worker.ts',
    output: {
      file: 'dist/cdn/png16.worker.js',
      format: 'es',
      inlineDynamicImports: true,
      sourcemap: 'hidden',
    },
    plugins: plugins(),
    onwarn,
  },
  // The anywidget front end as ONE file (lazy chunks inlined): a Jupyter widget's `_esm` is a
  // single module, and the Python package ships it (python/rr_elements/static/). Loaded from a
  // blob: URL there, it finds no png16.worker.js: 16-bit PNGs are decoded on the main thread.
  {
    input: 'src/anywidget/index.ts',
    output: {
      file: 'dist/cdn/rr-elements-anywidget.js',
      format: 'es',
      inlineDynamicImports: true,
      sourcemap: 'hidden',
    },
    plugins: plugins(),
    onwarn,
  },
  // The npm build's own copies of apache-arrow and @bufbuild/protobuf's wire format (tsc leaves
  // src/io/vendor/*.js, re-exports of the packages, to this build): users install neither, and
  // their bundlers put them in the lazy chunk of the Arrow / .rrd code.
  {
    input: {
      'apache-arrow': 'src/io/vendor/apache-arrow.js',
      'protobuf-wire': 'src/io/vendor/protobuf-wire.js',
    },
    output: {
      dir: 'dist/io/vendor',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
    },
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
      terser({ format: { comments: false }, ecma: 2020, module: true }),
      licenceBanner(),
    ],
    onwarn,
  },
];

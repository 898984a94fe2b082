/**
 * @web/dev-server plugin compiling `.svelte` files with the real Svelte compiler when the
 * browser asks for them, so the Svelte 5 tests run what a Svelte app would ship.
 *
 * The test runner resolves packages with the `development` export condition only, which picks
 * Svelte's server entry and tells `esm-env` it is not in a browser; a Svelte app's bundler
 * (Vite) resolves with `browser`, so this plugin does the same for those two packages.
 */
import { compile } from 'svelte/compiler';

export function sveltePlugin() {
  return {
    name: 'rr-svelte',
    resolveImport({ source }) {
      if (source === 'svelte') return '/node_modules/svelte/src/index-client.js';
      if (source === 'esm-env/browser') return '/node_modules/esm-env/true.js';
      // Matches `dev: false` below: a production build, as an app ships.
      if (source === 'esm-env/development') return '/node_modules/esm-env/false.js';
      return undefined;
    },
    resolveMimeType(context) {
      if (context.path.endsWith('.svelte')) return 'js';
      return undefined;
    },
    transform(context) {
      if (!context.path.endsWith('.svelte')) return undefined;
      const { js, warnings } = compile(context.body, {
        filename: context.path,
        generate: 'client',
        dev: false,
      });
      for (const w of warnings) console.warn(`[svelte] ${context.path}: ${w.message}`);
      return { body: js.code };
    },
  };
}

/**
 * @web/dev-server plugin compiling `.svelte` files with the real Svelte compiler when the
 * browser asks for them, so the Svelte 5 tests run what a Svelte app would ship.
 */
import { compile } from 'svelte/compiler';

export function sveltePlugin() {
  return {
    name: 'rr-svelte',
    resolveMimeType(context) {
      if (context.path.endsWith('.svelte')) return 'js';
      return undefined;
    },
    transform(context) {
      if (!context.path.endsWith('.svelte')) return undefined;
      const { js, warnings } = compile(context.body, { filename: context.path, generate: 'client', dev: false });
      for (const w of warnings) console.warn(`[svelte] ${context.path}: ${w.message}`);
      return { body: js.code };
    },
  };
}

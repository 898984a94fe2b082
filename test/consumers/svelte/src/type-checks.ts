// Not shown in the docs: proves that the markup types are in effect (svelte-check fails when an
// expected error does not happen).
import type { SvelteHTMLElements } from 'svelte/elements';
import 'rr-elements/svelte';

// @ts-expect-error opacity is a number
export const badOpacity: SvelteHTMLElements['rr-image'] = { opacity: 'half' };
export const handler: SvelteHTMLElements['rr-view'] = {
  // @ts-expect-error a hover's detail has picks, not pick
  'onrr-hover': (event) => event.detail.pick,
};

import { expect } from '@open-wc/testing';
import { Runtime } from '@observablehq/runtime';
import define from '../../docs/snippets/observable-notebook.js';
import { hoverCanvas } from '../helpers/hover.js';
import { builtBundle, expectImageSimple } from './scenario.js';

type ViewElement = HTMLElement & {
  snapshot(): Promise<ImageData>;
  renderComplete(): Promise<void>;
};

/** Runs the documented notebook, with its `rr` cell pointed at the local build of the bundle. */
async function runNotebook() {
  const bundle = await builtBundle();
  const runtime = new Runtime();
  const values = new Map<string, unknown[]>();
  const waiters = new Map<string, Array<(value: unknown) => void>>();
  const errors: unknown[] = [];
  const module = runtime.module(define, (name) => ({
    fulfilled(value: unknown) {
      values.set(name, [...(values.get(name) ?? []), value]);
      for (const resolve of waiters.get(name) ?? []) resolve(value);
      waiters.delete(name);
    },
    rejected(error: unknown) {
      errors.push(error);
    },
  }));
  // Observable's own way of replacing a cell, as "import … with" does.
  module.redefine('rr', () => import(/* @vite-ignore */ bundle));
  const next = (name: string) =>
    new Promise<unknown>((resolve) => waiters.set(name, [...(waiters.get(name) ?? []), resolve]));
  return { runtime, module, values, next, errors };
}

describe('Observable: a notebook module on @observablehq/runtime', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it("shows Rerun's image_simple with the exact pixels from the view cell", async () => {
    const notebook = await runNotebook();
    const view = (await notebook.module.value('view')) as ViewElement;
    document.body.append(view);
    cleanup = () => {
      notebook.runtime.dispose();
      view.remove();
    };
    expect(view.localName).to.equal('rr-view');
    expect(customElements.get('rr-view'), 'the bundle registered the tag').to.not.equal(undefined);
    await expectImageSimple(view);
    expect(notebook.errors).to.deep.equal([]);
  });

  it('feeds rr-hover into a reactive cell', async () => {
    const notebook = await runNotebook();
    const view = (await notebook.module.value('view')) as ViewElement;
    document.body.append(view);
    cleanup = () => {
      notebook.runtime.dispose();
      view.remove();
    };
    await view.renderComplete();
    // Let the runtime start the hover cell's generator before the pointer moves.
    await new Promise((r) => setTimeout(r, 50));
    const hover = notebook.next('hover');
    hoverCanvas(view, 1 / 3, 0.5);
    const picks = (await hover) as Array<{ entity: string; value: unknown }>;
    expect(picks[0]).to.deep.include({ entity: '/image', value: [0, 255, 0] });
  });
});

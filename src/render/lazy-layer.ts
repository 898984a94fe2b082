/**
 * A layer whose implementation is a lazy chunk: it stands in for the real layer (same kind,
 * same contract) and loads it when its entity first has data, so a page that never shows such
 * data never downloads the code. While the chunk loads, the layer is `loading` and `pending`
 * holds the load (renderComplete() and snapshot() wait for it); then the view updates it again
 * and every call goes to the real layer.
 */
import type {
  LayerFrame,
  LayerKind,
  LayerOverrides,
  LayerPick,
  LayerQuery,
  LayerState,
  PickContext,
  SceneRect,
  ViewLayer,
} from './layer.js';
import type { OutlineDrawable } from './outline.js';
import type { Drawable } from './renderer.js';
import type { ResolvedLabel } from '../store/geometry/types.js';

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class LazyLayer implements ViewLayer {
  #inner: ViewLayer | undefined;
  #pending: Promise<void> | undefined;
  #state: LayerState = { status: 'empty' };
  #disposed = false;

  /**
   * @param defaultDrawOrder the draw order until the real layer says (the archetype's default)
   * @param load makes the real layer (a dynamic `import()` of its module)
   * @param hasData whether the layer has something to show or say (data at the query's time)
   * @param what names the code in the message when it cannot be loaded (`the depth image code`)
   */
  constructor(
    readonly kind: LayerKind,
    private readonly defaultDrawOrder: number,
    private readonly load: () => Promise<ViewLayer>,
    private readonly hasData: (query: LayerQuery, overrides: LayerOverrides) => boolean,
    private readonly onAsyncChange: () => void,
    private readonly what: string,
  ) {}

  get state(): LayerState {
    return this.#inner?.state ?? this.#state;
  }

  get pending(): Promise<void> | undefined {
    return this.#inner ? this.#inner.pending : this.#pending;
  }

  get bounds(): SceneRect | undefined {
    return this.#inner?.bounds;
  }

  get drawOrder(): number {
    return this.#inner?.drawOrder ?? this.defaultDrawOrder;
  }

  get labels(): readonly ResolvedLabel[] | undefined {
    return this.#inner?.labels;
  }

  get visualizer(): string | undefined {
    return this.#inner?.visualizer;
  }

  /** @internal The real layer, once loaded (tests read it). */
  get inner(): ViewLayer | undefined {
    return this.#inner;
  }

  update(query: LayerQuery, overrides: LayerOverrides): LayerState {
    if (this.#inner) return this.#inner.update(query, overrides);
    // A failed load is not retried by this layer (its error stays shown).
    if (this.#state.status === 'error') return this.#state;
    if (!this.hasData(query, overrides)) return (this.#state = { status: 'empty' });
    this.#pending ??= this.load().then(
      (layer) => {
        this.#pending = undefined;
        if (this.#disposed) return layer.dispose();
        this.#inner = layer;
        this.onAsyncChange();
      },
      (error: unknown) => {
        this.#pending = undefined;
        this.#state = {
          status: 'error',
          message: `could not load ${this.what} (${errorMessage(error)})`,
        };
        this.onAsyncChange();
      },
    );
    return (this.#state = { status: 'loading' });
  }

  prepare(frame: LayerFrame): Drawable | undefined {
    return this.#inner?.prepare(frame);
  }

  pick(x: number, y: number, context: PickContext): LayerPick | undefined {
    return this.#inner?.pick(x, y, context);
  }

  pickInstance(instance: number, at: [number, number]): LayerPick | undefined {
    return this.#inner?.pickInstance?.(instance, at);
  }

  outline(instance: number): OutlineDrawable | undefined {
    return this.#inner?.outline?.(instance);
  }

  dispose(): void {
    this.#disposed = true;
    this.#inner?.dispose();
    this.#inner = undefined;
  }
}

/**
 * How layer elements join their view: `<rr-view>` provides one stable LayerHost through
 * @lit/context (the Context Community Protocol, so it crosses shadow roots and works in any
 * framework), and each layer element registers with it, as material-web's menu items do
 * (`itemConnected` / `itemDisconnected`). A layer that no view answers is a view of its own; a
 * view defined later still reaches it, because the context root replays the unanswered request.
 */
import { createContext } from '@lit/context';
import type { PickResult, SnapshotOptions, ViewLayerEntry } from './view-controller.js';

/** What a view offers the layers inside it. */
export interface LayerHost {
  /** A layer joined the view. */
  layerConnected(entry: ViewLayerEntry): void;
  /** A layer left the view. */
  layerDisconnected(entry: ViewLayerEntry): void;
  /** A layer's data or settings changed: the view redraws. */
  layerChanged(entry: ViewLayerEntry): void;
  snapshot(options?: SnapshotOptions): Promise<ImageData>;
  pick(x: number, y: number): PickResult[];
  renderComplete(): Promise<void>;
}

/** The context key `<rr-view>` provides its LayerHost under. */
export const viewContext = createContext<LayerHost>(Symbol.for('rr-elements.view'));

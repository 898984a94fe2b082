/**
 * The label painter (render/labels.ts) as the view uses it, set by the module that makes labels
 * (render/geometry-layer.ts) when it loads. Only geometry layers have labels, so a page with
 * image layers only (`import 'rr-elements/rr-image.js'`) never loads the label code.
 */
import type * as Labels from './labels.js';

export type LabelPainter = Pick<typeof Labels, 'layoutLabels' | 'paintLabels' | 'compositeLabels'>;

let painter: LabelPainter | undefined;

/** Called once by the label-making module. */
export function setLabelPainter(p: LabelPainter): void {
  painter = p;
}

/** The painter, or undefined while no module that makes labels is loaded (so there are none). */
export function labelPainter(): LabelPainter | undefined {
  return painter;
}

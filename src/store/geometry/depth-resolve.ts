/**
 * A DepthImage's settings with Rerun's fallbacks (SPEC §12.10). Only the depth image layer
 * (a lazy chunk) resolves them; the readers it uses are depth.ts's, which `log()` and
 * `<rr-depth-image>` also use, in the page's bundle.
 */
import { isFloatDatatype, type ChannelDatatypeName } from '../image-format.js';
import type { Samples } from '../value-range.js';
import { parseDepthColormap, parseDepthRange } from './depth.js';
import { DEFAULT_DRAW_ORDER } from './draw-order.js';
import { describe, issue } from './issues.js';
import { parseNumber } from './parse.js';
import type { DepthImageSettingsInput, GeometryIssue, ResolvedDepthImage } from './types.js';

/**
 * The largest finite sample, for the default range `[0, max]` (`default_range_for_depth_images`).
 * Undefined when there is none.
 */
export function largestFiniteSample(samples: Samples): number | undefined {
  let max = -Infinity;
  if (samples instanceof BigInt64Array || samples instanceof BigUint64Array) {
    let hi: bigint | undefined;
    for (const v of samples) if (hi === undefined || v > hi) hi = v;
    return hi === undefined ? undefined : Number(hi);
  }
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i]!;
    if (v > max && v !== Infinity) max = v;
  }
  return max === -Infinity ? undefined : max;
}

/**
 * A DepthImage's settings with Rerun's fallbacks: meter 1000 for integer data, 1 for float
 * data; range `[0, largest finite sample]` (`samples` decoded to numbers; the minimum is 0
 * even with negative data); Turbo; draw order −20; opacity always 1.
 *
 * Decision where Rerun is undefined (SPEC §12.13 item 8): when the largest finite sample is
 * ≤ 0, or there is none, the range is `[0, 1]`, so every sample shows the map's first colour.
 */
export function resolveDepthImage(
  settings: DepthImageSettingsInput,
  datatype: ChannelDatatypeName,
  samples: Samples,
): ResolvedDepthImage {
  const issues: GeometryIssue[] = [];
  const input = typeof settings === 'object' && settings !== null ? settings : {};
  const meter = parseNumber(input.meter, 'meter');
  issues.push(...meter.issues);
  let meterValue = meter.value;
  if (meterValue !== undefined && !(meterValue > 0)) {
    issues.push(issue('meter', 'a positive number of raw units per metre', describe(meterValue)));
    meterValue = undefined;
  }
  const range = parseDepthRange(input.depthRange);
  issues.push(...range.issues);
  const colormap = parseDepthColormap(input.colormap);
  issues.push(...colormap.issues);
  const drawOrder = parseNumber(input.drawOrder, 'drawOrder');
  issues.push(...drawOrder.issues);
  let resolvedRange = range.value;
  if (!resolvedRange) {
    const max = largestFiniteSample(samples);
    resolvedRange = max !== undefined && max > 0 ? [0, max] : [0, 1];
  }
  return {
    meter: meterValue ?? (isFloatDatatype(datatype) ? 1 : 1000),
    range: resolvedRange,
    colormap: colormap.value ?? 'turbo',
    drawOrder: drawOrder.value ?? DEFAULT_DRAW_ORDER.DepthImage,
    opacity: 1,
    issues,
  };
}

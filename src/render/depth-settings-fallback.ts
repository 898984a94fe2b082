/**
 * TEMPORARY until issue-14a's `src/store/geometry` lands: the DepthImage fallbacks of SPEC
 * §12.10 with the signatures of `src/store/geometry/types.ts`. Replaced by the real module.
 */
import { isFloatDatatype, type ImageFormat } from '../store/image-format.js';
import { valueStats, type Samples } from '../store/value-range.js';

export type DepthColormapName =
  | 'grayscale'
  | 'inferno'
  | 'magma'
  | 'plasma'
  | 'turbo'
  | 'viridis'
  | 'cyan-to-yellow'
  | 'spectral'
  | 'twilight';

const NAMES: DepthColormapName[] = [
  'grayscale',
  'inferno',
  'magma',
  'plasma',
  'turbo',
  'viridis',
  'cyan-to-yellow',
  'spectral',
  'twilight',
];

export interface DepthImageSettingsInput {
  meter?: number | string;
  depthRange?: ArrayLike<number> | string;
  colormap?: DepthColormapName | string | number;
  drawOrder?: number | string;
}

export interface ResolvedDepthImage {
  meter: number;
  range: [number, number];
  colormap: DepthColormapName;
  drawOrder: number;
  opacity: 1;
  issues: { message: string }[];
}

export function resolveDepthImage(
  settings: DepthImageSettingsInput,
  format: ImageFormat,
  samples: Samples,
): ResolvedDepthImage {
  const meter =
    settings.meter !== undefined
      ? Number(settings.meter)
      : isFloatDatatype(format.channelDatatype)
        ? 1
        : 1000;
  let range: [number, number];
  if (settings.depthRange !== undefined) {
    const r =
      typeof settings.depthRange === 'string'
        ? settings.depthRange
            .trim()
            .split(/[\s,]+/)
            .map(Number)
        : Array.from(settings.depthRange);
    range = [r[0], r[1]];
  } else {
    range = [0, valueStats(samples, format.channelDatatype).finiteRange[1]];
  }
  let colormap: DepthColormapName = 'turbo';
  if (typeof settings.colormap === 'number') colormap = NAMES[settings.colormap - 1];
  else if (typeof settings.colormap === 'string')
    colormap = settings.colormap
      .trim()
      .toLowerCase()
      .replace(/_/g, '-')
      .replace('cyantoyellow', 'cyan-to-yellow') as DepthColormapName;
  const issues: { message: string }[] = [];
  if (!NAMES.includes(colormap))
    issues.push({
      message: `colormap: expected one of ${NAMES.join(', ')}, got ${String(settings.colormap)}`,
    });
  return {
    meter,
    range,
    colormap,
    drawOrder: settings.drawOrder !== undefined ? Number(settings.drawOrder) : -20,
    opacity: 1,
    issues,
  };
}

export function formatDepth(raw: number, meter: number): string {
  const m = raw / meter;
  return m < 1 ? `${(m * 1000).toFixed(1)} mm` : `${m.toFixed(3)} m`;
}

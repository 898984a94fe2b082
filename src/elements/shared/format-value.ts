/** Hover text for a picked value, as Rerun's tooltip words it (SPEC §3.7). */
import type { LayerPick } from '../../render/layer.js';

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toPrecision(6).replace(/\.?0+$/, '');
}

/** `Val: 3`, `L: 128`, `RGB: 255, 0, 0 #FF0000`, `BGR: 0, 0, 255 #0000FF` … */
export function formatPickValue(pick: LayerPick): string | undefined {
  const value = pick.value;
  // A geometry instance has no sample value: its tooltip names the instance instead.
  if (value === undefined) return undefined;
  const values = typeof value === 'number' ? [value] : value;
  const name =
    pick.valueName ??
    (pick.classId !== undefined
      ? 'Val'
      : values.length === 1
        ? 'L'
        : values.length === 3
          ? 'RGB'
          : values.length === 4
            ? 'RGBA'
            : 'Val');
  const text = values.map(formatNumber).join(', ');
  // Rerun adds the hex form for colour bytes.
  const bytes =
    name !== 'Val' &&
    values.length > 1 &&
    values.every((v) => Number.isInteger(v) && v >= 0 && v <= 255);
  const hex = bytes
    ? ' #' + values.map((v) => v.toString(16).padStart(2, '0').toUpperCase()).join('')
    : '';
  return `${name}: ${text}${hex}`;
}

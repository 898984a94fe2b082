/** Hover text for a picked value, as Rerun's tooltip words it (SPEC §3.7). */
import type { LayerPick } from '../../render/layer.js';

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toPrecision(6).replace(/\.?0+$/, '');
}

/** `Val: 3`, `L: 128`, `RGB: 255, 0, 0 #FF0000` … */
export function formatPickValue(pick: LayerPick): string {
  const value = pick.value;
  if (typeof value === 'number') return `${pick.classId !== undefined ? 'Val' : 'L'}: ${formatNumber(value)}`;
  const name = value.length === 3 ? 'RGB' : value.length === 4 ? 'RGBA' : 'Val';
  const text = value.map(formatNumber).join(', ');
  const bytes = value.every((v) => Number.isInteger(v) && v >= 0 && v <= 255);
  const hex = bytes ? ' #' + value.map((v) => v.toString(16).padStart(2, '0').toUpperCase()).join('') : '';
  return `${name}: ${text}${hex}`;
}

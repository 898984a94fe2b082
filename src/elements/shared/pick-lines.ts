/**
 * The tooltip's lines for one pick, as Rerun's hover words them (SPEC §3.7, §12.9, §12.10):
 * an instance is named by its instance path `entity[i]`, followed by its class, keypoint and
 * label; a pixel by its value (with `Depth:` first for depth images).
 */
import { formatDepth } from '../../store/geometry/depth.js';
import { formatPickValue } from './format-value.js';
import type { PickResult } from './view-controller.js';

export function pickLines(pick: PickResult, several: boolean): string[] {
  const lines: string[] = [];
  const { instance } = pick;
  const keypointId = (pick as { keypointId?: number }).keypointId;
  if (instance !== undefined) {
    // Geometry: the instance path, then what the annotation context says about it.
    lines.push(`${pick.entity}[${instance}]`);
    if (pick.classId !== undefined) lines.push(`Class: ${pick.classId}`);
    if (keypointId !== undefined) lines.push(`Keypoint: ${keypointId}`);
    if (pick.label !== undefined) lines.push(`Label: ${pick.label}`);
    return lines;
  }
  if (several) lines.push(pick.entity);
  // A class without a label (class 0 of most masks) has no Label line: its id is the value.
  if (pick.label !== undefined) lines.push(`Label: ${pick.label}`);
  if (pick.depth !== undefined) lines.push(`Depth: ${formatDepth(pick.depth, 1)}`);
  const value = formatPickValue(pick);
  if (value !== undefined) lines.push(value);
  return lines;
}

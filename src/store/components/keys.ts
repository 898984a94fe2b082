/**
 * Component keys and the rows elements log, without the Arrow side of the table: the main
 * bundle imports this file only, the table itself (`index.ts`) is for the lazily loaded readers
 * and writer.
 */
import type { ImageFormat } from '../image-format.js';

/** The archetypes whose pixels are a buffer described by a format. */
export const BUFFER_IMAGES = ['Image', 'SegmentationImage', 'DepthImage'] as const;

/** `drawOrder` → `draw_order`: Rerun's field names are snake_case. */
function snakeCase(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** The component key of an archetype field, e.g. (`Image`, `drawOrder`) → `Image:draw_order`. */
export function componentKey(archetype: string, field: string): string {
  return `${archetype}:${snakeCase(field)}`;
}

/**
 * The components of one buffer image, `{Archetype:buffer, Archetype:format}`. A segmentation
 * format keeps only width, height and datatype, as Rerun's SDK logs it
 * (segmentation_image_ext.py).
 */
export function imageRow(
  archetype: (typeof BUFFER_IMAGES)[number],
  buffer: Uint8Array,
  format: ImageFormat,
): Record<string, unknown> {
  const logged =
    archetype === 'SegmentationImage'
      ? { width: format.width, height: format.height, channelDatatype: format.channelDatatype }
      : format;
  return { [`${archetype}:buffer`]: buffer, [`${archetype}:format`]: logged };
}

import 'rr-elements';
import type {} from 'rr-elements/react'; // JSX types for the rr-* tags
import type { PickResult } from 'rr-elements';

/** The same with the plain tag: React 19 sets `buffer` and `format` as properties. */
export function ImageViewTag({
  pixels,
  width,
  height,
  onPick,
}: {
  pixels: Uint8Array;
  width: number;
  height: number;
  onPick: (picks: PickResult[]) => void;
}) {
  return (
    <rr-image
      entity="image"
      buffer={pixels}
      format={{ width, height, colorModel: 'RGB', channelDatatype: 'U8' }}
      onrr-hover={(event) => onPick(event.detail.picks)}
    />
  );
}

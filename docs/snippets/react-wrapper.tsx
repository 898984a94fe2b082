import { RrImage } from 'rr-elements/react';
import type { PickResult } from 'rr-elements';

/** Shows an RGB picture; reports what the pointer is over. */
export function ImageView({
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
    <RrImage
      entity="image"
      buffer={pixels}
      format={{ width, height, colorModel: 'RGB', channelDatatype: 'U8' }}
      onRrHover={(event) => onPick(event.detail.picks)}
    />
  );
}

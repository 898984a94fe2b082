import { useState } from 'react';
import { RrImage } from 'rr-elements/react';
import { imageSimple } from './scene';

const pixels = imageSimple();

export function App() {
  const [hover, setHover] = useState('');
  return (
    <>
      <RrImage
        entity="image"
        buffer={pixels}
        format={{ width: 300, height: 200, colorModel: 'RGB', channelDatatype: 'U8' }}
        onRrHover={(event) => {
          const [pick] = event.detail.picks;
          setHover(pick ? `${pick.entity}: ${pick.value}` : '');
        }}
      />
      <p id="hover">{hover}</p>
    </>
  );
}

/** Rerun's image_simple: 300×200 red with a green square. */
export function imageSimple(): Uint8Array {
  const pixels = new Uint8Array(300 * 200 * 3);
  for (let y = 0; y < 200; y++) {
    for (let x = 0; x < 300; x++) {
      const green = x >= 50 && x < 150 && y >= 50 && y < 150;
      pixels.set(green ? [0, 255, 0] : [255, 0, 0], (y * 300 + x) * 3);
    }
  }
  return pixels;
}

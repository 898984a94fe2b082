// Shared by the environment demos (env-*.html): Rerun's image_simple pixels and a hover readout.

/** Rerun's image_simple: 300×200 RGB U8, red with a green square at rows/cols 50–149. */
export function imageSimple() {
  const pixels = new Uint8Array(300 * 200 * 3);
  for (let y = 0; y < 200; y++) {
    for (let x = 0; x < 300; x++) {
      const green = x >= 50 && x < 150 && y >= 50 && y < 150;
      pixels.set(green ? [0, 255, 0] : [255, 0, 0], (y * 300 + x) * 3);
    }
  }
  return pixels;
}

/** Writes what the pointer is over into the page's #hover line. */
export function showPicks(picks) {
  const out = document.getElementById('hover');
  if (out)
    out.textContent = picks.length ? picks.map((p) => `${p.entity}: ${p.value}`).join(' · ') : '–';
}

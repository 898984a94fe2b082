// An Observable notebook as a module for @observablehq/runtime (the form Observable exports).
// In the notebook editor these are three cells: `rr = import(…)`, `view = {…}` and `hover`.
export default function define(runtime, observer) {
  const main = runtime.module();
  main
    .variable()
    .define('rr', () => import('https://cdn.jsdelivr.net/npm/rr-elements/dist/cdn/rr-elements.js'));
  main.variable(observer('view')).define('view', ['rr'], () => {
    // Rerun's image_simple: 300×200 red with a green square
    const pixels = new Uint8Array(300 * 200 * 3);
    for (let i = 0; i < 300 * 200; i++) {
      const [x, y] = [i % 300, Math.floor(i / 300)];
      pixels.set(x >= 50 && x < 150 && y >= 50 && y < 150 ? [0, 255, 0] : [255, 0, 0], i * 3);
    }
    const view = document.createElement('rr-view');
    view.style.width = '300px';
    const image = document.createElement('rr-image');
    image.setAttribute('entity', 'image');
    image.format = { width: 300, height: 200, colorModel: 'RGB', channelDatatype: 'U8' };
    image.buffer = pixels;
    view.append(image);
    return view;
  });
  // A reactive cell fed by rr-hover: what the pointer is over.
  main.variable(observer('hover')).define('hover', ['view'], async function* (view) {
    for (;;)
      yield await new Promise((resolve) =>
        view.addEventListener('rr-hover', (e) => resolve(e.detail.picks), { once: true }),
      );
  });
  return main;
}

// Server-side rendering (Next.js, Nuxt, SvelteKit, Astro): every entry point of the built
// package imports in Node without touching the DOM or WebGL, and React's renderToString of the
// wrappers writes the tags with their attributes. Run by `npm test` (node --test) after the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';

const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url)));
const tags = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .map((d) => d.tagName)
  .filter(Boolean);

test('every entry point imports in Node', async () => {
  assert.equal(typeof globalThis.WebGL2RenderingContext, 'undefined');
  assert.ok(tags.length >= 7, `tags in the manifest: ${tags}`);
  const entries = ['rr-elements', 'rr-elements/react', 'rr-elements/anywidget'];
  for (const tag of tags) entries.push(`rr-elements/${tag}.js`);
  for (const entry of entries) await import(entry); // throws on a top-level DOM/WebGL access
  const lib = await import('rr-elements');
  assert.equal(typeof lib.Recording, 'function');
});

test('renderToString of the React wrappers keeps attributes', async () => {
  const { RrContext, RrView, RrImage, RrSegmentation, RrAnnotationLegend, RrTimeline } =
    await import('rr-elements/react');
  const html = renderToString(
    h(
      RrContext,
      { className: 'scene' },
      h(
        RrView,
        { background: '#000', noTooltip: true, origin: 'camera' },
        h(RrImage, {
          entity: 'camera/photo',
          src: 'photo.jpg',
          colorModel: 'BGR',
          opacity: 0.5,
          format: { width: 2, height: 2, colorModel: 'RGB', channelDatatype: 'U8' },
          onRrHover: () => {},
        }),
        h(RrSegmentation, { entity: 'camera/mask', src: 'mask.png', drawOrder: 2 }),
      ),
      h(RrAnnotationLegend, { entity: 'camera/mask' }),
      h(RrTimeline, { fps: 10, loop: false }),
    ),
  );
  assert.equal(
    html,
    '<rr-context class="scene"><rr-view background="#000" no-tooltip="" origin="camera">' +
      '<rr-image entity="camera/photo" src="photo.jpg" color-model="BGR" opacity="0.5"></rr-image>' +
      '<rr-segmentation entity="camera/mask" src="mask.png" draw-order="2"></rr-segmentation>' +
      '</rr-view><rr-annotation-legend entity="camera/mask"></rr-annotation-legend>' +
      '<rr-timeline fps="10"></rr-timeline></rr-context>',
  );
});

test('renderToString of the plain tags (React 19)', async () => {
  await import('rr-elements');
  const html = renderToString(h('rr-image', { entity: 'image', src: 'a.png' }));
  assert.equal(html, '<rr-image entity="image" src="a.png"></rr-image>');
});

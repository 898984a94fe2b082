import { expect } from '@open-wc/testing';
import { compositeLabels, layoutLabels, LABEL_OFFSET } from './labels.js';
import type { ResolvedLabel } from '../store/geometry/types.js';
import { expectPixel, pixelAt } from '../../test/helpers/pixels.js';

/** A w×h picture: opaque (200, 0, 0) on the left half, transparent on the right. */
function picture(width: number, height: number): ImageData {
  const image = new ImageData(width, height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width / 2; x++) image.data.set([200, 0, 0, 255], (y * width + x) * 4);
  return image;
}

function label(text: string, anchor: [number, number], extra: Partial<ResolvedLabel> = {}) {
  return { text, anchor, color: [0, 255, 0, 255], instance: 0, ...extra } as ResolvedLabel;
}

const identity = { scale: 1, offset: [0, 0] as [number, number], pixelRatio: 1 };

describe('labels (SPEC §12.4.4)', () => {
  it('puts the (22, 22, 22, 128) background 5 px below the anchor, blended in gamma space', () => {
    const image = picture(200, 100);
    compositeLabels(image, [label('person', [50, 40])], identity);
    // Above the background (the anchor row itself) nothing changed.
    expectPixel(image, 50, 40, [200, 0, 0, 255]);
    // The background starts 4 px above the text, whose top is 5 px below the anchor: row 41.
    // Premultiplied (22, 22, 22, 128) over opaque (200, 0, 0): 22 + 200 · 127/255.
    expectPixel(image, 50, 41, [122, 22, 22, 255], 1);
    expectPixel(image, 50, 40 + LABEL_OFFSET - 1, [122, 22, 22, 255], 1);
  });

  it('keeps the background translucent over a transparent snapshot', () => {
    const image = picture(200, 100);
    compositeLabels(image, [label('car', [150, 40])], identity);
    // Straight alpha of premultiplied (22, 22, 22, 128): (44, 44, 44, 128).
    expectPixel(image, 150, 42, [44, 44, 44, 128], 1);
    expectPixel(image, 150, 39, [0, 0, 0, 0]);
  });

  it('draws the text in the instance colour inside its rectangle, centred under the anchor', () => {
    const image = picture(200, 100);
    const ctx = new OffscreenCanvas(1, 1).getContext('2d')!;
    const labels = [label('WWWW', [50, 30], { color: [0, 255, 0, 255] })];
    const [placed] = layoutLabels(ctx, labels, { ...identity, width: 200, height: 100 });
    expect(placed.y).to.equal(30 + LABEL_OFFSET);
    expect(Math.abs(placed.x + placed.width / 2 - 50)).to.be.at.most(1);
    compositeLabels(image, labels, identity);
    let best = 0;
    for (let y = placed.y; y < placed.y + placed.height; y++)
      for (let x = placed.x; x < placed.x + placed.width; x++) {
        const [r, g, b] = pixelAt(image, x, y);
        if (r < 40 && b < 40) best = Math.max(best, g);
      }
    expect(best, 'the greenest text pixel').to.be.at.least(240);
    // Nothing green outside the background.
    const [, g] = pixelAt(image, placed.box.x - 2, placed.y + 4);
    expect(g).to.equal(0);
  });

  it('shows markup as the literal characters it is', () => {
    const ctx = new OffscreenCanvas(1, 1).getContext('2d')!;
    const t = { ...identity, width: 300, height: 100 };
    const [literal] = layoutLabels(ctx, [label('<b>x</b>', [100, 10])], t);
    const [plain] = layoutLabels(ctx, [label('x', [100, 10])], t);
    expect(literal.lines).to.deep.equal(['<b>x</b>']);
    expect(literal.width).to.be.greaterThan(plain.width * 4);
  });

  it('wraps box labels at max(box width − 4, 60) UI points, keeps newlines, drops far-off anchors', () => {
    const ctx = new OffscreenCanvas(1, 1).getContext('2d')!;
    const t = { ...identity, width: 300, height: 100 };
    const long = 'a fairly long label for a narrow box';
    const [wrapped] = layoutLabels(ctx, [label(long, [100, 10], { boxWidth: 20 })], t);
    expect(wrapped.lines.length).to.be.greaterThan(1);
    expect(wrapped.width).to.be.at.most(60);
    const [lines] = layoutLabels(ctx, [label('one\ntwo', [100, 10])], t);
    expect(lines.lines).to.deep.equal(['one', 'two']);
    expect(layoutLabels(ctx, [label('far', [-101, 10])], t)).to.have.length(0);
    expect(layoutLabels(ctx, [label('near', [-99, 10])], t)).to.have.length(1);
  });

  it('collapses multi-line labels to their first line and … when more than five have several', () => {
    const ctx = new OffscreenCanvas(1, 1).getContext('2d')!;
    const t = { ...identity, width: 300, height: 100 };
    const many = Array.from({ length: 6 }, (_, i) => label(`l${i}\nmore`, [i * 40, 10]));
    expect(layoutLabels(ctx, many, t).map((p) => p.lines)).to.deep.equal(
      many.map((_, i) => [`l${i}…`]),
    );
    expect(layoutLabels(ctx, many.slice(0, 5), t)[0].lines).to.deep.equal(['l0', 'more']);
  });
});

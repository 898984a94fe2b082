import { expect } from '@open-wc/testing';
import { expectPixel, pixelAt } from '../helpers/pixels.js';

type ViewLike = HTMLElement & { snapshot(options?: { scale?: number }): Promise<ImageData> };

/** Loads a demo page in an iframe; resolves once `selector` matches an upgraded element. */
async function demoPage(page: string, selector: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1100px; height: 900px; border: 0';
  frame.src = `/demo/${page}`;
  document.body.append(frame);
  const deadline = performance.now() + 20000;
  for (;;) {
    const el = frame.contentDocument?.querySelector(selector) as ViewLike | null;
    // The page's own scripts set the data after the elements upgrade.
    if (el && typeof el.snapshot === 'function' && frame.contentDocument?.readyState === 'complete')
      return frame;
    if (performance.now() > deadline) throw new Error(`demo/${page}: no upgraded ${selector}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function element(frame: HTMLIFrameElement, selector: string): ViewLike {
  return frame.contentDocument!.querySelector(selector) as ViewLike;
}

describe('demo gallery: geometry and depth pages', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it("demo/depth.html shows depth_image_simple in Rerun's Turbo", async () => {
    frame = await demoPage('depth.html', '#depth');
    const shot = await element(frame, '#depth').snapshot();
    expectPixel(shot, 10, 10, [144, 13, 0, 255], 1);
    expectPixel(shot, 75, 75, [40, 218, 192, 255], 1);
    expectPixel(shot, 120, 140, [255, 171, 36, 255], 1);
  });

  it('demo/geometry.html shows points2d_ui_radius and annotation_context_rects', async () => {
    frame = await demoPage('geometry.html', '#ui-points');
    const views = [...frame.contentDocument!.querySelectorAll('rr-view')] as ViewLike[];
    expect(views.length).to.equal(10);
    // points2d_ui_radius: bounds [−1, 2]² at 100 px per unit; disc centres at full colour.
    const radius = await views[1].snapshot({ scale: 100 });
    expectPixel(radius, 100, 100, [0, 0, 255, 255]);
    expectPixel(radius, 200, 200, [255, 0, 0, 255]);
    expectPixel(radius, 150, 150, [0, 0, 0, 0]);
    // annotation_context_rects: bounds [−3, 3]² at 50 px per unit; box 0's left edge is red.
    const rects = await views[8].snapshot({ scale: 50 });
    expectPixel(rects, 50, 100, [255, 0, 0, 255], 1);
    expectPixel(rects, 250, 200, [0, 255, 0, 255], 1);
    // Its labels: backgrounds 5 px below the bottom-edge centres (125, 200) and (200, 250).
    expect(pixelAt(rects, 125, 203)[3]).to.be.greaterThan(100);
  });

  it('demo/pose.html shows the photo, the mask, the box and the skeleton', async () => {
    frame = await demoPage('pose.html', '#pose-view');
    const shot = await element(frame, '#pose-view').snapshot();
    expect([shot.width, shot.height]).to.deep.equal([480, 360]);
    // Sky in the photo's corner (class 0 is transparent: no tint).
    const [r, g, b, a] = pixelAt(shot, 5, 5);
    expect(a).to.equal(255);
    expect(b).to.be.greaterThan(r + 40);
    expect(g).to.be.greaterThan(r);
    // The nose keypoint: a white disc.
    const nose = pixelAt(shot, 239, 77);
    expect(Math.min(nose[0], nose[1], nose[2])).to.be.at.least(235);
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { RrContext } from '../rr-context/rr-context.js';
import type { RrImage } from '../rr-image/rr-image.js';
import type { RrTimeline } from './rr-timeline.js';
import { getRenderer } from '../../render/renderer.js';
import { expectFrame, logColumnUpdates, logRowUpdates } from '../../../test/helpers/scenes.js';
import { rgbImage } from '../../../test/helpers/fixtures.js';
import { canvasPixels } from '../../../test/helpers/pixels.js';
import { recordWarnings } from '../../../test/helpers/warnings.js';

async function scene(
  entity: string,
): Promise<{ ctx: RrContext; image: RrImage; timeline: RrTimeline }> {
  const ctx = await fixture<RrContext>(
    html`<rr-context>
      <rr-image entity=${entity}></rr-image>
      <rr-timeline></rr-timeline>
    </rr-context>`,
  );
  return {
    ctx,
    image: ctx.querySelector('rr-image')!,
    timeline: ctx.querySelector('rr-timeline')!,
  };
}

async function nothingShown(image: RrImage): Promise<boolean> {
  return image.snapshot().then(
    () => false,
    () => true,
  );
}

/** Red of the view canvas' top-left pixel, as shown. */
function canvasRed(image: RrImage): number {
  return canvasPixels(image).data[0]!;
}

function part<T extends Element>(el: Element, name: string): T {
  const found = el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part "${name}" in ${el.localName}`);
  return found;
}

describe("<rr-timeline> with Rerun's update scenes", () => {
  it('image_row_updates: at time t the cyan rectangle spans columns 10t…10t+99; nothing before 0', async () => {
    const { ctx, image } = await scene('image');
    logRowUpdates(ctx.recording);
    for (const t of [0, 1, 7, 19]) {
      ctx.setTime('time', t);
      expectFrame(await image.snapshot(), t);
    }
    ctx.setTime('time', -1);
    expect(await nothingShown(image), 'before the first frame nothing is drawn').to.equal(true);
  });

  it('image_column_updates: static format + one sendColumns; frame t at step t, nothing before 0 or on another timeline', async () => {
    const { ctx, image } = await scene('images');
    logColumnUpdates(ctx.recording);
    for (const t of [0, 5, 19]) {
      ctx.setTime('step', t);
      expectFrame(await image.snapshot(), t);
    }
    ctx.setTime('step', 25);
    expectFrame(await image.snapshot(), 19);
    ctx.setTime('step', -1);
    expect(await nothingShown(image)).to.equal(true);
    // sendColumns adds only the timelines it is given: on another timeline there is no buffer.
    ctx.recording.log(
      'other',
      { archetype: 'Image', opacity: 1 },
      { time: { log_time: { timestamp: 1n } } },
    );
    ctx.setTime('log_time', 1n);
    expect(await nothingShown(image), 'no buffer on log_time').to.equal(true);
  });

  it('steps, scrubs and follows the keyboard, formatting the cursor by kind', async () => {
    const { ctx, image, timeline } = await scene('images');
    logColumnUpdates(ctx.recording);
    await timeline.updateComplete;
    ctx.setTime('step', 0);
    timeline.stepForward();
    expect(ctx.recording.time).to.equal(1n);
    timeline.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }),
    );
    expect(ctx.recording.time).to.equal(2n);
    timeline.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, composed: true }),
    );
    timeline.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, composed: true }),
    );
    timeline.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, composed: true }),
    );
    expect(ctx.recording.time, 'stepping back stops at the first frame').to.equal(0n);
    timeline.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }),
    );
    expect(ctx.recording.time).to.equal(19n);
    await timeline.updateComplete;
    const scrubber = part<HTMLInputElement>(timeline, 'scrubber');
    expect([scrubber.min, scrubber.max, scrubber.value]).to.deep.equal(['0', '19', '19']);
    scrubber.value = '12';
    scrubber.dispatchEvent(new Event('input'));
    expect(ctx.recording.time).to.equal(12n);
    expectFrame(await image.snapshot(), 12);
    await timeline.updateComplete;
    expect(part(timeline, 'time').textContent).to.equal('12');
    expect(scrubber.getAttribute('aria-valuetext')).to.equal('12');
    // Space plays and pauses.
    timeline.dispatchEvent(
      new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }),
    );
    expect(timeline.playing).to.equal(true);
    timeline.dispatchEvent(
      new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }),
    );
    expect(timeline.playing).to.equal(false);
  });

  it("plays at the data's own rate: fps for sequences, real time for durations, scaled by speed; loops", async () => {
    const { ctx, timeline } = await scene('images');
    logColumnUpdates(ctx.recording);
    timeline.fps = 10;
    ctx.setTime('step', 0);
    timeline.play();
    timeline.advance(0.5); // 5 steps at 10 fps
    expect(ctx.recording.time).to.equal(5n);
    timeline.speed = 2;
    timeline.advance(0.25); // 5 more at 2×
    expect(ctx.recording.time).to.equal(10n);
    timeline.advance(10);
    expect(ctx.recording.time, 'without loop playback stops at the end').to.equal(19n);
    expect(timeline.playing).to.equal(false);
    timeline.loop = true;
    timeline.speed = 1;
    timeline.play(); // from the end: restarts at the beginning
    expect(ctx.recording.time).to.equal(0n);
    timeline.advance(2.1); // 21 steps: wraps past 19 to 1
    expect(ctx.recording.time).to.equal(1n);
    timeline.pause();

    ctx.recording.log(
      'd',
      { archetype: 'Image', opacity: 1 },
      { time: { clock: { duration: 0n } } },
    );
    ctx.recording.log(
      'd',
      { archetype: 'Image', opacity: 1 },
      { time: { clock: { duration: 3_000_000_000n } } },
    );
    ctx.setTime('clock', 0n);
    timeline.play();
    timeline.advance(1.5);
    expect(ctx.recording.time).to.equal(1_500_000_000n);
    timeline.pause();
    await timeline.updateComplete;
    expect(part(timeline, 'time').textContent).to.equal('1.5 s');
  });

  it('advance(NaN), advance(Infinity) or a negative step while playing fire rr-error; playback goes on', async () => {
    const { ctx, timeline } = await scene('images');
    logColumnUpdates(ctx.recording);
    timeline.fps = 10;
    ctx.setTime('step', 0);
    timeline.play();
    const messages: string[] = [];
    timeline.addEventListener('rr-error', (e) => messages.push(e.detail.message));
    const warnings = recordWarnings();
    try {
      for (const bad of [NaN, Infinity, -Infinity, -1]) timeline.advance(bad);
    } finally {
      warnings.stop();
    }
    expect(messages).to.deep.equal([
      'advance() expected a finite number of seconds ≥ 0, got NaN',
      'advance() expected a finite number of seconds ≥ 0, got Infinity',
      'advance() expected a finite number of seconds ≥ 0, got -Infinity',
      'advance() expected a finite number of seconds ≥ 0, got -1',
    ]);
    expect(warnings.lines).to.have.length(4);
    expect(ctx.recording.time).to.equal(0n);
    expect(timeline.playing).to.equal(true);
    timeline.advance(0.3);
    expect(ctx.recording.time).to.equal(3n);
    // The animation-frame loop is still alive: it moves the cursor on its own.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ctx.recording.time! > 3n).to.equal(true);
    timeline.pause();
  });

  it('really plays with animation frames', async () => {
    const { ctx, timeline } = await scene('images');
    logColumnUpdates(ctx.recording);
    ctx.setTime('step', 0);
    timeline.fps = 60;
    timeline.play();
    await new Promise((r) => setTimeout(r, 300));
    timeline.pause();
    expect(Number(ctx.recording.time)).to.be.greaterThan(0);
  });

  it('offers a timeline selector only when there are several timelines', async () => {
    const { ctx, timeline } = await scene('image');
    logRowUpdates(ctx.recording);
    await timeline.updateComplete;
    expect(timeline.shadowRoot!.querySelector('[part~="timeline-select"]')).to.equal(null);
    logColumnUpdates(ctx.recording);
    await timeline.updateComplete;
    const select = part<HTMLSelectElement>(timeline, 'timeline-select');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['time', 'step']);
    select.value = 'step';
    select.dispatchEvent(new Event('change'));
    expect(ctx.recording.timeline).to.equal('step');
  });

  it('is accessible: labelled controls in a named group', async () => {
    const { ctx, timeline } = await scene('image');
    logRowUpdates(ctx.recording);
    logColumnUpdates(ctx.recording);
    await timeline.updateComplete;
    await expect(timeline).to.be.accessible();
    expect(part(timeline, 'play').getAttribute('aria-label')).to.equal('Play');
    timeline.play();
    await timeline.updateComplete;
    expect(part(timeline, 'play').getAttribute('aria-label')).to.equal('Pause');
    timeline.pause();
    await expect(timeline).to.be.accessible();
  });

  it('scrubbing 1000 frames reuses one texture per layer, leaking none', async function () {
    this.timeout(120000);
    const { ctx, image, timeline } = await scene('frames');
    const w = 32;
    const h = 24;
    for (let t = 0; t < 1000; t++) {
      ctx.recording.log(
        'frames',
        {
          archetype: 'Image',
          buffer: rgbImage(w, h, () => [t % 256, 255 - (t % 256), 7]),
          format: { width: w, height: h, colorModel: 'RGB' },
        },
        { time: { frame: t } },
      );
    }
    ctx.setTime('frame', 0);
    await image.snapshot();
    const renderer = getRenderer();
    const before = renderer.stats;
    for (let t = 1; t < 1000; t++) {
      timeline.stepForward();
      // pick() brings the layer up to date, uploading this frame.
      const [hit] = image.pick(1, 1);
      if (!hit || (hit.value as number[])[0] !== t % 256)
        throw new Error(`frame ${t}: expected red ${t % 256}, got ${JSON.stringify(hit?.value)}`);
      if (t % 250 === 0) await image.renderComplete();
    }
    const shot = await image.snapshot();
    expect([...shot.data.subarray(0, 4)]).to.deep.equal([999 % 256, 255 - (999 % 256), 7, 255]);
    const after = renderer.stats;
    expect(after.textures, 'live textures after scrubbing 1000 frames').to.equal(before.textures);
    expect(after.textureBytes).to.equal(before.textureBytes);
  });

  it('an awaited scrub draws every step at once, without waiting for animation frames; unawaited steps make one frame', async () => {
    const { ctx, image, timeline } = await scene('frames');
    const w = 4;
    const h = 2;
    for (let t = 0; t < 8; t++) {
      ctx.recording.log(
        'frames',
        {
          archetype: 'Image',
          buffer: rgbImage(w, h, () => [t * 30, 0, 0]),
          format: { width: w, height: h, colorModel: 'RGB' },
        },
        { time: { frame: t } },
      );
    }
    ctx.setTime('frame', 0);
    await image.renderComplete();
    const renderer = getRenderer();
    let animationFrames = 0;
    let counting = true;
    const count = () => {
      if (!counting) return;
      animationFrames++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    let before = renderer.stats.frames;
    for (let t = 1; t < 6; t++) {
      timeline.stepForward();
      await image.renderComplete();
      // Each step is on the view's canvas before the next (read back through a 2D copy).
      expect(canvasRed(image), `frame ${t}`).to.equal(t * 30);
    }
    counting = false;
    expect(renderer.stats.frames - before).to.equal(5);
    expect(animationFrames, 'animation frames during the awaited scrub').to.equal(0);

    // Steps nobody awaits coalesce: two of them, then one frame.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await image.renderComplete();
    before = renderer.stats.frames;
    timeline.stepForward();
    timeline.stepForward();
    await image.renderComplete();
    expect(renderer.stats.frames - before).to.equal(1);
    expect(canvasRed(image)).to.equal(7 * 30);
  });
});

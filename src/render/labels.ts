/**
 * Instance labels as Rerun's 2D view paints them (SPEC §12.4.4, `create_labels` in
 * `re_view_spatial/src/ui.rs`): text in the instance's colour, horizontally centred, its top 5 UI
 * points below the anchor, on a rounded background (6 UI points left/right, 4 top/bottom,
 * radius 4) of premultiplied (22, 22, 22, 128), above every layer.
 *
 * Rerun paints them with egui after all GPU content, blended in gamma space; here a 2D canvas
 * paints them (text stays text: `fillText`, never HTML) and is laid over the view's canvas on
 * screen, where the browser composites it the same way, and over `snapshot()` pixels by
 * {@link compositeLabels}, with the same arithmetic. Inter Medium cannot be matched glyph for
 * glyph; the page's sans-serif at 12 CSS px stands in (SPEC §12.13 item 7).
 */
import type { Rgba8 } from '../store/auto-color.js';
import type { ResolvedLabel } from '../store/geometry/types.js';
import type { DeviceRect } from './outline.js';

/** Text size in UI points (egui `TextStyle::Body`, Rerun's dark theme). */
export const LABEL_FONT_SIZE = 12;
/** The CSS font labels use: the page's sans-serif, medium weight like Inter Medium. */
export const LABEL_FONT_FAMILY = 'sans-serif';
/** Gap between the anchor and the top of the text, UI points. */
export const LABEL_OFFSET = 5;
/** Background padding, UI points: left/right, top/bottom; corner radius. */
export const LABEL_PADDING_X = 6;
export const LABEL_PADDING_Y = 4;
export const LABEL_RADIUS = 4;
/** egui's `inactive.bg_fill` (#2c2b2b) × 0.5, premultiplied in gamma: (22, 22, 22, 128). */
export const LABEL_BACKGROUND: Rgba8 = [22, 22, 22, 128];
/** Labels whose anchor is further outside the view than this (UI points) are dropped. */
const LABEL_CULL_MARGIN = 100;
/** More multi-line labels than this: all collapse to their first line and "…". */
const MAX_MULTILINE_LABELS = 5;

/** Where scene coordinates land: device pixels per scene unit and the device pixel of (0, 0). */
export interface LabelTransform {
  scale: number;
  offset: readonly [number, number];
  /** Device pixels per UI point (devicePixelRatio on screen, 1 in snapshots). */
  pixelRatio: number;
  /** The output's size in device pixels. */
  width: number;
  height: number;
}

/** A label laid out in device pixels, ready to paint. */
export interface PlacedLabel {
  lines: string[];
  color: Rgba8;
  /** The text rectangle (device pixels). */
  x: number;
  y: number;
  width: number;
  height: number;
  lineHeight: number;
  /** The background rectangle (device pixels). */
  box: { x: number; y: number; width: number; height: number };
  /** The instance it labels, for picking. */
  label: ResolvedLabel;
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

function font(pixelRatio: number): string {
  return `500 ${LABEL_FONT_SIZE * pixelRatio}px ${LABEL_FONT_FAMILY}`;
}

/** A colour for fillStyle from egui's premultiplied Color32 bytes. */
function cssColor([r, g, b, a]: Rgba8): string {
  if (a === 0) return 'rgba(0, 0, 0, 0)';
  const k = 255 / a;
  const c = (v: number) => Math.min(255, Math.round(v * k));
  return `rgba(${c(r)}, ${c(g)}, ${c(b)}, ${a / 255})`;
}

/** Greedy word wrap to `width` device pixels (a word longer than a line is broken anywhere). */
function wrap(ctx: Context2D, text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (!Number.isFinite(width) || ctx.measureText(paragraph).width <= width) {
      out.push(paragraph);
      continue;
    }
    let line = '';
    for (const word of paragraph.split(/(?<=\s)/)) {
      const next = line + word;
      if (!line || ctx.measureText(next.trimEnd()).width <= width) {
        line = next;
      } else {
        out.push(line.trimEnd());
        line = word;
      }
      // A single word wider than the line: break it by characters.
      while (ctx.measureText(line.trimEnd()).width > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && ctx.measureText(line.slice(0, cut)).width > width) cut--;
        out.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}

/**
 * Lays labels out for one frame: drops those whose anchor is more than 100 UI points outside
 * the output, wraps box labels, collapses multi-line labels when more than five have several
 * lines, and places each text rectangle 5 UI points below its anchor, centred.
 */
export function layoutLabels(
  ctx: Context2D,
  labels: readonly ResolvedLabel[],
  t: LabelTransform,
): PlacedLabel[] {
  const pr = t.pixelRatio;
  const margin = LABEL_CULL_MARGIN * pr;
  ctx.font = font(pr);
  const metrics = ctx.measureText('Hg');
  const lineHeight = Math.ceil(metrics.fontBoundingBoxAscent + metrics.fontBoundingBoxDescent);
  const visible = labels.filter((label) => {
    const ax = t.offset[0] + label.anchor[0] * t.scale;
    const ay = t.offset[1] + label.anchor[1] * t.scale;
    return (
      label.text !== '' &&
      ax >= -margin &&
      ay >= -margin &&
      ax <= t.width + margin &&
      ay <= t.height + margin
    );
  });
  const multiline = visible.filter((label) => label.text.includes('\n')).length;
  const collapse = multiline > MAX_MULTILINE_LABELS;
  return visible.map((label) => {
    const text =
      collapse && label.text.includes('\n') ? `${label.text.split('\n')[0]}…` : label.text;
    // Box labels wrap at max(box width − 4, 60) UI points (SPEC §12.4.3).
    const wrapWidth =
      label.boxWidth === undefined
        ? Infinity
        : Math.max((Math.abs(label.boxWidth) * t.scale) / pr - 4, 60) * pr;
    const lines = wrap(ctx, text, wrapWidth);
    const width = Math.ceil(Math.max(...lines.map((line) => ctx.measureText(line).width)));
    const height = lines.length * lineHeight;
    const ax = t.offset[0] + label.anchor[0] * t.scale;
    const ay = t.offset[1] + label.anchor[1] * t.scale;
    // egui snaps text to whole pixels.
    const x = Math.round(ax - width / 2);
    const y = Math.round(ay + LABEL_OFFSET * pr);
    const px = LABEL_PADDING_X * pr;
    const py = LABEL_PADDING_Y * pr;
    return {
      lines,
      color: label.color,
      x,
      y,
      width,
      height,
      lineHeight,
      box: { x: x - px, y: y - py, width: width + 2 * px, height: height + 2 * py },
      label,
    };
  });
}

/** Paints laid-out labels (backgrounds and text, in order) into a 2D context. */
export function paintLabels(
  ctx: Context2D,
  placed: readonly PlacedLabel[],
  pixelRatio: number,
): void {
  ctx.font = font(pixelRatio);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const background = cssColor(LABEL_BACKGROUND);
  for (const label of placed) {
    const { box } = label;
    ctx.fillStyle = background;
    ctx.beginPath();
    ctx.roundRect(box.x, box.y, box.width, box.height, LABEL_RADIUS * pixelRatio);
    ctx.fill();
    ctx.fillStyle = cssColor(label.color);
    label.lines.forEach((line, i) => {
      ctx.fillText(line, label.x + label.width / 2, label.y + i * label.lineHeight);
    });
  }
}

/**
 * Paints labels over snapshot pixels (straight-alpha sRGB
 * ImageData, changed in place) as the browser composites the label canvas on screen:
 * premultiplied "over" in gamma space, as egui does (SPEC §12.4.4).
 */
export function compositeLabels(
  image: ImageData,
  labels: readonly ResolvedLabel[],
  t: Omit<LabelTransform, 'width' | 'height'>,
): void {
  if (!labels.length || !image.width || !image.height) return;
  const transform = { ...t, width: image.width, height: image.height };
  const canvas = new OffscreenCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  const placed = layoutLabels(ctx, labels, transform);
  // Only the labels' own rectangles can hold pixels (text never leaves its background).
  const rects: DeviceRect[] = placed.map((label) => label.box);
  if (!rects.length) return;
  paintLabels(ctx, placed, t.pixelRatio);
  const dst = image.data;
  for (const box of rects) {
    const x0 = Math.max(0, Math.floor(box.x) - 1);
    const y0 = Math.max(0, Math.floor(box.y) - 1);
    const x1 = Math.min(image.width, Math.ceil(box.x + box.width) + 1);
    const y1 = Math.min(image.height, Math.ceil(box.y + box.height) + 1);
    if (x1 <= x0 || y1 <= y0) continue;
    const src = ctx.getImageData(x0, y0, x1 - x0, y1 - y0).data;
    // Cleared once composited, so overlapping rectangles are not applied twice.
    ctx.clearRect(x0, y0, x1 - x0, y1 - y0);
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const s = ((y - y0) * (x1 - x0) + (x - x0)) * 4;
        const la = src[s + 3] / 255;
        if (la === 0) continue;
        const d = (y * image.width + x) * 4;
        const da = dst[d + 3] / 255;
        const outA = la + da * (1 - la);
        for (let c = 0; c < 3; c++) {
          const premultiplied = src[s + c] * la + dst[d + c] * da * (1 - la);
          dst[d + c] = Math.round(premultiplied / outA);
        }
        dst[d + 3] = Math.round(outA * 255);
      }
    }
  }
}

/**
 * The segmentation shader: class ids → colours through a lookup texture, as Rerun's
 * rectangle_fs.wgsl does for SegmentationImage (COLOR_MAPPER_TEXTURE), plus outline modes.
 *
 * Ids are read with texelFetch from an integer (or float) texture: class ids must never be
 * interpolated, so sampling is nearest by construction. Float ids round half to even, as WGSL's
 * `round` does. Table index = the id (SPEC §3.4's intended mapping, not Rerun ≥ 0.31's
 * off-by-one). The table is SRGB8_ALPHA8 holding egui Color32 (premultiplied in gamma space), so
 * the fetch decodes to linear and the result is used as already premultiplied, like Rerun.
 *
 * Outlines are found per output pixel in screen space: a pixel is on a boundary when the id half
 * the outline width away (in device pixels, converted to texels) differs in any of the four axis
 * directions. This keeps the line `outline-width` pixels wide at every zoom level. The fill
 * program (the default mode) leaves that code out: a software GPU pays for the outline branch
 * per fragment even when a uniform skips it (about half of a plain fill's time on SwiftShader).
 *
 * Fragments of alpha 0 (transparent classes, hidden classes, ids without an entry) are
 * discarded: with premultiplied "over" they change nothing, so the picture is the same, and a
 * fill of only opaque and transparent classes can replace what lies below without blending.
 */

// Tiles of an id image larger than the texture limit are quads like an image's tiles.
export { IMAGE_VERTEX_SHADER as SEGMENTATION_VERTEX_SHADER } from './image.glsl.js';

/** Fragment shader for one id-texture sampler kind; `outline`: with the outline modes. */
export function segmentationFragmentShader(
  sampler: 'float' | 'uint' | 'int',
  outline = true,
): string {
  const samplerType =
    sampler === 'uint' ? 'usampler2D' : sampler === 'int' ? 'isampler2D' : 'sampler2D';
  const read =
    sampler === 'float'
      ? `float v = texelFetch(u_ids, p, 0).r;
  // NaN fails every comparison: no class.
  if (!(v >= -0.5) || !(v < float(u_tableSize) - 0.5)) return -1;
  return int(roundEven(v));`
      : sampler === 'uint'
        ? `uint v = texelFetch(u_ids, p, 0).r;
  return v < uint(u_tableSize) ? int(v) : -1;`
        : `int v = texelFetch(u_ids, p, 0).r;
  return v >= 0 && v < u_tableSize ? v : -1;`;
  return /* glsl */ `#version 300 es
#define OUTLINE ${outline ? 1 : 0}
precision highp float;
precision highp int;
precision highp usampler2D;
precision highp isampler2D;

uniform ${samplerType} u_ids;
uniform ivec2 u_size;         // this tile's id texture size
uniform ivec2 u_texBase;      // image pixel of the tile texture's texel (0, 0)
uniform ivec2 u_imageSize;    // the whole id image's size
uniform highp sampler2D u_lookup; // 256 × rows, SRGB8_ALPHA8, premultiplied in gamma space
uniform int u_tableSize;      // entries in the lookup table
uniform float u_opacity;
uniform int u_mode;           // 0 fill, 1 outline, 2 fill + outline
uniform float u_halfWidth;    // half the outline width, in texels
uniform float u_fillAlpha;    // interior weight in fill + outline mode

in vec2 v_texcoord;
out vec4 out_color;

// Table index of the texel at p, or -1 when the id has no entry (negative, NaN, too large).
int class_index(ivec2 p) {
  ${read}
}

bool differs(int id, vec2 t) {
  ivec2 q = ivec2(floor(t));
  // Beyond the image there is no neighbour: the image border is not a class boundary.
  ivec2 image = q + u_texBase;
  if (any(lessThan(image, ivec2(0))) || any(greaterThanEqual(image, u_imageSize))) return false;
  // A tile holds TILE_OVERLAP texels past its quad; wider outlines read the tile's edge texel.
  return class_index(clamp(q, ivec2(0), u_size - 1)) != id;
}

void main() {
  ivec2 p = clamp(ivec2(floor(v_texcoord)), ivec2(0), u_size - 1);
  int id = class_index(p);
  vec4 color = id < 0 ? vec4(0.0) : texelFetch(u_lookup, ivec2(id % 256, id / 256), 0);
#if OUTLINE
  if (u_mode != 0) {
    vec2 t = v_texcoord;
    bool edge = differs(id, t + vec2(u_halfWidth, 0.0)) || differs(id, t - vec2(u_halfWidth, 0.0)) ||
                differs(id, t + vec2(0.0, u_halfWidth)) || differs(id, t - vec2(0.0, u_halfWidth));
    if (!edge) color *= (u_mode == 1 ? 0.0 : u_fillAlpha);
  }
#endif
  out_color = color * u_opacity;
  // Premultiplied: alpha 0 is colour 0, which blending over anything leaves unchanged. Drawing
  // nothing instead gives the same bytes, and lets a table of only opaque and transparent
  // classes draw without blending (SegmentationDrawable.opaque).
  if (out_color.a == 0.0) discard;
}
`;
}

/**
 * The hover outline's compositor pass (SPEC §12.9, render/outline.ts), as Rerun's outline
 * pipeline computes it for one outline channel (`outlines.rs`, `jumpflooding_init_msaa.wgsl`,
 * `jumpflooding_step.wgsl`, `composite.wgsl`): the hovered instance's mask holds its four MSAA
 * samples per pixel (one channel each); every pixel where the mask changes has a contour point
 * with sub-pixel accuracy (the mean of the edges found between its samples and those of its
 * neighbours); a pixel's outline alpha is `saturate(radius − distance to the nearest contour
 * point)`, and the hover colour (white, premultiplied) is blended over the frame with it in
 * linear light. Rerun finds the nearest point by jump flooding; for outline radii of a few pixels
 * the search over the neighbours within the radius gives the same point (for 1 px, Rerun's one
 * 3 × 3 step exactly).
 *
 * Pixel coordinates are device pixels, y down, of the pixel's top-left corner (Rerun's
 * `floor(resolution · texcoord)`); the mask covers the rectangle `u_origin` + [0, u_size).
 * The alpha is computed only near the instance (its own quads, grown by the outline's reach,
 * into a target of the rectangle, where overlapping quads write the same value) and then blended
 * over the frame in one pass over the rectangle.
 */

export const OUTLINE_ALPHA_FRAGMENT_SHADER = /* glsl */ `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D u_mask; // RGBA8: samples 0-3 of the mask, rows bottom-up
uniform ivec2 u_origin;
uniform ivec2 u_size;
uniform float u_radius;         // outline radius in device pixels
uniform int u_reach;            // neighbours searched to each side: ceil(radius)
out vec4 out_color;

// Sample k of mask pixel p (relative to the rectangle, y down); nothing outside it.
float maskAt(ivec2 p, int k) {
  if (any(lessThan(p, ivec2(0))) || any(greaterThanEqual(p, u_size))) return 0.0;
  return step(0.5, texelFetch(u_mask, ivec2(p.x, u_size.y - 1 - p.y), 0)[k]);
}

// Rerun stores contour positions as 16-bit floats (Rgba16Float): the same rounding.
float toHalf(float v) {
  float a = abs(v);
  if (a < 6.103515625e-5) return v;
  float q = exp2(floor(log2(a)) - 10.0);
  return sign(v) * roundEven(a / q) * q;
}

// The neighbours (offset, own sample, the neighbour's sample) whose samples meet this pixel's;
// an edge with neighbour (dx, dy) lies at ((dx, dy) + 1) / 2 in the pixel.
const ivec4 NEIGHBOURS[8] = ivec4[8](
  ivec4(1, 0, 1, 2), ivec4(0, 1, 3, 0), ivec4(-1, 0, 2, 1), ivec4(0, -1, 0, 3),
  ivec4(1, -1, 1, 2), ivec4(1, 1, 3, 0), ivec4(-1, 1, 2, 1), ivec4(-1, -1, 0, 3));

// The contour point of mask pixel p (jumpflooding_init_msaa.wgsl, for sample positions
// 0 (0.375, 0.125), 1 (0.875, 0.375), 2 (0.125, 0.625), 3 (0.625, 0.875)), in absolute
// device pixels; z = 0 where the mask does not change.
vec3 contourAt(ivec2 p) {
  vec4 s = vec4(maskAt(p, 0), maskAt(p, 1), maskAt(p, 2), maskAt(p, 3));
  // Across the pixel's own samples.
  float n = float(s[0] != s[3]) + float(s[1] != s[2]);
  vec2 sum = vec2(0.5) * n;
  for (int k = 0; k < 8; k++) {
    ivec4 q = NEIGHBOURS[k];
    float e = float(s[q.z] != maskAt(p + q.xy, q.w));
    n += e;
    sum += e * (vec2(q.xy) + 1.0) * 0.5;
  }
  if (n == 0.0) return vec3(0.0);
  vec2 at = vec2(p + u_origin) + sum / n - 0.5;
  return vec3(toHalf(at.x), toHalf(at.y), 1.0);
}

void main() {
  // Drawn into a target of the rectangle (window y up).
  ivec2 local = ivec2(int(gl_FragCoord.x), u_size.y - 1 - int(gl_FragCoord.y));
  vec2 pixel = vec2(local + u_origin);
  float nearest = 1e30;
  for (int dy = -u_reach; dy <= u_reach; dy++) {
    for (int dx = -u_reach; dx <= u_reach; dx++) {
      vec3 c = contourAt(local + ivec2(dx, dy));
      if (c.z > 0.0) nearest = min(nearest, distance(pixel, c.xy));
    }
  }
  // 16 bits of alpha in two bytes (8 would shift dim pixels of the fringe after sRGB encoding).
  float alpha = round(clamp(u_radius - nearest, 0.0, 1.0) * 65535.0);
  out_color = vec4(floor(alpha / 256.0), mod(alpha, 256.0), 0.0, 0.0) / 255.0;
}
`;

/** The blend pass: one quad over the rectangle. */
export const OUTLINE_VERTEX_SHADER = /* glsl */ `#version 300 es
precision highp float;
uniform vec2 u_viewport;  // the frame's viewport in device pixels
uniform ivec2 u_origin;   // device pixel of the rectangle's top-left corner
uniform ivec2 u_size;     // the rectangle's size in pixels

void main() {
  vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
  vec2 clip = (vec2(u_origin) + corner * vec2(u_size)) / u_viewport * 2.0 - 1.0;
  gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
}
`;

export const OUTLINE_FRAGMENT_SHADER = /* glsl */ `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D u_alpha; // the alpha pass's target
uniform vec2 u_viewport;
uniform ivec2 u_origin;
uniform ivec2 u_size;
out vec4 out_color;

void main() {
  ivec2 pixel = ivec2(int(gl_FragCoord.x), int(u_viewport.y) - 1 - int(gl_FragCoord.y));
  ivec2 local = pixel - u_origin;
  vec2 bytes = texelFetch(u_alpha, ivec2(local.x, u_size.y - 1 - local.y), 0).rg * 255.0;
  float alpha = (round(bytes.x) * 256.0 + round(bytes.y)) / 65535.0;
  if (alpha <= 0.0) discard;
  // The hover colour, white, premultiplied "over": color · (1 − alpha) + alpha.
  out_color = vec4(alpha);
}
`;

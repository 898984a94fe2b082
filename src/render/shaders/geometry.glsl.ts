/**
 * Shaders of the geometry layers (Points2D, LineStrips2D, Boxes2D and keypoint connections):
 * one instanced quad per primitive, whose corners come from gl_VertexID and whose instance data
 * is read with texelFetch from float textures by gl_InstanceID. Instance data in textures rather
 * than vertex attributes: the renderer already rebuilds textures after a context loss, and a
 * million points need no vertex-array state.
 *
 * Everything is computed in device pixels of the target (y down, as the scene): a radius in
 * scene units times the scale, or in UI points times the pixel ratio (SPEC §12.5). Coverage of
 * the edge goes out as alpha and the colour is premultiplied by it, so the renderer's
 * premultiplied "over" into the SRGB8_ALPHA8 composite is a deterministic stand-in for Rerun's
 * alpha-to-coverage (SPEC §12.14); interiors (coverage 1) are exact.
 */

/** Instance texel lookup and the scene → device mapping every geometry program shares. */
const COMMON = /* glsl */ `
uniform float u_scale;      // device pixels per scene unit
uniform vec2 u_offset;      // device pixel position of scene (0, 0)
uniform vec2 u_viewport;    // viewport size in device pixels
uniform float u_pointSize;  // device pixels per UI point (devicePixelRatio; 1 in snapshots)
uniform float u_boost;      // outline mask pass: device pixels added to every radius (else 0)

// The quad corner of this vertex: (0,0), (1,0), (0,1), (1,1) as a 4-vertex triangle strip.
#define CORNER vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1))

// Texel k of instance i in a texture holding n texels per instance, row after row.
vec4 instanceTexel(highp sampler2D tex, int n, int k) {
  int index = gl_InstanceID * n + k;
  int width = textureSize(tex, 0).x;
  return texelFetch(tex, ivec2(index % width, index / width), 0);
}

// A radius in Rerun's signed convention (> 0 scene units, <= 0 UI points) in device pixels.
float radiusPixels(float radius) {
  return radius > 0.0 ? radius * u_scale : -radius * u_pointSize;
}

vec4 clipFromDevice(vec2 device) {
  vec2 clip = device / u_viewport * 2.0 - 1.0;
  // Scene (and device) y points down, clip y points up.
  return vec4(clip.x, -clip.y, 0.0, 1.0);
}

// Outside the clip volume: the primitive is dropped (NaN or infinite data, zero radius).
const vec4 NOWHERE = vec4(2.0, 2.0, 2.0, 1.0);
`;

/**
 * Rerun renders with 4× MSAA (SPEC §12.6): the standard sample positions of a pixel (D3D,
 * Vulkan, Metal; x right, y down from the pixel's top-left corner: (0.375, 0.125),
 * (0.875, 0.375), (0.125, 0.625), (0.625, 0.875)), here as offsets from its centre, and where a
 * varying is at sample k given its screen derivatives (window y runs up, device y down).
 */
const SAMPLES = /* glsl */ `
const vec2 SAMPLE_OFFSETS[4] = vec2[4](
  vec2(-0.125, -0.375), vec2(0.375, -0.125), vec2(-0.375, 0.125), vec2(0.125, 0.375));

vec2 atSample(vec2 p, vec2 dx, vec2 dy, int k) {
  vec2 o = SAMPLE_OFFSETS[k];
  return p + o.x * dx - o.y * dy;
}
`;

const SRGB = /* glsl */ `
vec3 linear_from_srgb(vec3 c) {
  vec3 lo = c / 12.92;
  vec3 hi = pow((c + 0.055) / 1.055, vec3(2.4));
  return mix(hi, lo, vec3(lessThanEqual(c, vec3(0.04045))));
}
`;

/**
 * Points: shaded flat discs (SPEC §12.6.1). Instance texel: (x, y, radius, 0). The colour
 * texture is SRGB8_ALPHA8 holding the premultiplied-in-gamma Color32 bytes, so the fetch yields
 * the linear colour Rerun's Rgba8UnormSrgb fetch does, and alpha is dropped: a translucent point
 * is drawn opaque and darker in gamma, as in Rerun (SPEC §12.6.4).
 */
export const POINTS_VERTEX_SHADER = /* glsl */ `#version 300 es
precision highp float;
precision highp int;
${COMMON}
uniform highp sampler2D u_instances;
uniform highp sampler2D u_colors;

out vec2 v_local;          // device pixels from the centre
flat out float v_radius;   // device pixels
flat out vec3 v_color;     // linear

void main() {
  vec4 p = instanceTexel(u_instances, 1, 0);
  float r = radiusPixels(p.z) + u_boost;
  vec2 center = u_offset + p.xy * u_scale;
  // Half a pixel of coverage ramp beyond the rim.
  float extent = r + 1.0;
  if (!(r > 0.0) || isinf(r) || any(isnan(center)) || any(isinf(center))) {
    gl_Position = NOWHERE;
    return;
  }
  v_local = (CORNER * 2.0 - 1.0) * extent;
  v_radius = r;
  v_color = instanceTexel(u_colors, 1, 0).rgb;
  gl_Position = clipFromDevice(center + v_local);
}
`;

export const POINTS_FRAGMENT_SHADER = /* glsl */ `#version 300 es
precision highp float;
in vec2 v_local;
flat in float v_radius;
flat in vec3 v_color;
out vec4 out_color;

void main() {
  float dist = length(v_local);
  // Rerun: smoothstep(r + w/2, r - w/2, dist) with w = fwidth(dist), one pixel here.
  float coverage = smoothstep(v_radius + 0.5, v_radius - 0.5, dist);
  if (coverage <= 0.0) discard;
  // Rerun's radial shading on the linear colour: max(0.4, sqrt(1.2 - dist / r)), exact at 0.2 r;
  // written as sqrt(max(…, 0.16)) so the ramp beyond the rim never takes a negative root.
  float shade = sqrt(max(1.2 - dist / v_radius, 0.16));
  vec3 color = min(v_color * shade, vec3(1.0));
  out_color = vec4(color * coverage, coverage);
}
`;

/**
 * The hover outline's mask of a point (SPEC §12.9, render/outline.ts), drawn with the radius
 * boosted: Rerun's mask pass keeps the pixels whose coverage at the centre exceeds 0.5 (dist < r),
 * all four samples of them (the quad reaches past the disc). One channel per MSAA sample.
 */
export const POINTS_MASK_FRAGMENT_SHADER = /* glsl */ `#version 300 es
precision highp float;
in vec2 v_local;
flat in float v_radius;
out vec4 out_mask;

void main() {
  if (!(length(v_local) < v_radius)) discard;
  out_mask = vec4(1.0);
}
`;

/** How a segment instance is drawn. */
export const SEGMENT_MODE = {
  /** A capsule: round caps beyond both ends (strips; joins are the neighbours' caps). */
  capsule: 0,
  /** An axis-aligned box outline centred on its edge (p0 = one corner, p1 = the other). */
  box: 1,
  /** Flat ends at the endpoints, Rerun's colour gradient across (keypoint connections). */
  gradient: 2,
} as const;

/**
 * Segments (SPEC §12.6.2, §12.6.3, §12.6.5). Instance texels: (x0, y0, x1, y1), (radius, 0, 0, 0).
 * The colour texture is RGBA8 holding premultiplied-in-gamma Color32 bytes: Rerun's line shader
 * un-premultiplies, decodes to linear and multiplies by alpha again, so a translucent line is
 * drawn opaque and darker in linear light (SPEC §12.6.4).
 */
export const SEGMENTS_VERTEX_SHADER = /* glsl */ `#version 300 es
precision highp float;
precision highp int;
${COMMON}
${SRGB}
uniform highp sampler2D u_instances;
uniform highp sampler2D u_colors;
uniform int u_mode;

out vec2 v_local;          // capsule/gradient: (along, across) in device pixels; box: from the centre
flat out vec2 v_size;      // capsule/gradient: (length, 0); box: half size in device pixels
flat out float v_radius;   // device pixels
flat out vec3 v_color;     // linear, darkened by alpha

void main() {
  vec4 ends = instanceTexel(u_instances, 2, 0);
  float r = radiusPixels(instanceTexel(u_instances, 2, 1).x) + u_boost;
  vec2 a = u_offset + ends.xy * u_scale;
  vec2 b = u_offset + ends.zw * u_scale;
  if (!(r > 0.0) || isinf(r) || any(isnan(vec4(a, b))) || any(isinf(vec4(a, b)))) {
    gl_Position = NOWHERE;
    return;
  }
  vec4 c = instanceTexel(u_colors, 1, 0);
  v_color = c.a > 0.0 ? linear_from_srgb(clamp(c.rgb / c.a, 0.0, 1.0)) * c.a : vec3(0.0);
  v_radius = r;
  float extent = r + 1.0;
  vec2 corner = CORNER * 2.0 - 1.0;
  vec2 device;
  if (u_mode == ${SEGMENT_MODE.box}) {
    vec2 center = (a + b) * 0.5;
    vec2 half_size = abs(b - a) * 0.5;
    v_size = half_size;
    v_local = corner * (half_size + extent);
    device = center + v_local;
  } else {
    vec2 d = b - a;
    float len = length(d);
    vec2 dir = len > 0.0 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    // Gradient segments end flat exactly at their endpoints; capsules reach r beyond them.
    float cap = u_mode == ${SEGMENT_MODE.gradient} ? 0.0 : extent;
    float along = CORNER.x == 0.0 ? -cap : len + cap;
    float across = corner.y * extent;
    v_size = vec2(len, 0.0);
    v_local = vec2(along, across);
    device = a + dir * along + normal * across;
  }
  gl_Position = clipFromDevice(device);
}
`;

const SEGMENTS_FRAGMENT_HEAD = /* glsl */ `#version 300 es
precision highp float;
precision highp int;
${SAMPLES}
uniform int u_mode;
in vec2 v_local;
flat in vec2 v_size;
flat in float v_radius;
flat in vec3 v_color;

// Rerun spans each segment's quad 0.99 r to both sides of the line and r beyond its ends
// (lines.wgsl); a box is four such segments (a closed strip). p is in v_local's space.
bool inQuad(vec2 p) {
  float r = v_radius;
  if (u_mode == ${SEGMENT_MODE.box}) {
    vec2 q = abs(p) - v_size;
    return (abs(q.y) <= 0.99 * r && q.x <= r) || (abs(q.x) <= 0.99 * r && q.y <= r);
  }
  return abs(p.y) <= 0.99 * r && p.x >= -r && p.x <= v_size.x + r;
}

// Distance of the fragment to the segment (a box: to the rectangle's edge, round outside the
// corners, sharp inside them; a gradient segment: to its centre line).
float edgeDistance() {
  if (u_mode == ${SEGMENT_MODE.box}) {
    vec2 q = abs(v_local) - v_size;
    return abs(length(max(q, 0.0)) + min(max(q.x, q.y), 0.0));
  }
  if (u_mode == ${SEGMENT_MODE.gradient}) return abs(v_local.y);
  return length(vec2(v_local.x - clamp(v_local.x, 0.0, v_size.x), v_local.y));
}
`;

export const SEGMENTS_FRAGMENT_SHADER = /* glsl */ `${SEGMENTS_FRAGMENT_HEAD}
out vec4 out_color;

void main() {
  float d = edgeDistance();
  // Rerun's line coverage at the pixel centre: 1 - saturate((d - r + px/2) / px), px = one
  // pixel (solid to r - px/2, then a ramp) ...
  float coverage = clamp(v_radius - d + 0.5, 0.0, 1.0);
  if (u_mode != ${SEGMENT_MODE.gradient}) {
    // ... and the hard cut of the quad at 0.99 r, which Rerun's 4× MSAA rasterizes per sample.
    // Its fragment writes through alpha-to-coverage: the coverage becomes a share of the
    // pixel's samples, of which only those inside the quad are kept, so a pixel holds at most
    // the coverage and at most the quad's share of the four sample positions. Taken as the
    // smaller of the two (the written samples are the covered ones), the row at the cut of a
    // 1.5-px line holds a half (2 of 4 samples, coverage 0.5), and a 1-px line on a pixel
    // boundary two halves. Interiors stay 1; keypoint connections (gradient) keep their
    // flat-ended quads without the cut.
    vec2 dx = dFdx(v_local);
    vec2 dy = dFdy(v_local);
    float inside = 0.0;
    for (int k = 0; k < 4; k++) inside += float(inQuad(atSample(v_local, dx, dy, k)));
    coverage = min(coverage, inside * 0.25);
  }
  if (coverage <= 0.0) discard;
  vec3 color = v_color;
  if (u_mode == ${SEGMENT_MODE.gradient}) {
    // STRIP_FLAG_COLOR_GRADIENT: 0.9 on the centre line, 0.2 · 0.9 floor towards the edge.
    color *= max(0.2, 1.0 - (d * d) / (v_radius * v_radius)) * 0.9;
  }
  out_color = vec4(color * coverage, coverage);
}
`;

/**
 * The hover outline's mask of a strip or box (SPEC §12.9, render/outline.ts), drawn with the
 * radius boosted: Rerun's mask pass runs the fragment where the coverage at the pixel centre is
 * above 0 (d < r + ½ px) and writes the MSAA samples inside the quad, one channel per sample.
 */
export const SEGMENTS_MASK_FRAGMENT_SHADER = /* glsl */ `${SEGMENTS_FRAGMENT_HEAD}
out vec4 out_mask;

void main() {
  vec2 dx = dFdx(v_local);
  vec2 dy = dFdy(v_local);
  if (!(edgeDistance() < v_radius + 0.5)) discard;
  vec4 mask;
  for (int k = 0; k < 4; k++) mask[k] = float(inQuad(atSample(v_local, dx, dy, k)));
  out_mask = mask;
}
`;

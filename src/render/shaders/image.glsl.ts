/**
 * The image layer shader: Rerun's `rectangle_fs.wgsl` translated to GLSL ES 3.00.
 *
 * Raw samples are read with texelFetch (integer and 32-bit float textures are not filterable in
 * WebGL2, and Rerun filters *decoded* texels anyway), decoded per texel (normalise → BGR swizzle →
 * sRGB decode → premultiply), then filtered by hand (nearest / bilinear / Catmull-Rom bicubic),
 * then colour-mapped and tinted by opacity. The output is premultiplied *linear* colour, so
 * blending into the SRGB8_ALPHA8 target happens in linear light as in Rerun.
 *
 * Variants are chosen with #defines: SAMPLER_FLOAT / SAMPLER_UINT / SAMPLER_INT pick the sampler
 * type matching the texture's internal format.
 */

export const IMAGE_VERTEX_SHADER = /* glsl */ `#version 300 es
precision highp float;

// Unit quad; scaled to the layer's extent in scene units (one unit per image pixel, y down).
in vec2 a_position;

uniform vec2 u_extent;       // layer size in scene units
uniform vec2 u_origin;       // scene position of this quad's top-left corner (tiles)
uniform vec2 u_texelOrigin;  // texel coordinate of that corner in the texture
uniform vec2 u_scale;        // device pixels per scene unit
uniform vec2 u_offset;       // device pixel position of scene (0, 0)
uniform vec2 u_viewport;     // viewport size in device pixels

out vec2 v_texcoord;         // in texels of the bound texture

void main() {
  vec2 scene = u_origin + a_position * u_extent;
  vec2 device = u_offset + scene * u_scale;
  vec2 clip = device / u_viewport * 2.0 - 1.0;
  // Scene y points down, clip y points up.
  gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
  v_texcoord = u_texelOrigin + a_position * u_extent;
}
`;

/** Texture filter of a draw, decided on the CPU per draw call. */
export type ImageFilter = 'nearest' | 'linear' | 'bicubic';

/**
 * Fragment shader source for one sampler type and filter. The filter is a compile-time choice:
 * GPUs that run shaders as SIMD on the CPU (SwiftShader) pay for every branch of a dynamic
 * choice, i.e. 21 decoded taps per pixel instead of 1 or 4.
 */
export function imageFragmentShader(sampler: 'float' | 'uint' | 'int', filter: ImageFilter): string {
  const samplerType = sampler === 'uint' ? 'usampler2D' : sampler === 'int' ? 'isampler2D' : 'sampler2D';
  const sample = filter === 'bicubic' ? 'sample_bicubic' : filter === 'linear' ? 'sample_bilinear' : 'sample_nearest';
  return /* glsl */ `#version 300 es
#define SAMPLE ${sample}
precision highp float;
precision highp int;
precision highp usampler2D;
precision highp isampler2D;

uniform ${samplerType} u_texture;
uniform ivec2 u_textureSize;
uniform int u_channels;       // 1, 3 or 4 channels in the texture
uniform vec2 u_range;         // value range mapped to [0, 1]
uniform bool u_bgr;           // swizzle BGR(A) to RGB(A)
uniform bool u_decodeSrgb;    // values are sRGB-encoded: decode, magenta when out of [0, 1]
uniform int u_alphaMode;      // 0 opaque, 1 separate (premultiply here), 2 already premultiplied
uniform int u_mapper;         // 0 grayscale (r,r,r), 1 rgb, 2 colormap function
uniform float u_opacity;

in vec2 v_texcoord;
out vec4 out_color;

const vec4 ERROR_COLOR = vec4(1.0, 0.0, 1.0, 1.0);

vec3 linear_from_srgb(vec3 c) {
  vec3 lo = c / 12.92;
  vec3 hi = pow((c + 0.055) / 1.055, vec3(2.4));
  return mix(hi, lo, vec3(lessThanEqual(c, vec3(0.04045))));
}

vec4 fetch_raw(ivec2 p) {
  return vec4(texelFetch(u_texture, p, 0));
}

// Rerun's per-texel decode (rectangle_fs.wgsl: decode_texture), before any filtering.
vec4 decode_texel(ivec2 p) {
  vec4 s = fetch_raw(clamp(p, ivec2(0), u_textureSize - 1));
  if (u_channels == 1) s = vec4(s.r, 0.0, 0.0, 1.0);
  else if (u_channels == 3) s.a = 1.0;
  vec4 n = (s - u_range.x) / (u_range.y - u_range.x);
  if (u_bgr) n = n.bgra;
  if (u_decodeSrgb) {
    // NaN fails every comparison, so it lands here too, as in Rerun.
    bool inside = all(greaterThanEqual(n.rgb, vec3(0.0))) && all(lessThanEqual(n.rgb, vec3(1.0)));
    if (!inside) return ERROR_COLOR;
    // Single-channel textures only need their one channel decoded.
    if (u_channels == 1) n.r = linear_from_srgb(vec3(n.r)).r;
    else n.rgb = linear_from_srgb(n.rgb);
  }
  if (u_alphaMode == 0 || u_channels != 4) n.a = 1.0;
  else if (u_alphaMode == 1) n.rgb *= n.a;
  return n;
}

vec4 sample_nearest(vec2 coord) {
  return decode_texel(ivec2(floor(coord)));
}

vec4 sample_bilinear(vec2 coord) {
  vec2 c = coord - 0.5;
  ivec2 p = ivec2(floor(c));
  vec2 f = c - floor(c);
  vec4 a = decode_texel(p);
  vec4 b = decode_texel(p + ivec2(1, 0));
  vec4 d = decode_texel(p + ivec2(0, 1));
  vec4 e = decode_texel(p + ivec2(1, 1));
  return mix(mix(a, b, f.x), mix(d, e, f.x), f.y);
}

// Catmull-Rom weights as in Rerun's interpolation.wgsl.
vec4 catmull_rom_weights(float t) {
  float t2 = t * t;
  float t3 = t2 * t;
  return 0.5 * vec4(-t3 + 2.0 * t2 - t, 3.0 * t3 - 5.0 * t2 + 2.0, -3.0 * t3 + 4.0 * t2 + t, t3 - t2);
}

vec4 sample_bicubic(vec2 coord) {
  vec2 c = coord - 0.5;
  ivec2 p = ivec2(floor(c));
  vec2 f = c - floor(c);
  vec4 wx = catmull_rom_weights(f.x);
  vec4 wy = catmull_rom_weights(f.y);
  vec4 sum = vec4(0.0);
  for (int j = 0; j < 4; j++) {
    vec4 row = vec4(0.0);
    for (int i = 0; i < 4; i++) row += wx[i] * decode_texel(p + ivec2(i - 1, j - 1));
    sum += wy[j] * row;
  }
  return clamp(sum, 0.0, 1.0);
}

// The greyscale map is defined on sRGB values (Rerun's colormap.wgsl).
vec3 colormap_linear(float t) {
  t = clamp(t, 0.0, 1.0);
  return linear_from_srgb(vec3(t));
}

void main() {
  vec4 v = SAMPLE(v_texcoord);

  vec4 color;
  if (u_mapper == 0) color = vec4(v.rrr, 1.0);
  else if (u_mapper == 2) color = vec4(colormap_linear(v.r), 1.0);
  else color = v;
  out_color = color * u_opacity;
}
`;
}

/** Full-screen pass: turns the linear premultiplied composite into sRGB bytes. */
export const ENCODE_VERTEX_SHADER = /* glsl */ `#version 300 es
precision highp float;
in vec2 a_position;
out vec2 v_uv;
void main() {
  v_uv = a_position;
  gl_Position = vec4(a_position * 2.0 - 1.0, 0.0, 1.0);
}
`;

export const ENCODE_FRAGMENT_SHADER = /* glsl */ `#version 300 es
precision highp float;
uniform sampler2D u_composite;   // SRGB8_ALPHA8: sampling decodes to linear
uniform bool u_premultiplied;    // canvas output wants premultiplied; snapshots want straight alpha
in vec2 v_uv;
out vec4 out_color;

vec3 srgb_from_linear(vec3 c) {
  vec3 lo = c * 12.92;
  vec3 hi = 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055;
  return mix(hi, lo, vec3(lessThanEqual(c, vec3(0.0031308))));
}

void main() {
  vec4 c = texelFetch(u_composite, ivec2(gl_FragCoord.xy), 0);
  vec3 straight = c.a > 0.0 ? clamp(c.rgb / c.a, 0.0, 1.0) : vec3(0.0);
  vec3 encoded = srgb_from_linear(straight);
  out_color = u_premultiplied ? vec4(encoded * c.a, c.a) : vec4(encoded, c.a);
}
`;

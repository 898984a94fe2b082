/**
 * The image layer shader: Rerun's `rectangle_fs.wgsl` translated to GLSL ES 3.00.
 *
 * Raw samples are read with texelFetch (integer and 32-bit float textures are not filterable in
 * WebGL2, and Rerun filters *decoded* texels anyway), decoded per texel (normalise → BGR swizzle →
 * sRGB decode → premultiply), then filtered by hand (nearest / bilinear / Catmull-Rom bicubic),
 * then colour-mapped and tinted by opacity. The output is premultiplied *linear* colour, so
 * blending into the SRGB8_ALPHA8 target happens in linear light as in Rerun.
 *
 * Variants differ only in the sampler type matching the texture's internal format
 * (sampler2D / usampler2D / isampler2D).
 *
 * YUV images (SPEC §1.4, §2.7) use the uint variant over a texture holding the raw bytes row
 * after row: each output texel's Y, U, V bytes are fetched at Rerun's byte offsets, converted
 * with its range normalisation and BT.601/BT.709 coefficients, clamped and quantised to 8 bits
 * (Rerun writes them to an Rgba8Unorm texture) and then treated as sRGB-encoded RGB.
 */

export const IMAGE_VERTEX_SHADER = /* glsl */ `#version 300 es
precision highp float;

// Unit quad; scaled to the layer's extent in scene units (one unit per image pixel, y down).
// The unit quad's corners from the vertex index (a 4-vertex triangle strip): no vertex buffer.
#define a_position vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1))

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

/** Compile-time choices of the image fragment shader. */
export interface ImageShaderVariant {
  /**
   * The YUV layout to decode (SPEC §1.4: 1 Y_U_V24, 2 Y_U_V16, 3 Y_U_V12, 4 NV12, 5 YUY2, 6 Y8),
   * its range and matrix; absent for raw samples. Compile-time, like the filter: one program
   * per pixel format keeps the per-tap decode free of branches.
   */
  yuv?: { layout: number; limited: boolean; bt601: boolean };
  /**
   * The shading decisions as constants (else they are read from uniforms): the compiler drops
   * the untaken branches of the per-tap decode, which software GPUs would otherwise pay for.
   */
  shading?: {
    channels: number;
    bgr: boolean;
    decodeSrgb: boolean;
    alphaMode: number;
    mapper: number;
    /** The colour map's kind: 0 grayscale, 1 cyan-to-yellow, 2 a table (u_colormap's row). */
    colormap?: number;
  };
  /**
   * The one filter this program applies (0 nearest, 1 bilinear, 2 bicubic, 3 bilinear by the
   * texture unit: only for float textures whose per-texel decode is affine, see
   * ImageDrawable), or -1 to choose per
   * fragment from u_magFilter / u_minFilter. A 2D view's scale is the same over the whole quad,
   * so the drawable picks the filter on the CPU; a shader without the unused paths runs several
   * times faster on software GPUs (SwiftShader pays for branches it does not take).
   */
  filter?: -1 | 0 | 1 | 2 | 3;
  /** The range comes from the GPU's statistics (u_stats, render/gpu-range.ts), not u_range. */
  gpuRange?: boolean;
}

/** Fragment shader source for one sampler variant. */
export function imageFragmentShader(
  sampler: 'float' | 'uint' | 'int',
  variant: ImageShaderVariant = {},
): string {
  const { yuv, filter = -1, shading, gpuRange = false } = variant;
  const constant = (value: number | boolean | undefined, uniform: string) =>
    value === undefined ? uniform : String(value);
  const samplerType =
    sampler === 'uint' ? 'usampler2D' : sampler === 'int' ? 'isampler2D' : 'sampler2D';
  return /* glsl */ `#version 300 es
#define YUV ${yuv?.layout ?? 0}
#define YUV_LIMITED ${yuv?.limited ? 1 : 0}
#define YUV_BT601 ${yuv?.bt601 ? 1 : 0}
#define CHANNELS ${constant(shading?.channels, 'u_channels')}
#define BGR ${constant(shading?.bgr, 'u_bgr')}
#define DECODE_SRGB ${constant(shading?.decodeSrgb, 'u_decodeSrgb')}
#define ALPHA_MODE ${constant(shading?.alphaMode, 'u_alphaMode')}
#define MAPPER ${constant(shading?.mapper, 'u_mapper')}
#define COLORMAP_KIND ${shading?.colormap === undefined ? '(u_colormap < 2 ? u_colormap : 2)' : String(Math.min(2, shading.colormap))}
#define FILTER ${filter}
#define GPU_RANGE ${gpuRange ? 1 : 0}
precision highp float;
precision highp int;
precision highp usampler2D;
precision highp isampler2D;

uniform ${samplerType} u_texture;
uniform ivec2 u_textureSize;         // texels addressable: the texture's size, or the image's for YUV
uniform int u_channels;       // 1, 3 or 4 channels in the texture
uniform vec2 u_range;         // value range mapped to [0, 1]
uniform bool u_bgr;           // swizzle BGR(A) to RGB(A)
uniform bool u_decodeSrgb;    // values are sRGB-encoded: decode, magenta when out of [0, 1]
uniform int u_alphaMode;      // 0 opaque, 1 separate (premultiply here), 2 already premultiplied
uniform int u_mapper;         // 0 grayscale (r,r,r), 1 rgb, 2 colormap function
uniform int u_magFilter;      // 0 nearest, 1 bilinear, 2 bicubic
uniform int u_minFilter;      // 0 nearest, 1 bilinear
uniform float u_opacity;
uniform vec2 u_origin;        // scene position of this quad (tile)
uniform vec2 u_texelOrigin;   // texel coordinate of that position in the bound texture
uniform vec2 u_scale;         // device pixels per scene unit
uniform vec2 u_offset;        // device pixel position of scene (0, 0)
uniform vec2 u_viewport;      // viewport size in device pixels
uniform int u_byteRow;        // bytes per row of the YUV byte texture
uniform int u_colormap;       // -1 Turbo polynomial, 0 grayscale, 1 cyan-to-yellow, 2+ row of u_colormapLut
uniform int u_colormapSize;   // entries of that row
uniform sampler2D u_colormapLut;
uniform sampler2D u_stats;    // GPU_RANGE: (finite min, finite max, any finite) at texel (0, 0)

out vec4 out_color;

#if GPU_RANGE
// Rerun's range heuristic for data outside [0, 255] (the CPU settled the other cases).
vec2 g_range;
#define RANGE g_range
#else
#define RANGE u_range
#endif

const vec4 ERROR_COLOR = vec4(1.0, 0.0, 1.0, 1.0);

vec3 linear_from_srgb(vec3 c) {
  vec3 lo = c / 12.92;
  vec3 hi = pow((c + 0.055) / 1.055, vec3(2.4));
  return mix(hi, lo, vec3(lessThanEqual(c, vec3(0.04045))));
}

vec4 fetch_raw(ivec2 p) {
  return vec4(texelFetch(u_texture, p, 0));
}

#if YUV
float yuv_byte(int offset) {
  return vec4(texelFetch(u_texture, ivec2(offset % u_byteRow, offset / u_byteRow), 0)).r;
}

// The RGB Rerun's YUV converter writes for pixel p, in [0, 1] and quantised to 8 bits.
vec3 yuv_rgb(ivec2 p) {
  int w = u_textureSize.x;
  int h = u_textureSize.y;
  int x = p.x;
  int y = p.y;
  int n = w * h;
  int hw = w / 2;
  float Y;
  float U = 128.0;
  float V = 128.0;
#if YUV == 1
  Y = yuv_byte(y * w + x);
  U = yuv_byte(n + y * w + x);
  V = yuv_byte(2 * n + y * w + x);
#elif YUV == 2
  Y = yuv_byte(y * w + x);
  U = yuv_byte(n + y * hw + x / 2);
  V = yuv_byte(n + hw * h + y * hw + x / 2);
#elif YUV == 3
  Y = yuv_byte(y * w + x);
  U = yuv_byte(n + (y / 2) * hw + x / 2);
  V = yuv_byte(n + hw * (h / 2) + (y / 2) * hw + x / 2);
#elif YUV == 4
  Y = yuv_byte(y * w + x);
  int uv = n + (y / 2) * w + 2 * (x / 2);
  U = yuv_byte(uv);
  V = yuv_byte(uv + 1);
#elif YUV == 5
  int row = y * 2 * w;
  Y = yuv_byte(row + 2 * x);
  U = yuv_byte(row + 4 * (x / 2) + 1);
  V = yuv_byte(row + 4 * (x / 2) + 3);
#else
  Y = yuv_byte(y * w + x);
#endif
#if YUV_LIMITED
  float yn = (Y - 16.0) / 219.0;
  float un = (U - 128.0) / 224.0;
  float vn = (V - 128.0) / 224.0;
#else
  float yn = Y / 255.0;
  float un = (U - 128.0) / 255.0;
  float vn = (V - 128.0) / 255.0;
#endif
#if YUV_BT601
  vec3 rgb = vec3(yn + 1.402 * vn, yn - 0.344 * un - 0.714 * vn, yn + 1.772 * un);
#else
  vec3 rgb = vec3(yn + 1.575 * vn, yn - 0.187 * un - 0.468 * vn, yn + 1.856 * un);
#endif
  return floor(clamp(rgb, 0.0, 1.0) * 255.0 + 0.5) / 255.0;
}
#endif

// Rerun's per-texel decode (rectangle_fs.wgsl: decode_texture), before any filtering.
vec4 decode_texel(ivec2 p) {
  p = clamp(p, ivec2(0), u_textureSize - 1);
#if YUV
  vec4 s = vec4(yuv_rgb(p), 1.0);
#else
  vec4 s = fetch_raw(p);
#endif
  if (CHANNELS == 1) s = vec4(s.r, 0.0, 0.0, 1.0);
  else if (CHANNELS == 3) s.a = 1.0;
  // NaN and ±inf samples are errors too, as in Rerun. Tested on the raw bits before any
  // arithmetic: shader compilers may assume arithmetic never yields NaN and fold checks away.
  bool special = any(equal(floatBitsToUint(s.rgb) & 0x7f800000u, uvec3(0x7f800000u)));
  vec4 n = (s - RANGE.x) / (RANGE.y - RANGE.x);
  if (BGR) n = n.bgra;
  if (DECODE_SRGB) {
    bool inside = all(greaterThanEqual(n.rgb, vec3(0.0))) && all(lessThanEqual(n.rgb, vec3(1.0)));
    if (special || !inside) return ERROR_COLOR;
    // One pow instead of three for single-channel data (g and b are 0 and stay 0).
    if (CHANNELS == 1) n.r = linear_from_srgb(vec3(n.r)).r;
    else n.rgb = linear_from_srgb(n.rgb);
  }
  if (ALPHA_MODE == 0 || CHANNELS != 4) n.a = 1.0;
  else if (ALPHA_MODE == 1) n.rgb *= n.a;
  return n;
}

#if FILTER == 3
// Bilinear by the texture unit (a LINEAR sampler is bound): exact when the per-texel decode is
// affine — the GPU has already decoded sRGB per texel, before filtering, as Rerun does — and
// one fetch instead of four decoded taps.
vec4 sample_hardware(vec2 coord) {
  vec4 s = vec4(texture(u_texture, coord / vec2(u_textureSize)));
  if (CHANNELS == 1) s = vec4(s.r, 0.0, 0.0, 1.0);
  else if (CHANNELS == 3) s.a = 1.0;
  vec4 n = (s - RANGE.x) / (RANGE.y - RANGE.x);
  if (BGR) n = n.bgra;
  if (ALPHA_MODE == 0 || CHANNELS != 4) n.a = 1.0;
  return n;
}
#endif

#if FILTER == 0 || FILTER == -1
vec4 sample_nearest(vec2 coord) {
  return decode_texel(ivec2(floor(coord)));
}
#endif

#if FILTER == 1 || FILTER == -1
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

#endif

#if FILTER == 2 || FILTER == -1
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
#endif

// Google's polynomial fit of Turbo, as Rerun's colormap.wgsl evaluates it for depth images
// (SPEC §12.10), in f32. Its output is sRGB and slightly leaves [0, 1] (blue is −0.0255 at
// t = 1): Rerun stores those as 0 and 255, so they are clamped here before decoding (a pow() of
// a negative value would be NaN).
vec3 colormap_turbo_polynomial(float t) {
  const vec4 kRedVec4 = vec4(0.13572138, 4.61539260, -42.66032258, 132.13108234);
  const vec4 kGreenVec4 = vec4(0.09140261, 2.19418839, 4.84296658, -14.18503333);
  const vec4 kBlueVec4 = vec4(0.10667330, 12.64194608, -60.58204836, 110.36276771);
  const vec2 kRedVec2 = vec2(-152.94239396, 59.28637943);
  const vec2 kGreenVec2 = vec2(4.27729857, 2.82956604);
  const vec2 kBlueVec2 = vec2(-89.90310912, 27.34824973);
  vec4 v4 = vec4(1.0, t, t * t, t * t * t);
  vec2 v2 = v4.zw * v4.z;
  return clamp(vec3(
    dot(v4, kRedVec4) + dot(v2, kRedVec2),
    dot(v4, kGreenVec4) + dot(v2, kGreenVec2),
    dot(v4, kBlueVec4) + dot(v2, kBlueVec2)
  ), 0.0, 1.0);
}

// Colour maps are defined on sRGB values (Rerun's colormap.wgsl); tables are looked up as
// matplotlib does (entry floor(t·n), the last one for t = 1).
vec3 colormap_linear(float t) {
  t = clamp(t, 0.0, 1.0);
  vec3 srgb;
  if (COLORMAP_KIND < 0) {
    srgb = colormap_turbo_polynomial(t);
  } else if (COLORMAP_KIND == 0) {
    // One pow for the three equal channels.
    return vec3(linear_from_srgb(vec3(t)).r);
  } else if (COLORMAP_KIND == 1) {
    float u = t * 2.0 - 1.0;
    srgb = clamp(vec3(1.0 + 3.0 * u, 1.0 + 3.0 * u * u, 1.0 - 3.0 * u) / 4.0, 0.0, 1.0);
  } else {
    int i = min(u_colormapSize - 1, int(t * float(u_colormapSize)));
    srgb = texelFetch(u_colormapLut, ivec2(i, u_colormap - 2), 0).rgb;
  }
  return linear_from_srgb(srgb);
}

void main() {
#if GPU_RANGE
  vec2 st = texelFetch(u_stats, ivec2(0), 0).xy;
  g_range = st.x == st.y ? st + vec2(-1.0, 1.0) : st;
#endif
  // The texel coordinate from the fragment's own scene position rather than the interpolated
  // v_texcoord: the same arithmetic for a tile as for the whole image (and for a snapshot tile
  // as for the whole snapshot), so tiles are bit-identical to one big texture.
  vec2 device = vec2(gl_FragCoord.x, u_viewport.y - gl_FragCoord.y);
  vec2 scene = (device - u_offset) / u_scale;
  vec2 coord = scene - u_origin + u_texelOrigin;
  // Magnifying iff one screen pixel covers less than one texel (rectangle_fs.wgsl is_magnifying).
  vec4 v;
#if FILTER == 3
  v = sample_hardware(coord);
#elif FILTER == 2
  v = sample_bicubic(coord);
#elif FILTER == 1
  v = sample_bilinear(coord);
#elif FILTER == 0
  v = sample_nearest(coord);
#else
  bool magnifying = fwidth(coord.x) < 1.0;
  int filter_mode = magnifying ? u_magFilter : u_minFilter;
  if (filter_mode == 2) v = sample_bicubic(coord);
  else if (filter_mode == 1) v = sample_bilinear(coord);
  else v = sample_nearest(coord);
#endif

  vec4 color;
  if (MAPPER == 0) color = vec4(v.rrr, 1.0);
  else if (MAPPER == 2) color = vec4(colormap_linear(v.r), 1.0);
  else color = v;
  out_color = color * u_opacity;
}
`;
}

/** Full-screen pass: turns the linear premultiplied composite into sRGB bytes. */
export const ENCODE_VERTEX_SHADER = /* glsl */ `#version 300 es
precision highp float;
// The unit quad's corners from the vertex index (a 4-vertex triangle strip): no vertex buffer.
#define a_position vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1))
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

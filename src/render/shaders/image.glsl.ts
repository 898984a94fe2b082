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

// The GPU range, read once per vertex rather than once per fragment and passed on unchanged.
const RANGE_OUT = /* glsl */ `uniform sampler2D u_stats; // (finite min, finite max, any finite) at (0, 0)
flat out vec2 v_range;      // Rerun's range heuristic for data outside [0, 255]`;
const RANGE_WRITE = /* glsl */ `vec2 st = texelFetch(u_stats, ivec2(0), 0).xy;
  v_range = st.x == st.y ? st + vec2(-1.0, 1.0) : st;`;

// The colour-mapped single-channel path (`ImageShaderVariant.scalar`): the fragment shader's
// constants come as flat varyings, written once per vertex. On SwiftShader every uniform a
// fragment reads is a bounds-checked buffer load per 2×2 quad, which for the six the generic
// main() reads cost about a quarter of a 1080p frame's draw; a flat varying costs a register.
// v_vw: viewport height, offset, x scale; v_mp: y scale, value range, opacity; v_lt: the
// last texel.
const SCALAR_OUT = /* glsl */ `uniform ivec2 u_textureSize;
uniform vec2 u_range;
uniform float u_opacity;
flat out vec4 v_vw;
flat out vec4 v_mp;
flat out ivec2 v_lt;`;
const scalarWrite = (
  gpuRange: boolean,
) => /* glsl */ `v_vw = vec4(u_viewport.y, u_offset, u_scale.x);
  v_mp = vec4(u_scale.y, ${gpuRange ? 'v_range' : 'u_range'}, u_opacity);
  v_lt = u_textureSize - 1;`;

// The generic main() by the same rule (`ImageShaderVariant.flatCoord`): the scene → texel
// constants as flat varyings. v_h0: viewport height, offset, x scale; v_h1: y scale;
// v_h2: origin, texel origin.
const FLAT_OUT = /* glsl */ `flat out vec4 v_h0;
flat out float v_h1;
flat out vec4 v_h2;`;
const FLAT_WRITE = /* glsl */ `v_h0 = vec4(u_viewport.y, u_offset, u_scale.x);
  v_h1 = u_scale.y;
  v_h2 = vec4(u_origin, u_texelOrigin);`;

export const imageVertexShader = (
  gpuRange: boolean,
  scalar = false,
  flatCoord = false,
): string => /* glsl */ `#version 300 es
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
${gpuRange ? RANGE_OUT : ''}
${scalar ? SCALAR_OUT : ''}
${flatCoord ? FLAT_OUT : ''}

void main() {
  vec2 scene = u_origin + a_position * u_extent;
  vec2 device = u_offset + scene * u_scale;
  vec2 clip = device / u_viewport * 2.0 - 1.0;
  // Scene y points down, clip y points up.
  gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
  v_texcoord = u_texelOrigin + a_position * u_extent;
  ${gpuRange ? RANGE_WRITE : ''}
  ${scalar ? scalarWrite(gpuRange) : ''}
  ${flatCoord ? FLAT_WRITE : ''}
}
`;

/** Linear colour to sRGB values (the encode pass; encoded draws of decoded texels). */
const SRGB_FROM_LINEAR = /* glsl */ `vec3 srgb_from_linear(vec3 c) {
  vec3 lo = c * 12.92;
  vec3 hi = 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055;
  return mix(hi, lo, vec3(lessThanEqual(c, vec3(0.0031308))));
}`;

/** Compile-time choices of the image fragment shader. */
export interface ImageShaderVariant {
  /**
   * The YUV layout to decode (SPEC §1.4: 1 Y_U_V24, 2 Y_U_V16, 3 Y_U_V12, 4 NV12, 5 YUY2, 6 Y8;
   * 7 NV12 whose byte rows are the image's, fetched by coordinate instead of by offset, without
   * a division and a modulo per byte; 8 the same at 2:1 on whole pixels, one U, V fetch for the
   * four bilinear taps of a fragment, which share one chroma block),
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
    /** The colour map: Rerun's enum value, 1 grayscale … 9 twilight (`colormapCode()`). */
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
  /**
   * The range is [0, 1] (U8 data in a normalised texture): samples are used as they are, without
   * the subtraction and division per tap (which give the same value for this range).
   */
  unitRange?: boolean;
  /**
   * 1:1 on whole pixels with the nearest filter: the texel under the fragment found in integers
   * (the same texel; a division per fragment costs SwiftShader about 3 ms a 640×480 frame).
   */
  wholePixels?: boolean;
  /** The range comes from the GPU's statistics (u_stats, render/gpu-range.ts), not u_range. */
  gpuRange?: boolean;
  /**
   * Single-channel samples 4 to a texel, or 8 U16 to an RGBA32UI texel (`TexturePlan.packed`,
   * two to a component, the lower x in the low half: the samples' little-endian bytes);
   * u_textureSize in pixels. 1 or absent: one sample a texel.
   */
  packed?: number;
  /**
   * The target takes sRGB bytes (`DrawContext.encoded`): the colour map's sRGB value goes out
   * as it is, without the decode the sRGB target would undo; RGB colour read decoded from an
   * SRGB8 texture is encoded back to its bytes (an RGB8 texture's bytes need neither).
   */
  encoded?: boolean;
  /**
   * A single-channel image in one texture, nearest texels through the colour map (colormap
   * mapper, filter 0, raw samples, origin 0): main() reads its constants from flat varyings
   * (`imageVertexShader(…, true)`), with the generic main()'s operations on the same values in
   * the same order, so the same pixels.
   */
  scalar?: boolean;
  /**
   * The generic main() reads the scene → texel constants from the same flat varyings
   * (`imageVertexShader(…, …, true)`): the same values in the same operations.
   */
  flatCoord?: boolean;
}

/** The vertex shader of images without a GPU range (segmentation images share it). */
export const IMAGE_VERTEX_SHADER = imageVertexShader(false);

/** Fragment shader source for one sampler variant. */
export function imageFragmentShader(
  sampler: 'float' | 'uint' | 'int',
  variant: ImageShaderVariant = {},
): string {
  const { yuv, filter = -1, shading, gpuRange = false, packed = 1 } = variant;
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
#define COLORMAP ${constant(shading?.colormap, 'u_colormap')}
#define INFERNO vec3(.00021894037,.0016510047,-.019480899),vec3(.10651342,.56395644,3.9327123),vec3(11.602493,-3.972854,-15.942394),vec3(-41.703995,17.4364,44.354145),vec3(77.16293,-33.40236,-81.80731),vec3(-71.31943,32.626064,73.20952),vec3(25.131126,-12.242669,-23.070326)
#define MAGMA vec3(-.002136485,-.00074965507,-.0053861276),vec3(.25166056,.67752326,2.4940267),vec3(8.353717,-3.5777194,.3144679),vec3(-27.668734,14.26473,-13.649213),vec3(52.17614,-27.943605,12.944169),vec3(-50.768524,29.046583,4.234153),vec3(18.655704,-11.489774,-5.6019616)
#define PLASMA vec3(.058732346,.023336709,.5433402),vec3(2.1765146,.23838341,.75396043),vec3(-2.6894605,-7.455851,3.1108),vec3(6.130348,42.346188,-28.518854),vec3(-11.107436,-82.66631,60.139847),vec3(10.023066,71.41362,-54.072186),vec3(-3.6587138,-22.931534,18.191908)
#define VIRIDIS vec3(.27772734,.0054073445,.3340998),vec3(.10509304,1.4046135,1.3845901),vec3(-.33086184,.21484756,.095095165),vec3(-4.6342306,-5.799101,-19.332441),vec3(6.22827,14.179934,56.69055),vec3(4.776385,-13.745146,-65.353035),vec3(-5.435456,4.6458526,26.312435)
#define SPECTRAL vec3(.58438456,.0064244326,.23106141),vec3(3.7685728,2.487083,2.8211744),vec3(-16.262573,-6.243216,-37.292187),vec3(39.821465,39.93245,186.34047),vec3(-46.140976,-99.4238,-388.53253),vec3(12.716626,96.95418,360.62723),vec3(5.942343,-33.440388,-123.63521)
#define TWILIGHT vec3(.99435323,.85170794,.93942034),vec3(-6.6177425,-.23133259,-3.9670434),vec3(41.781242,-7.618516,38.98567),vec3(-158.29764,3.734087,-170.02538),vec3(301.70953,25.041578,319.7363),vec3(-265.16455,-30.831484,-271.62228),vec3(86.58915,9.906605,86.892944)
#define FILTER ${filter}
#define GPU_RANGE ${gpuRange ? 1 : 0}
#define PACKED ${packed > 1 ? packed : 0}
#define ENCODED ${variant.encoded ? 1 : 0}
#define UNIT_RANGE ${variant.unitRange ? 1 : 0}
#define WHOLE_PIXELS ${variant.wholePixels && filter === 0 ? 1 : 0}
#define SCALAR ${variant.scalar ? 1 : 0}
#define FLAT_COORD ${variant.flatCoord ? 1 : 0}
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
uniform int u_colormap;       // the colour map: Rerun's enum value (colormap_srgb)
#if WHOLE_PIXELS
uniform ivec2 u_texelShift;   // u_offset + u_origin − u_texelOrigin, whole pixels at 1:1
#endif

out vec4 out_color;

#if GPU_RANGE
// Rerun's range heuristic for data outside [0, 255] (the CPU settled the other cases).
flat in vec2 v_range;
#define RANGE v_range
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
#if PACKED == 8
  return vec4(float(texelFetch(u_texture, ivec2(p.x >> 3, p.y), 0)[(p.x >> 1) & 3] >> ((p.x & 1) << 4) & 0xffffu));
#elif PACKED
  return vec4(vec4(texelFetch(u_texture, ivec2(p.x >> 2, p.y), 0))[p.x & 3]);
#else
  return vec4(texelFetch(u_texture, p, 0));
#endif
}

#if YUV
float yuv_at(ivec2 t) {
  return vec4(texelFetch(u_texture, t, 0)).r;
}

float yuv_byte(int offset) {
  return yuv_at(ivec2(offset % u_byteRow, offset / u_byteRow));
}

#if YUV >= 7
vec2 g_uv; // YUV 8: U, V of the fragment's chroma block (sample_bilinear)

// NV12's interleaved U, V for pixel p >= 0: rows of the image width after the Y plane.
vec2 nv12_chroma(ivec2 p) {
  ivec2 t = ivec2(p.x & ~1, u_textureSize.y + (p.y >> 1));
  return vec2(yuv_at(t), yuv_at(t + ivec2(1, 0)));
}
#endif

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
#if YUV >= 7
  Y = yuv_at(p);
#if YUV == 8
  vec2 uv = g_uv;
#else
  vec2 uv = nv12_chroma(p);
#endif
  U = uv.x;
  V = uv.y;
#elif YUV == 1
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
#if UNIT_RANGE
  vec4 n = s;
#else
  vec4 n = (s - RANGE.x) / (RANGE.y - RANGE.x);
#endif
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
#if UNIT_RANGE
  vec4 n = s;
#else
  vec4 n = (s - RANGE.x) / (RANGE.y - RANGE.x);
#endif
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
#if YUV == 8
  // p is even: the four taps (clamped at the edges) lie in the chroma block of p.
  g_uv = nv12_chroma(clamp(p, ivec2(0), u_textureSize - 1));
#endif
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

// Rerun's colour maps (re_renderer's colormap.wgsl, SPEC §12.10), evaluated as it does, in f32:
// each gives sRGB (gamma) values, which colormap_linear() clamps to [0, 1] and decodes. The fits
// slightly leave [0, 1] (Turbo's blue is −0.0255 at t = 1); Rerun's render target stores such
// values as 0 and 255, as clamping before decoding does (a pow() of a negative value is NaN).
// The literals are the shortest decimals of Rerun's f32 coefficients.

// Google's polynomial fit of Turbo (Mikhailov; GLSL approximation by Ruofei Du).
vec3 colormap_turbo(float t) {
  vec4 v4 = vec4(1.0, t, t * t, t * t * t);
  vec2 v2 = v4.zw * v4.z;
  return vec3(
    dot(v4, vec4(.13572138, 4.6153926, -42.660323, 132.13108)) + dot(v2, vec2(-152.9424, 59.28638)),
    dot(v4, vec4(.091402613, 2.1941884, 4.8429666, -14.185034)) + dot(v2, vec2(4.2772985, 2.829566)),
    dot(v4, vec4(.1066733, 12.641946, -60.582047, 110.36277)) + dot(v2, vec2(-89.9031, 27.34825))
  );
}

// Degree-6 fits of matplotlib's maps (shadertoy WlfXRN, CC0; Rerun's own Spectral and Twilight
// fits) in Horner form: c0 + t·(c1 + t·(… + t·c6)).
vec3 horner(float t, vec3 c0, vec3 c1, vec3 c2, vec3 c3, vec3 c4, vec3 c5, vec3 c6) {
  return c0 + t * (c1 + t * (c2 + t * (c3 + t * (c4 + t * (c5 + t * c6)))));
}

// By Rerun's enum value: 1 grayscale, 2 inferno, 3 magma, 4 plasma, 5 turbo, 6 viridis,
// 7 cyan-to-yellow, 8 spectral, 9 twilight.
vec3 colormap_srgb(float t) {
  if (COLORMAP == 2) return horner(t, INFERNO);
  if (COLORMAP == 3) return horner(t, MAGMA);
  if (COLORMAP == 4) return horner(t, PLASMA);
  if (COLORMAP == 5) return colormap_turbo(t);
  if (COLORMAP == 6) return horner(t, VIRIDIS);
  if (COLORMAP == 7) {
    float u = t * 2.0 - 1.0;
    return vec3(1.0 + 3.0 * u, 1.0 + 3.0 * u * u, 1.0 - 3.0 * u) / 4.0;
  }
  if (COLORMAP == 8) return horner(t, SPECTRAL);
  if (COLORMAP == 9) return horner(t, TWILIGHT);
  return vec3(t); // grayscale: an even ramp in sRGB
}

#if ENCODED
// Decoded sRGB colour (an SRGB8 texture's texel) back to its byte, for an RGBA8 target.
${SRGB_FROM_LINEAR}
#endif

vec3 colormap_linear(float t) {
  t = clamp(t, 0.0, 1.0);
#if ENCODED
  // Into an RGBA8 target: the sRGB value itself (decoding it and encoding it again by the
  // target would give the same byte).
  return clamp(colormap_srgb(t), 0.0, 1.0);
#else
  // One pow for the three equal channels of grayscale.
  if (COLORMAP == 1) return vec3(linear_from_srgb(vec3(t)).r);
  return linear_from_srgb(clamp(colormap_srgb(t), 0.0, 1.0));
#endif
}

#if SCALAR
flat in vec4 v_vw;
flat in vec4 v_mp;
flat in ivec2 v_lt;
void main() {
  vec2 device = vec2(gl_FragCoord.x, v_vw.x - gl_FragCoord.y);
  vec2 coord = (device - v_vw.yz) / vec2(v_vw.w, v_mp.x);
  ivec2 p = clamp(ivec2(floor(coord)), ivec2(0), v_lt);
  float t = (fetch_raw(p).r - v_mp.y) / (v_mp.z - v_mp.y);
  out_color = vec4(colormap_linear(t), 1.0) * v_mp.w;
}
#else
#if FLAT_COORD
flat in vec4 v_h0;
flat in float v_h1;
flat in vec4 v_h2;
#endif
void main() {
  // The texel coordinate from the fragment's own scene position rather than the interpolated
  // v_texcoord: the same arithmetic for a tile as for the whole image (and for a snapshot tile
  // as for the whole snapshot), so tiles are bit-identical to one big texture.
#if WHOLE_PIXELS
  // Every term below is a whole number or a half: the same texel, in integers.
  ivec2 f = ivec2(gl_FragCoord.xy);
  vec4 v = decode_texel(ivec2(f.x, int(u_viewport.y) - 1 - f.y) - u_texelShift);
#else
#if FLAT_COORD
  vec2 device = vec2(gl_FragCoord.x, v_h0.x - gl_FragCoord.y);
  vec2 scene = (device - v_h0.yz) / vec2(v_h0.w, v_h1);
  vec2 coord = scene - v_h2.xy + v_h2.zw;
#else
  vec2 device = vec2(gl_FragCoord.x, u_viewport.y - gl_FragCoord.y);
  vec2 scene = (device - u_offset) / u_scale;
  vec2 coord = scene - u_origin + u_texelOrigin;
#endif
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
#endif

  vec4 color;
  if (MAPPER == 0) color = vec4(v.rrr, 1.0);
  else if (MAPPER == 2) color = vec4(colormap_linear(v.r), 1.0);
  else color = v;
#if ENCODED
  // RGB colour drawn encoded from an SRGB8 texture (one texel a fragment, opaque).
  if (MAPPER == 1) color.rgb = srgb_from_linear(color.rgb);
#endif
  out_color = color * u_opacity;
}
#endif
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

${SRGB_FROM_LINEAR}

void main() {
  vec4 c = texelFetch(u_composite, ivec2(gl_FragCoord.xy), 0);
  vec3 straight = c.a > 0.0 ? clamp(c.rgb / c.a, 0.0, 1.0) : vec3(0.0);
  vec3 encoded = srgb_from_linear(straight);
  out_color = u_premultiplied ? vec4(encoded * c.a, c.a) : vec4(encoded, c.a);
}
`;

// Baselines for "show a new frame" in four formats, in three variants (FrameVariant):
//
// - 'same': the fair program. What a skilled engineer hand-writes to draw the pixels
//   <rr-image> (and Rerun's viewer) shows for the frame in a box of half its size: storage
//   allocated once and written with texSubImage2D, Rerun's range heuristic from a tight min/max
//   loop on the CPU (counted in its main-thread time), the least shader that gives those pixels.
// - 'fixed': the earlier fair program: texSubImage2D, nearest texels, a fixed range, an RGBA8
//   drawing buffer. Other pixels than <rr-image>'s (kept so that nothing is hidden).
// - 'original': the first baseline: 'fixed' with a texImage2D (a reallocation) every frame.
//
// Each draws into an on-page canvas; `drain` waits for the GPU with a one-pixel readPixels on
// the program's own context, `pixels` reads back what it shows for the last frame.
import { linkProgram, QUAD_VERTEX } from './gl-link.js';
import { drainContext, glPixels, type Pixels } from './harness.js';

export type FrameKind = 'rgb-u8' | 'l-u16' | 'l-f32' | 'nv12';
export type FrameVariant = 'same' | 'fixed' | 'original';

// The 'fixed' and 'original' programs. Integer and 32-bit float textures are not filterable:
// every variant uses texelFetch.
const FIXED: Record<FrameKind, string> = {
  'rgb-u8': `#version 300 es
precision highp float;
uniform sampler2D u_image;
in vec2 v_uv;
out vec4 color;
void main() {
  color = vec4(texelFetch(u_image, ivec2(v_uv * vec2(textureSize(u_image, 0))), 0).rgb, 1.0);
}`,
  'l-u16': `#version 300 es
precision highp float;
precision highp usampler2D;
uniform usampler2D u_image;
uniform vec2 u_range;
in vec2 v_uv;
out vec4 color;
void main() {
  float v = float(texelFetch(u_image, ivec2(v_uv * vec2(textureSize(u_image, 0))), 0).r);
  color = vec4(vec3(clamp((v - u_range.x) / (u_range.y - u_range.x), 0.0, 1.0)), 1.0);
}`,
  'l-f32': `#version 300 es
precision highp float;
uniform sampler2D u_image;
uniform vec2 u_range;
in vec2 v_uv;
out vec4 color;
void main() {
  float v = texelFetch(u_image, ivec2(v_uv * vec2(textureSize(u_image, 0))), 0).r;
  color = vec4(vec3(clamp((v - u_range.x) / (u_range.y - u_range.x), 0.0, 1.0)), 1.0);
}`,
  // NV12 bytes as one R8 texture of width w and 1.5·h rows: Y plane, then interleaved UV rows.
  nv12: `#version 300 es
precision highp float;
uniform sampler2D u_image;
uniform ivec2 u_size;
in vec2 v_uv;
out vec4 color;
void main() {
  ivec2 p = ivec2(v_uv * vec2(u_size));
  float y = texelFetch(u_image, p, 0).r * 255.0;
  ivec2 uv = ivec2(2 * (p.x / 2), u_size.y + p.y / 2);
  float u = texelFetch(u_image, uv, 0).r * 255.0 - 128.0;
  float v = texelFetch(u_image, uv + ivec2(1, 0), 0).r * 255.0 - 128.0;
  float l = (y - 16.0) / 219.0;
  vec3 rgb = vec3(l + 1.402 * v / 224.0, l - (0.344 * u + 0.714 * v) / 224.0, l + 1.772 * u / 224.0);
  color = vec4(clamp(rgb, 0.0, 1.0), 1.0);
}`,
};

// The 'same' programs: the pixels <rr-image> shows (SPEC §2), each the cheapest way measured.
//
// RGB U8: sRGB bytes, minified 2:1 with bilinear filtering in linear light (the minification of
// an image without a colour map is linear, SPEC §2.6). An SRGB8 texture the texture unit decodes
// before its LINEAR filter, drawn into an SRGB8_ALPHA8 drawing buffer that encodes on write:
// cheaper on SwiftShader than four texelFetch taps decoded in the shader.
const SAME_RGB_U8 = `#version 300 es
precision highp float;
uniform sampler2D u_image;
in vec2 v_uv;
out vec4 color;
void main() {
  color = vec4(texture(u_image, v_uv).rgb, 1.0);
}`;

// L U16 / L F32 with samples outside [0, 255] (and, for floats, [0, 1]): Rerun neither decodes
// sRGB nor filters linearly (SPEC §2.4–§2.6: a colour-mapped image, Function(Grayscale), with
// the default Nearest magnification minifies with Nearest too). The pixel is the nearest texel's
// t = clamp((v − min) / (max − min)), which the grayscale map treats as an sRGB value: decoded
// to linear and encoded again by the sRGB target, it ends as round(255·t), which an RGBA8
// drawing buffer gives without either conversion. The texel is the one under the pixel centre,
// from gl_FragCoord as <rr-image>'s shader computes it (not an interpolated varying, which can
// fall a hair short of a texel edge).
const sameL = (sampler: 'usampler2D' | 'sampler2D') => `#version 300 es
precision highp float;
precision highp usampler2D;
uniform ${sampler} u_image;
uniform vec2 u_range;
uniform vec2 u_scale;  // texels per device pixel
uniform float u_top;   // drawing buffer height
out vec4 color;
void main() {
  vec2 coord = vec2(gl_FragCoord.x, u_top - gl_FragCoord.y) * u_scale;
  float v = float(texelFetch(u_image, ivec2(coord), 0).r);
  color = vec4(vec3(clamp((v - u_range.x) / (u_range.y - u_range.x), 0.0, 1.0)), 1.0);
}`;

// NV12: Rerun converts YUV to 8-bit RGB per texel (limited range, BT.601, clamped and rounded
// to bytes: its Rgba8Unorm target, SPEC §2.7), treats those bytes as sRGB, and minifies with
// bilinear filtering of the decoded texels in linear light. Here: the two planes as an R8 and
// an RG8 texture (the usual NV12 layout: one fetch each), four converted taps whose bytes are
// decoded through a 256-entry table (measured: about 0.8× the time of pow() per channel on
// SwiftShader, the same pixels), an SRGB8_ALPHA8 drawing buffer (or the encode in the shader
// where the browser has none).
const SAME_NV12 = (srgbBuffer: boolean) => `#version 300 es
precision highp float;
uniform sampler2D u_y;
uniform sampler2D u_uv;
uniform ivec2 u_size;
uniform vec2 u_scale;
uniform float u_top;
uniform float u_linear[256]; // linear_from_srgb(k / 255)
out vec4 color;

vec3 srgb_from_linear(vec3 c) {
  return mix(1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, c * 12.92, vec3(lessThanEqual(c, vec3(0.0031308))));
}

vec3 texel(ivec2 p) {
  p = clamp(p, ivec2(0), u_size - 1);
  float y = (texelFetch(u_y, p, 0).r * 255.0 - 16.0) / 219.0;
  vec2 uv = (texelFetch(u_uv, p >> 1, 0).rg * 255.0 - 128.0) / 224.0;
  vec3 rgb = vec3(y + 1.402 * uv.y, y - 0.344 * uv.x - 0.714 * uv.y, y + 1.772 * uv.x);
  ivec3 q = ivec3(clamp(rgb, 0.0, 1.0) * 255.0 + 0.5);
  return vec3(u_linear[q.r], u_linear[q.g], u_linear[q.b]);
}

void main() {
  vec2 c = vec2(gl_FragCoord.x, u_top - gl_FragCoord.y) * u_scale - 0.5;
  ivec2 p = ivec2(floor(c));
  vec2 f = c - floor(c);
  vec3 rgb = mix(mix(texel(p), texel(p + ivec2(1, 0)), f.x),
                 mix(texel(p + ivec2(0, 1)), texel(p + ivec2(1, 1)), f.x), f.y);
  color = vec4(${srgbBuffer ? 'rgb' : 'srgb_from_linear(rgb)'}, 1.0);
}`;

/** sRGB byte k → linear light: SPEC §2.1's linear_from_srgb(k / 255). */
const SRGB_TO_LINEAR = Float32Array.from({ length: 256 }, (_, k) => {
  const c = k / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

interface DrawingBufferStorage {
  drawingBufferStorage?(format: number, width: number, height: number): void;
}

/**
 * Rerun's range for single-channel samples (SPEC §2.2–§2.3: the finite min/max of every
 * sample, then data_range_heuristic), as a hand-written program computes it: one typed-array
 * loop. Only the colour-mapped case is drawn by the 'same' programs; 8-bit-like data would take
 * Rerun's other path (sRGB decode, linear minification), which this program does not implement.
 */
export function singleChannelRange(samples: Uint16Array | Float32Array): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  const n = samples.length;
  if (samples instanceof Uint16Array) {
    for (let i = 0; i < n; i++) {
      const v = samples[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = samples[i]!;
      // Finite samples only: NaN and ±inf give NaN here.
      if (v - v !== 0) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const isFloat = samples instanceof Float32Array;
  if (min > max || (min >= 0 && max <= 255) || (isFloat && min >= 0 && max <= 1))
    throw new Error('8-bit-like or empty data: Rerun decodes it as sRGB; not this program');
  return min === max ? [min - 1, max + 1] : [min, max];
}

export interface FrameBaseline {
  /** Uploads `bytes` and draws (flushed, not waited for); returns the main-thread ms. */
  show(bytes: Uint8Array): number;
  /** Waits until the GPU has done the work given so far (a 1-px readPixels of this context). */
  drain(): void;
  /** The pixels of the last frame (drawn again and read back at once). */
  pixels(): Pixels;
  dispose(): void;
}

/** A canvas of cssWidth × cssHeight CSS pixels in `parent` showing width × height frames. */
export function createFrameBaseline(
  kind: FrameKind,
  variant: FrameVariant,
  parent: HTMLElement,
  width: number,
  height: number,
  cssWidth: number,
  cssHeight: number,
  /** The fixed range of the 'fixed' and 'original' programs. */
  range: [number, number] = [0, 1],
): FrameBaseline {
  const canvas = document.createElement('canvas');
  canvas.style.cssText = `display:block;width:${cssWidth}px;height:${cssHeight}px`;
  canvas.width = Math.round(cssWidth * devicePixelRatio);
  canvas.height = Math.round(cssHeight * devicePixelRatio);
  parent.append(canvas);
  const gl = canvas.getContext('webgl2', { antialias: false, depth: false, stencil: false });
  if (!gl) throw new Error('WebGL2 is not available');
  const same = variant === 'same';
  const steady = variant !== 'original';
  // An sRGB drawing buffer where the pixels need linear-light filtering.
  const srgbBuffer = (gl as WebGL2RenderingContext & DrawingBufferStorage).drawingBufferStorage;
  const wantsSrgb = same && (kind === 'rgb-u8' || kind === 'nv12');
  if (wantsSrgb && srgbBuffer) srgbBuffer.call(gl, gl.SRGB8_ALPHA8, canvas.width, canvas.height);
  const fragment = !same
    ? FIXED[kind]
    : kind === 'rgb-u8'
      ? SAME_RGB_U8
      : kind === 'nv12'
        ? SAME_NV12(!!srgbBuffer)
        : sameL(kind === 'l-u16' ? 'usampler2D' : 'sampler2D');
  const program = linkProgram(gl, QUAD_VERTEX, fragment);
  gl.useProgram(program);
  const uniform = (name: string) => gl.getUniformLocation(program, name);
  gl.uniform2f(uniform('u_range'), range[0], range[1]);
  gl.uniform2i(uniform('u_size'), width, height);
  gl.uniform2f(uniform('u_scale'), width / canvas.width, height / canvas.height);
  gl.uniform1f(uniform('u_top'), canvas.height);
  gl.uniform1i(uniform('u_y'), 0);
  gl.uniform1i(uniform('u_uv'), 1);
  gl.uniform1fv(uniform('u_linear'), SRGB_TO_LINEAR);
  gl.bindVertexArray(gl.createVertexArray());
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  gl.viewport(0, 0, canvas.width, canvas.height);

  const texture = (unit: number, filter: number) => {
    gl.activeTexture(gl.TEXTURE0 + unit);
    gl.bindTexture(gl.TEXTURE_2D, gl.createTexture());
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, filter);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, filter);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  };
  const u16 = (b: Uint8Array) => new Uint16Array(b.buffer, b.byteOffset, b.byteLength / 2);
  const f32 = (b: Uint8Array) => new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
  /** Writes one frame's bytes into the textures. */
  let upload: (bytes: Uint8Array) => void;
  if (same && kind === 'nv12') {
    // Y plane (R8, w × h) on unit 0, interleaved UV plane (RG8, w/2 × h/2) on unit 1.
    const luma = width * height;
    texture(1, gl.NEAREST);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RG8, width / 2, height / 2);
    texture(0, gl.NEAREST);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.R8, width, height);
    upload = (b) => {
      gl.activeTexture(gl.TEXTURE1);
      gl.texSubImage2D(
        gl.TEXTURE_2D,
        0,
        0,
        0,
        width / 2,
        height / 2,
        gl.RG,
        gl.UNSIGNED_BYTE,
        b.subarray(luma),
      );
      gl.activeTexture(gl.TEXTURE0);
      gl.texSubImage2D(
        gl.TEXTURE_2D,
        0,
        0,
        0,
        width,
        height,
        gl.RED,
        gl.UNSIGNED_BYTE,
        b.subarray(0, luma),
      );
    };
  } else {
    const hardwareBilinear = same && kind === 'rgb-u8';
    texture(0, hardwareBilinear ? gl.LINEAR : gl.NEAREST);
    const STORAGE: Record<FrameKind, [number, number, number, number, number]> = {
      'rgb-u8': [hardwareBilinear ? gl.SRGB8 : gl.RGB8, width, height, gl.RGB, gl.UNSIGNED_BYTE],
      'l-u16': [gl.R16UI, width, height, gl.RED_INTEGER, gl.UNSIGNED_SHORT],
      'l-f32': [gl.R32F, width, height, gl.RED, gl.FLOAT],
      nv12: [gl.R8, width, height * 1.5, gl.RED, gl.UNSIGNED_BYTE],
    };
    const [internal, w, h, format, type] = STORAGE[kind];
    const view = (b: Uint8Array) => (kind === 'l-u16' ? u16(b) : kind === 'l-f32' ? f32(b) : b);
    if (steady) {
      gl.texStorage2D(gl.TEXTURE_2D, 1, internal, w, h);
      upload = (b) => gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, w, h, format, type, view(b));
    } else {
      upload = (b) => gl.texImage2D(gl.TEXTURE_2D, 0, internal, w, h, 0, format, type, view(b));
    }
  }
  const rangeLocation = uniform('u_range');
  const autoRange = same && (kind === 'l-u16' || kind === 'l-f32');
  let last: Uint8Array | undefined;

  function show(bytes: Uint8Array): number {
    const start = performance.now();
    last = bytes;
    if (autoRange) {
      const [lo, hi] = singleChannelRange(kind === 'l-u16' ? u16(bytes) : f32(bytes));
      gl!.uniform2f(rangeLocation, lo, hi);
    }
    upload(bytes);
    gl!.drawArrays(gl!.TRIANGLE_STRIP, 0, 4);
    gl!.flush();
    return performance.now() - start;
  }
  return {
    show,
    drain: () => drainContext(gl),
    pixels() {
      if (!last) throw new Error('no frame shown yet');
      // The drawing buffer is cleared once presented: draw again and read in the same task.
      show(last);
      return glPixels(gl);
    },
    dispose() {
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      canvas.remove();
    },
  };
}

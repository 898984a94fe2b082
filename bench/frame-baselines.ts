// Baselines for "show a new frame" in four formats: the least a hand-written WebGL2 program
// does to put the same bytes on screen. One upload of the raw bytes (no conversion on the CPU),
// one quad whose shader does the minimal decode, and a one-pixel readPixels to wait for the GPU.

export type FrameKind = 'rgb-u8' | 'l-u16' | 'l-f32' | 'nv12';

const VERTEX = `#version 300 es
precision highp float;
out vec2 v_uv;
void main() {
  vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);
  v_uv = vec2(corner.x, 1.0 - corner.y);
  gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}`;

// Integer and 32-bit float textures are not filterable: every variant uses texelFetch.
const FRAGMENTS: Record<FrameKind, string> = {
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

// The fair RGB U8 program draws the pixels Rerun's viewer (and <rr-image>) shows for a frame
// minified 2:1: bilinear filtering in linear light. The cheapest way a hand-written program has
// (measured on SwiftShader against decoding four texelFetch taps in the shader): an SRGB8 texture
// the texture unit decodes before its LINEAR filter, drawn into an SRGB8_ALPHA8 drawing buffer
// that encodes on write. A texelFetch into an RGB8 buffer draws other pixels, and cheaper ones:
// SwiftShader's sRGB filtering and sRGB drawing buffer cost it about 1.8× each.
const SAME_PIXELS_RGB_U8 = `#version 300 es
precision highp float;
uniform sampler2D u_image;
in vec2 v_uv;
out vec4 color;
void main() {
  color = vec4(texture(u_image, v_uv).rgb, 1.0);
}`;

interface DrawingBufferStorage {
  drawingBufferStorage?(format: number, width: number, height: number): void;
}

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS))
    throw new Error(`shader: ${gl.getShaderInfoLog(shader)}`);
  return shader;
}

export interface FrameBaseline {
  /** Uploads `bytes`, draws, waits for the GPU; returns the main-thread ms before the wait. */
  show(bytes: Uint8Array): number;
  dispose(): void;
}

/** A canvas of cssWidth × cssHeight CSS pixels in `parent` showing width × height frames. */
export function createFrameBaseline(
  kind: FrameKind,
  parent: HTMLElement,
  width: number,
  height: number,
  cssWidth: number,
  cssHeight: number,
  range: [number, number] = [0, 1],
  /**
   * The fair baseline: storage allocated once (texStorage2D), each frame written into it with
   * texSubImage2D, as a steady video player does. Otherwise every frame reallocates
   * (texImage2D), the original baseline.
   */
  steady = false,
): FrameBaseline {
  const canvas = document.createElement('canvas');
  canvas.style.cssText = `display:block;width:${cssWidth}px;height:${cssHeight}px`;
  canvas.width = Math.round(cssWidth * devicePixelRatio);
  canvas.height = Math.round(cssHeight * devicePixelRatio);
  parent.append(canvas);
  const gl = canvas.getContext('webgl2', { antialias: false, depth: false, stencil: false });
  if (!gl) throw new Error('WebGL2 is not available');
  const program = gl.createProgram()!;
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
  // Same pixels as <rr-image> for RGB U8 in the fair (steady) program; see SAME_PIXELS_RGB_U8.
  const samePixels = steady && kind === 'rgb-u8';
  const fragment = samePixels ? SAME_PIXELS_RGB_U8 : FRAGMENTS[kind];
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, fragment));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS))
    throw new Error(`program: ${gl.getProgramInfoLog(program)}`);
  gl.useProgram(program);
  gl.uniform2f(gl.getUniformLocation(program, 'u_range'), range[0], range[1]);
  gl.uniform2i(gl.getUniformLocation(program, 'u_size'), width, height);
  gl.bindVertexArray(gl.createVertexArray());
  gl.bindTexture(gl.TEXTURE_2D, gl.createTexture());
  const filter = samePixels ? gl.LINEAR : gl.NEAREST;
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, filter);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, filter);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  const srgbBuffer = (gl as WebGL2RenderingContext & DrawingBufferStorage).drawingBufferStorage;
  if (samePixels && srgbBuffer) srgbBuffer.call(gl, gl.SRGB8_ALPHA8, canvas.width, canvas.height);
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  gl.viewport(0, 0, canvas.width, canvas.height);
  const pixel = new Uint8Array(4);
  const STORAGE: Record<FrameKind, [number, number, number, number, number]> = {
    'rgb-u8': [samePixels ? gl.SRGB8 : gl.RGB8, width, height, gl.RGB, gl.UNSIGNED_BYTE],
    'l-u16': [gl.R16UI, width, height, gl.RED_INTEGER, gl.UNSIGNED_SHORT],
    'l-f32': [gl.R32F, width, height, gl.RED, gl.FLOAT],
    nv12: [gl.R8, width, height * 1.5, gl.RED, gl.UNSIGNED_BYTE],
  };
  const [internal, texWidth, texHeight, format, type] = STORAGE[kind];
  const view = (b: Uint8Array): ArrayBufferView =>
    kind === 'l-u16'
      ? new Uint16Array(b.buffer, b.byteOffset, b.byteLength / 2)
      : kind === 'l-f32'
        ? new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4)
        : b;
  if (steady) gl.texStorage2D(gl.TEXTURE_2D, 1, internal, texWidth, texHeight);
  const upload: Record<FrameKind, (bytes: Uint8Array) => void> = {
    'rgb-u8': (b) =>
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGB8, width, height, 0, gl.RGB, gl.UNSIGNED_BYTE, b),
    'l-u16': (b) =>
      gl.texImage2D(
        gl.TEXTURE_2D,
        0,
        gl.R16UI,
        width,
        height,
        0,
        gl.RED_INTEGER,
        gl.UNSIGNED_SHORT,
        new Uint16Array(b.buffer, b.byteOffset, b.byteLength / 2),
      ),
    'l-f32': (b) =>
      gl.texImage2D(
        gl.TEXTURE_2D,
        0,
        gl.R32F,
        width,
        height,
        0,
        gl.RED,
        gl.FLOAT,
        new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4),
      ),
    nv12: (b) =>
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.R8, width, height * 1.5, 0, gl.RED, gl.UNSIGNED_BYTE, b),
  };
  return {
    show(bytes) {
      const start = performance.now();
      if (steady)
        gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, texWidth, texHeight, format, type, view(bytes));
      else upload[kind](bytes);
      gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
      gl.flush();
      const main = performance.now() - start;
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      return main;
    },
    dispose() {
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      canvas.remove();
    },
  };
}

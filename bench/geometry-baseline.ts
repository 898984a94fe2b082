// The baseline for "draw N points / boxes": the least a hand-written WebGL2 program does to put
// them on screen: one instanced draw from vertex attributes (position, radius, colour; divisor
// 1) with the same per-fragment disc shading or box-outline distance as ours, into its own
// canvas of the same size, on an animation frame (as the views draw), then a one-pixel
// readPixels of that context: the harness's own GPU drain (another context) does not wait for
// this one's draw on every GPU (SwiftShader), and the view's frame hand-over does.

import { linkProgram } from './gl-link.js';
const VERTEX = `#version 300 es
precision highp float;
precision highp int;
in vec4 a_shape;   // points: (x, y, r, 0); boxes: (x0, y0, x1, y1)
in float a_radius; // boxes: half the line width, px
in vec4 a_color;
uniform vec2 u_viewport;
uniform vec3 u_view;  // scale, offset x, offset y (device px)
uniform int u_boxes;
out vec2 v_local;
flat out vec2 v_size;
flat out float v_radius;
flat out vec3 v_color;
void main() {
  vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1) * 2.0 - 1.0;
  vec2 center;
  vec2 half_size;
  if (u_boxes == 1) {
    vec2 a = a_shape.xy * u_view.x + u_view.yz;
    vec2 b = a_shape.zw * u_view.x + u_view.yz;
    center = (a + b) * 0.5;
    v_size = abs(b - a) * 0.5;
    v_radius = a_radius;
    half_size = v_size + a_radius + 1.0;
  } else {
    center = a_shape.xy * u_view.x + u_view.yz;
    v_radius = a_shape.z;
    v_size = vec2(0.0);
    half_size = vec2(a_shape.z + 1.0);
  }
  v_local = corner * half_size;
  v_color = a_color.rgb;
  vec2 clip = (center + v_local) / u_viewport * 2.0 - 1.0;
  gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision highp float;
precision highp int;
uniform int u_boxes;
in vec2 v_local;
flat in vec2 v_size;
flat in float v_radius;
flat in vec3 v_color;
out vec4 color;
void main() {
  float coverage;
  float shade = 1.0;
  if (u_boxes == 1) {
    vec2 q = abs(v_local) - v_size;
    float d = abs(length(max(q, 0.0)) + min(max(q.x, q.y), 0.0));
    coverage = clamp(v_radius - d + 0.5, 0.0, 1.0);
  } else {
    float d = length(v_local);
    shade = sqrt(max(1.2 - d / v_radius, 0.16));
    coverage = smoothstep(v_radius + 0.5, v_radius - 0.5, d);
  }
  if (coverage <= 0.0) discard;
  color = vec4(v_color * shade * coverage, coverage);
}`;

export interface GeometryBaseline {
  /** Draws once on the next animation frame with the view scaled and moved. */
  draw(scale: number, x: number, y: number): Promise<void>;
  dispose(): void;
}

/**
 * `shapes`: 4 floats per instance (points: x, y, radius px, 0; boxes: x0, y0, x1, y1);
 * `colors`: 4 bytes per instance.
 */
export function createGeometryBaseline(
  parent: HTMLElement,
  cssWidth: number,
  cssHeight: number,
  boxes: boolean,
  shapes: Float32Array,
  colors: Uint8Array,
): GeometryBaseline {
  const canvas = document.createElement('canvas');
  canvas.style.cssText = `display:block;width:${cssWidth}px;height:${cssHeight}px`;
  canvas.width = Math.round(cssWidth * devicePixelRatio);
  canvas.height = Math.round(cssHeight * devicePixelRatio);
  parent.append(canvas);
  const gl = canvas.getContext('webgl2', { antialias: false, depth: false, stencil: false })!;
  if (!gl) throw new Error('WebGL2 is not available');
  const program = linkProgram(gl, VERTEX, FRAGMENT);
  const count = shapes.length / 4;
  const vao = gl.createVertexArray()!;
  gl.bindVertexArray(vao);
  const buffers: WebGLBuffer[] = [];
  const attribute = (
    name: string,
    data: ArrayBufferView,
    size: number,
    type: number,
    normalized: boolean,
  ) => {
    const location = gl.getAttribLocation(program, name);
    if (location < 0) return;
    const buffer = gl.createBuffer()!;
    buffers.push(buffer);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
    gl.enableVertexAttribArray(location);
    gl.vertexAttribPointer(location, size, type, normalized, 0, 0);
    gl.vertexAttribDivisor(location, 1);
  };
  attribute('a_shape', shapes, 4, gl.FLOAT, false);
  attribute('a_radius', new Float32Array(count).fill(1.5), 1, gl.FLOAT, false);
  attribute('a_color', colors, 4, gl.UNSIGNED_BYTE, true);
  gl.bindVertexArray(null);
  const uniforms = {
    viewport: gl.getUniformLocation(program, 'u_viewport'),
    view: gl.getUniformLocation(program, 'u_view'),
    boxes: gl.getUniformLocation(program, 'u_boxes'),
  };
  const pixel = new Uint8Array(4);
  return {
    async draw(scale, x, y) {
      await new Promise(requestAnimationFrame);
      gl.viewport(0, 0, canvas.width, canvas.height);
      gl.clearColor(0, 0, 0, 0);
      gl.clear(gl.COLOR_BUFFER_BIT);
      gl.enable(gl.BLEND);
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      gl.useProgram(program);
      gl.uniform2f(uniforms.viewport, canvas.width, canvas.height);
      gl.uniform3f(uniforms.view, scale * devicePixelRatio, x, y);
      gl.uniform1i(uniforms.boxes, boxes ? 1 : 0);
      gl.bindVertexArray(vao);
      gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, count);
      gl.bindVertexArray(null);
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    },
    dispose() {
      for (const buffer of buffers) gl.deleteBuffer(buffer);
      gl.deleteVertexArray(vao);
      gl.deleteProgram(program);
      canvas.remove();
    },
  };
}

// The baseline for "show an image": the least a hand-written WebGL2 program does to put new
// bytes on screen. One texture upload, one textured quad, and a one-pixel readPixels, which
// waits until the GPU has finished the draw (the same moment `renderComplete()` promises).

import { linkProgram, QUAD_VERTEX } from './gl-link.js';
const FRAGMENT = `#version 300 es
precision highp float;
uniform sampler2D u_image;
in vec2 v_uv;
out vec4 color;
void main() {
  color = vec4(texture(u_image, v_uv).rgb, 1.0);
}`;

export interface RgbU8Baseline {
  canvas: HTMLCanvasElement;
  /**
   * Uploads `bytes` (width × height × 3, tightly packed rows), draws, and waits for the GPU
   * (a one-pixel readPixels) unless `wait` is false: a program drawing frame after frame need not
   * wait for each (the harness waits for the last).
   */
  show(bytes: Uint8Array, wait?: boolean): void;
  /** Waits until the GPU has done the work given so far (a 1-px readPixels of this context). */
  drain(): void;
  dispose(): void;
}

/** A canvas of `cssWidth` × `cssHeight` CSS pixels in `parent` showing width × height RGB images. */
export function createRgbU8Baseline(
  parent: HTMLElement,
  width: number,
  height: number,
  cssWidth: number,
  cssHeight: number,
  /** Fair baseline: storage allocated once, each frame written with texSubImage2D. */
  steady = false,
): RgbU8Baseline {
  const canvas = document.createElement('canvas');
  canvas.style.cssText = `display:block;width:${cssWidth}px;height:${cssHeight}px`;
  canvas.width = Math.round(cssWidth * devicePixelRatio);
  canvas.height = Math.round(cssHeight * devicePixelRatio);
  parent.append(canvas);
  const gl = canvas.getContext('webgl2', { antialias: false, depth: false, stencil: false });
  if (!gl) throw new Error('WebGL2 is not available');

  const program = linkProgram(gl, QUAD_VERTEX, FRAGMENT);
  gl.useProgram(program);
  gl.bindVertexArray(gl.createVertexArray());

  const texture = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D, texture);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  // RGB rows of 3 × width bytes are not 4-byte aligned in general; the default (4) would skew them.
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  gl.viewport(0, 0, canvas.width, canvas.height);
  const pixel = new Uint8Array(4);
  if (steady) gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGB8, width, height);

  return {
    canvas,
    show(bytes, wait = true) {
      if (steady)
        gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, width, height, gl.RGB, gl.UNSIGNED_BYTE, bytes);
      else
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGB8, width, height, 0, gl.RGB, gl.UNSIGNED_BYTE, bytes);
      gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
      if (wait) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      else gl.flush();
    },
    drain() {
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    },
    dispose() {
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      canvas.remove();
    },
  };
}

// What every hand-written baseline shares: the textured quad's vertex shader, and the shader
// build (compile both stages, link, and throw with the driver's log when either fails: a broken
// baseline must be an error row, not a silent black canvas).

/**
 * A quad over the whole viewport as a 4-vertex triangle strip, from gl_VertexID alone (no vertex
 * buffer to bind), with `v_uv` running down the image's rows (clip space goes up).
 */
export const QUAD_VERTEX = `#version 300 es
precision highp float;
out vec2 v_uv;
void main() {
  vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);
  v_uv = vec2(corner.x, 1.0 - corner.y);
  gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}`;

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS))
    throw new Error(`shader: ${gl.getShaderInfoLog(shader)}`);
  return shader;
}

/** A linked program of `vertex` and `fragment`; throws with the log when it does not build. */
export function linkProgram(
  gl: WebGL2RenderingContext,
  vertex: string,
  fragment: string,
): WebGLProgram {
  const program = gl.createProgram()!;
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, vertex));
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, fragment));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS))
    throw new Error(`program: ${gl.getProgramInfoLog(program)}`);
  return program;
}

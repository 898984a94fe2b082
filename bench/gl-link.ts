// The shader build every hand-written baseline shares: compile both stages, link, and throw
// with the driver's log when either fails (a broken baseline must be an error row, not a
// silent black canvas).

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

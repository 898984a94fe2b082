// gl-program.ts on a context of its own: uniforms of every kind the shaders use, read back from
// the program and drawn, samplers on their own units (with and without sampler objects), and
// the compiler's message when a shader does not build.
import { expect } from '@open-wc/testing';
import { createProgram, createUniformSetters, setUniforms } from './gl-program.js';
import { requireWebGL2 } from '../../test/helpers/webgl.js';

const VERTEX = `#version 300 es
void main() {
  vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);
  gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision highp float;
precision highp int;
uniform float u_float;
uniform vec2 u_vec2;
uniform int u_int;
uniform ivec2 u_ivec2;
uniform uint u_uint;
uniform bool u_bool;
uniform mat3 u_mat3;
uniform float u_floats[3];
uniform sampler2D u_a;
uniform highp usampler2D u_b;
out vec4 color;
void main() {
  float sum = u_float + u_vec2.x + u_vec2.y + float(u_int + u_ivec2.x + u_ivec2.y) + float(u_uint)
    + (u_bool ? 1.0 : 0.0) + u_mat3[2][1] + u_floats[0] + u_floats[1] + u_floats[2];
  // Red: the float texel; green: the uint texel; blue: the sum of the scalars.
  color = vec4(texture(u_a, vec2(0.5)).r, float(texelFetch(u_b, ivec2(0), 0).r) / 255.0,
               sum / 255.0, 1.0);
}`;

describe('gl-program: programs and uniforms without twgl', () => {
  let gl: WebGL2RenderingContext;

  before(function () {
    requireWebGL2(this);
    gl = document.createElement('canvas').getContext('webgl2')!;
    gl.canvas.width = 1;
    gl.canvas.height = 1;
  });

  function texture(internal: number, format: number, type: number, data: ArrayBufferView) {
    const t = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, t);
    gl.texImage2D(gl.TEXTURE_2D, 0, internal, 1, 1, 0, format, type, data);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    return t;
  }

  it('sets every uniform by name and binds each sampler on its own unit', () => {
    const program = createProgram(gl, [VERTEX, FRAGMENT], (message) => {
      throw new Error(message);
    })!;
    expect(program).to.be.instanceOf(WebGLProgram);
    const setters = createUniformSetters(gl, program);
    expect(Object.keys(setters).sort()).to.deep.equal(
      [
        'u_a',
        'u_b',
        'u_bool',
        'u_float',
        'u_floats',
        'u_int',
        'u_ivec2',
        'u_mat3',
        'u_uint',
        'u_vec2',
      ].sort(),
    );
    const a = texture(gl.R8, gl.RED, gl.UNSIGNED_BYTE, new Uint8Array([128]));
    const b = texture(gl.R8UI, gl.RED_INTEGER, gl.UNSIGNED_BYTE, new Uint8Array([77]));
    // A sampler object that filters linearly: a 1×1 texture samples the same either way, and
    // the unit must have it bound (twgl's {texture, sampler} form).
    const sampler = gl.createSampler()!;
    gl.useProgram(program);
    setUniforms(setters, {
      u_float: 1.5,
      u_vec2: [2, 3],
      u_int: 4,
      u_ivec2: [5, 6],
      u_uint: 7,
      u_bool: true,
      u_mat3: [0, 0, 0, 0, 0, 0, 0, 8, 0],
      u_floats: [9, 10, 11.5],
      u_a: { texture: a, sampler },
      u_b: b,
      u_unknown: 42, // ignored, as twgl does
    });
    expect(gl.getUniform(program, gl.getUniformLocation(program, 'u_float')!)).to.equal(1.5);
    expect([...gl.getUniform(program, gl.getUniformLocation(program, 'u_ivec2')!)]).to.deep.equal([
      5, 6,
    ]);
    expect(gl.getUniform(program, gl.getUniformLocation(program, 'u_bool')!)).to.equal(true);
    expect(gl.getUniform(program, gl.getUniformLocation(program, 'u_floats[2]')!)).to.equal(11.5);
    const unitA = gl.getUniform(program, gl.getUniformLocation(program, 'u_a')!) as number;
    const unitB = gl.getUniform(program, gl.getUniformLocation(program, 'u_b')!) as number;
    expect(unitA).to.not.equal(unitB);
    gl.activeTexture(gl.TEXTURE0 + unitA);
    expect(gl.getParameter(gl.TEXTURE_BINDING_2D)).to.equal(a);
    expect(gl.getParameter(gl.SAMPLER_BINDING)).to.equal(sampler);
    gl.activeTexture(gl.TEXTURE0 + unitB);
    expect(gl.getParameter(gl.TEXTURE_BINDING_2D)).to.equal(b);
    expect(gl.getParameter(gl.SAMPLER_BINDING)).to.equal(null);

    gl.viewport(0, 0, 1, 1);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    const pixel = new Uint8Array(4);
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    expect(gl.getError()).to.equal(gl.NO_ERROR);
    // 1.5 + 2 + 3 + 4 + 5 + 6 + 7 + 1 + 8 + 9 + 10 + 11.5 = 68
    expect([...pixel]).to.deep.equal([128, 77, 68, 255]);
  });

  it('a bare texture unbinds a sampler object left on the unit', () => {
    const program = createProgram(gl, [VERTEX, FRAGMENT], (message) => {
      throw new Error(message);
    })!;
    const setters = createUniformSetters(gl, program);
    const a = texture(gl.R8, gl.RED, gl.UNSIGNED_BYTE, new Uint8Array([1]));
    gl.useProgram(program);
    setUniforms(setters, { u_a: { texture: a, sampler: gl.createSampler() } });
    setUniforms(setters, { u_a: a });
    expect(gl.getParameter(gl.SAMPLER_BINDING)).to.equal(null);
    expect(gl.getParameter(gl.TEXTURE_BINDING_2D)).to.equal(a);
  });

  it('sends a value again only when it changed: per program, arrays rewritten in place too', () => {
    const build = () => {
      const program = createProgram(gl, [VERTEX, FRAGMENT], (message) => {
        throw new Error(message);
      })!;
      return { program, setters: createUniformSetters(gl, program) };
    };
    const one = build();
    const two = build();
    const read = (program: WebGLProgram, name: string) =>
      gl.getUniform(program, gl.getUniformLocation(program, name)!) as number | Float32Array;
    const vec2 = [1, 2];
    gl.useProgram(one.program);
    setUniforms(one.setters, { u_float: 1.5, u_vec2: vec2, u_bool: true });
    vec2[0] = 7; // the caller reuses its array
    setUniforms(one.setters, { u_float: 1.5, u_vec2: vec2, u_bool: false });
    gl.useProgram(two.program);
    setUniforms(two.setters, { u_float: 3, u_vec2: [4, 5] });
    gl.useProgram(one.program);
    setUniforms(one.setters, { u_float: 1.5 });
    expect(read(one.program, 'u_float')).to.equal(1.5);
    expect([...(read(one.program, 'u_vec2') as Float32Array)]).to.deep.equal([7, 2]);
    expect(read(one.program, 'u_bool')).to.equal(false);
    expect(read(two.program, 'u_float')).to.equal(3);
    expect(gl.getError()).to.equal(gl.NO_ERROR);
  });

  it("reports the compiler's message naming the shader, and gives no program", () => {
    let message = '';
    const program = createProgram(
      gl,
      [VERTEX, FRAGMENT.replace('out vec4 color;', 'out vec4 color; nonsense here;')],
      (m) => (message = m),
    );
    expect(program).to.equal(null);
    expect(message).to.match(/^fragment shader: .*ERROR/s);
  });
});

/**
 * Compiling a shader program and setting its uniforms by name: the three helpers of twgl.js the
 * renderer used (`createProgram`, `createUniformSetters`, `setUniforms`), with twgl's semantics,
 * for the uniform types WebGL2 has. Written here because those three functions of twgl pulled
 * ~3 KB gzipped into every page (its setter tables, element-id lookups and error formatting),
 * which the bundle-size budget could not carry; this is about a third of that.
 *
 * Semantics kept from twgl: each sampler uniform gets its own texture unit, in the order of the
 * program's active uniforms, and its setter takes a texture (or null) or `{texture, sampler}`
 * (WebGL2 sampler objects; a bare texture unbinds any sampler from the unit); `name[0]` arrays
 * are set under `name`; a value for a name the program does not use is ignored.
 */

export type UniformSetter = (value: unknown) => void;
export type UniformSetters = Record<string, UniformSetter>;

/** WebGL2 uniform types (fixed by the OpenGL ES 3.0 specification). */
const FLOAT = 0x1406;
const INT = 0x1404;
const UNSIGNED_INT = 0x1405;
const BOOL = 0x8b56;
const TEXTURE_2D = 0x0de1;
const TEXTURE_3D = 0x806f;
const TEXTURE_2D_ARRAY = 0x8c1a;
const TEXTURE_CUBE_MAP = 0x8513;
const TEXTURE0 = 0x84c0;

/** Sampler types → the texture target they bind. */
const SAMPLER_TARGETS: Record<number, number> = {
  0x8b5e: TEXTURE_2D, // SAMPLER_2D
  0x8b62: TEXTURE_2D, // SAMPLER_2D_SHADOW
  0x8dca: TEXTURE_2D, // INT_SAMPLER_2D
  0x8dd2: TEXTURE_2D, // UNSIGNED_INT_SAMPLER_2D
  0x8b5f: TEXTURE_3D, // SAMPLER_3D
  0x8dcb: TEXTURE_3D, // INT_SAMPLER_3D
  0x8dd3: TEXTURE_3D, // UNSIGNED_INT_SAMPLER_3D
  0x8b60: TEXTURE_CUBE_MAP, // SAMPLER_CUBE
  0x8dc5: TEXTURE_CUBE_MAP, // SAMPLER_CUBE_SHADOW
  0x8dcc: TEXTURE_CUBE_MAP, // INT_SAMPLER_CUBE
  0x8dd4: TEXTURE_CUBE_MAP, // UNSIGNED_INT_SAMPLER_CUBE
  0x8dc1: TEXTURE_2D_ARRAY, // SAMPLER_2D_ARRAY
  0x8dc4: TEXTURE_2D_ARRAY, // SAMPLER_2D_ARRAY_SHADOW
  0x8dcf: TEXTURE_2D_ARRAY, // INT_SAMPLER_2D_ARRAY
  0x8dd7: TEXTURE_2D_ARRAY, // UNSIGNED_INT_SAMPLER_2D_ARRAY
};

type Gl = WebGL2RenderingContext;
type Location = WebGLUniformLocation;

/** Vector types → [uniform method, components]; scalars of one component use the non-`v` call. */
const VECTORS: Record<number, [string, number]> = {
  [FLOAT]: ['uniform1f', 1],
  0x8b50: ['uniform2fv', 2], // FLOAT_VEC2
  0x8b51: ['uniform3fv', 3],
  0x8b52: ['uniform4fv', 4],
  [INT]: ['uniform1i', 1],
  0x8b53: ['uniform2iv', 2], // INT_VEC2
  0x8b54: ['uniform3iv', 3],
  0x8b55: ['uniform4iv', 4],
  [BOOL]: ['uniform1i', 1],
  0x8b57: ['uniform2iv', 2], // BOOL_VEC2
  0x8b58: ['uniform3iv', 3],
  0x8b59: ['uniform4iv', 4],
  [UNSIGNED_INT]: ['uniform1ui', 1],
  0x8dc6: ['uniform2uiv', 2], // UNSIGNED_INT_VEC2
  0x8dc7: ['uniform3uiv', 3],
  0x8dc8: ['uniform4uiv', 4],
};

/** Matrix types → their uniformMatrix method. */
const MATRICES: Record<number, string> = {
  0x8b5a: 'uniformMatrix2fv', // FLOAT_MAT2
  0x8b5b: 'uniformMatrix3fv',
  0x8b5c: 'uniformMatrix4fv',
  0x8b65: 'uniformMatrix2x3fv',
  0x8b66: 'uniformMatrix2x4fv',
  0x8b67: 'uniformMatrix3x2fv',
  0x8b68: 'uniformMatrix3x4fv',
  0x8b69: 'uniformMatrix4x2fv',
  0x8b6a: 'uniformMatrix4x3fv',
};

type Call = (location: Location, ...args: unknown[]) => void;

/**
 * Compiles and links a program from its vertex and fragment sources. On failure, calls
 * `onError` with the compiler's or linker's log (naming the shader) and returns null.
 */
export function createProgram(
  gl: Gl,
  [vertex, fragment]: readonly [string, string],
  onError: (message: string) => void,
): WebGLProgram | null {
  const program = gl.createProgram();
  const sources: [number, string, string][] = [
    [gl.VERTEX_SHADER, vertex, 'vertex'],
    [gl.FRAGMENT_SHADER, fragment, 'fragment'],
  ];
  const shaders = sources.map(([type, source]) => {
    const shader = gl.createShader(type)!;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (program && shader) gl.attachShader(program, shader);
    return shader;
  });
  // Compile status is only asked for on failure: asking always would stall the GPU pipeline.
  if (program) gl.linkProgram(program);
  const linked = program && gl.getProgramParameter(program, gl.LINK_STATUS);
  let message = '';
  if (!linked) {
    message =
      shaders
        .map((shader, i) =>
          !shader || gl.getShaderParameter(shader, gl.COMPILE_STATUS)
            ? ''
            : `${sources[i]![2]} shader: ${gl.getShaderInfoLog(shader)}`,
        )
        .filter(Boolean)
        .join('\n') ||
      (program && gl.getProgramInfoLog(program)) ||
      (gl.isContextLost() ? 'the WebGL context is lost' : 'the program did not link');
  }
  for (const shader of shaders) gl.deleteShader(shader);
  if (!linked) {
    gl.deleteProgram(program);
    onError(message);
    return null;
  }
  return program;
}

function samplerSetter(gl: Gl, target: number, unit: number, location: Location): UniformSetter {
  return (value) => {
    const bound = value as { texture?: WebGLTexture | null; sampler?: WebGLSampler | null } | null;
    const withSampler = !!bound && !(bound instanceof WebGLTexture) && 'texture' in bound;
    gl.uniform1i(location, unit);
    gl.activeTexture(TEXTURE0 + unit);
    gl.bindTexture(target, withSampler ? (bound.texture ?? null) : (value as WebGLTexture | null));
    gl.bindSampler(unit, withSampler ? (bound.sampler ?? null) : null);
  };
}

/** A setter for each active uniform of `program`, by name (arrays by their name without `[0]`). */
export function createUniformSetters(gl: Gl, program: WebGLProgram): UniformSetters {
  const setters: UniformSetters = {};
  let unit = 0;
  const count = gl.getProgramParameter(program, gl.ACTIVE_UNIFORMS) as number;
  for (let i = 0; i < count; i++) {
    const info = gl.getActiveUniform(program, i);
    const location = info && gl.getUniformLocation(program, info.name);
    // Members of uniform blocks have no location: they are set through buffers.
    if (!info || !location) continue;
    const array = info.name.endsWith('[0]');
    const name = array ? info.name.slice(0, -3) : info.name;
    const target = SAMPLER_TARGETS[info.type];
    const vector = VECTORS[info.type];
    const matrix = MATRICES[info.type];
    if (target !== undefined) {
      if (info.size > 1) {
        const units = Int32Array.from({ length: info.size }, () => unit++);
        const each = [...units].map((u) => samplerSetter(gl, target, u, location));
        setters[name] = (values) => {
          (values as unknown[]).forEach((value, k) => each[k]?.(value));
          gl.uniform1iv(location, units);
        };
      } else {
        setters[name] = samplerSetter(gl, target, unit++, location);
      }
    } else if (vector) {
      const [method, size] = vector;
      // Arrays of scalars take the `v` form (uniform1fv …), like vectors.
      const call = (gl[(size === 1 && array ? `${method}v` : method) as keyof Gl] as Call).bind(gl);
      // A uniform is the program's state: a value equal to the one it holds is not sent again
      // (views drawn one after another with one program mostly set the same values).
      let last: unknown[] | undefined;
      setters[name] = (value) => {
        const values = (typeof value === 'object' && value ? value : [value]) as ArrayLike<unknown>;
        const n = values.length;
        let same = last?.length === n;
        for (let k = 0; same && k < n; k++) same = values[k] === last![k];
        if (same) return;
        last = n <= 16 ? Array.from(values) : undefined;
        call(location, value);
      };
    } else if (matrix) {
      const call = (gl[matrix as keyof Gl] as Call).bind(gl);
      setters[name] = (value) => call(location, false, value);
    }
  }
  return setters;
}

/** Sets the uniforms named in `values` (names the program does not have are ignored). */
export function setUniforms(setters: UniformSetters, values: Record<string, unknown>): void {
  for (const name in values) setters[name]?.(values[name]);
}

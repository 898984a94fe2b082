/**
 * The finite min/max of a single-channel image computed on the GPU (SPEC §2.2), for Rerun's
 * range heuristic: a reduction of 16×16, then 8×8 blocks per fragment down to one texel of
 * (finite min, finite max, any finite sample), which the image shader reads. No read-back: the
 * main thread never walks the samples, and nothing waits for the result.
 *
 * Values a single-channel U8/I8/U16/I16/F16/F32 texture holds are exact in f32, so the range
 * is the one the CPU statistics give, bit for bit.
 */
import type { Renderer } from './renderer.js';

const FIRST_BLOCK = 16;
const BLOCK = 8;

const VERTEX = /* glsl */ `#version 300 es
void main() {
  vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
  gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
`;

/**
 * One reduction step: `block`² source texels per output texel. Coordinates past the edge are
 * clamped (an edge texel counted twice changes no min or max), so the loop has no branch.
 */
function fragment(sampler: 'float' | 'uint' | 'int' | 'stats', block: number): string {
  const type = sampler === 'uint' ? 'usampler2D' : sampler === 'int' ? 'isampler2D' : 'sampler2D';
  let read: string;
  if (sampler === 'stats') {
    // Partial results: (min, max, any finite); a block without finite samples holds
    // (FLT_MAX, -FLT_MAX, 0), which changes nothing.
    read = `vec4 s = texelFetch(u_source, p, 0);
      lo = min(lo, s.x);
      hi = max(hi, s.y);
      found = max(found, s.z);`;
  } else if (sampler === 'float') {
    // NaN and ±inf do not count (finite statistics), tested on the bits.
    read = `float v = texelFetch(u_source, p, 0).r;
      bool ok = (floatBitsToUint(v) & 0x7f800000u) != 0x7f800000u;
      lo = ok ? min(lo, v) : lo;
      hi = ok ? max(hi, v) : hi;
      found = ok ? 1.0 : found;`;
  } else {
    // Integers are always finite.
    read = `float v = float(texelFetch(u_source, p, 0).r);
      lo = min(lo, v);
      hi = max(hi, v);`;
  }
  return /* glsl */ `#version 300 es
precision highp float;
precision highp int;
precision highp usampler2D;
precision highp isampler2D;
uniform ${type} u_source;
uniform ivec2 u_size;
out vec4 out_stats;
const float FLT_MAX = 3.4028234663852886e38;
void main() {
  ivec2 origin = ivec2(gl_FragCoord.xy) * ${block};
  ivec2 last = u_size - 1;
  float lo = FLT_MAX;
  float hi = -FLT_MAX;
  float found = ${sampler === 'uint' || sampler === 'int' ? '1.0' : '0.0'};
  for (int j = 0; j < ${block}; j++) {
    for (int i = 0; i < ${block}; i++) {
      ivec2 p = min(origin + ivec2(i, j), last);
      ${read}
    }
  }
  out_stats = vec4(lo, hi, found, 1.0);
}
`;
}

interface Level {
  texture: WebGLTexture;
  framebuffer: WebGLFramebuffer;
  width: number;
  height: number;
}

/** Whether this context can render the RGBA32F statistics. */
export function gpuRangeSupported(gl: WebGL2RenderingContext): boolean {
  return gl.getExtension('EXT_color_buffer_float') !== null;
}

export class GpuRange {
  #levels: Level[] = [];
  /** The texture (and contents generation) the levels were computed for. */
  #source: WebGLTexture | undefined;
  #generation = -1;
  #sized = '';
  /**
   * The levels died with a lost context. Tracked from the restore event rather than asked with
   * `gl.isTexture` per frame: that is a synchronous round trip to the GPU process, which waits
   * for the frame's upload to finish and blocked the main thread for most of a U16/F32 frame.
   */
  #stale = false;
  readonly #onRestored = (): void => {
    this.#stale = true;
  };

  constructor(private readonly renderer: Renderer) {
    renderer.canvas.addEventListener('webglcontextrestored', this.#onRestored);
  }

  /**
   * The 1×1 RGBA32F texture holding (finite min, finite max, 1 if any finite sample) of the
   * first channel of `source`, reduced again only when `generation` (the contents) changed.
   */
  texture(
    source: WebGLTexture,
    sampler: 'float' | 'uint' | 'int',
    width: number,
    height: number,
    generation: number,
  ): WebGLTexture {
    const gl = this.renderer.gl;
    const sized = `${width}x${height}`;
    if (
      source === this.#source &&
      generation === this.#generation &&
      sized === this.#sized &&
      !this.#stale
    )
      return this.#levels[this.#levels.length - 1]!.texture;
    // The caller is in the middle of a frame: keep its target, viewport and blending.
    const framebuffer = gl.getParameter(gl.DRAW_FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
    const viewport = gl.getParameter(gl.VIEWPORT) as Int32Array;
    const blend = gl.isEnabled(gl.BLEND);
    const scissor = gl.isEnabled(gl.SCISSOR_TEST);
    if (sized !== this.#sized || this.#stale || this.#levels.length === 0) {
      this.#allocate(width, height);
      this.#sized = sized;
      this.#stale = false;
    }
    this.#source = source;
    this.#generation = generation;
    gl.disable(gl.BLEND);
    gl.disable(gl.SCISSOR_TEST);
    let input = source;
    let size: [number, number] = [width, height];
    this.#levels.forEach((level, i) => {
      const block = i === 0 ? FIRST_BLOCK : BLOCK;
      const program = this.renderer.program(
        `gpu-range-${i === 0 ? sampler : 'stats'}-${block}`,
        VERTEX,
        fragment(i === 0 ? sampler : 'stats', block),
      );
      gl.useProgram(program.program);
      gl.bindFramebuffer(gl.FRAMEBUFFER, level.framebuffer);
      gl.viewport(0, 0, level.width, level.height);
      gl.activeTexture(gl.TEXTURE0);
      gl.bindTexture(gl.TEXTURE_2D, input);
      program.uniformSetters.u_size!(size);
      gl.uniform1i(gl.getUniformLocation(program.program, 'u_source'), 0);
      this.renderer.drawQuad();
      input = level.texture;
      size = [level.width, level.height];
    });
    gl.bindTexture(gl.TEXTURE_2D, null);
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    gl.viewport(viewport[0]!, viewport[1]!, viewport[2]!, viewport[3]!);
    if (blend) gl.enable(gl.BLEND);
    if (scissor) gl.enable(gl.SCISSOR_TEST);
    return this.#levels[this.#levels.length - 1]!.texture;
  }

  #allocate(width: number, height: number): void {
    this.#free();
    const gl = this.renderer.gl;
    let w = Math.ceil(width / FIRST_BLOCK);
    let h = Math.ceil(height / FIRST_BLOCK);
    for (;;) {
      const texture = gl.createTexture()!;
      gl.bindTexture(gl.TEXTURE_2D, texture);
      gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA32F, w, h);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
      const framebuffer = gl.createFramebuffer()!;
      gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
      gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
      this.#levels.push({ texture, framebuffer, width: w, height: h });
      if (w === 1 && h === 1) break;
      w = Math.ceil(w / BLOCK);
      h = Math.ceil(h / BLOCK);
    }
    gl.bindTexture(gl.TEXTURE_2D, null);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    this.#source = undefined;
  }

  /** GPU bytes the levels take. */
  get byteSize(): number {
    return this.#levels.reduce((sum, l) => sum + l.width * l.height * 16, 0);
  }

  dispose(): void {
    this.renderer.canvas.removeEventListener('webglcontextrestored', this.#onRestored);
    this.#free();
  }

  /** Deletes the levels (textures of a lost context are gone already). */
  #free(): void {
    const gl = this.renderer.gl;
    if (!gl.isContextLost() && !this.#stale) {
      for (const level of this.#levels) {
        gl.deleteTexture(level.texture);
        gl.deleteFramebuffer(level.framebuffer);
      }
    }
    this.#levels = [];
    this.#source = undefined;
    this.#sized = '';
  }
}

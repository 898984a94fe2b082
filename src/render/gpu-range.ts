/**
 * The finite min/max of a single-channel image computed on the GPU (SPEC §2.2), for Rerun's
 * range heuristic: a reduction of 64×4 samples (16×4 texels of a texture packing four samples
 * per texel), then 8×8 blocks per fragment down to one texel of (finite min, finite max, any
 * finite sample), which the image shader reads. No read-back: the main thread never walks the
 * samples, and nothing waits for the result. On a software GPU the cost is the texel fetches:
 * wide blocks read memory in order, and a packed texture needs a quarter of the fetches.
 *
 * Values a single-channel U8/I8/U16/I16/F16/F32 texture holds are exact in f32, so the range
 * is the one the CPU statistics give, bit for bit.
 */
import type { Renderer } from './renderer.js';

/** Texels per fragment in the first pass (of a one-sample and of a four-sample texture). */
const FIRST_BLOCK: [number, number] = [64, 4];
const FIRST_PACKED_BLOCK: [number, number] = [16, 4];
const BLOCK = 8;

const VERTEX = /* glsl */ `#version 300 es
void main() {
  vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
  gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
`;

/**
 * One reduction step: bx×by source texels per output texel, of one sample (`.r`) or of four
 * (`packed`). Coordinates past the edge are clamped (an edge texel counted twice changes no min
 * or max), so the loop has no branch.
 */
function fragment(
  sampler: 'float' | 'uint' | 'int' | 'stats',
  [bx, by]: [number, number],
  packed = false,
): string {
  const lanes = packed ? '' : '.rrrr';
  const type = sampler === 'uint' ? 'usampler2D' : sampler === 'int' ? 'isampler2D' : 'sampler2D';
  let read: string;
  if (sampler === 'stats') {
    // Partial results: (min, max, any finite); a block without finite samples holds
    // (FLT_MAX, -FLT_MAX, 0), which changes nothing.
    read = `vec4 s=texelFetch(u_source,p,0);lo=min(lo,s.x);hi=max(hi,s.y);found=max(found,s.z);`;
  } else if (sampler === 'float') {
    // NaN and ±inf do not count (finite statistics), tested on the bits.
    read = `vec4 v=texelFetch(u_source,p,0)${lanes};
bvec4 ok=notEqual(floatBitsToUint(v)&0x7f800000u,uvec4(0x7f800000u));
lo4=mix(lo4,min(lo4,v),ok);hi4=mix(hi4,max(hi4,v),ok);found=any(ok)?1.0:found;`;
  } else {
    // Integers are always finite.
    read = `vec4 v=vec4(texelFetch(u_source,p,0)${lanes});lo4=min(lo4,v);hi4=max(hi4,v);`;
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
  ivec2 origin = ivec2(gl_FragCoord.xy) * ivec2(${bx}, ${by});
  ivec2 last = u_size - 1;
  float lo = FLT_MAX;
  float hi = -FLT_MAX;
  vec4 lo4 = vec4(FLT_MAX);
  vec4 hi4 = vec4(-FLT_MAX);
  float found = ${sampler === 'uint' || sampler === 'int' ? '1.0' : '0.0'};
  for (int j = 0; j < ${by}; j++) {
    for (int i = 0; i < ${bx}; i++) {
      ivec2 p = min(origin + ivec2(i, j), last);
      ${read}
    }
  }
  lo = min(lo, min(min(lo4.x, lo4.y), min(lo4.z, lo4.w)));
  hi = max(hi, max(max(hi4.x, hi4.y), max(hi4.z, hi4.w)));
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
   * first channel of `source` (of all four where it is `packed`, four samples a texel; `width`
   * and `height` are its size in texels), reduced again only when `generation` (the contents)
   * changed.
   */
  texture(
    source: WebGLTexture,
    sampler: 'float' | 'uint' | 'int',
    width: number,
    height: number,
    generation: number,
    packed = false,
  ): WebGLTexture {
    const gl = this.renderer.gl;
    const first = packed ? FIRST_PACKED_BLOCK : FIRST_BLOCK;
    const sized = `${width}x${height}${packed ? 'p' : ''}`;
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
      this.#allocate(width, height, first);
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
      const program =
        i === 0
          ? this.renderer.program(
              `gpu-range-${sampler}${packed ? '-packed' : ''}`,
              VERTEX,
              fragment(sampler, first, packed),
            )
          : this.renderer.program('gpu-range-stats', VERTEX, fragment('stats', [BLOCK, BLOCK]));
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

  #allocate(width: number, height: number, [bx, by]: [number, number]): void {
    this.#free();
    const gl = this.renderer.gl;
    let w = Math.ceil(width / bx);
    let h = Math.ceil(height / by);
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

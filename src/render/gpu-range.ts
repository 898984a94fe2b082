/**
 * The finite min/max of a single-channel image computed on the GPU (SPEC §2.2), for Rerun's
 * range heuristic: a first pass over blocks of 16×8 texels of a texture packing four samples a
 * texel (eight U16 in RGBA32UI), or 64×4 of one sample, then 16×16 blocks per fragment down to
 * one texel of (finite min, finite max, any finite sample), which the image shader reads. No
 * read-back: the main thread never walks the samples, and nothing waits for the result. On a
 * software GPU the cost is the texel fetches and the arithmetic per sample: wide blocks read
 * memory in order, a packed texture needs a quarter (an eighth) of the fetches, and integers
 * are compared as integers.
 *
 * Values a single-channel U8/I8/U16/I16/F16/F32 texture holds are exact in f32, so the range
 * is the one the CPU statistics give, bit for bit.
 */
import type { Renderer } from './renderer.js';

/**
 * Texels per fragment in the first pass, by samples a texel (one, four, or eight U16 in
 * RGBA32UI): rows of 64 samples or more, read in memory order.
 */
const FIRST_BLOCK: Record<number, [number, number]> = { 1: [64, 4], 4: [16, 8], 8: [16, 8] };
const BLOCK = 16;

const VERTEX = /* glsl */ `#version 300 es
void main() {
  vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
  gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
`;

/**
 * One reduction step: bx×by source texels per output texel, of one sample (`.r`), of four
 * (RGBA) or of eight (U16 pairs in RGBA32UI, low half first: little-endian bytes).
 * Coordinates past the edge are clamped (an edge texel counted twice changes no min or max),
 * so the loop has no branch. Eight U16 are compared as integers (no conversion per fetch),
 * floats as floats without NaN and ±inf (tested on the bits); the output is (min, max, 1 if
 * any finite sample, 1), a block without finite samples (FLT_MAX, -FLT_MAX, 0).
 */
function fragment(
  sampler: 'float' | 'uint' | 'int' | 'stats',
  [bx, by]: [number, number],
  lanes: number,
): string {
  const swizzle = lanes === 1 ? '.rrrr' : '';
  const type = sampler === 'uint' ? 'usampler2D' : sampler === 'int' ? 'isampler2D' : 'sampler2D';
  const acc = lanes === 8 ? 'uvec4' : 'vec4';
  const [lo, hi] = lanes === 8 ? ['~0u', '0u'] : ['M', '-M'];
  let read: string;
  if (sampler === 'stats') {
    read = `vec4 s=texelFetch(u_source,p,0);lo4=min(lo4,s.xxxx);hi4=max(hi4,s.yyyy);`;
  } else if (sampler === 'float') {
    read = `vec4 v=texelFetch(u_source,p,0)${swizzle};
bvec4 ok=notEqual(floatBitsToUint(v)&0x7f800000u,uvec4(0x7f800000u));
lo4=mix(lo4,min(lo4,v),ok);hi4=mix(hi4,max(hi4,v),ok);`;
  } else if (lanes === 8) {
    read = `uvec4 v=texelFetch(u_source,p,0);uvec4 a=v&0xffffu;uvec4 b=v>>16u;
lo4=min(lo4,min(a,b));hi4=max(hi4,max(a,b));`;
  } else {
    read = `vec4 v=vec4(texelFetch(u_source,p,0)${swizzle});lo4=min(lo4,v);hi4=max(hi4,v);`;
  }
  return /* glsl */ `#version 300 es
precision highp float;
precision highp int;
precision highp usampler2D;
precision highp isampler2D;
uniform ${type} u_source;
uniform ivec2 u_size;
out vec4 out_stats;
const float M = 3.4028234663852886e38;
void main() {
  ivec2 origin = ivec2(gl_FragCoord.xy) * ivec2(${bx}, ${by});
  ivec2 last = u_size - 1;
  ${acc} lo4 = ${acc}(${lo}), hi4 = ${acc}(${hi});
  for (int j = 0; j < ${by}; j++) {
    for (int i = 0; i < ${bx}; i++) {
      ivec2 p = min(origin + ivec2(i, j), last);
      ${read}
    }
  }
  float lo = float(min(min(lo4.x, lo4.y), min(lo4.z, lo4.w)));
  float hi = float(max(max(hi4.x, hi4.y), max(hi4.z, hi4.w)));
  out_stats = vec4(lo, hi, lo <= hi ? 1.0 : 0.0, 1.0);
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
   * first channel of `source` (of all four, or eight U16, where it packs `lanes` samples a
   * texel; `width` and `height` are its size in texels), reduced again only when `generation`
   * (the contents) changed.
   */
  texture(
    source: WebGLTexture,
    sampler: 'float' | 'uint' | 'int',
    width: number,
    height: number,
    generation: number,
    lanes = 1,
  ): WebGLTexture {
    const gl = this.renderer.gl;
    const first = FIRST_BLOCK[lanes] ?? FIRST_BLOCK[1]!;
    const sized = `${width}x${height}x${lanes}`;
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
      const kind = i === 0 ? sampler : 'stats';
      const program = this.renderer.program(
        `gpu-range-${kind}-${i === 0 ? lanes : 1}`,
        VERTEX,
        fragment(kind, i === 0 ? first : [BLOCK, BLOCK], i === 0 ? lanes : 1),
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

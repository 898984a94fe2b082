/**
 * Components of Points2D, Boxes2D and LineStrips2D, and DepthImage's own settings, in Rerun's
 * Arrow layout (SPEC §12.1). Values go in in any form the geometry parsers read and come back
 * as the typed arrays of `geometry/types.ts` (`Float32Array` vectors, `Uint32Array` colours,
 * `Uint16Array` ids, `string[]` labels, `Float32Array[]` strips), which read again unchanged.
 */
import type * as Arrow from 'apache-arrow';
import { DEPTH_COLORMAPS } from '../geometry/depth.js';
// Registers the geometry keys' normalisers (what `normalize` below calls).
import '../geometry/log-fields.js';
import type { DepthColormapName } from '../geometry/types.js';
import { f32Component } from './scalars.js';
import {
  monoComponent,
  normalizerOf,
  plainNumber,
  type ArrowModule,
  type ComponentEntry,
  type InstancesLike,
} from './entry.js';

/** The Arrow data a batch cell holds, when it is a Vector (fast paths read it directly). */
function chunksOf(batch: InstancesLike): Arrow.Data[] | undefined {
  const data = (batch as { data?: unknown }).data;
  return Array.isArray(data) ? (data as Arrow.Data[]) : undefined;
}

/** `FixedSizeList(2 × non-null Float32)`: Rerun's Vec2D (Position2D, HalfSize2D). */
function vec2Type(A: ArrowModule): Arrow.FixedSizeList<Arrow.Float32> {
  return new A.FixedSizeList(2, new A.Field('item', new A.Float32(), false));
}

/** Flat x, y floats of Vec2D instances as one FixedSizeList data. */
function vec2Data(A: ArrowModule, flat: Float32Array): Arrow.Data {
  return A.makeData({
    type: vec2Type(A),
    length: flat.length / 2,
    nullCount: 0,
    child: A.makeData({ type: new A.Float32(), length: flat.length, nullCount: 0, data: flat }),
  });
}

/** The x, y floats of a Vec2D batch read from Arrow. */
function readVec2(batch: InstancesLike): Float32Array {
  const chunks = chunksOf(batch);
  if (chunks?.every((d) => d.children[0]?.values instanceof Float32Array)) {
    const out = new Float32Array(batch.length * 2);
    let at = 0;
    for (const d of chunks) {
      // Arrow JS slices a primitive's values buffer itself (its `offset` is only logical), so a
      // sliced cell's child values start at the cell's first float.
      out.set((d.children[0]!.values as Float32Array).subarray(0, d.length * 2), at);
      at += d.length * 2;
    }
    return out;
  }
  const out = new Float32Array(batch.length * 2);
  for (let i = 0; i < batch.length; i++) {
    const item = batch.get(i) as ArrayLike<number> | { toArray(): ArrayLike<number> } | null;
    const pair = item && 'toArray' in item ? item.toArray() : (item as ArrayLike<number> | null);
    out[2 * i] = pair ? Number(pair[0]) : NaN;
    out[2 * i + 1] = pair ? Number(pair[1]) : NaN;
  }
  return out;
}

/** A Vec2D batch component (positions, centers, half sizes). */
function vec2Component(key: string, componentType: string): ComponentEntry {
  const normalize = normalizerOf(key);
  return {
    key,
    componentType,
    arrowType: vec2Type,
    normalize,
    toInstances: (value) => {
      const flat = normalize(value) as Float32Array;
      return Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i]!, flat[2 * i + 1]!]);
    },
    toArrowData: (A, values) => {
      const flat = new Float32Array(values.length * 2);
      (values as ReadonlyArray<readonly [number, number]>).forEach(([x, y], i) => {
        flat[2 * i] = x;
        flat[2 * i + 1] = y;
      });
      return vec2Data(A, flat);
    },
    fromInstances: readVec2,
  };
}

type TypedArrayOf = Float32Array | Uint32Array | Uint16Array;

/** A primitive batch component (radii, colours, class ids, keypoint ids). */
function primitiveComponent(
  key: string,
  componentType: string,
  arrowType: (A: ArrowModule) => Arrow.Float32 | Arrow.Uint32 | Arrow.Uint16,
  make: (values: ArrayLike<number>) => TypedArrayOf,
): ComponentEntry {
  const normalize = normalizerOf(key);
  return {
    key,
    componentType,
    arrowType,
    normalize,
    toInstances: (value) => Array.from(normalize(value) as TypedArrayOf),
    toArrowData: (A, values) => {
      const data = make(values as number[]);
      return A.makeData({ type: arrowType(A), length: data.length, nullCount: 0, data } as never);
    },
    fromInstances: (batch) => {
      const chunks = chunksOf(batch);
      if (chunks) {
        const arrays = chunks.map((d) => {
          const v: unknown = d.values;
          const plain =
            ArrayBuffer.isView(v) && !(v instanceof BigInt64Array || v instanceof BigUint64Array);
          // Arrow JS slices a primitive's values buffer itself; `offset` is only logical.
          return plain ? (v as TypedArrayOf).subarray(0, d.length) : undefined;
        });
        if (arrays.every((a) => a !== undefined)) {
          const out = make(new Array<number>(batch.length).fill(0));
          let at = 0;
          for (const a of arrays) {
            out.set(a!, at);
            at += a!.length;
          }
          return out;
        }
      }
      return make(Array.from({ length: batch.length }, (_, i) => plainNumber(batch.get(i)) ?? NaN));
    },
  };
}

const f32 = (A: ArrowModule) => new A.Float32();
const u32 = (A: ArrowModule) => new A.Uint32();
const u16 = (A: ArrowModule) => new A.Uint16();

function radii(key: string): ComponentEntry {
  return primitiveComponent(key, 'Radius', f32, (a) => Float32Array.from(a));
}

function colors(key: string): ComponentEntry {
  return primitiveComponent(key, 'Color', u32, (a) => Uint32Array.from(a));
}

function ids(key: string, componentType: string): ComponentEntry {
  return primitiveComponent(key, componentType, u16, (a) => Uint16Array.from(a));
}

function labels(key: string): ComponentEntry {
  const normalize = normalizerOf(key);
  return {
    key,
    componentType: 'Text',
    arrowType: (A) => new A.Utf8(),
    normalize,
    toInstances: (value) => normalize(value) as string[],
    fromInstances: (batch) =>
      Array.from({ length: batch.length }, (_, i) => {
        const v = batch.get(i);
        return v === null || v === undefined ? '' : String(v);
      }),
  };
}

function showLabels(key: string): ComponentEntry {
  return monoComponent({
    key,
    componentType: 'ShowLabels',
    arrowType: (A) => new A.Bool(),
    write: (value) => value,
    read: (v) => (v === null || v === undefined ? null : Boolean(v)),
  });
}

/** `List(non-null FixedSizeList(2 × non-null Float32))`: Rerun's LineStrip2D. */
function stripType(A: ArrowModule): Arrow.List {
  return new A.List(new A.Field('item', vec2Type(A), false));
}

const strips: ComponentEntry = {
  key: 'LineStrips2D:strips',
  componentType: 'LineStrip2D',
  arrowType: stripType,
  normalize: normalizerOf('LineStrips2D:strips'),
  toInstances: (value) => normalizerOf('LineStrips2D:strips')(value) as Float32Array[],
  toArrowData: (A, values) => {
    const list = values as readonly Float32Array[];
    const offsets = new Int32Array(list.length + 1);
    list.forEach((s, i) => (offsets[i + 1] = offsets[i]! + s.length / 2));
    const flat = new Float32Array(offsets[list.length]! * 2);
    list.forEach((s, i) => flat.set(s, offsets[i]! * 2));
    return A.makeData({
      type: stripType(A),
      length: list.length,
      nullCount: 0,
      valueOffsets: offsets,
      child: vec2Data(A, flat),
    });
  },
  fromInstances: (batch) =>
    Array.from({ length: batch.length }, (_, i) => {
      const strip = batch.get(i) as InstancesLike | null;
      return strip ? readVec2(strip) : new Float32Array(0);
    }),
};

/** The fields every geometry archetype has. */
function common(archetype: string): ComponentEntry[] {
  return [
    radii(`${archetype}:radii`),
    colors(`${archetype}:colors`),
    labels(`${archetype}:labels`),
    showLabels(`${archetype}:show_labels`),
    f32Component(`${archetype}:draw_order`, 'DrawOrder'),
    ids(`${archetype}:class_ids`, 'ClassId'),
  ];
}

/** DepthImage's `depth_range`: Rerun's ValueRange, `FixedSizeList(2 × non-null Float64)`. */
const depthRange = monoComponent({
  key: 'DepthImage:depth_range',
  componentType: 'ValueRange',
  arrowType: (A) => new A.FixedSizeList(2, new A.Field('item', new A.Float64(), false)),
  write: (value) => value,
  read: (v) => {
    const pair = v as { toArray?: () => ArrayLike<number> } | ArrayLike<number> | null;
    if (!pair) return null;
    const items = 'toArray' in pair && pair.toArray ? pair.toArray() : (pair as ArrayLike<number>);
    return [Number(items[0]), Number(items[1])];
  },
});

/** DepthImage's `colormap`: Rerun's Colormap enum as UInt8; read back as that number. */
const colormap = monoComponent({
  key: 'DepthImage:colormap',
  componentType: 'Colormap',
  arrowType: (A) => new A.Uint8(),
  write: (value) => DEPTH_COLORMAPS[value as DepthColormapName],
  read: (v) => plainNumber(v) ?? null,
});

export const geometryComponents: ComponentEntry[] = [
  vec2Component('Points2D:positions', 'Position2D'),
  ids('Points2D:keypoint_ids', 'KeypointId'),
  ...common('Points2D'),
  vec2Component('Boxes2D:half_sizes', 'HalfSize2D'),
  vec2Component('Boxes2D:centers', 'Position2D'),
  ...common('Boxes2D'),
  strips,
  ...common('LineStrips2D'),
  f32Component('DepthImage:meter', 'DepthMeter'),
  depthRange,
  colormap,
  f32Component('DepthImage:point_fill_ratio', 'FillRatio'),
];

/**
 * Components of the image archetypes: Image, SegmentationImage, DepthImage (buffer, format) and
 * EncodedImage (blob, media type), as Rerun lays them out in Arrow (SPEC §8).
 */
import type * as Arrow from 'apache-arrow';
import {
  asBytes,
  ChannelDatatype,
  ColorModel,
  PixelFormat,
  resolveImageFormat,
  type BufferInput,
  type ImageFormatInput,
} from '../image-format.js';
import { BUFFER_IMAGES } from './keys.js';
import { monoComponent, plainNumber, structField, type ArrowModule } from './entry.js';

/** `List<u8>`: the type of an ImageBuffer or Blob instance. */
function bytesType(A: ArrowModule): Arrow.DataType {
  return new A.List(new A.Field('item', new A.Uint8(), false));
}

/** Builds a `List<u8>` column of byte strings at once, not byte by byte through a builder. */
function bytesData(A: ArrowModule, values: readonly unknown[]): Arrow.Data {
  const blobs = values as readonly Uint8Array[];
  const total = blobs.reduce((n, b) => n + b.byteLength, 0);
  const bytes = new Uint8Array(total);
  const offsets = new Int32Array(blobs.length + 1);
  let at = 0;
  blobs.forEach((b, i) => {
    bytes.set(b, at);
    at += b.byteLength;
    offsets[i + 1] = at;
  });
  return A.makeData({
    type: bytesType(A) as Arrow.List<Arrow.Uint8>,
    length: blobs.length,
    nullCount: 0,
    valueOffsets: offsets,
    child: A.makeData({ type: new A.Uint8(), length: total, nullCount: 0, data: bytes }),
  });
}

/** An Arrow `List<u8>` instance → its bytes. */
function readBytes(instance: unknown): unknown {
  const list = instance as { toArray?: () => unknown } | null;
  return list && typeof list.toArray === 'function' ? list.toArray() : instance;
}

function bytesComponent(key: string, componentType: string) {
  return monoComponent({
    key,
    componentType,
    arrowType: bytesType,
    write: (value) => asBytes(value as BufferInput),
    read: readBytes,
    toArrowData: bytesData,
  });
}

function formatType(A: ArrowModule): Arrow.DataType {
  return new A.Struct([
    new A.Field('width', new A.Uint32(), false),
    new A.Field('height', new A.Uint32(), false),
    new A.Field('pixel_format', new A.Uint8(), true),
    new A.Field('color_model', new A.Uint8(), true),
    new A.Field('channel_datatype', new A.Uint8(), true),
  ]);
}

function writeFormat(value: unknown): unknown {
  const f = resolveImageFormat(value as ImageFormatInput);
  const yuv = f.pixelFormat !== undefined;
  return {
    width: f.width,
    height: f.height,
    pixel_format: yuv ? PixelFormat[f.pixelFormat!] : null,
    color_model: yuv ? null : ColorModel[f.colorModel],
    channel_datatype: yuv ? null : ChannelDatatype[f.channelDatatype],
  };
}

function readFormat(row: unknown): Record<string, number> {
  const format: Record<string, number> = {
    width: plainNumber(structField(row, 'width')) ?? 0,
    height: plainNumber(structField(row, 'height')) ?? 0,
  };
  const optional: Array<[string, string]> = [
    ['pixel_format', 'pixelFormat'],
    ['color_model', 'colorModel'],
    ['channel_datatype', 'channelDatatype'],
  ];
  for (const [arrowName, jsName] of optional) {
    const v = plainNumber(structField(row, arrowName));
    if (v !== undefined) format[jsName] = v;
  }
  return format;
}

export const imageComponents = [
  ...BUFFER_IMAGES.flatMap((archetype) => [
    bytesComponent(`${archetype}:buffer`, 'ImageBuffer'),
    monoComponent({
      key: `${archetype}:format`,
      componentType: 'ImageFormat',
      arrowType: formatType,
      write: writeFormat,
      read: readFormat,
    }),
  ]),
  bytesComponent('EncodedImage:blob', 'Blob'),
];

/**
 * `AnnotationContext:context`: one instance per row, itself a list of (class id, class
 * description) pairs (SPEC §1.2). Written from any form `parseAnnotationContext` reads — the
 * parsed context `<rr-annotation-context>` logs included — and read back as the plain list
 * form that parser takes.
 */
import type * as Arrow from 'apache-arrow';
import { parseAnnotationContext, type AnnotationInfo } from '../annotation-context.js';
import { listItems, monoComponent, plainNumber, structField, type ArrowModule } from './entry.js';

function infoType(A: ArrowModule): Arrow.Struct {
  return new A.Struct([
    new A.Field('id', new A.Uint16(), false),
    new A.Field('label', new A.Utf8(), true),
    new A.Field('color', new A.Uint32(), true),
  ]);
}

function contextType(A: ArrowModule): Arrow.DataType {
  const connection = new A.Struct([
    new A.Field('keypoint0', new A.Uint16(), false),
    new A.Field('keypoint1', new A.Uint16(), false),
  ]);
  const description = new A.Struct([
    new A.Field('info', infoType(A), false),
    new A.Field('keypoint_annotations', new A.List(new A.Field('item', infoType(A), false)), false),
    new A.Field('keypoint_connections', new A.List(new A.Field('item', connection, false)), false),
  ]);
  const element = new A.Struct([
    new A.Field('class_id', new A.Uint16(), false),
    new A.Field('class_description', description, false),
  ]);
  return new A.List(new A.Field('item', element, false));
}

function writeInfo(info: AnnotationInfo): unknown {
  const c = info.color;
  return {
    id: info.id,
    label: info.label ?? null,
    color: c ? ((c[0] << 24) | (c[1] << 16) | (c[2] << 8) | c[3]) >>> 0 : null,
  };
}

function writeContext(value: unknown): unknown {
  return [...parseAnnotationContext(value).classes].map(([id, d]) => ({
    class_id: id,
    class_description: {
      info: writeInfo(d.info),
      keypoint_annotations: d.keypoints.map(writeInfo),
      keypoint_connections: d.connections.map(([a, b]) => ({ keypoint0: a, keypoint1: b })),
    },
  }));
}

/** An AnnotationInfo struct → `{id, label?, color?}` (colour packed 0xRRGGBBAA). */
function readInfo(row: unknown): { id: number; label?: string; color?: number } {
  const info: { id: number; label?: string; color?: number } = {
    id: plainNumber(structField(row, 'id')) ?? 0,
  };
  const label = structField(row, 'label');
  if (label !== null && label !== undefined) info.label = String(label);
  const color = plainNumber(structField(row, 'color'));
  if (color !== undefined) info.color = color >>> 0;
  return info;
}

/** The AnnotationContext Arrow value → the plain `context` list the rest of the code reads. */
export function readAnnotationContext(value: unknown): unknown[] {
  return listItems(value).map((elem) => {
    const description = structField(elem, 'class_description');
    return {
      info: readInfo(structField(description, 'info')),
      keypointAnnotations: listItems(structField(description, 'keypoint_annotations')).map(
        readInfo,
      ),
      keypointConnections: listItems(structField(description, 'keypoint_connections')).map(
        (pair) => [
          plainNumber(structField(pair, 'keypoint0')) ?? 0,
          plainNumber(structField(pair, 'keypoint1')) ?? 0,
        ],
      ),
    };
  });
}

export const annotationContextComponents = [
  monoComponent({
    key: 'AnnotationContext:context',
    componentType: 'AnnotationContext',
    arrowType: contextType,
    write: writeContext,
    read: readAnnotationContext,
  }),
];

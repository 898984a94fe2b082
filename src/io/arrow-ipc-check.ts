/**
 * Bounds checks for Arrow IPC streams, done before apache-arrow reads them.
 *
 * apache-arrow trusts the flatbuffer metadata it is given: a vector length flipped by a corrupt
 * file makes it loop over billions of fields or allocate what the length says, which takes the
 * page down instead of throwing. So every table, vector and string of each message header is
 * checked against the bytes there are, and every row count, node and buffer against the body,
 * before the bytes reach apache-arrow.
 */

/** Raised for bytes that are not a well-formed Arrow IPC stream. */
export class IpcCheckError extends Error {
  override name = 'IpcCheckError';
}

/** Arrow's MessageHeader union: Schema 1, DictionaryBatch 2, RecordBatch 3. */
const HEADER = { Schema: 1, DictionaryBatch: 2, RecordBatch: 3 } as const;
/** Arrow Type union ids that hold offsets to check (Timestamp's timezone, Union's type ids). */
const TYPE_TIMESTAMP = 10;
const TYPE_UNION = 14;

class FlatBuffer {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  #need(pos: number, size: number, what: string): void {
    if (!Number.isInteger(pos) || pos < 0 || pos + size > this.bytes.length) {
      throw new IpcCheckError(
        `${what} at byte ${pos} lies outside the ${this.bytes.length}-byte message header`,
      );
    }
  }

  u8(pos: number): number {
    this.#need(pos, 1, 'a value');
    return this.view.getUint8(pos);
  }

  u16(pos: number): number {
    this.#need(pos, 2, 'a value');
    return this.view.getUint16(pos, true);
  }

  u32(pos: number): number {
    this.#need(pos, 4, 'a value');
    return this.view.getUint32(pos, true);
  }

  i64(pos: number): number {
    this.#need(pos, 8, 'a value');
    return Number(this.view.getBigInt64(pos, true));
  }

  /** Position of a table and a lookup of its fields' positions (undefined when absent). */
  table(pos: number): (field: number) => number | undefined {
    const vtable = pos - this.view.getInt32((this.#need(pos, 4, 'a table'), pos), true);
    const vtableSize = this.u16(vtable);
    const tableSize = this.u16(vtable + 2);
    this.#need(vtable, vtableSize, 'a vtable');
    this.#need(pos, tableSize, 'a table');
    return (field) => {
      const at = 4 + 2 * field;
      if (at + 2 > vtableSize) return undefined;
      const offset = this.u16(vtable + at);
      return offset === 0 ? undefined : pos + offset;
    };
  }

  /** Follows an offset field to the table, vector or string it points at. */
  deref(fieldPos: number): number {
    return fieldPos + this.u32(fieldPos);
  }

  /** A vector's length and the position of its first element, checked to fit. */
  vector(pos: number, elementSize: number): { length: number; start: number } {
    const length = this.u32(pos);
    this.#need(pos + 4, length * elementSize, `a vector of ${length} elements`);
    return { length, start: pos + 4 };
  }
}

function checkKeyValues(fb: FlatBuffer, at: number | undefined): void {
  if (at === undefined) return;
  const { length, start } = fb.vector(fb.deref(at), 4);
  for (let i = 0; i < length; i++) {
    const kv = fb.table(fb.deref(start + 4 * i));
    for (const f of [0, 1]) {
      const s = kv(f);
      if (s !== undefined) fb.vector(fb.deref(s), 1);
    }
  }
}

function checkField(fb: FlatBuffer, pos: number, depth: number): void {
  if (depth > 64) throw new IpcCheckError('fields nested more than 64 deep');
  const field = fb.table(pos);
  const name = field(0);
  if (name !== undefined) fb.vector(fb.deref(name), 1);
  const typeType = field(2) === undefined ? 0 : fb.u8(field(2)!);
  const type = field(3);
  if (type !== undefined) {
    const t = fb.table(fb.deref(type));
    if (typeType === TYPE_TIMESTAMP && t(1) !== undefined) fb.vector(fb.deref(t(1)!), 1);
    if (typeType === TYPE_UNION && t(1) !== undefined) fb.vector(fb.deref(t(1)!), 4);
  }
  const dictionary = field(4);
  if (dictionary !== undefined) {
    const d = fb.table(fb.deref(dictionary));
    if (d(1) !== undefined) fb.table(fb.deref(d(1)!));
  }
  const children = field(5);
  if (children !== undefined) {
    const { length, start } = fb.vector(fb.deref(children), 4);
    for (let i = 0; i < length; i++) checkField(fb, fb.deref(start + 4 * i), depth + 1);
  }
  checkKeyValues(fb, field(6));
}

/** What one checked message says about itself. */
interface MessageInfo {
  headerType: number;
  bodyLength: number;
}

function checkMessage(header: Uint8Array, limit: number): MessageInfo {
  const fb = new FlatBuffer(header);
  const message = fb.table(fb.u32(0));
  const headerType = message(1) === undefined ? 0 : fb.u8(message(1)!);
  const bodyLength = message(3) === undefined ? 0 : fb.i64(message(3)!);
  if (bodyLength < 0 || bodyLength > limit)
    throw new IpcCheckError(`a message body of ${bodyLength} bytes in ${limit}`);
  checkKeyValues(fb, message(4));
  const headerAt = message(2);
  if (headerAt === undefined) return { headerType, bodyLength };
  const h = fb.table(fb.deref(headerAt));
  if (headerType === HEADER.Schema) {
    const fields = h(1);
    if (fields !== undefined) {
      const { length, start } = fb.vector(fb.deref(fields), 4);
      for (let i = 0; i < length; i++) checkField(fb, fb.deref(start + 4 * i), 0);
    }
    checkKeyValues(fb, h(2));
    if (h(3) !== undefined) fb.vector(fb.deref(h(3)!), 8);
  } else if (headerType === HEADER.RecordBatch || headerType === HEADER.DictionaryBatch) {
    const batch =
      headerType === HEADER.RecordBatch
        ? h
        : h(1) === undefined
          ? undefined
          : fb.table(fb.deref(h(1)!));
    if (batch) {
      const rows = batch(0) === undefined ? 0 : fb.i64(batch(0)!);
      if (!(rows >= 0) || rows > limit * 8)
        throw new IpcCheckError(`a record batch of ${rows} rows in ${limit} bytes`);
      if (batch(1) !== undefined) {
        const { length, start } = fb.vector(fb.deref(batch(1)!), 16);
        for (let i = 0; i < length; i++) {
          const n = fb.i64(start + 16 * i);
          const nulls = fb.i64(start + 16 * i + 8);
          if (!(n >= 0) || n > limit * 8 || nulls < -1 || nulls > n)
            throw new IpcCheckError(`a column of ${n} values (${nulls} null) in ${limit} bytes`);
        }
      }
      if (batch(2) !== undefined) {
        const { length, start } = fb.vector(fb.deref(batch(2)!), 16);
        for (let i = 0; i < length; i++) {
          const offset = fb.i64(start + 16 * i);
          const size = fb.i64(start + 16 * i + 8);
          if (offset < 0 || size < 0 || offset + size > bodyLength) {
            throw new IpcCheckError(
              `a buffer ending at byte ${offset + size} of a ${bodyLength}-byte body`,
            );
          }
        }
      }
      if (batch(4) !== undefined) fb.vector(fb.deref(batch(4)!), 8);
    }
  }
  return { headerType, bodyLength };
}

/**
 * Checks an Arrow IPC stream message by message; returns the number of record batches.
 * Throws {@link IpcCheckError} for anything that does not fit the bytes.
 */
export function checkIpcStreamBytes(
  bytes: Uint8Array,
  options: { schemaFirst?: boolean } = {},
): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  let batches = 0;
  // Files keep their schema in the footer; the JS writer does not repeat it in the body.
  let schema = options.schemaFirst === false;
  while (pos < bytes.length) {
    if (bytes.length - pos < 4)
      throw new IpcCheckError(`a message length cut short at byte ${pos}`);
    let length = view.getInt32(pos, true);
    pos += 4;
    // Since Arrow 0.15 every message starts with the 0xFFFFFFFF continuation marker.
    if (length === -1) {
      if (bytes.length - pos < 4)
        throw new IpcCheckError(`a message length cut short at byte ${pos}`);
      length = view.getInt32(pos, true);
      pos += 4;
    }
    if (length === 0) return batches; // end-of-stream marker
    if (length < 0 || length > bytes.length - pos)
      throw new IpcCheckError(
        `a message header of ${length} bytes at byte ${pos}, where ${bytes.length - pos} remain`,
      );
    const info = checkMessage(bytes.subarray(pos, pos + length), bytes.length);
    pos += length;
    if (info.bodyLength > bytes.length - pos)
      throw new IpcCheckError(
        `a message body of ${info.bodyLength} bytes at byte ${pos}, where ${bytes.length - pos} remain`,
      );
    pos += info.bodyLength;
    if (info.headerType === HEADER.Schema) schema = true;
    else if (!schema) throw new IpcCheckError('a message before the schema');
    if (info.headerType === HEADER.RecordBatch) batches++;
  }
  return batches;
}

function checkSchemaTable(fb: FlatBuffer, pos: number): void {
  const h = fb.table(pos);
  const fields = h(1);
  if (fields !== undefined) {
    const { length, start } = fb.vector(fb.deref(fields), 4);
    for (let i = 0; i < length; i++) checkField(fb, fb.deref(start + 4 * i), 0);
  }
  checkKeyValues(fb, h(2));
}

/**
 * Checks the footer of an Arrow IPC file (schema, and the blocks that locate the dictionaries
 * and record batches) against a file of `fileLength` bytes.
 */
export function checkIpcFile(file: Uint8Array, footerStart: number, footerLength: number): void {
  const footer = file.subarray(footerStart, footerStart + footerLength);
  const fileLength = file.length;
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const fb = new FlatBuffer(footer);
  const root = fb.table(fb.u32(0));
  if (root(1) !== undefined) checkSchemaTable(fb, fb.deref(root(1)!));
  for (const f of [2, 3]) {
    const at = root(f);
    if (at === undefined) continue;
    const { length, start } = fb.vector(fb.deref(at), 24);
    for (let i = 0; i < length; i++) {
      const offset = fb.i64(start + 24 * i);
      const meta = fb.view.getInt32(start + 24 * i + 8, true);
      const body = fb.i64(start + 24 * i + 16);
      if (offset < 0 || meta < 8 || body < 0 || offset + meta + body > fileLength) {
        throw new IpcCheckError(
          `a block at byte ${offset} (${meta} + ${body} bytes) beyond the ${fileLength}-byte file`,
        );
      }
      // apache-arrow reads each block's message where the footer says: check that one.
      let at = offset;
      let length = view.getInt32(at, true);
      at += 4;
      if (length === -1) {
        length = view.getInt32(at, true);
        at += 4;
      }
      if (length <= 0 || at + length > offset + meta)
        throw new IpcCheckError(
          `a message header of ${length} bytes in a ${meta}-byte block at byte ${offset}`,
        );
      const info = checkMessage(file.subarray(at, at + length), fileLength);
      if (info.bodyLength !== body)
        throw new IpcCheckError(
          `a block body of ${body} bytes whose message says ${info.bodyLength}`,
        );
      if (info.headerType !== (f === 2 ? HEADER.DictionaryBatch : HEADER.RecordBatch))
        throw new IpcCheckError(`a block holding message type ${info.headerType}`);
    }
  }
  checkKeyValues(fb, root(4));
}

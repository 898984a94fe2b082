/**
 * How a message names a value that came: short, readable, never throwing (a bigint, a cyclic
 * object, a 10 MB string or a Proxy are all named without serialising them).
 */
export function describeValue(value: unknown): string {
  try {
    if (value === undefined) return 'nothing (undefined)';
    if (value === null) return 'null';
    switch (typeof value) {
      case 'string': {
        const text = value.length > 40 ? `${value.slice(0, 40)}…` : value;
        return value.trim() === '' ? 'an empty string' : `"${text}"`;
      }
      case 'number':
        return String(value);
      case 'bigint':
        return `the bigint ${value}n`;
      case 'boolean':
        return String(value);
      case 'symbol':
        return 'a symbol';
      case 'function':
        return 'a function';
    }
    if (Array.isArray(value)) return `an array of ${value.length}`;
    if (ArrayBuffer.isView(value))
      return `a ${value.constructor.name} of ${value.byteLength} bytes`;
    if (value instanceof ArrayBuffer) return `an ArrayBuffer of ${value.byteLength} bytes`;
    const name = (value as object).constructor?.name;
    return name && name !== 'Object' ? `a ${name}` : 'an object';
  } catch {
    return 'a value that cannot be read';
  }
}

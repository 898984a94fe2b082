// Types of ./protobuf-wire.js for the sources.
export { BinaryReader, BinaryWriter, WireType } from '@bufbuild/protobuf/wire';

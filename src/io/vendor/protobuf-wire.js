// @bufbuild/protobuf's wire-level reader and writer, as the package ships them: bundled into
// dist/io/vendor/protobuf-wire.js by `npm run build` (users install no @bufbuild/protobuf).
// Loaded with the .rrd reader and writer only.
export { BinaryReader, BinaryWriter, WireType } from '@bufbuild/protobuf/wire';

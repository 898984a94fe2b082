// Options of `custom-elements-manifest analyze` beyond those on its command line in package.json.
export default {
  // Leave package.json alone: it names the manifest already, and `npm run analyze:check`, which
  // writes a fresh manifest to a temporary folder, must not point it there.
  packagejson: false,
};

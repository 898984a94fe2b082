// Options of `custom-elements-manifest analyze` beyond those on its command line in package.json.
export default {
  // Leave package.json alone: it names the manifest already, and `npm run analyze:check`, which
  // writes a fresh manifest to a temporary folder, must not point it there.
  packagejson: false,
  plugins: [
    {
      name: 'rr-stable-order',
      // The analyzer lists modules in the order its file reads finish, which varies from run to
      // run; sorted by path, the manifest is the same for the same sources.
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) =>
          a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
        );
      },
    },
  ],
};

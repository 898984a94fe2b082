// Shared by the generators of editor data (vscode-data.mjs, framework-types.mjs).
/**
 * Values the editor offers for attributes taking one of a fixed set of names (the manifest types
 * them as `string`). Rerun's spellings; the elements also accept any case and Rerun's numbers.
 */
export const VALUES = {
  'color-model': ['L', 'RGB', 'RGBA', 'BGR', 'BGRA'],
  'channel-datatype': ['U8', 'U16', 'U32', 'U64', 'I8', 'I16', 'I32', 'I64', 'F16', 'F32', 'F64'],
  'pixel-format': [
    'NV12',
    'YUY2',
    'Y8_FullRange',
    'Y_U_V24_LimitedRange',
    'Y_U_V24_FullRange',
    'Y8_LimitedRange',
    'Y_U_V12_FullRange',
    'Y_U_V12_LimitedRange',
    'Y_U_V16_FullRange',
    'Y_U_V16_LimitedRange',
  ],
  'magnification-filter': ['nearest', 'linear', 'bicubic'],
  colormap: [
    'grayscale',
    'inferno',
    'magma',
    'plasma',
    'turbo',
    'viridis',
    'cyan-to-yellow',
    'spectral',
    'twilight',
  ],
  'render-mode': ['fill', 'outline', 'fill-outline'],
};

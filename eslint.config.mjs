// ESLint flat config: typescript-eslint's recommended rules for the TypeScript sources, tests,
// demo and benchmark; ESLint's recommended rules (with Node globals) for the tooling scripts.
// Type checking is tsc's job (`npm run lint` runs `tsc --noEmit -p tsconfig.test.json` too).
// The source folders are layered store ← io ← render ← elements: a folder imports only the
// folders before it (so the store imports none of io/, render/, elements/, nor index.ts).
// eslint-plugin-lit and eslint-plugin-wc check the elements; `.only` never reaches a commit.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'custom-elements.json',
      'bench-results/',
      '.bench/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: globals.browser },
    rules: {
      // `_name` marks a parameter or variable that is unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  ...layer('src/store/**/*.ts', ['io', 'render', 'elements', 'react', 'anywidget']),
  ...layer('src/io/**/*.ts', ['render', 'elements', 'react', 'anywidget']),
  ...layer('src/render/**/*.ts', ['elements', 'react', 'anywidget']),
  { ...lit.configs['flat/recommended'], files: ['src/**/*.ts'] },
  { ...wc.configs['flat/recommended'], files: ['src/**/*.ts'] },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'context', 'suite', 'test'].map((object) => ({
          object,
          property: 'only',
          message: 'A committed .only skips every other test.',
        })),
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Scripts inside demo/ and bench/ run in the page, not in Node.
    files: ['demo/**/*.{js,mjs}', 'bench/**/*.{js,mjs}', 'docs/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);

/** Forbids imports from the given folders of src/ (and from src/index.ts) in `files`. */
function layer(files, above) {
  const folders = above.join('|');
  return [
    {
      files: [files],
      ignores: ['**/*.test.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: `^(\\.\\./)+(${folders})(/|$)`,
                message: `layers: store ← io ← render ← elements; ${files.split('/')[1]}/ may not import ${above.join(', ')}`,
              },
              {
                regex: '^(\\.\\./)+index(\\.js)?$',
                message: 'layers: index.ts registers the elements; import the module itself',
              },
            ],
          },
        ],
      },
    },
  ];
}

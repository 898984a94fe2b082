// ESLint flat config: typescript-eslint's recommended rules for the TypeScript sources, tests,
// demo and benchmark; ESLint's recommended rules (with Node globals) for the tooling scripts.
// Type checking is tsc's job (`npm run lint` runs `tsc --noEmit -p tsconfig.test.json` too).
import js from '@eslint/js';
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
      '.scratch/',
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

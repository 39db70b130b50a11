// ESLint (flat config): typescript-eslint with type information for the TypeScript sources, so
// promise mistakes (a floating or misused promise) are caught, not only style. Formatting is
// Prettier's job (`npm run format`); nothing here fights it.
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.harness/**',
      '.test-results/**',
      '.vscode-test/**',
      'test/fixtures/**',
      // Generated Unicode data tables (the names table is too large for the parser).
      'src/core/pyre/unicode/namesData.ts',
      'src/core/pyre/unicode/tablesData.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Matching control characters is the point of the sanitizers and of the YAML/JUnit escapers.
      'no-control-regex': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      // A void-returning callback may be async only where its caller ignores the promise on purpose
      // (event listeners); an async condition or spread is a bug.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // `import x = require()` keeps the module object itself (a test patches node:child_process).
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/naming-convention': [
        'error',
        { selector: 'default', format: ['camelCase'], leadingUnderscore: 'allow' },
        // Constants in UPPER_CASE, zod schemas and component-like values in PascalCase.
        { selector: 'variable', format: ['camelCase', 'UPPER_CASE', 'PascalCase'], leadingUnderscore: 'allow' },
        { selector: 'function', format: ['camelCase', 'PascalCase'] },
        { selector: 'parameter', format: ['camelCase'], leadingUnderscore: 'allow' },
        { selector: 'parameter', filter: { regex: '^_+$', match: true }, format: null },
        // Destructured names are the wire format's (`{ entry_index, reply_template }`).
        { selector: ['variable', 'parameter'], modifiers: ['destructured'], format: null },
        { selector: 'typeLike', format: ['PascalCase'] },
        { selector: 'enumMember', format: ['camelCase', 'PascalCase', 'UPPER_CASE'] },
        { selector: 'classProperty', modifiers: ['static', 'readonly'], format: ['camelCase', 'UPPER_CASE'] },
        // Property names follow the wire formats they mirror (daemon JSON, CLI options, SARIF).
        { selector: ['objectLiteralProperty', 'typeProperty', 'objectLiteralMethod', 'typeMethod'], format: null },
        { selector: 'import', format: null },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      // The node scripts are CommonJS.
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Playwright scripts run in the browser page as well as in node.
    files: ['test/ui/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);

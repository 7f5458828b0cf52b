// Lint rules from STYLE.md: type-checked typescript-eslint, no floating promises, exhaustive switches,
// type-only imports, and the layer boundary that keeps src/core free of the editor, lowdb and Node I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeIo = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'os', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'media/**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (STYLE.md rule 10).' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts', 'src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core stays editor-free (STYLE.md rule 1).' },
            { name: 'lowdb', message: 'lowdb lives only in src/storage (STYLE.md rule 6).' },
            ...nodeIo.flatMap((name) => [
              { name, message: 'src/core does no I/O: take an interface instead.' },
              { name: `node:${name}`, message: 'src/core does no I/O: take an interface instead.' },
            ]),
          ],
          patterns: [
            { group: ['lowdb/*'], message: 'lowdb lives only in src/storage.' },
            { group: ['../storage/*', '../cli/*', '../llm/*', '../**/storage/*'], message: 'core imports only shared.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);

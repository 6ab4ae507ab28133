// Flat config: typescript-eslint's recommended rules over everything we write.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'dist-vsix/**', 'test-results/**', 'bench/results/**', 'src/executor/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', structuredClone: 'readonly', performance: 'readonly', Blob: 'readonly', fetch: 'readonly', setImmediate: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-imports': 'off',
    },
  },
  {
    // The executor is plain Node: it must never reach for the VS Code API.
    files: ['src/executor/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/executor never imports vscode.' }] }] },
  },
  {
    // Notifications quote text we do not control: they go through src/extension/notify.ts, which makes it inert.
    files: ['src/extension/**/*.ts'],
    ignores: ['src/extension/notify.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'MemberExpression[property.name=/^(showInformationMessage|showWarningMessage|showErrorMessage|withProgress)$/]', message: 'Use src/extension/notify.ts: it keeps quoted text from turning into links.' },
      ],
    },
  },
);

// Lint: typescript-eslint's recommended rules, plus the import boundary between site and server:
// the site reaches server code only through the protocol module (@protocol).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'data/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['site/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/session-server/**'], message: 'The site imports server code only through @protocol.' }] },
      ],
    },
  },
  {
    files: ['session-server/src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', '../room/**', '../server/**', '../storage/**', '../boards/**'], message: 'The protocol is browser-safe: zod and types only.' }] },
      ],
    },
  },
);

// typescript-eslint with type information over the whole workspace. `npm run lint` runs it after
// Prettier's check; .ci/run runs `npm run lint`.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'packages/core/src/api/generated/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSNeverKeyword',
          message: '`as never` hides a type error: type the value instead.',
        },
      ],
      // `_name` marks what is left out on purpose (a destructured field dropped, an unused parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // A caught value is rethrown as it came (it may be anything a dependency threw).
      '@typescript-eslint/only-throw-error': ['error', { allowThrowingUnknown: true }],
      // JSON:API attributes are `Record<string, unknown>` by design; String() of one is meant.
      '@typescript-eslint/no-base-to-string': 'off',
      // Handlers and adapters are async to keep one signature, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read JSON documents (JSON.parse gives `any`) and check their shape with expect().
    files: ['**/test/**/*.ts', 'test-support/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // A harness hands back what the code under test threw, as it was.
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'coverage/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', 'dexie/*'],
              message: 'Only src/client/data may import Dexie.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/client/data/**', 'test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Routes parse, authorize and answer; only repositories build SQL.
    files: ['src/server/**/routes.ts', 'src/server/**/*-routes.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)$/]',
          message: 'Route files build no queries: call a repository function instead.',
        },
        {
          selector: "TaggedTemplateExpression[tag.name='sql'], MemberExpression[object.name='sql']",
          message: 'Route files build no queries: call a repository function instead.',
        },
      ],
    },
  },
  {
    // Sync knows no feature that listens to it: hooks are registered in app.ts.
    files: ['src/server/sync/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', 'dexie/*'],
              message: 'Only src/client/data may import Dexie.',
            },
            {
              group: ['**/dashboard', '**/dashboard/**'],
              message:
                'src/server/sync must not import src/server/dashboard: register an AfterWriteHook in app.ts.',
            },
            {
              group: ['**/photos', '**/photos/**', '!**/shared/photos'],
              message:
                'src/server/sync must not import src/server/photos: register a PushCheck or RecordsWrittenHook in app.ts.',
            },
            {
              group: ['**/email', '**/email/**'],
              message:
                'src/server/sync must not import src/server/email: register an AfterWriteHook in app.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'dexie', 'preact', 'preact/*', 'hono', 'hono/*', 'kysely'],
              message: 'src/shared stays free of DOM, Node and framework imports.',
            },
            {
              group: ['../client/*', '../server/*'],
              message: 'src/shared must not import from client or server.',
            },
          ],
        },
      ],
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const adapters = ['./src/graphql', './src/type-graphql', './src/sdl', './src/rest'];
const everythingButCore = ['./src/sources', './src/node', ...adapters, './examples', './bench'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', '**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver': { node: { extensions: ['.ts', '.js'] } },
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // The dependency rule of DESIGN.md: core imports nothing of ours; sources and adapters import
      // core; adapters never import sources; nothing imports the demo.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/core', from: everythingButCore, message: 'core imports nothing of ours' },
            { target: './src/sources', from: [...adapters, './src/node', './examples'], message: 'sources import core only' },
            {
              target: './src/sources/sql',
              from: ['./src/sources/array', './src/sources/mikro-orm', './src/sources/kysely', './src/sources/drizzle'],
              message: 'the SQL strategies are builder-neutral: they import core only',
            },
            { target: './src/node', from: ['./src/sources', ...adapters, './examples'], message: 'pagewise/node imports core only' },
            ...adapters.map((target) => ({
              target,
              from: [
                './src/sources',
                './examples',
                ...adapters.filter(
                  (other) =>
                    other !== target &&
                    !(target === './src/sdl' && other === './src/graphql') &&
                    !(target === './src/type-graphql' && other === './src/graphql'),
                ),
              ],
              message: 'adapters import core (and the graphql builders) only',
            })),
            { target: './src', from: ['./examples', './tests', './bench'], message: 'nothing imports the demo' },
          ],
        },
      ],
    },
  },
  {
    // No import cycles in the library (type-only cycles, which this rule skips, are checked by
    // tests/architecture.test.ts).
    files: ['src/**/*.ts'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md).' }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'graphql',
                'graphql/*',
                'type-graphql',
                '@graphql-tools/*',
                '@apollo/*',
                '@mikro-orm/*',
                'drizzle-orm',
                'drizzle-orm/*',
                'express',
                'fastify',
              ],
              message: 'core imports no adapter dependency',
            },
            { group: ['node:*'], message: 'core runs outside Node' },
          ],
          paths: ['http', 'https', 'crypto', 'fs', 'path', 'url', 'buffer'].map((name) => ({ name, message: 'core runs outside Node' })),
        },
      ],
      'no-restricted-globals': ['error', 'Buffer', 'process', 'require'],
    },
  },
  {
    // The SQL strategies every SQL source shares know no builder: sources hand them column descriptions.
    files: ['src/sources/sql/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@mikro-orm/*',
                'knex',
                'kysely',
                'kysely/*',
                'drizzle-orm',
                'drizzle-orm/*',
                'pg',
                'mysql2',
                'mysql2/*',
                'better-sqlite3',
              ],
              message: 'the SQL strategies are builder-neutral',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

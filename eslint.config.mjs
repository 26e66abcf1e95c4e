import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first (docs/architecture.md). A file may import its own layer and
 * the layers below it, never one above: a module's name says which layer it belongs to.
 */
const LAYERS = [
  {
    files: ['src/values.ts', 'src/input-error.ts', 'src/user-message.ts', 'src/phone.ts'],
    modules: ['values', 'input-error', 'user-message', 'phone'],
  },
  { files: ['src/client/**'], modules: ['client'] },
  { files: ['src/shapes/**'], modules: ['shapes'] },
  { files: ['src/api/**'], modules: ['api'] },
  { files: ['src/fields/**'], modules: ['fields'] },
  { files: ['src/webhooks/**'], modules: ['webhooks'] },
  { files: ['src/hydrators/**'], modules: ['hydrators'] },
  {
    files: [
      'src/triggers/**',
      'src/creates/**',
      'src/searches/**',
      'src/dropdowns/**',
      'src/example.ts',
    ],
    modules: ['triggers', 'creates', 'searches', 'dropdowns', 'example'],
  },
  {
    files: ['src/operations.ts', 'src/authentication.ts', 'index.ts'],
    modules: ['operations', 'authentication', 'index'],
  },
];

/** The operation folders: each is a layer of its own kind, never importing another's files. */
const OPERATION_FOLDERS = ['triggers', 'creates', 'searches', 'dropdowns'];

/** A relative import of one of these modules, from any depth. */
function importOf(modules) {
  return `^\\.{1,2}/(?:\\.\\./)*(?:${modules.join('|')})(?:/|$)`;
}

function forbidding(files, modules, why) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: importOf(modules), message: `${why} (docs/architecture.md).` }] },
      ],
    },
  };
}

const layerRules = LAYERS.flatMap(({ files }, index) => {
  const above = LAYERS.slice(index + 1).flatMap(({ modules }) => modules);
  return above.length ? [forbidding(files, above, 'Imports run down the layers only')] : [];
});

const operationRules = OPERATION_FOLDERS.map((folder) =>
  forbidding(
    [`src/${folder}/**`],
    [
      ...OPERATION_FOLDERS.filter((other) => other !== folder),
      'operations',
      'authentication',
      'index',
    ],
    'An operation imports shared pieces from the layers below, not from another kind of operation',
  ),
);

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'build/',
      'coverage/',
      'zapierwrapper.js',
      '.stryker-tmp/',
      'reports/',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...layerRules,
  ...operationRules,
);

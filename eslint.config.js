// ESLint flat config: type-aware rules from typescript-eslint for every TypeScript file, the React
// hooks rules for the tab's web client, and the project's layer boundaries as lint rules.
//
// The boundary rules need no type information, so tests/app-package/lint-boundaries.test.ts lints
// snippets against this very file with `tseslint.configs.disableTypeChecked` laid over it.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------
// Boundaries. Each rule below (no-restricted-imports, no-restricted-syntax, no-restricted-globals,
// no-restricted-properties) takes its options from the last config object that matches a file, so
// the zones are disjoint and each zone lists every restriction that applies to it.
// ---------------------------------------------------------------------------------------------

/** @typedef {{ regex: string, message: string }} ImportBan */

/** @type {ImportBan} */
const botFramework = {
  regex: '^(botbuilder|botframework)',
  message: 'The Bot Framework SDK belongs under bot/ (tests/ and bench/ may use it to drive the bot).',
};

/** @type {ImportBan[]} */
const webUi = [
  {
    regex: '^react(-dom)?(/|$)',
    message: 'React belongs to the tab web client under tab/web/.',
  },
  {
    regex: '^@fluentui/',
    message: 'Fluent UI belongs to the tab web client under tab/web/.',
  },
  {
    regex: '^@microsoft/teams-js(/|$)',
    message: 'The Teams JavaScript client library belongs to the tab web client under tab/web/.',
  },
];

/** @type {ImportBan[]} */
const sharedForbidden = [
  {
    regex: '^(restify|pg|pg-.*|kysely|pino|pino-.*|jose|@electric-sql/.*|@azure/.*|@microsoft/.*)(/|$)',
    message: 'shared/ is the framework-free core: servers, databases, logging and auth live in the outer layers.',
  },
  {
    regex: '^(docx|exceljs)(/|$)',
    message: 'shared/ builds documents as plain data; Word and Excel files are rendered by an adapter (tab/api/documents/).',
  },
  {
    regex:
      '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|dns/promises|tls|cluster|' +
      'worker_threads|readline|readline/promises|os|process|inspector|vm|repl|module|stream|stream/promises)$',
    message: 'shared/ does no I/O: reach files, sockets, processes and the environment through a port.',
  },
];

const processEnvMessage = 'Read the environment only in server/config.ts (loadConfig) or in a bin/ entry point, and pass the values in.';

/** `import { env } from 'node:process'` is the same as reading process.env. */
const processEnvImports = ['process', 'node:process'].map((name) => ({
  name,
  importNames: ['env'],
  message: processEnvMessage,
}));

/** @param {string} regex JavaScript regular expression source, without slashes. */
const slashFree = (regex) => regex.replaceAll('/', '\\x2F');

/**
 * `import('x')` escapes no-restricted-imports, so dynamic imports of a banned module are caught
 * by a selector. esquery regular expressions cannot hold a slash, hence `\x2F`.
 * @param {ImportBan[]} bans
 */
const dynamicImportBans = (bans) =>
  bans.map(({ regex, message }) => ({
    selector: `ImportExpression[source.value=/${slashFree(regex)}/]`,
    message,
  }));

const processEnvSyntax = [
  {
    selector: "MemberExpression[property.name='env'][object.type='MemberExpression'][object.property.name='process']",
    message: processEnvMessage,
  },
];

const processEnvProperties = [{ object: 'process', property: 'env', message: processEnvMessage }];

const fetchMessage = 'The tab calls the API only through tab/web/services/ (api-client.ts adds the token and the language).';

const fetchProperties = ['window', 'globalThis', 'self'].map((object) => ({
  object,
  property: 'fetch',
  message: fetchMessage,
}));

/**
 * One zone's boundary rules.
 * @param {{ imports: ImportBan[], env: boolean, fetch?: boolean }} zone
 *   imports: modules the zone may not import; env: whether process.env is banned; fetch: whether
 *   the global fetch is banned.
 */
function boundaryRules({ imports, env, fetch = false }) {
  return {
    'no-restricted-imports': ['error', { paths: env ? processEnvImports : [], patterns: imports }],
    'no-restricted-syntax': ['error', ...dynamicImportBans(imports), ...(env ? processEnvSyntax : [])],
    'no-restricted-properties': ['error', ...(env ? processEnvProperties : []), ...(fetch ? fetchProperties : [])],
    'no-restricted-globals': ['error', ...(fetch ? [{ name: 'fetch', message: fetchMessage }] : [])],
  };
}

const allSource = ['**/*.{ts,tsx,js,mjs,cjs}'];

/** Disjoint zones, from the general to the particular; a later zone's files leave the earlier ones. */
export const boundaries = [
  {
    name: 'boundaries/default',
    // server/ (but config.ts), store/, tab/ outside the web client, root files.
    files: allSource,
    ignores: ['bot/**', 'shared/**', 'tab/web/**', 'bin/**', 'tests/**', 'bench/**', 'server/config.ts'],
    rules: boundaryRules({ imports: [botFramework, ...webUi], env: true }),
  },
  {
    name: 'boundaries/config',
    files: ['server/config.ts'],
    rules: boundaryRules({ imports: [botFramework, ...webUi], env: false }),
  },
  {
    name: 'boundaries/bin',
    files: ['bin/**'],
    rules: boundaryRules({ imports: [botFramework, ...webUi], env: false }),
  },
  {
    name: 'boundaries/bot',
    files: ['bot/**'],
    rules: boundaryRules({ imports: webUi, env: true }),
  },
  {
    name: 'boundaries/shared',
    files: ['shared/**'],
    rules: boundaryRules({ imports: [botFramework, ...webUi, ...sharedForbidden], env: true }),
  },
  {
    name: 'boundaries/tab-web',
    files: ['tab/web/**'],
    ignores: ['tab/web/services/**'],
    rules: boundaryRules({ imports: [botFramework], env: true, fetch: true }),
  },
  {
    name: 'boundaries/tab-web-services',
    files: ['tab/web/services/**'],
    rules: boundaryRules({ imports: [botFramework], env: true }),
  },
  {
    // Tests and benchmarks drive the bot through the SDK and set up their own environment.
    name: 'boundaries/tests-bench',
    files: ['tests/**', 'bench/**'],
    rules: boundaryRules({ imports: webUi, env: false }),
  },
];

// ---------------------------------------------------------------------------------------------

export default defineConfig(
  {
    name: 'project/ignores',
    ignores: [
      '**/node_modules/',
      '**/dist/',
      'coverage/',
      'data/',
      'build/',
      'tab/dist/',
      'appPackage/build/',
      'test-output/',
      '.vitest-cache/',
      '.localConfigs*',
      'devTools/',
      'vitest.*.tmp.config.ts',
    ],
  },
  {
    name: 'project/linter-options',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  {
    name: 'project/typescript',
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // Each file gets the nearest tsconfig.json: tab/web/tsconfig.json for the web client, the
        // root one (which leaves tab/web out) for everything else.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        // TypeScript sources carry their types in syntax, and no rule here reads JSDoc (the
        // deprecation rule would): skipping it saves about a tenth of a cold run.
        jsDocParsingMode: 'none',
      },
    },
    rules: {
      // Comments and Japanese examples in them may hold an ideographic space (U+3000) on purpose.
      'no-irregular-whitespace': ['error', { skipComments: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false }],
      // A leading underscore marks a binding kept on purpose: a positional parameter a stub must
      // accept, or a property taken out of an object so that the rest can be passed on.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Off: the ports are Promise-returning interfaces, and their stand-ins and adapters are
      // `async` functions with nothing to await. Dropping `async` would turn a throw into a
      // synchronous exception instead of a rejected promise, which callers do not expect.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // These tests read the tab API's JSON answers through CallResult.json(), which is `any` on
    // purpose (tests/tab/support/http-caller.ts): each assertion states the shape it expects.
    // The other no-unsafe-* findings in tests are typed, and stay errors everywhere else.
    name: 'project/tests-api-json',
    files: ['tests/tab/tab-api-*.test.ts', 'tests/journeys/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    name: 'project/tab-web-react-hooks',
    files: ['tab/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  ...boundaries,
  // Formatting is Prettier's (npm run format); no stylistic rule here may disagree with it.
  prettier,
);

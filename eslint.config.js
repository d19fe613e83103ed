// @ts-check
/**
 * ESLint (flat config): eslint's and typescript-eslint's recommended rules over
 * src, test, bench and scripts, plus a few house rules. Formatting is Prettier's
 * job; `npm run lint` runs tsc, ESLint and `prettier --check` in turn. Every
 * suppression comment must give its reason after `--` (rule `local/disable-reason`).
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** @type {Record<string, 'readonly'>} The Node globals the plain .js/.mjs/.cjs files use. */
const NODE_GLOBALS = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', 'setImmediate', 'structuredClone'].map((n) => [
    n,
    'readonly',
  ]),
);

/**
 * `// eslint-disable… -- why`: a suppression without a reason is reported.
 * @type {import('eslint').Rule.RuleModule}
 */
const disableReason = {
  meta: { type: 'suggestion', messages: { missing: 'Give the reason for this suppression after " -- ".' }, schema: [] },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const text = comment.value.trim();
          if (!/^eslint-disable(?:-next-line|-line)?\b/.test(text)) continue;
          const reason = text.split(/\s--\s/)[1];
          if (!reason || !reason.trim())
            context.report({ loc: comment.loc ?? { line: 1, column: 0 }, messageId: 'missing' });
        }
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'var/', 'test/fixtures/', 'test/lab/files/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { local: { rules: { 'disable-reason': disableReason } } },
    rules: {
      'local/disable-reason': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'object-shorthand': 'error',
      'no-else-return': 'error',
      'no-unneeded-ternary': 'error',
      'no-implicit-coercion': 'error',
      // Output sanitisers strip control characters on purpose (check output, CSV cells, terminal text):
      // the rule flags exactly those regular expressions, so it finds nothing else worth a look here.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      // `_name` marks a value left out on purpose (a rest sibling, an interface's unused argument).
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
    },
  },
  {
    // The bot writes to its own streams (stdout/stderr, the logger); console output would bypass redaction.
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Non-negotiable: every test runs; no focused or skipped tests reach main.
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['describe', 'test', 'it'].flatMap((object) =>
          ['only', 'skip'].map((property) => ({ object, property, message: 'Tests must all run: no .only / .skip.' })),
        ),
      ],
    },
  },
  {
    // Plain JavaScript files run on Node; TypeScript checks names in .ts files itself.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...NODE_GLOBALS, module: 'writable', require: 'readonly' } },
  },
);

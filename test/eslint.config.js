// ESLint flat config, named by `npm run lint` with `-c` (test tooling lives in test/).
// Patterns are relative to the working directory, which the script sets to the repo root.
import path from 'node:path';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const root = path.resolve(import.meta.dirname, '..');

export default defineConfig(
  {
    // Build output and test reports are generated, not written.
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...svelte.configs['flat/recommended'],
  // Prettier owns layout (line length 120 comes from its printWidth), so stylistic rules are off.
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        // Each file takes the nearest tsconfig: renderer/src/** the renderer's, the rest the root one.
        projectService: {
          allowDefaultProject: ['renderer/vite.config.ts'],
        },
        tsconfigRootDir: root,
        extraFileExtensions: ['.svelte'],
      },
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser },
    },
  },
  {
    // Inside a .svelte file the type service sees imported components, bind:this targets and template
    // event parameters as `any`, so the no-unsafe-* family reports types svelte-check proves sound.
    files: ['**/*.svelte'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      // Playwright fixtures must destructure their first parameter, even when they use none of it.
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
  {
    // The backlog: findings of the wider type-checked set that the tree still has (counted in docs/notes.md,
    // mostly `any` from JSON.parse in tests). They are reported as warnings and `npm run lint` caps their number
    // (--max-warnings), so none can be added; each rule goes back to an error once its findings are cleared.
    rules: Object.fromEntries(
      [
        '@typescript-eslint/no-unsafe-member-access',
        '@typescript-eslint/no-unnecessary-type-assertion',
        '@typescript-eslint/no-unsafe-assignment',
        '@typescript-eslint/no-unsafe-call',
        '@typescript-eslint/require-await',
        '@typescript-eslint/no-explicit-any',
        '@typescript-eslint/no-unsafe-return',
        '@typescript-eslint/no-base-to-string',
        '@typescript-eslint/no-unsafe-argument',
        'no-control-regex',
        '@typescript-eslint/unbound-method',
        'svelte/prefer-svelte-reactivity',
        '@typescript-eslint/restrict-template-expressions',
      ].map((rule) => [rule, 'warn']),
    ),
  },
  {
    // Plain JS files (build scripts, this config, a test fixture) are in no tsconfig: lint them without types.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // A test's describe block holds its cases; its length says nothing about readability.
    files: ['test/**/*.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
);

// Lint rules that keep the architecture honest: shared/ imports nothing of the app, the core never
// imports Electron or the layers above it, the renderer imports only shared/, main reaches the
// core only through the worker's types, and no promise is left floating. Each layering rule has
// a probe file in tests/lint-probes/ that must fail (tests/unit/lint-layering.test.ts).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/artifacts/**', 'bench/tmp/**', 'native/**', '**/*.cjs', 'bin/**', 'tests/lint-probes/**', '.stryker-tmp/**', 'reports/**', '.stryker-tsconfig/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  // Layering, one block per folder (a later block's options for the same rule replace an
  // earlier one's, so each block lists everything its folder may not import). The messages start
  // with "Layering (<folder>)" so the probe test (tests/unit/lint-layering.test.ts) can tell which
  // rule fired.
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Layering (shared): shared/ is imported by the renderer, so it cannot use Electron.' }],
          patterns: [
            { group: ['node:*', 'better-sqlite3', 'sharp', 'docx', 'exceljs', 'fflate', 'proper-lockfile'], message: 'Layering (shared): shared/ is imported by the renderer, so it uses no Node modules.' },
            { regex: String.raw`^(\.\./)+(electron/)?(core|main|server|cli|preload|renderer)(/|$)`, message: 'Layering (shared): shared/ imports nothing of the app (no core, main, server, cli, preload or renderer).' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Layering (core): the core runs without Electron (tests, CLI, browser mode). Keep Electron in electron/main.' }],
          patterns: [
            { regex: String.raw`^(\.\./)+(electron/)?(main|server|cli|preload|renderer)(/|$)`, message: 'Layering (core): the core never imports main, server, cli, preload or renderer; they import the core.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/server/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Layering (server/cli): browser mode and the CLI run without Electron.' }],
          patterns: [
            { regex: String.raw`^(\.\./)+(electron/)?(main|preload|renderer)(/|$)`, message: 'Layering (server/cli): browser mode and the CLI use the core and shared/, never Electron main, preload or the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            // Main runs the core in a worker thread: it knows the worker's message types and nothing
            // else of the core, so no database work creeps onto the windows' event loop.
            { regex: String.raw`^(\.\./)+(electron/)?core/(?!worker$)`, message: 'Layering (main): main reaches the core only through the worker (import type from ../core/worker).' },
            { regex: String.raw`^(\.\./)+(electron/)?core/worker$`, allowTypeImports: true, message: 'Layering (main): main imports only types from the core worker; the worker itself runs on its own thread.' },
            { regex: String.raw`^(\.\./)+(electron/)?(server|cli|renderer)(/|$)`, message: 'Layering (main): main never imports the browser-mode server, the CLI or the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // These two serve the React Compiler, which this app does not use. Loading data in an
      // effect (setState after an await) and keeping the latest callback in a ref (the
      // useEffectEvent pattern, for autosave) are deliberate here.
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Layering (renderer): the renderer talks to the core through the contract only.' }],
          patterns: [
            { group: ['node:*', 'better-sqlite3', 'sharp', 'proper-lockfile'], message: 'Layering (renderer): the renderer has no Node.' },
            // Anything outside renderer/ other than electron/shared.
            { regex: String.raw`^(\.\./)+(electron/(?!shared(/|$))|(bin|scripts|bench|tests)/)`, message: 'Layering (renderer): the renderer may import only electron/shared.' },
          ],
        },
      ],
    },
  },
  {
    // thuky-hub shares the contract, schemas, folding and the core's pure follow-up and document
    // code; it never reaches the app's shells (Electron main, preload, browser-mode server, CLI,
    // renderer), so the hub and the app can change their surfaces apart.
    files: ['hub/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Layering (hub): the hub is a plain Node service, without Electron.' }],
          patterns: [
            { regex: String.raw`^(\.\./)+electron/(main|preload|server|cli)(/|$)|^(\.\./)+renderer(/|$)`, message: 'Layering (hub): the hub imports electron/shared and the core, never main, preload, server, cli or the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['hub/ui/src/**/*.ts', 'hub/ui/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'pg', '@electric-sql/*', 'better-sqlite3'], message: 'Layering (hub ui): the hub’s screens run in the browser, without Node or a database.' },
            { regex: String.raw`^(\.\./)+src/(?!api-types$)|^(\.\./)+(\.\./)+(electron/(?!shared(/|$))|renderer/)`, message: 'Layering (hub ui): the screens import only hub/src/api-types and electron/shared; they talk to the hub over HTTP.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.js', '*.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);

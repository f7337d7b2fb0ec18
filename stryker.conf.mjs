// Mutation testing (`npm run mutants`): Stryker changes one small thing in the code at a time and
// runs the Vitest tests related to that file; a mutant that no test notices is a break that
// would ship unnoticed. Not part of `npm test` (minutes per module). Run one module at a time:
//   npm run mutants -- --mutate electron/shared/vi/fold.ts
// Each module keeps its own incremental file, so a re-run only tests what changed since.
// Results and how to read them: docs/testing.md, "Mutation testing".
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

// The modules that carry the app's promises (the default set when no --mutate is given).
const promiseModules = [
  'electron/shared/vi/fold.ts',
  'electron/shared/people-search.ts',
  'electron/core/registry.ts',
  'electron/core/search/search.ts',
  'electron/core/documents/docx-minutes.ts',
  'electron/core/meeting-file/*.ts',
  'electron/core/backup/*.ts',
  'renderer/src/lib/autosave.ts',
  'renderer/src/lib/save-queue.ts',
];

// The test files that carry each module's promises. A module run uses only these (Vitest's
// `include`, below): the score then says what the module's own tests catch, and a test elsewhere
// that is red while someone works on it does not stop the run. `--testFiles` on the command line
// overrides (static mutants are then misreported, see below); a run without --mutate uses every
// related test.
// The meeting file's optional parts (follow-up, speaking times, hall audio, every draft kind) are
// written by export.ts and read by import.ts: their round-trip tests cover those lines.
const meetingFileParts = ['tests/integration/followup/merge.test.ts', 'tests/integration/speaking-timers.test.ts', 'tests/integration/audio.test.ts', 'tests/integration/meeting-file-all-drafts.test.ts', 'tests/integration/mutants/meeting-file-parts.test.ts'];
const moduleTests = {
  'electron/shared/vi/fold.ts': ['tests/unit/fold.test.ts', 'tests/unit/mutants/fold.test.ts', 'tests/integration/mutants/search-order.test.ts'],
  'electron/shared/people-search.ts': ['tests/unit/fold.test.ts', 'tests/unit/mutants/fold.test.ts', 'tests/unit/mutants/people-search.test.ts', 'tests/integration/mutants/search-order.test.ts'],
  'electron/core/search/search.ts': ['tests/integration/repo.test.ts', 'tests/integration/mutants/search-order.test.ts', 'tests/integration/mutants/search.test.ts', 'tests/integration/mutants/search-layouts.test.ts', 'tests/integration/mutants/search-df.test.ts', 'tests/integration/mutants/search-survivors.test.ts'],
  'electron/core/search/df.ts': ['tests/integration/mutants/search-df.test.ts', 'tests/integration/mutants/search.test.ts', 'tests/integration/mutants/search-survivors.test.ts'],
  'electron/core/registry.ts': ['tests/unit/contract.test.ts', 'tests/unit/handler-map.test.ts', 'tests/unit/mutants/registry.test.ts'],
  'renderer/src/lib/autosave.ts': ['tests/unit/renderer/autosave.test.ts', 'tests/unit/renderer/journal.test.ts'],
  'renderer/src/lib/save-queue.ts': ['tests/unit/renderer/save-queue.test.ts', 'tests/unit/renderer/autosave.test.ts', 'tests/unit/renderer/journal.test.ts'],
  'electron/core/documents/docx-minutes.ts': ['tests/integration/mutants/minutes-docx.test.ts', 'tests/integration/mutants/minutes-docx-layout.test.ts', 'tests/integration/mutants/minutes-docx-details.test.ts', 'tests/integration/documents/revision.test.ts'],
  'electron/core/meeting-file/import.ts': ['tests/integration/meeting-file.test.ts', 'tests/integration/meeting-file-hardening.test.ts', 'tests/integration/mutants/meeting-file-checks.test.ts', 'tests/integration/mutants/meeting-file-import.test.ts', ...meetingFileParts],
  'electron/core/meeting-file/export.ts': ['tests/integration/meeting-file.test.ts', 'tests/integration/mutants/meeting-file-checks.test.ts', 'tests/integration/mutants/meeting-file-export.test.ts', ...meetingFileParts],
  'electron/core/meeting-file/archive.ts': ['tests/integration/meeting-file.test.ts', 'tests/integration/meeting-file-hardening.test.ts', 'tests/integration/mutants/meeting-file-archive.test.ts'],
  // Pure tests only (each mutant runs in a second): the corpus test lays every document out with
  // LibreOffice first, and mutants/article.test.ts holds the same records' articles word for word.
  'electron/core/documents/article.ts': ['tests/unit/article-rules.test.ts', 'tests/integration/mutants/article.test.ts', 'tests/unit/mutants/article-words.test.ts', 'tests/unit/mutants/article-lead.test.ts', 'tests/unit/mutants/article-body.test.ts', 'tests/unit/mutants/article-replies.test.ts', 'tests/unit/mutants/article-more.test.ts', 'tests/unit/mutants/article-survivors.test.ts'],
  'electron/core/documents/summary.ts': ['tests/integration/documents/generators.test.ts', 'tests/integration/mutants/summary.test.ts'],
  'electron/core/documents/docx-article.ts': ['tests/integration/documents/docx.test.ts', 'tests/integration/mutants/article-summary-docx.test.ts'],
  'electron/core/documents/docx-summary.ts': ['tests/integration/documents/docx.test.ts', 'tests/integration/mutants/article-summary-docx.test.ts'],
  'electron/core/backup/backups.ts': ['tests/integration/backup-rotation.test.ts', 'tests/integration/mutants/backup.test.ts', 'tests/integration/mutants/backup-survivors.test.ts'],
  'electron/core/backup/restore.ts': ['tests/integration/backup-rotation.test.ts', 'tests/integration/mutants/backup.test.ts', 'tests/integration/mutants/backup-survivors.test.ts', 'tests/integration/restore-reopen.test.ts'],
  'electron/core/backup/scheduler.ts': ['tests/integration/mutants/backup.test.ts', 'tests/integration/mutants/backup-survivors.test.ts'],
};

// The --mutate argument (if any) names the incremental file and the report, so that runs of
// different modules do not overwrite each other's results.
function mutateArg() {
  const argv = process.argv;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--mutate' || argv[i] === '-m') return argv[i + 1];
    if (argv[i]?.startsWith('--mutate=')) return argv[i].slice('--mutate='.length);
  }
  return undefined;
}
function testFilesFor(mutate) {
  if (!mutate || process.argv.some((a) => a === '--testFiles' || a === '-t' || a.startsWith('--testFiles='))) return undefined;
  const files = mutate.split(',').flatMap((m) => moduleTests[m.replace(/:.*$/, '')] ?? []);
  return files.length > 0 ? [...new Set(files)].filter((f) => existsSync(f)) : undefined;
}
const fullSlug = (mutateArg() ?? 'all').replace(/\.ts\b/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
// A sample of mutants given as many line:column ranges makes a long name: cut it, and tell samples
// apart by a hash of the whole argument.
const slug = fullSlug.length > 100 ? `${fullSlug.slice(0, 60)}-sample-${createHash('sha1').update(fullSlug).digest('hex').slice(0, 8)}` : fullSlug;

// The TypeScript checker drops mutants that do not compile. It refuses to start when the project
// has any type error, and with several people editing at once some unrelated file often has one;
// so it checks only the mutated files and what they import (a generated tsconfig whose `files`
// are the mutated modules), which is where a mutant's type error shows.
const mutated = [...new Set((mutateArg() ?? promiseModules.join(',')).split(',').map((f) => f.replace(/:.*$/, '')))];
mkdirSync('.stryker-tsconfig', { recursive: true });
const tsconfigFile = `.stryker-tsconfig/${slug}.json`;
writeFileSync(
  tsconfigFile,
  `${JSON.stringify({ extends: '../tsconfig.node.json', include: mutated.filter((f) => f.includes('*')).map((f) => `../${f}`), files: mutated.filter((f) => !f.includes('*')).map((f) => `../${f}`) }, null, 2)}\n`,
);

// A module's test files go to Vitest (a generated config whose `include` is that list), not to
// Stryker's `testFiles`: with `testFiles`, Stryker 9.6 runs every mutant with a test filter and so
// activates it only after the test file has imported the module (stryker-js#6144). A static
// mutant (a top-level constant, a pattern, anything run when the module loads) then never took
// effect and was reported Survived although the tests kill it. With no Stryker filter, a static
// mutant is run unfiltered and activated before the import (Vitest starts a fresh worker per test
// file), as Stryker means static mutants to be run; the others still run only their covering tests.
const moduleTestFiles = testFilesFor(mutateArg());
let vitestConfigFile = 'vitest.config.ts';
if (moduleTestFiles) {
  vitestConfigFile = `.stryker-tsconfig/vitest-${slug}.config.mjs`;
  writeFileSync(
    vitestConfigFile,
    `// Generated by stryker.conf.mjs: the project's Vitest config, on this module's test files only.\nimport base from '../vitest.config.ts';\nexport default { ...base, test: { ...base.test, include: ${JSON.stringify(moduleTestFiles)} } };\n`,
  );
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: vitestConfigFile, related: true },
  checkers: ['typescript'],
  tsconfigFile,
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: promiseModules,
  // The machine's two cores are shared: one or two test processes at most.
  concurrency: 1,
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: `reports/mutation/incremental/${slug}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${slug}.html` },
  jsonReporter: { fileName: `reports/mutation/${slug}.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  // The sandbox is a copy of the repo: leave out build output, test artefacts and reports
  // (node_modules is linked, not copied).
  ignorePatterns: [
    'out',
    'dist',
    'coverage',
    'test-results',
    'playwright-report',
    'reports',
    'tests/artifacts',
    'bench/tmp',
    'native',
    '.thuky-data',
    '.stryker-tmp',
  ],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // Real SQLite and real docx: a test takes seconds, not milliseconds.
  timeoutMS: 60_000,
  timeoutFactor: 2,
  thresholds: { high: 90, low: 85, break: null },
};

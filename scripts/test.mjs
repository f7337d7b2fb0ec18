#!/usr/bin/env node
// npm test: typecheck, lint, build, Vitest, the crash test and Playwright, in that order. Every
// step runs even when an earlier one fails, so one run shows everything that is wrong; each
// runner's own summary is printed, then one closing line "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const steps = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(name, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env, FORCE_COLOR: '0' } });
  const ok = r.status === 0;
  steps.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return ok;
}

/** A step that is not a test runner still counts: one check passed or failed. */
function check(name, cmd, args) {
  const ok = run(name, cmd, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  return ok;
}

mkdirSync('reports', { recursive: true });
mkdirSync('tests/artifacts', { recursive: true });

check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
check('typecheck (renderer)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
check('typecheck (e2e)', 'npx', ['tsc', '-p', 'tsconfig.e2e.json', '--noEmit']);
check('typecheck (core, noUncheckedIndexedAccess)', 'npx', ['tsc', '-p', 'tsconfig.core-strict.json']);
check('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
const built = check('build', 'npx', ['electron-vite', 'build']);
check('build (hub screens)', 'npx', ['vite', 'build', '--config', 'hub/ui/vite.config.ts', '--logLevel', 'warn']);
if (built) check('security scan (electronegativity)', 'node', ['scripts/electronegativity.mjs']);

rmSync('reports/vitest.json', { force: true });
run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']);
if (existsSync('reports/vitest.json')) {
  const v = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests + (v.numFailedTestSuites ?? 0);
  totals.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  console.log(`Vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed, ${v.numPendingTests} skipped (${v.numFailedTestSuites} failed files)`);
  // A skip is never silent: name each one.
  for (const f of v.testResults)
    for (const t of f.assertionResults)
      if (t.status === 'pending' || t.status === 'skipped' || t.status === 'todo') console.log(`  skipped: ${f.name.replace(process.cwd() + '/', '')} › ${t.title}`);
} else {
  totals.failed += 1;
  console.log('Vitest: no report written (it crashed before finishing)');
}

if (existsSync('scripts/crash-test.ts')) {
  check('crash test', 'npx', ['tsx', 'scripts/crash-test.ts', '--kills', process.env.THUKY_CRASH_KILLS ?? '20']);
}

if (built) {
  rmSync('reports/playwright.json', { force: true });
  run('playwright', 'npx', ['playwright', 'test']);
  if (existsSync('reports/playwright.json')) {
    const p = JSON.parse(readFileSync('reports/playwright.json', 'utf8'));
    const s = p.stats ?? {};
    const passed = (s.expected ?? 0) + (s.flaky ?? 0);
    const failed = s.unexpected ?? 0;
    const skipped = s.skipped ?? 0;
    totals.passed += passed;
    totals.failed += failed;
    totals.skipped += skipped;
    console.log(`Playwright: ${passed} passed, ${failed} failed, ${skipped} skipped`);
    const walk = (suite, file) => {
      for (const spec of suite.specs ?? [])
        for (const t of spec.tests ?? [])
          if (t.status === 'skipped') {
            const why = (t.annotations ?? []).map((a) => a.description).filter(Boolean).join('; ');
            console.log(`  skipped: ${file ?? suite.file} › ${spec.title}${why ? ` (${why})` : ''}`);
          }
      for (const child of suite.suites ?? []) walk(child, file ?? suite.file);
    };
    for (const suite of p.suites ?? []) walk(suite);
  } else {
    totals.failed += 1;
    console.log('Playwright: no report written (it crashed before finishing)');
  }
} else {
  totals.failed += 1;
  console.log('Playwright: not run, the build failed');
}

console.log('\n=== Summary');
for (const s of steps) console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds} s)`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = totals.failed > 0 || steps.some((s) => !s.ok) ? 1 : 0;

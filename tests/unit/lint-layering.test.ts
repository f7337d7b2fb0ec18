// The layering rules in eslint.config.js must actually fire. Each probe in tests/lint-probes/
// says where it pretends to live (`// lint-as:`) and which layering message it must raise
// (`// expect:`), or `clean` for the allowed imports that must stay allowed. The probes are
// linted through ESLint's Node API with the real config, at their pretend path, so a rule that
// is deleted, mistyped or scoped to the wrong folder fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const probeDir = join(root, 'tests/lint-probes');
const RULE = '@typescript-eslint/no-restricted-imports';

type Probe = { file: string; as: string; expect: string; code: string };

function readProbes(): Probe[] {
  return readdirSync(probeDir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((file) => {
      const code = readFileSync(join(probeDir, file), 'utf8');
      const as = /^\/\/ lint-as: (.+)$/m.exec(code)?.[1];
      const expected = /^\/\/ expect: (.+)$/m.exec(code)?.[1];
      if (!as || !expected) throw new Error(`${file}: needs // lint-as: and // expect: lines`);
      return { file, as: as.trim(), expect: expected.trim(), code };
    });
}

const probes = readProbes();
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    // The probes are linted at paths that do not exist on disk, which TypeScript's project service
    // refuses; the import rules need no type information, so only the one typed rule is turned off.
    overrideConfig: [{ languageOptions: { parserOptions: { projectService: false } }, rules: { '@typescript-eslint/no-floating-promises': 'off' } }],
  });
});

describe('layering lint probes', () => {
  it('has a failing probe for every layer and a clean one for each allowed path', () => {
    const layers = new Set(probes.filter((p) => p.expect !== 'clean').map((p) => p.expect));
    expect([...layers].sort()).toEqual(['Layering (core)', 'Layering (hub ui)', 'Layering (hub)', 'Layering (main)', 'Layering (renderer)', 'Layering (shared)']);
    expect(probes.filter((p) => p.expect === 'clean').length).toBeGreaterThanOrEqual(3);
  });

  it('the normal lint run ignores the probes themselves', async () => {
    for (const p of probes) expect(await eslint.isPathIgnored(join(probeDir, p.file))).toBe(true);
  });

  it.each(probes.map((p) => [p.file, p] as const))('%s', async (_name, probe) => {
    const [result] = await eslint.lintText(probe.code, { filePath: join(root, probe.as) });
    const messages = result?.messages ?? [];
    const layering = messages.filter((m) => m.ruleId === RULE);
    if (probe.expect === 'clean') {
      expect(messages).toEqual([]);
    } else {
      expect(layering.length, JSON.stringify(messages)).toBe(1);
      expect(layering[0]?.severity).toBe(2);
      expect(layering[0]?.message).toContain(probe.expect);
    }
  });
});

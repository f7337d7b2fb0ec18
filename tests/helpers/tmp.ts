import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'thuky-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const REPO_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
/** A version-1 meeting file of the sample meeting (made before format 2), kept to prove old files still import. */
export const SAMPLE_PATH = path.join(REPO_ROOT, 'tests', 'fixtures', 'meeting-files', 'bac-tu-liem-2019-v1.thukyhn');

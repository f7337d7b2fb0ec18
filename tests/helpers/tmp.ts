import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'thuky-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const REPO_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const SAMPLE_PATH = path.join(REPO_ROOT, 'resources', 'sample', 'bac-tu-liem-2019.thukyhn');

// A meeting file carries every document draft the app makes, the notice included: a limit written
// for three kinds once refused the file of a meeting with four.
import { afterEach, describe, expect, it } from 'vitest';
import { DOC_KINDS } from '../../electron/shared/domain';
import { tempCore, type TestCore } from '../helpers/core';

let cores: TestCore[] = [];
afterEach(() => {
  for (const c of cores) c.dispose();
  cores = [];
});

describe('meeting file with a draft of every kind', () => {
  it('exports and imports all of them', async () => {
    const a = tempCore();
    const b = tempCore();
    cores = [a, b];
    const m = await a.call('sample.load', { name: 'chi-minh-2025' });
    for (const kind of DOC_KINDS) await a.call('doc.generate', { meetingId: m.id, kind });
    const file = await a.call('meetingFile.export', { id: m.id });
    const imported = await b.call('meetingFile.import', { fileName: file.fileName, dataBase64: file.dataBase64 });
    for (const kind of DOC_KINDS) expect((await b.call('doc.get', { meetingId: imported.id, kind }))?.kind, kind).toBe(kind);
    expect(DOC_KINDS.length).toBeGreaterThanOrEqual(4);
  });
});

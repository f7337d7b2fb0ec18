// The sample meeting behind the first-run screen's "Mở hội nghị mẫu" and `npm run demo`: loaded
// once, marked as the sample, deletable with undo, and never duplicated by a second click.
import { afterEach, describe, expect, it } from 'vitest';
import { tempCore, type TestCore } from '../helpers/core';
import { findSampleFile, SAMPLE_FILE } from '../../electron/core/sample';
import { loadSample } from '../../electron/cli/demo';
import { tempDir } from '../helpers/tmp';
import { rmSync } from 'node:fs';

let core: TestCore | null = null;
afterEach(() => {
  core?.dispose();
  core = null;
});

describe('sample meeting', () => {
  it('finds the shipped file from the core module, wherever the process was started', () => {
    expect(findSampleFile().replaceAll('\\', '/')).toMatch(new RegExp(`${SAMPLE_FILE.replaceAll('.', '\\.')}$`));
  });

  it('loads the seed meeting once and marks it as the sample', async () => {
    core = tempCore();
    expect(await core.call('sample.ids', {})).toEqual([]);
    const m = await core.call('sample.load', {});
    expect(m.date).toBe('2019-10-18');
    expect(m.title).toMatch(/^Hội nghị đối thoại giữa đồng chí Bí thư Quận ủy/);
    const rec = await core.call('meeting.get', { id: m.id });
    expect(rec.recommendations).toHaveLength(16);
    expect(await core.call('sample.ids', {})).toEqual([m.id]);
    // A second click returns the same meeting instead of a copy.
    expect((await core.call('sample.load', {})).id).toBe(m.id);
    expect(await core.call('meeting.list', {})).toHaveLength(1);
  });

  it('stays marked when renamed; an ordinary import of the same file is not the sample', async () => {
    core = tempCore();
    const m = await core.call('sample.load', {});
    await core.call('meeting.update', { id: m.id, patch: { title: 'Đổi tên để thử' } });
    const file = await core.call('meetingFile.export', { id: m.id });
    const copy = await core.call('meetingFile.import', file);
    expect(await core.call('sample.ids', {})).toEqual([m.id]);
    expect(copy.id).not.toBe(m.id);
  });

  it('delete hides the mark, undo brings it back, and a later load makes a fresh sample', async () => {
    core = tempCore();
    const m = await core.call('sample.load', {});
    await core.call('meeting.remove', { id: m.id });
    expect(await core.call('sample.ids', {})).toEqual([]);
    await core.call('meeting.restore', { id: m.id });
    expect(await core.call('sample.ids', {})).toEqual([m.id]);
    await core.call('meeting.remove', { id: m.id });
    const again = await core.call('sample.load', {});
    expect(again.id).not.toBe(m.id);
    expect(await core.call('sample.ids', {})).toEqual([again.id]);
  });

  it('npm run demo goes through the same channel: the profile is set once, the sample loaded once', async () => {
    const dir = tempDir('thuky-demo-');
    try {
      const a = await loadSample(dir);
      const b = await loadSample(dir);
      expect(b).toBe(a);
      core = tempCore(dir);
      expect(await core.call('sample.ids', {})).toEqual([a]);
      expect((await core.call('profile.get', {}))?.issuingBody).toBe('UBND QUẬN BẮC TỪ LIÊM');
    } finally {
      if (!core) rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contract, CHANNELS } from '../../electron/shared/contract';
import { CHANNEL_NAMES } from '../../electron/shared/channels';
import { APP_VERSION } from '../../electron/core/version';
import { tempCore } from '../helpers/core';
import { Registry } from '../../electron/core/registry';

describe('IPC contract', () => {
  it('names the same channels as the preload list', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort());
  });

  it('every channel has a handler and every handler is in the contract', () => {
    const core = tempCore();
    try {
      expect(core.registry.missing()).toEqual([]);
      expect(core.registry.channels().sort()).toEqual(Object.keys(contract).sort());
    } finally {
      core.dispose();
    }
  });

  it('refuses a channel registered twice, or one not in the contract', () => {
    const core = tempCore();
    try {
      const r = new Registry(core.ctx);
      r.register({ 'app.info': () => ({ version: '', dataDir: '', dbPath: '', mode: 'web' }) });
      expect(() => r.register({ 'app.info': () => ({ version: '', dataDir: '', dbPath: '', mode: 'web' }) })).toThrow(/registered twice/);
      expect(() => r.register({ 'evil.exec': () => null } as never)).toThrow(/unknown channel/);
    } finally {
      core.dispose();
    }
  });

  it('keeps the version constant in step with package.json', () => {
    expect(APP_VERSION).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });
});

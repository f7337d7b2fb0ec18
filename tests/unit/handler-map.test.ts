// The handler map is complete at compile time: Registry.registerAll only accepts feature maps
// that between them handle every channel of the contract. The @ts-expect-error lines below are
// the proof: if the check stopped working they would be unused and `tsc` (npm run typecheck)
// would fail. The runtime half (duplicates refused, gaps visible in missing()) runs in Vitest.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Registry, type UnhandledChannels } from '../../electron/core/registry';
import { coreHandlers } from '../../electron/core/app';
import { photoHandlers } from '../../electron/core/handlers/photos';
import { rosterHandlers } from '../../electron/core/handlers/roster';
import { tempCore } from '../helpers/core';

/** The tuple T without its element of type X (type-level filter). */
type Without<T extends readonly unknown[], X> = T extends readonly [infer H, ...infer R] ? ([H] extends [X] ? Without<R, X> : [H, ...Without<R, X>]) : [];

describe('the handler map is complete at compile time', () => {
  it('leaving out one feature is a type error naming its channels', () => {
    const core = tempCore();
    try {
      const all = coreHandlers('x.sqlite3', core.health, { lock: null });
      expectTypeOf<UnhandledChannels<typeof all>>().toEqualTypeOf<never>();
      const complete = new Registry(core.ctx).registerAll(all);
      expect(complete.missing()).toEqual([]);

      const withoutPhotos = all.filter((m) => m !== photoHandlers) as unknown as Without<typeof all, typeof photoHandlers>;
      expectTypeOf<UnhandledChannels<typeof withoutPhotos>>().toEqualTypeOf<keyof typeof photoHandlers>();
      // @ts-expect-error the photo channels have no handler
      const r = new Registry(core.ctx).registerAll(withoutPhotos);
      expect(r.missing().sort()).toEqual(Object.keys(photoHandlers).sort());

      // @ts-expect-error a single feature leaves most channels without a handler
      expect(new Registry(core.ctx).registerAll([rosterHandlers]).missing().length).toBeGreaterThan(20);
    } finally {
      core.dispose();
    }
  });

  it('the app registers every channel of the contract, each once', () => {
    const core = tempCore();
    try {
      expect(core.registry.missing()).toEqual([]);
      const channels = core.registry.channels();
      expect(new Set(channels).size).toBe(channels.length);
    } finally {
      core.dispose();
    }
  });

  it('a channel handled by two features is refused at start-up', () => {
    const core = tempCore();
    try {
      const all = coreHandlers('x.sqlite3', core.health, { lock: null });
      expect(() => new Registry(core.ctx).registerAll([...all, rosterHandlers] as const)).toThrow(/registered twice/);
    } finally {
      core.dispose();
    }
  });
});

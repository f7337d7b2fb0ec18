// Decides, once per start, whether the secretary sees the first-run setup instead of the app:
// only when the database is healthy and has no organisation profile. A damaged database is the
// recovery screen's business, so the gate then steps aside; so it does when the check itself
// fails (each screen reports its own error better than a blank gate would).
import { useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { OrgProfile } from '../../../../electron/shared/domain';
import { api } from '../../lib/api';
import { SetupScreen, WelcomeScreen } from './SetupScreen';
import { StartHealth } from '../RecoveryScreen';

type Stage = { name: 'checking' } | { name: 'setup' } | { name: 'welcome'; profile: OrgProfile } | { name: 'ready' };

// Help, and the backups a new laptop may want to restore from, stay reachable before setup.
const OPEN_BEFORE_SETUP = new Set(['help', 'backups']);

/** `route` is the current route's name. */
export function FirstRunGate({ route, children }: { route: string; children: ReactNode }) {
  const [stage, setStage] = useState<Stage>({ name: 'checking' });
  // The recovery gate above has just read the health: decide on that, as it stood when this
  // gate opened; without it (nothing above), ask the core.
  const known = useRef(useContext(StartHealth));

  useEffect(() => {
    let live = true;
    void (async () => {
      const health = known.current ? { ok: true as const, value: known.current } : await api.call('app.health', {});
      if (!live) return;
      if (!health.ok || health.value.state !== 'ok') return setStage({ name: 'ready' });
      const profile = await api.call('profile.get', {});
      if (!live) return;
      setStage(profile.ok && profile.value === null ? { name: 'setup' } : { name: 'ready' });
    })();
    return () => {
      live = false;
    };
  }, []);

  if (stage.name === 'checking') return <div className="muted" aria-busy="true" />;
  if (stage.name === 'setup' && !OPEN_BEFORE_SETUP.has(route)) return <SetupScreen onSaved={(profile) => setStage({ name: 'welcome', profile })} />;
  if (stage.name === 'welcome' && !OPEN_BEFORE_SETUP.has(route)) return <WelcomeScreen profile={stage.profile} onDone={() => setStage({ name: 'ready' })} />;
  return <>{children}</>;
}

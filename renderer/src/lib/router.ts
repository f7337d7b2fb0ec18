// Hash routes, so the same build works from Electron's app:// protocol and from loopback HTTP.
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'settings' }
  | { name: 'help' }
  | { name: 'backups' }
  | { name: 'meeting'; id: number; tab: MeetingTab };

export const MEETING_TABS = ['prepare', 'live', 'close', 'documents', 'audit'] as const;
export type MeetingTab = (typeof MEETING_TABS)[number];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'help') return { name: 'help' };
  if (parts[0] === 'backups') return { name: 'backups' };
  if (parts[0] === 'meeting' && /^\d+$/.test(parts[1] ?? '')) {
    const tab = (MEETING_TABS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as MeetingTab) : 'prepare';
    return { name: 'meeting', id: Number(parts[1]), tab };
  }
  return { name: 'home' };
}

export function href(r: Route): string {
  switch (r.name) {
    case 'home':
      return '#/';
    case 'settings':
      return '#/settings';
    case 'help':
      return '#/help';
    case 'backups':
      return '#/backups';
    case 'meeting':
      return `#/meeting/${r.id}/${r.tab}`;
  }
}

export function navigate(r: Route): void {
  window.location.hash = href(r);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

// The app's hash routes as data: parsed and written without the browser, so unit tests run them
// under Node. router.ts adds navigation and the hook.
export type Route =
  | { name: 'home' }
  | { name: 'settings' }
  | { name: 'help' }
  | { name: 'backups' }
  /** The follow-up register; `params` are its filters as URLSearchParams text (register/filters.ts). */
  | { name: 'register'; params: string }
  | { name: 'meeting'; id: number; tab: MeetingTab };

export const MEETING_TABS = ['prepare', 'live', 'close', 'documents', 'audit'] as const;
export type MeetingTab = (typeof MEETING_TABS)[number];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'help') return { name: 'help' };
  if (parts[0] === 'backups') return { name: 'backups' };
  if (parts[0]?.split('?')[0] === 'register') return { name: 'register', params: hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '' };
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
    case 'register':
      return r.params ? `#/register?${r.params}` : '#/register';
    case 'meeting':
      return `#/meeting/${r.id}/${r.tab}`;
  }
}

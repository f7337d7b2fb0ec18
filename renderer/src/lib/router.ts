// Hash routes, so the same build works from Electron's app:// protocol and from loopback HTTP.
import { useEffect, useState } from 'react';

import { href, parseRoute, type Route } from './route';

export { href, MEETING_TABS, parseRoute, type MeetingTab, type Route } from './route';

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

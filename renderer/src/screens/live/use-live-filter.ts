// The timeline's filter (its find-in-page, the list being virtualised): the query as typed, and
// the entries that match it. Filtering runs on a deferred copy of the query, so the filter box
// takes each key at once even over 30,000 entries, and the list follows a moment later.
import { useDeferredValue, useMemo, useState } from 'react';
import type { Attendee } from '../../../../electron/shared/domain';
import type { Entry, Sel } from './model';
import { filterEntries } from './timeline-filter';

export function useLiveFilter(shown: Entry[], sel: Sel | null, attendees: Attendee[], recLabels: Map<number, string>) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const visible = useMemo(() => filterEntries(shown, deferred, { attendees, recLabels }, sel), [shown, deferred, attendees, recLabels, sel]);
  return { visible, query, setQuery };
}

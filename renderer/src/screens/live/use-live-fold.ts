// During the meeting the pre-meeting items (received and answered in writing beforehand) are
// folded away: what is said in the hall is what the secretary looks for. Folding hides what the
// secretary did not touch on this screen: the selected item, the marked ones and anything created
// here (a pre-meeting item typed during the meeting) stay in view.
import { useMemo, useState } from 'react';
import type { MeetingStatus } from '../../../../electron/shared/domain';
import { isPreMeeting, type Entry, type ItemKind, type Sel } from './model';

export function useLiveFold(entries: Entry[], status: MeetingStatus, sel: Sel | null, marked: Set<number>) {
  const [showPre, setShowPre] = useState(false);
  const [madeHere, setMadeHere] = useState<Set<string>>(() => new Set());
  const foldPre = status === 'live' && !showPre;
  const preCount = useMemo(() => entries.filter(isPreMeeting).length, [entries]);
  const shown = useMemo(
    () =>
      foldPre
        ? entries.filter(
            (e) => !isPreMeeting(e) || (sel && e.kind === sel.kind && e.id === sel.id) || madeHere.has(`${e.kind}${e.id}`) || (e.kind === 'rec' && marked.has(e.id)),
          )
        : entries,
    [entries, foldPre, sel, madeHere, marked],
  );
  const keepInView = (kind: ItemKind, id: number) => setMadeHere((m) => new Set(m).add(`${kind}${id}`));
  const toggle = () => setShowPre((v) => !v);
  return { shown, foldPre, preCount, keepInView, toggle };
}

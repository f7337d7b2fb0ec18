// The roster's changes: each one calls the API, keeps the record's list in step with the answer,
// and reports the outcome (an error banner, or a sentence for screen readers).
import { useState } from 'react';
import type { Attendee, Role } from '../../../../electron/shared/domain';
import { api } from '../../lib/api';
import type { Update } from './PrepareTab';
import type { ShowUndo } from './undo';

export type NewPerson = { fullName: string; titles: string[]; organization: string };

type Args = {
  meetingId: number;
  attendees: Attendee[];
  update: Update;
  showUndo: ShowUndo;
  /** Called before a move's list is applied, so focus can follow the moved row. */
  keepFocus: (id: number, selector: string) => void;
};

export function useRosterEdits({ meetingId, attendees, update, showUndo, keepFocus }: Args) {
  const [error, setError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');

  const setList = (list: Attendee[]) => update((rec) => ({ ...rec, attendees: list }));
  const replace = (a: Attendee) => update((rec) => ({ ...rec, attendees: rec.attendees.map((x) => (x.id === a.id ? a : x)) }));

  const add = async (input: { personId: number } | { newPerson: NewPerson }, role: Role = 'delegate') => {
    setError(null);
    const r = await api.call('attendee.add', { meetingId, role, ...input });
    if (!r.ok) {
      setError(r.error.message);
      return false;
    }
    update((rec) => ({ ...rec, attendees: [...rec.attendees, r.value] }));
    setAnnounce(`Đã thêm ${r.value.fullName} vào danh sách, vị trí ${attendees.length + 1}.`);
    return true;
  };

  const move = async (id: number, to: number, focusSelector?: string) => {
    const from = attendees.findIndex((a) => a.id === id);
    if (from < 0 || to < 0 || to >= attendees.length || to === from) return;
    const next = [...attendees];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    if (focusSelector) keepFocus(id, focusSelector);
    setList(next);
    setAnnounce(`Đã chuyển ${moved.fullName} đến vị trí ${to + 1} trên ${attendees.length}.`);
    const r = await api.call('attendee.reorder', { meetingId, ids: next.map((a) => a.id) });
    if (r.ok) setList(r.value);
    else setError(r.error.message);
  };

  const sortByRank = async () => {
    setError(null);
    const r = await api.call('attendee.sortByRank', { meetingId });
    if (r.ok) {
      setList(r.value);
      setAnnounce('Đã sắp xếp danh sách theo thứ bậc.');
    } else setError(r.error.message);
  };

  const remove = async (a: Attendee) => {
    setError(null);
    const r = await api.call('attendee.remove', { id: a.id });
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    update((rec) => ({ ...rec, attendees: rec.attendees.filter((x) => x.id !== a.id) }));
    showUndo({
      message: `Đã xóa ${a.fullName} khỏi danh sách đại biểu.`,
      undo: async () => {
        const back = await api.call('attendee.restore', { id: a.id });
        if (!back.ok) return back.error.message;
        update((rec) => ({ ...rec, attendees: [...rec.attendees, back.value].sort((x, y) => x.sortOrder - y.sortOrder || x.id - y.id) }));
        return null;
      },
    });
  };

  return { error, setError, announce, replace, add, move, sortByRank, remove };
}

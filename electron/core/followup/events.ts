// The fold of an item's append-only history into its current state. Pure: the register, the
// period report (which folds up to a cut-off) and the merge tests all use this one function, so
// the state a secretary sees and the numbers a report prints cannot disagree.
import type { EventField, FollowupEvent } from '../../shared/followup';
import { z } from 'zod';

/** What the meeting record says before anyone records a change (see base.ts). */
export type BaseState = { status: string; agency: string; deadline: string | null };

/** The answer document as an event stores it: the file by content hash, so it merges across laptops. */
export const DocumentValueSchema = z.object({
  number: z.string().max(100),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  fileName: z.string().max(255).nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
});
export type DocumentValue = z.infer<typeof DocumentValueSchema>;

export type FoldedState = BaseState & {
  document: DocumentValue | null;
  /** Some field's current value is one of two conflicting changes. */
  conflict: boolean;
  /** The latest event's instant, null without events. */
  lastAt: string | null;
  /** The note of the event that set the current status (the reason a report prints). */
  statusNote: string;
};

export type EventLike = Pick<FollowupEvent, 'uid' | 'field' | 'value' | 'parentUid' | 'at' | 'note'>;

/** History order: by instant, then uid, so every laptop folds the same set the same way. */
export function compareEvents(a: Pick<FollowupEvent, 'at' | 'uid'>, b: Pick<FollowupEvent, 'at' | 'uid'>): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}

export function parseDocumentValue(value: string): DocumentValue | null {
  if (!value) return null;
  try {
    const r = DocumentValueSchema.safeParse(JSON.parse(value));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/**
 * The uids of events that conflict: two or more changes of the same field made from the same
 * parent with different values (two laptops changed it without seeing each other). Notes change
 * nothing, so they never conflict.
 */
export function conflictingUids(events: readonly EventLike[]): Set<string> {
  const groups = new Map<string, EventLike[]>();
  for (const e of events) {
    if (e.field === 'note') continue;
    const k = `${e.field}\u0000${e.parentUid ?? ''}`;
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  const out = new Set<string>();
  for (const g of groups.values()) if (new Set(g.map((e) => e.value)).size > 1) for (const e of g) out.add(e.uid);
  return out;
}

/** The latest event of each field (after sorting), the parent a new change records. */
export function heads(events: readonly EventLike[]): Partial<Record<EventField, EventLike>> {
  const out: Partial<Record<EventField, EventLike>> = {};
  for (const e of [...events].sort(compareEvents)) out[e.field] = e;
  return out;
}

/**
 * Folds `events` (any order) over `base`. With `before`, only events at an instant before it
 * count (the state at the end of a day, for the period report).
 */
export function foldEvents(base: BaseState, events: readonly EventLike[], before?: string): FoldedState {
  const seen = before === undefined ? [...events] : events.filter((e) => e.at < before);
  seen.sort(compareEvents);
  const state: FoldedState = { ...base, document: null, conflict: false, lastAt: null, statusNote: '' };
  const head: Partial<Record<EventField, string>> = {};
  for (const e of seen) {
    state.lastAt = e.at;
    head[e.field] = e.uid;
    if (e.field === 'status') {
      state.status = e.value || base.status;
      state.statusNote = e.note;
    } else if (e.field === 'agency') state.agency = e.value;
    else if (e.field === 'deadline') state.deadline = e.value || null;
    else if (e.field === 'document') state.document = parseDocumentValue(e.value);
  }
  const conflicts = conflictingUids(seen);
  state.conflict = Object.values(head).some((uid) => conflicts.has(uid));
  return state;
}

// The timeline's own filter. The timeline is virtualised (only the rows in view are in the page),
// so the browser's find-in-page no longer sees every entry: this filter is its replacement. It
// matches folded text (no tone marks, đ → d, any case), every word of the query somewhere in the
// entry: its label ("KN 12"), who spoke, the full text and the time.
import type { Attendee } from '../../../../electron/shared/domain';
import { fold } from '../../../../electron/shared/vi/fold';
import { SPEECH_LABEL, speakerName, type Entry, type Sel } from './model';

// An entry's own folded words, once per item object: a save replaces the item (and its Entry),
// so the cache never serves stale text, and a filter keystroke over 30,000 entries folds nothing
// it folded before.
const foldedOwn = new WeakMap<Entry, string>();

function ownText(e: Entry): string {
  let t = foldedOwn.get(e);
  if (t === undefined) {
    const parts =
      e.kind === 'rec'
        ? [e.item.raisedAt ?? '', e.item.shortPhrase, e.item.content, e.item.unit, e.item.topic]
        : e.kind === 'reply'
          ? ['trả lời', e.item.repliedAt ?? '', e.item.content, e.item.agency]
          : [SPEECH_LABEL[e.item.kind], e.item.at ?? '', e.item.summary, ...e.item.directions];
    t = fold(parts.join(' \n '));
    foldedOwn.set(e, t);
  }
  return t;
}

export type FilterContext = {
  attendees: Attendee[];
  recLabels: Map<number, string>;
};

/** The words of a query, folded; empty when the query is blank (no filter). */
export function queryWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

// The whole text, also once per entry while the attendees and the labels stay the same objects
// (they change when someone is added or a recommendation is numbered anew, not while typing).
const foldedAll = new WeakMap<Entry, { ctx: FilterContext['attendees']; labels: FilterContext['recLabels']; text: string }>();

/** The folded text the query is matched against: the entry's words, its label and who spoke. */
export function entryText(e: Entry, ctx: FilterContext): string {
  const hit = foldedAll.get(e);
  if (hit && hit.ctx === ctx.attendees && hit.labels === ctx.recLabels) return hit.text;
  const who =
    e.kind === 'rec'
      ? speakerName(ctx.attendees, e.item.raisedByAttendeeId, e.item.raisedByText)
      : e.kind === 'reply'
        ? speakerName(ctx.attendees, e.item.responderAttendeeId, e.item.responderText)
        : speakerName(ctx.attendees, e.item.speakerAttendeeId, e.item.speakerText);
  const label = e.kind === 'rec' ? shortLabel(ctx.recLabels.get(e.id) ?? '') : '';
  const text = `${ownText(e)} \n ${fold(who)} \n ${fold(label)}`;
  foldedAll.set(e, { ctx: ctx.attendees, labels: ctx.recLabels, text });
  return text;
}

/** "Kiến nghị tại hội nghị số 12" → "KN 12", as the row's badge shows it. */
export function shortLabel(label: string): string {
  return label.replace('Kiến nghị trước hội nghị số ', 'KN trước ').replace('Kiến nghị tại hội nghị số ', 'KN ');
}

/**
 * The entries matching every word of the query, in order. The selected entry always stays (the
 * one being typed in, or just created, never vanishes from the timeline under a filter).
 */
export function filterEntries(entries: Entry[], query: string, ctx: FilterContext, keep: Sel | null): Entry[] {
  const words = queryWords(query);
  if (!words.length) return entries;
  return entries.filter((e) => {
    if (keep && e.kind === keep.kind && e.id === keep.id) return true;
    const text = entryText(e, ctx);
    return words.every((w) => text.includes(w));
  });
}

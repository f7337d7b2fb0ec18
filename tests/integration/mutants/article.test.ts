// The article for every real meeting in tests/fixtures/records, word for word, against a reviewed
// text in tests/fixtures/articles/ (one file per record and option set; a change of wording updates
// that file in the same commit, and the diff is the review). The corpus test checks the articles'
// qualities (no artifacts, every fact present, the layout); this one notices any change at all, which
// is what a mutant is. The records are turned into the app's MeetingRecord here, without a database,
// by the same conversion the record import uses (recordToMeetingData), so a run costs milliseconds.
// Written for the mutants of article.ts (issue 13).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArticle, isMeetingName, meetingName, phraseOf, resolveArticleOptions, suggestHeadline } from '../../../electron/core/documents/article';
import { MeetingDataSchema, type MeetingData } from '../../../electron/core/meeting-file/format';
import { parseRecord, recordToMeetingData } from '../../../electron/core/records/to-meeting';
import type { ArticleOptions, DocBlock } from '../../../electron/shared/documents';
import type { MeetingRecord } from '../../../electron/shared/domain';
import { REPO_ROOT } from '../../helpers/tmp';
import { profileFor } from '../documents/corpus-helpers';
import { AT, meeting, profile, RecordBuilder } from '../../fixtures/documents/build';

const RECORDS = path.join(REPO_ROOT, 'tests', 'fixtures', 'records');
const ARTICLES = path.join(REPO_ROOT, 'tests', 'fixtures', 'articles');

/** The meeting-file data as the app would hold it after import: ids in file order, from 1. */
function toRecord(data: MeetingData): MeetingRecord {
  let id = 0;
  const aId = new Map<string, number>();
  const rId = new Map<string, number>();
  const attendees = data.attendees.map((a, i) => {
    const x = { id: ++id, meetingId: 1, personId: id, fullName: a.fullName, titles: a.titles, organization: a.organization, role: a.role, presence: a.presence, reason: a.reason, sortOrder: i + 1 };
    aId.set(a.key, x.id);
    return x;
  });
  const ref = (k: string | null) => (k ? (aId.get(k) ?? null) : null);
  const recommendations = data.recommendations.map((r) => {
    const x = { id: ++id, meetingId: 1, phase: r.phase, raisedByAttendeeId: ref(r.raisedBy), raisedByText: r.raisedByText, unit: r.unit, topic: r.topic, content: r.content, shortPhrase: r.shortPhrase, inArticle: r.inArticle, raisedAt: r.raisedAt, seq: r.seq };
    rId.set(r.key, x.id);
    return x;
  });
  return {
    meeting: meeting(1, { ...data.meeting, createdAt: AT, updatedAt: AT }),
    attendees,
    groups: data.groups.map((g, i) => ({ id: ++id, meetingId: 1, text: g.text, role: g.role, sortOrder: i + 1 })),
    speeches: data.speeches.map((s) => ({ id: ++id, meetingId: 1, kind: s.kind, speakerAttendeeId: ref(s.speaker), speakerText: s.speakerText, summary: s.summary, directions: s.directions, at: s.at, seq: s.seq })),
    recommendations,
    replies: data.replies.map((r) => ({
      id: ++id,
      meetingId: 1,
      responderAttendeeId: ref(r.responder),
      responderText: r.responderText,
      content: r.content,
      repliedAt: r.repliedAt,
      kind: r.kind,
      agency: r.agency,
      deadline: r.deadline,
      recommendationIds: r.recommendations.map((k) => rId.get(k)!),
      seq: r.seq,
    })),
    photos: data.photos.map((p, i) => ({ id: ++id, meetingId: 1, caption: p.caption, event: p.event, mime: 'image/jpeg', width: 2000, height: 1333, inArticle: p.inArticle, sortOrder: i + 1, createdAt: AT })),
  };
}

/** The article as a reader sees it: one block a paragraph, its kind in brackets when not body text. */
function asText(blocks: DocBlock[]): string {
  return `${blocks
    .map((b) => (b.type === 'paragraph' ? b.text : b.type === 'photo' ? `[ảnh ${b.photoId}] ${b.caption}` : b.type === 'table' ? `[bảng] ${JSON.stringify(b.rows)}` : `[${b.type}] ${b.text}`))
    .join('\n\n')}\n`;
}

const names = readdirSync(RECORDS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

// The office's own style (profileFor), and a second set of choices: speakers listed one by one,
// a legal basis typed in the options, a byline from the office.
const VARIANTS: [string, Partial<ArticleOptions>, string][] = [
  ['', {}, ''],
  ['.speakers', { listSpeakers: true, legalBasis: 'Kế hoạch số 12-KH/UBND ngày 01/3/2025 của UBND' }, 'Ban Tuyên giáo'],
];

describe('the article of each real meeting, word for word', () => {
  it('there are ten records, so none is silently skipped', () => {
    expect(names).toHaveLength(10);
  });
  for (const name of names) {
    const json = JSON.parse(readFileSync(path.join(RECORDS, `${name}.json`), 'utf8')) as unknown;
    const data = MeetingDataSchema.parse(recordToMeetingData(parseRecord(json)).data);
    const record = toRecord(data);
    for (const [suffix, options, byline] of VARIANTS) {
      const file = `${name}${suffix}.txt`;
      it(file, async () => {
        const text = asText(generateArticle(record, profile({ ...profileFor(name, false), byline }), options));
        await expect(text).toMatchFileSnapshot(path.join(ARTICLES, file));
      });
    }
  }
});

// ---- rules the records do not reach ----------------------------------------------------------

describe('names, headlines and phrases', () => {
  it('a meeting’s name, or a sentence about it', () => {
    for (const t of ['Hội nghị đối thoại', 'Buổi tiếp xúc cử tri', 'cuộc gặp mặt', 'Chương trình gặp gỡ', 'Diễn đàn thanh niên', 'Phiên họp', 'Kỳ họp thứ 5', 'Lễ ra mắt', '  hội nghị'])
      expect(isMeetingName(t), t).toBe(true);
    for (const t of ['Phường 10 tổ chức hội nghị', 'Lên kế hoạch', 'Đồng chí Bí thư đối thoại', 'Buổisáng', ''])
      expect(isMeetingName(t), t).toBe(false);
  });

  it('the name built from kind, audience and place when the title is not one', () => {
    const name = (f: Parameters<typeof meeting>[1]) => meetingName(new RecordBuilder(meeting(1, f)).record);
    expect(name({ title: 'Hội nghị đối thoại năm 2025.' })).toBe('Hội nghị đối thoại năm 2025');
    expect(name({ title: 'Phường 10 tổ chức hội nghị tiếp xúc với thanh niên' })).toBe('hội nghị tiếp xúc với thanh niên');
    expect(name({ title: '', audience: 'thanh niên', locality: 'xã Tân Lập' })).toBe('Hội nghị đối thoại với thanh niên xã Tân Lập');
    expect(name({ title: '', audience: 'thanh niên xã Tân Lập', locality: 'xã Tân Lập' })).toBe('Hội nghị đối thoại với thanh niên xã Tân Lập');
    expect(name({ title: '', audience: 'thanh niên', locality: 'xã Tân Lập', location: 'Hội trường xã Tân Lập' })).toBe('Hội nghị đối thoại với thanh niên');
    expect(name({ title: '', audience: '', locality: 'xã Tân Lập', location: 'Hội trường xã Tân Lập' })).toBe('Hội nghị đối thoại');
    expect(name({ title: '', audience: '', locality: 'xã Tân Lập' })).toBe('Hội nghị đối thoại với xã Tân Lập');
    expect(name({ title: '', kind: 'gặp mặt, đối thoại', audience: 'nông dân' })).toBe('Hội nghị gặp mặt, đối thoại với nông dân');
    expect(name({ title: '', kind: 'tiếp xúc cử tri', audience: 'cử tri', locality: 'phường 2' })).toBe('Hội nghị tiếp xúc cử tri phường 2');
    expect(name({ title: '', kind: 'tiếp xúc cử tri' })).toBe('Hội nghị tiếp xúc cử tri');
    expect(name({ title: '' })).toBe('Hội nghị đối thoại');
  });

  it('the headline: the secretary’s own, a sentence title, or organiser + verb + audience', () => {
    const headline = (f: Parameters<typeof meeting>[1], build?: (b: RecordBuilder) => void) => {
      const b = new RecordBuilder(meeting(1, f));
      build?.(b);
      return suggestHeadline(b.record);
    };
    expect(headline({ headline: ' Tít riêng. ', title: 'Hội nghị' })).toBe('Tít riêng');
    expect(headline({ title: 'phường 10 đối thoại với thanh niên.' })).toBe('Phường 10 đối thoại với thanh niên');
    expect(headline({ title: 'Hội nghị', organizer: 'UBND xã', audience: 'nông dân' })).toBe('UBND xã đối thoại với nông dân');
    expect(headline({ title: 'Hội nghị', kind: 'gặp mặt, đối thoại', organizer: 'UBND xã', audience: 'nông dân' })).toBe('UBND xã gặp mặt, đối thoại với nông dân');
    expect(headline({ title: 'Hội nghị', audience: 'nông dân' }, (b) => b.attendee('A', ['Bí thư Đảng ủy xã', 'Chủ tịch HĐND xã'], 'chair'))).toBe('Bí thư Đảng ủy xã, Chủ tịch HĐND xã đối thoại với nông dân');
    expect(
      headline({ title: 'Hội nghị', audience: 'nông dân' }, (b) => {
        b.attendee('A', ['Bí thư Đảng ủy xã'], 'chair');
        b.attendee('B', ['Chủ tịch UBND xã'], 'chair');
      }),
    ).toBe('Bí thư Đảng ủy xã và Chủ tịch UBND xã đối thoại với nông dân');
    expect(headline({ title: 'Hội nghị đối thoại', organizer: 'UBND xã' })).toBe('Hội nghị đối thoại');
    expect(headline({ title: '', kind: 'tiếp xúc cử tri', organizer: 'Tổ đại biểu HĐND huyện', audience: 'cử tri xã Tân Lập' })).toBe('Tổ đại biểu HĐND huyện tiếp xúc cử tri xã Tân Lập');
    expect(headline({ title: '', kind: 'tiếp xúc cử tri', locality: 'xã Tân Lập' }, (b) => b.attendee('C', ['Đại biểu HĐND tỉnh'], 'reporter'))).toBe('Đại biểu HĐND tỉnh tiếp xúc cử tri xã Tân Lập');
    expect(headline({ title: '', kind: 'tiếp xúc cử tri', locality: 'xã Tân Lập' })).toBe('Hội nghị tiếp xúc cử tri xã Tân Lập');
    expect(headline({ title: '', kind: 'tiếp xúc cử tri', organizer: 'Tổ đại biểu' })).toBe('Tổ đại biểu tiếp xúc cử tri');
  });

  it('a phrase: the short phrase, else one suggested from the content, without the final stop', () => {
    const b = new RecordBuilder(meeting(1, {}));
    expect(phraseOf(b.rec('during', { shortPhrase: ' làm đường. ', content: 'Nội dung dài' }))).toBe('làm đường');
    expect(phraseOf(b.rec('during', { shortPhrase: '  ', content: 'Đề nghị sửa chữa trường học.' }))).not.toBe('');
    expect(resolveArticleOptions(undefined)).toEqual({ listSpeakers: false, legalBasis: '', photoIds: [] });
    expect(resolveArticleOptions({ listSpeakers: true })).toEqual({ listSpeakers: true, legalBasis: '', photoIds: [] });
  });
});

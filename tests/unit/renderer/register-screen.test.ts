// The register screen's pure parts: filters in the address and to the core, the deadline in
// words, new status keys, the history in words and its conflicts.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUSES, type FollowupEvent } from '../../../electron/shared/followup';
import { activeFilterCount, dueText, EMPTY_FILTER, filterParams, parseFilterParams, statusKeyFrom, toRegisterFilter } from '../../../renderer/src/screens/register/filters';
import { conflicts, conflictText, openConflicts, documentText, eventValueText, parseDocument } from '../../../renderer/src/screens/register/history';
import { href, parseRoute } from '../../../renderer/src/lib/route';
import { choiceToSpec } from '../../../renderer/src/screens/register/period-choice';

describe('register filters', () => {
  it('round-trips every filter through the address', () => {
    const f = { statuses: ['resolved', 'in_progress'], agency: 'UBND phường', topic: 'Đất đai', meetingId: 12, from: '01/10/2026', to: '31/12/2026', dueWithinDays: 7, overdue: true, query: 'sông Pheo' };
    expect(parseFilterParams(filterParams(f))).toEqual(f);
  });

  it('leaves no trace for empty filters and drops what it cannot read', () => {
    expect(filterParams(EMPTY_FILTER)).toBe('');
    expect(parseFilterParams('status=OK,resolved&meeting=abc&from=2026-13-01&due=-3&overdue=yes')).toEqual({ ...EMPTY_FILTER, statuses: ['resolved'] });
  });

  it('asks the core only for filters that are set and valid', () => {
    expect(toRegisterFilter(EMPTY_FILTER)).toEqual({});
    expect(toRegisterFilter({ ...EMPTY_FILTER, from: '31/02/2026', to: '15/11/2026', query: '  ', overdue: true, dueWithinDays: 0 })).toEqual({ to: '2026-11-15', overdue: true, dueWithinDays: 0 });
    expect(activeFilterCount({ ...EMPTY_FILTER, agency: ' Phòng Kinh tế ', statuses: ['unanswered'] })).toBe(2);
    expect(toRegisterFilter({ ...EMPTY_FILTER, agency: ' Phòng Kinh tế ' }).agency).toBe('Phòng Kinh tế');
  });

  it('says the deadline as a secretary reads it', () => {
    expect(dueText(null, false)).toBe('');
    expect(dueText(5, false)).toBe('còn 5 ngày');
    expect(dueText(0, false)).toBe('đến hạn hôm nay');
    expect(dueText(-3, true)).toBe('quá hạn 3 ngày');
    // A resolved item's past deadline is not a warning.
    expect(dueText(-3, false)).toBe('');
  });

  it('makes a status key from its name, unique and within the schema', () => {
    expect(statusKeyFrom('Đã chuyển Thanh tra', [])).toBe('da_chuyen_thanh_tra');
    expect(statusKeyFrom('Đã chuyển Thanh tra', ['da_chuyen_thanh_tra', 'da_chuyen_thanh_tra_2'])).toBe('da_chuyen_thanh_tra_3');
    expect(statusKeyFrom('!!!', [])).toBe('trang_thai');
    expect(statusKeyFrom('x'.repeat(80), [])).toMatch(/^[a-z0-9_]{1,40}$/);
  });
});

const ev = (p: Partial<FollowupEvent>): FollowupEvent => ({ uid: 'e', itemUid: 'i', field: 'status', value: '', parentUid: null, at: '2026-11-03T07:05:00.000Z', actor: 'Hà', note: '', ...p });

describe('register history in words', () => {
  it('names each value: status labels, dates, documents, cleared fields', () => {
    expect(eventValueText(ev({ value: 'resolved' }), DEFAULT_STATUSES)).toBe('Đã giải quyết xong');
    expect(eventValueText(ev({ field: 'deadline', value: '2026-11-30' }), DEFAULT_STATUSES)).toBe('30/11/2026');
    expect(eventValueText(ev({ field: 'deadline', value: '' }), DEFAULT_STATUSES)).toBe('(bỏ thời hạn)');
    expect(eventValueText(ev({ field: 'agency', value: '' }), DEFAULT_STATUSES)).toBe('(bỏ trống)');
    const doc = JSON.stringify({ number: '125/UBND-KT', date: '2026-11-20', fileName: 'tra-loi.pdf', fileId: 3 });
    expect(eventValueText(ev({ field: 'document', value: doc }), DEFAULT_STATUSES)).toBe('số 125/UBND-KT, ngày 20/11/2026, tệp «tra-loi.pdf»');
    expect(parseDocument('not json')).toBeNull();
    expect(documentText(null)).toBe('chưa có');
  });

  it('groups conflicting events by field and parent, and says it plainly', () => {
    const history = [
      ev({ uid: 'a', value: 'in_progress', parentUid: 'p', conflict: true, actor: 'Hà' }),
      ev({ uid: 'b', value: 'resolved', parentUid: 'p', conflict: true, actor: 'Minh' }),
      ev({ uid: 'c', field: 'agency', value: 'UBND phường', parentUid: null }),
    ];
    const found = conflicts(history);
    expect(found).toHaveLength(1);
    expect(found[0]?.events.map((e) => e.uid)).toEqual(['a', 'b']);
    const text = conflictText(found[0]!, DEFAULT_STATUSES);
    expect(text).toMatch(/^Hai máy cùng sửa trạng thái: «Đang giải quyết» \(Hà, .+\) và «Đã giải quyết xong» \(Minh, .+\)\.$/);
    // Open while the field's current value is one of them; a later change settles it.
    expect(openConflicts(history)).toHaveLength(1);
    const settled = [...history, ev({ uid: 'd', value: 'resolved', parentUid: 'b', at: '2026-11-04T01:00:00.000Z' })];
    expect(conflicts(settled)).toHaveLength(1);
    expect(openConflicts(settled)).toEqual([]);
    // Same instant: the larger uid is the later one, as the core orders them.
    expect(openConflicts([...history, ev({ uid: '0', value: 'resolved', parentUid: 'b' })])).toHaveLength(1);
    expect(openConflicts([...history, ev({ uid: 'z', value: 'resolved', parentUid: 'b' })])).toEqual([]);
    // Two conflicting events with different parents are two conflicts only when each has a partner.
    expect(conflicts([ev({ uid: 'x', conflict: true, parentUid: 'p1' }), ev({ uid: 'y', conflict: true, parentUid: 'p2' })])).toEqual([]);
  });
});

describe('report period choice', () => {
  const base = { year: 2026, month: 11, quarter: 4 as const, half: 1 as const, from: '01/10/2026', to: '15/11/2026' };
  it('turns the form into a period, and refuses dates that are not real or reversed', () => {
    expect(choiceToSpec({ ...base, kind: 'quarter' })).toEqual({ kind: 'quarter', year: 2026, quarter: 4 });
    expect(choiceToSpec({ ...base, kind: 'custom' })).toEqual({ kind: 'custom', from: '2026-10-01', to: '2026-11-15' });
    expect(choiceToSpec({ ...base, kind: 'custom', to: '30/02/2026' })).toBeNull();
    expect(choiceToSpec({ ...base, kind: 'custom', from: '16/11/2026' })).toBeNull();
  });
});

describe('the register route', () => {
  it('keeps the filters in the address, both ways', () => {
    expect(parseRoute('#/register')).toEqual({ name: 'register', params: '' });
    expect(parseRoute('#/register?overdue=1&q=song%20pheo')).toEqual({ name: 'register', params: 'overdue=1&q=song%20pheo' });
    expect(href({ name: 'register', params: 'overdue=1' })).toBe('#/register?overdue=1');
    expect(href({ name: 'register', params: '' })).toBe('#/register');
    // Other screens are untouched.
    expect(parseRoute('#/registers')).toEqual({ name: 'home' });
  });
});

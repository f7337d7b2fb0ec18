// Issue 12: the pure parts of the secretary's flow (titles of copies, search highlights, the change
// log in Vietnamese, the reply form's order). The keys are tested in the browser (flow-secretary.spec.ts).
import { describe, expect, it } from 'vitest';
import { auditDetail, copyTitle, highlight, TRASH_DAYS } from '../../renderer/src/lib/labels';
import { TRASH_DAYS as CORE_TRASH_DAYS } from '../../electron/shared/contract';
import { replyLinkOrder } from '../../renderer/src/screens/live/model';
import type { Recommendation } from '../../electron/shared/domain';

describe('copyTitle', () => {
  it('never gives a copy the title of an existing meeting', () => {
    expect(copyTitle('Đối thoại', ['Đối thoại'])).toBe('Đối thoại (bản sao)');
    expect(copyTitle('Đối thoại', ['Đối thoại', 'Đối thoại (bản sao)'])).toBe('Đối thoại (bản sao 2)');
    expect(copyTitle('Đối thoại (bản sao)', ['Đối thoại', 'Đối thoại (bản sao)'])).toBe('Đối thoại (bản sao 2)');
    expect(copyTitle('', [])).toBe('Hội nghị đối thoại (bản sao)');
  });
});

describe('highlight', () => {
  it('marks the words typed without marks in the text with marks, and nothing else', () => {
    const parts = highlight('Xử lý ô nhiễm sông Pheo, HĐND phường', 'song pheo hdnd');
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['sông', 'Pheo', 'HĐND']);
    expect(parts.map((p) => p.text).join('')).toBe('Xử lý ô nhiễm sông Pheo, HĐND phường');
    expect(highlight('cách sông', 'song').filter((p) => p.match).map((p) => p.text)).toEqual(['sông']);
    // A prefix inside a word is not the start of a word.
    expect(highlight('phường', 'uong').some((p) => p.match)).toBe(false);
  });
});

describe('auditDetail', () => {
  it('says in Vietnamese what the core stores as codes', () => {
    expect(auditDetail({ entity: 'document', action: 'generate', detail: 'summary' })).toBe('bảng tổng hợp');
    expect(auditDetail({ entity: 'meeting', action: 'status', detail: 'closed' })).toBe('đã kết thúc');
    expect(auditDetail({ entity: 'meeting', action: 'update', detail: 'startTime, endTime' })).toBe('giờ bắt đầu, giờ kết thúc');
    expect(auditDetail({ entity: 'recommendation', action: 'update', detail: 'content' })).toBe('nội dung');
    expect(auditDetail({ entity: 'speech', action: 'update', detail: 'summary' })).toBe('nội dung');
    expect(auditDetail({ entity: 'meeting', action: 'update', detail: 'somethingNew' })).toBe('(mục khác)');
    // Free text (a reason, a name) is shown as written.
    expect(auditDetail({ entity: 'meeting', action: 'unlock', detail: 'Bổ sung ý kiến' })).toBe('Bổ sung ý kiến');
  });
});

it('the trash keeps meetings as long as the screen says', () => {
  expect(TRASH_DAYS).toBe(CORE_TRASH_DAYS);
});

describe('replyLinkOrder', () => {
  const rec = (id: number, phase: Recommendation['phase']) => ({ id, phase }) as Recommendation;
  const recs = [rec(1, 'before'), rec(2, 'before'), rec(3, 'during'), rec(4, 'during'), rec(5, 'during')];
  it('lists the linked ones first, then the reply phase, then the rest, each in meeting order', () => {
    expect(replyLinkOrder(recs, { recommendationIds: [4], kind: 'on_spot' })).toEqual([4, 3, 5, 1, 2]);
    expect(replyLinkOrder(recs, { recommendationIds: [2], kind: 'written_before' })).toEqual([2, 1, 3, 4, 5]);
    expect(replyLinkOrder(recs, { recommendationIds: [], kind: 'on_spot' })).toEqual([3, 4, 5, 1, 2]);
  });
});

// The article's word lists, each word on its own: a speech that opens with a verb follows the
// speaker's name ("đồng chí X ghi nhận …"), one that opens with an opener stands alone ("Đối với
// …, UBND xã sẽ …"), and a reply that opens with a subject and is passive names who answered
// ("Các kiến nghị đã được đồng chí X giải trình"). The lists are read from the module, so a word
// dropped or emptied shows as its own failure; a few words are named here so that an emptied list
// fails too. Written for the mutants of article.ts (issue 13).
import { describe, expect, it } from 'vitest';
import { generateArticle, OPENERS, SUBJECTS, VERBS } from '../../../electron/core/documents/article';
import { meeting, RecordBuilder } from '../../fixtures/documents/build';

const upper = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** The article's paragraphs for a meeting with one remark by the chair, with `summary`. */
function remark(summary: string): string[] {
  const b = new RecordBuilder(meeting(1, { title: 'Hội nghị đối thoại', organizer: 'UBND xã' }));
  const chair = b.attendee('Nguyễn Văn Hùng', ['Chủ tịch UBND xã'], 'chair');
  b.speech('remarks', chair, summary);
  return generateArticle(b.record, null).flatMap((x) => (x.type === 'paragraph' ? [x.text] : []));
}

/** The replies paragraph for one on-the-spot answer by the chair. */
function reply(content: string): string {
  const b = new RecordBuilder(meeting(1, { title: 'Hội nghị đối thoại', organizer: 'UBND xã' }));
  const chair = b.attendee('Nguyễn Văn Hùng', ['Chủ tịch UBND xã'], 'chair');
  const r = b.rec('during', { content: 'Sửa đường' });
  const r2 = b.rec('during', { content: 'Làm cầu' });
  b.reply('on_spot', chair, content, [r, r2]);
  return generateArticle(b.record, null).flatMap((x) => (x.type === 'paragraph' ? [x.text] : [])).at(-1)!;
}

const WHO = 'đồng chí Nguyễn Văn Hùng – Chủ tịch UBND xã';

describe('the article’s word lists, word by word', () => {
  it('the lists hold the words the rules are written for', () => {
    expect(VERBS).toEqual(expect.arrayContaining(['ghi nhận', 'giao', 'đề nghị', 'sẽ', 'đưa ra']));
    expect(OPENERS).toEqual(expect.arrayContaining(['đối với', 'về', 'thay mặt']));
    expect(SUBJECTS).toEqual(expect.arrayContaining(['việc', 'các', 'công tác']));
  });

  it('a remark that opens with a verb follows the name', () => {
    for (const w of VERBS) {
      const last = remark(`${upper(w)} ý kiến của thanh niên trong xã`).at(-1)!;
      expect(last, w).toBe(`Phát biểu tại hội nghị, ${WHO} ${w} ý kiến của thanh niên trong xã./.`);
    }
    // A summary that is the verb alone, too.
    for (const w of VERBS) expect(remark(upper(w)).at(-1), w).toBe(`Phát biểu tại hội nghị, ${WHO} ${w}./.`);
    // Control: a summary that opens with no listed word is reported.
    expect(remark('Thanh niên trong xã rất năng động').at(-1)).toBe(`Phát biểu tại hội nghị, ${WHO} cho biết thanh niên trong xã rất năng động./.`);
  });

  it('a remark that opens with an opener stands alone, without the name', () => {
    for (const w of OPENERS) {
      for (const sep of [' ', ', ']) {
        const last = remark(`${upper(w)}${sep}thanh niên, xã sẽ hỗ trợ`).at(-1)!;
        expect(last, w).toBe(`${upper(w)}${sep}thanh niên, xã sẽ hỗ trợ./.`);
      }
    }
  });

  it('a passive reply that opens with a subject names who answered', () => {
    for (const w of SUBJECTS) {
      for (const sep of [' ', ', ']) {
        const p = reply(`${upper(w)}${sep}kiến nghị trên đã được giải trình cụ thể`);
        expect(p, w).toBe(`${upper(w)}${sep}kiến nghị trên đã được ${WHO} giải trình cụ thể./.`);
      }
    }
  });
});

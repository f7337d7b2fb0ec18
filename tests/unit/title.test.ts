import { describe, expect, it } from 'vitest';
import { suggestTitle } from '../../renderer/src/lib/title';

describe('suggested meeting title', () => {
  const roster = [
    { role: 'guest' as const, titles: ['Phó trưởng Ban Dân vận Thành ủy'] },
    { role: 'chair' as const, titles: ['TUV', 'Bí thư Quận ủy'] },
    { role: 'host' as const, titles: ['Phó Bí thư Thường trực Quận ủy'] },
    { role: 'host' as const, titles: ['UVTV', 'Chủ tịch HĐND Quận'] },
    { role: 'reporter' as const, titles: ['Phó Bí thư Quận ủy', 'Chủ tịch UBND Quận'] },
  ];
  it('names the heads from the roster and the audience with its locality, once', () => {
    expect(suggestTitle({ organizer: 'Quận Bắc Từ Liêm', audience: 'cán bộ, hội viên phụ nữ Quận', locality: 'quận Bắc Từ Liêm' }, roster)).toBe(
      'Hội nghị đối thoại giữa đồng chí Bí thư Quận ủy, Chủ tịch HĐND Quận và Chủ tịch UBND Quận với cán bộ, hội viên phụ nữ quận Bắc Từ Liêm',
    );
  });
  it('falls back to the organiser, and does not repeat a locality already named', () => {
    expect(suggestTitle({ organizer: 'Huyện Đông Anh', audience: 'hội viên nông dân huyện Đông Anh', locality: 'huyện Đông Anh' })).toBe(
      'Hội nghị đối thoại giữa lãnh đạo Huyện Đông Anh với hội viên nông dân huyện Đông Anh',
    );
    expect(suggestTitle({ organizer: '', audience: '', locality: '' })).toBeNull();
  });
});

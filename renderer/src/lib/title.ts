import type { Meeting } from '../../../electron/shared/domain';

/** "Hội nghị đối thoại giữa lãnh đạo Quận Bắc Từ Liêm với cán bộ, hội viên phụ nữ quận Bắc Từ Liêm". */
export function suggestTitle(m: Pick<Meeting, 'organizer' | 'audience' | 'locality'>, leaders?: string): string | null {
  if (!m.audience.trim()) return null;
  const who = leaders?.trim() || (m.organizer.trim() ? `lãnh đạo ${m.organizer.trim()}` : 'lãnh đạo địa phương');
  const audience = m.audience.trim();
  const where = m.locality.trim() && !audience.toLowerCase().includes(m.locality.trim().toLowerCase()) ? ` ${m.locality.trim()}` : '';
  return `Hội nghị đối thoại giữa ${who} với ${audience}${where}`;
}

// Vietnamese labels for domain values that more than one layer shows (screens, errors, CLI).
import type { MeetingCounts } from './domain';

export const COUNT_LABELS: Record<keyof MeetingCounts, string> = {
  before: 'Số kiến nghị trước hội nghị',
  during: 'Số ý kiến, kiến nghị tại hội nghị',
  speakers: 'Số lượt ý kiến phát biểu',
  contents: 'Số nội dung',
  fields: 'Số lĩnh vực (nhóm)',
  received: 'Số câu hỏi, ý kiến nhận được',
  selected: 'Số câu hỏi được chọn',
};

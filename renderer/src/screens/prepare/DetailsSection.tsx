import type { Meeting } from '../../../../electron/shared/domain';
import type { ChannelInput } from '../../../../electron/shared/contract';
import { api } from '../../lib/api';
import { DateField, TextField, TimeField } from '../../components/fields';
import { suggestTitle } from '../../lib/title';

type Patch = ChannelInput<'meeting.update'>['patch'];

export function DetailsSection({ meeting, onSaved }: { meeting: Meeting; onSaved: () => void }) {
  const save = (patch: Patch) => async () => {
    const r = await api.call('meeting.update', { id: meeting.id, patch });
    if (r.ok) onSaved();
    return r;
  };
  const k = (f: string) => `meeting:${meeting.id}:${f}`;
  const suggestion = suggestTitle(meeting);
  return (
    <section className="card" aria-labelledby="details-h">
      <h2 id="details-h">Thông tin hội nghị</h2>
      <div className="grid-2">
        <TextField label="Đơn vị tổ chức" saveKey={k('organizer')} value={meeting.organizer} save={(v) => save({ organizer: v })()} placeholder="Ví dụ: Quận Bắc Từ Liêm" testId="f-organizer" />
        <TextField label="Đối tượng đối thoại" saveKey={k('audience')} value={meeting.audience} save={(v) => save({ audience: v })()} placeholder="Ví dụ: cán bộ, hội viên phụ nữ Quận" testId="f-audience" />
        <TextField label="Địa bàn" saveKey={k('locality')} value={meeting.locality} save={(v) => save({ locality: v })()} placeholder="Ví dụ: quận Bắc Từ Liêm" testId="f-locality" />
        <TextField label="Địa điểm" saveKey={k('location')} value={meeting.location} save={(v) => save({ location: v })()} placeholder="Ví dụ: Hội trường UBND Quận" testId="f-location" />
        <div className="grid-3">
          <DateField label="Ngày họp" saveKey={k('date')} value={meeting.date} save={(v) => save({ date: v })()} testId="f-date" />
          <TimeField label="Giờ bắt đầu" saveKey={k('startTime')} value={meeting.startTime} save={(v) => save({ startTime: v })()} testId="f-start" />
          <TextField label="Số biên bản" saveKey={k('docNumber')} value={meeting.docNumber ? String(meeting.docNumber) : ''} save={(v) => save({ docNumber: v.trim() ? Number(v) : null })()} placeholder="ví dụ 5" testId="f-docnumber" />
        </div>
        <TextField label="Thư ký (người ghi biên bản)" saveKey={k('secretary')} value={meeting.secretary} save={(v) => save({ secretary: v })()} testId="f-secretary" />
      </div>
      <TextField label="Tên hội nghị" saveKey={k('title')} value={meeting.title} save={(v) => save({ title: v })()} multiline rows={2} max={1000} testId="f-title" />
      {suggestion && suggestion !== meeting.title ? (
        <p className="suggest">
          Gợi ý: <em>{suggestion}</em>{' '}
          <button type="button" className="link" onClick={() => void save({ title: suggestion })().then(() => onSaved())} data-testid="use-title">
            Dùng tên này
          </button>
        </p>
      ) : null}
    </section>
  );
}

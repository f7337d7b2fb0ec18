import { useId, useState } from 'react';
import type { Attendee, Meeting } from '../../../../electron/shared/domain';
import type { ChannelInput } from '../../../../electron/shared/contract';
import { api } from '../../lib/api';
import { DateField, TextField, TimeField } from '../../components/fields';
import { suggestTitle } from '../../lib/title';
import type { Update } from './PrepareTab';

type Patch = ChannelInput<'meeting.update'>['patch'];

export function DetailsSection({ meeting, attendees, update }: { meeting: Meeting; attendees: Attendee[]; update: Update }) {
  const save = async (patch: Patch) => {
    const r = await api.call('meeting.update', { id: meeting.id, patch });
    if (r.ok) update((rec) => ({ ...rec, meeting: r.value }));
    return r;
  };
  const k = (f: string) => `meeting:${meeting.id}:${f}`;
  const suggestion = suggestTitle(meeting, attendees);
  return (
    <section className="card" aria-labelledby="details-h">
      <h2 id="details-h">Thông tin hội nghị</h2>
      <div className="grid-2">
        <TextField label="Đơn vị tổ chức" saveKey={k('organizer')} value={meeting.organizer} save={(v) => save({ organizer: v })} placeholder="Ví dụ: UBND phường Tây Tựu" testId="f-organizer" />
        <TextField label="Đối tượng đối thoại" saveKey={k('audience')} value={meeting.audience} save={(v) => save({ audience: v })} placeholder="Ví dụ: cán bộ, hội viên phụ nữ phường" testId="f-audience" />
        <TextField label="Địa bàn" saveKey={k('locality')} value={meeting.locality} save={(v) => save({ locality: v })} placeholder="Ví dụ: phường Tây Tựu" testId="f-locality" />
        <TextField label="Địa điểm" saveKey={k('location')} value={meeting.location} save={(v) => save({ location: v })} placeholder="Ví dụ: Hội trường UBND phường" testId="f-location" />
        {/* In the order they are typed: the title (suggested from the fields above) comes
            before the date and the time, not after the secretary's name. */}
        <div className="span-2">
        <TextField label="Tên hội nghị" saveKey={k('title')} value={meeting.title} save={(v) => save({ title: v })} multiline rows={2} max={1000} testId="f-title" />
        {suggestion && suggestion !== meeting.title ? (
          <p className="suggest">
            Gợi ý: <em>{suggestion}</em>{' '}
            <button type="button" className="link" onClick={() => void save({ title: suggestion })} data-testid="use-title">
              Dùng tên này
            </button>
          </p>
        ) : null}
        </div>
        <div className="grid-3">
          <DateField label="Ngày họp" saveKey={k('date')} value={meeting.date} save={(v) => save({ date: v })} testId="f-date" />
          <TimeField label="Giờ bắt đầu" saveKey={k('startTime')} value={meeting.startTime} save={(v) => save({ startTime: v })} testId="f-start" />
          <TextField
            label="Số biên bản"
            saveKey={k('docNumber')}
            value={meeting.docNumber ? String(meeting.docNumber) : ''}
            save={(v) => save({ docNumber: v.trim() ? Number(v) : null })}
            placeholder="ví dụ 5"
            testId="f-docnumber"
          />
        </div>
        <div className="grid-2 tight">
          <ChairPicker attendees={attendees} update={update} />
          <TextField label="Thư ký (người ghi biên bản)" saveKey={k('secretary')} value={meeting.secretary} save={(v) => save({ secretary: v })} testId="f-secretary" />
        </div>
      </div>
    </section>
  );
}

/**
 * The chair is the attendee whose role is "Chủ trì". Picking another one hands the previous
 * chair the role of a local leader, so there is only ever one.
 */
function ChairPicker({ attendees, update }: { attendees: Attendee[]; update: Update }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const chairs = attendees.filter((a) => a.role === 'chair');
  const current = chairs[0]?.id ?? 0;
  const choose = async (nextId: number) => {
    setError(null);
    const changes: { id: number; role: Attendee['role'] }[] = [
      ...chairs.filter((c) => c.id !== nextId).map((c) => ({ id: c.id, role: 'host' as const })),
      ...(nextId ? [{ id: nextId, role: 'chair' as const }] : []),
    ];
    for (const c of changes) {
      const r = await api.call('attendee.update', { id: c.id, patch: { role: c.role } });
      if (!r.ok) {
        setError(r.error.message);
        return;
      }
      update((rec) => ({ ...rec, attendees: rec.attendees.map((a) => (a.id === r.value.id ? r.value : a)) }));
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>Chủ trì hội nghị</label>
      <select id={id} value={current} onChange={(e) => void choose(Number(e.target.value))} data-testid="f-chair" disabled={attendees.length === 0}>
        <option value={0}>{attendees.length ? '— Chọn trong danh sách đại biểu —' : '— Thêm đại biểu trước —'}</option>
        {attendees.map((a) => (
          <option key={a.id} value={a.id}>
            {a.fullName}
            {a.titles.length ? ` – ${a.titles.join(', ')}` : ''}
          </option>
        ))}
      </select>
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : chairs.length > 1 ? (
        <div className="field-hint">Đang có {chairs.length} người cùng vai trò Chủ trì; chọn lại để chỉ còn một.</div>
      ) : null}
    </div>
  );
}

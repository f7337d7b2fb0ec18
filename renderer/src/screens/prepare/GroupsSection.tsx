// Attendee groups as free text ("lãnh đạo các phòng, ban chuyên môn Hội LHPN Hà Nội"): the
// article and the minutes list them after the named people of the same side.
import { useId, useState, type KeyboardEvent } from 'react';
import type { AttendeeGroup, GroupRole } from '../../../../electron/shared/domain';
import { GROUP_ROLES } from '../../../../electron/shared/domain';
import { LIMITS } from '../../../../electron/shared/limits';
import { api } from '../../lib/api';
import { TextField } from '../../components/fields';
import type { Update } from './PrepareTab';
import type { ShowUndo } from './undo';

export const GROUP_ROLE_LABELS: Record<GroupRole, string> = {
  guest: 'Khách mời cấp trên',
  host: 'Lãnh đạo địa phương',
  participant: 'Đại biểu, người dân dự',
};

const nf = new Intl.NumberFormat('vi-VN');

type Props = { meetingId: number; groups: AttendeeGroup[]; update: Update; showUndo: ShowUndo };

export function GroupsSection({ meetingId, groups, update, showUndo }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [role, setRole] = useState<GroupRole>('host');
  const [error, setError] = useState<string | null>(null);
  const replace = (g: AttendeeGroup) => update((rec) => ({ ...rec, groups: rec.groups.map((x) => (x.id === g.id ? g : x)) }));

  const add = async () => {
    const v = text.normalize('NFC').trim();
    if (!v) {
      setError('Hãy gõ thành phần cần thêm, ví dụ: lãnh đạo Đảng, chính quyền các phường.');
      return;
    }
    if (v.length > LIMITS.shortText) {
      setError(`Thành phần quá dài: tối đa ${nf.format(LIMITS.shortText)} ký tự, hiện có ${nf.format(v.length)}.`);
      return;
    }
    const r = await api.call('group.add', { meetingId, text: v, role });
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(null);
    setText('');
    update((rec) => ({ ...rec, groups: [...rec.groups, r.value] }));
  };

  const remove = async (g: AttendeeGroup) => {
    const r = await api.call('group.remove', { id: g.id });
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    update((rec) => ({ ...rec, groups: rec.groups.filter((x) => x.id !== g.id) }));
    showUndo({
      message: `Đã xóa thành phần "${g.text.length > 60 ? `${g.text.slice(0, 60)}…` : g.text}".`,
      undo: async () => {
        const back = await api.call('group.restore', { id: g.id });
        if (!back.ok) return back.error.message;
        update((rec) => ({ ...rec, groups: [...rec.groups, back.value].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id) }));
        return null;
      },
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      void add();
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Thành phần dự khác ({groups.length})</h2>
      <p className="muted small section-note">Các nhóm không ghi tên từng người, ví dụ "lãnh đạo các ban, ngành, đoàn thể phường".</p>
      {groups.length ? (
        <ul className="groups" data-testid="groups">
          {groups.map((g, i) => (
            <li key={g.id} className="group-row" data-testid="group-row">
              <TextField
                className="compact"
                label={`Thành phần ${i + 1}`}
                saveKey={`group:${g.id}:text`}
                value={g.text}
                required
                testId="group-text"
                save={async (v) => {
                  const r = await api.call('group.update', { id: g.id, patch: { text: v } });
                  if (r.ok) replace(r.value);
                  return r;
                }}
              />
              <select
                aria-label={`Bên của thành phần ${i + 1}`}
                value={g.role}
                onChange={(e) => {
                  const next = e.target.value as GroupRole;
                  void api.call('group.update', { id: g.id, patch: { role: next } }).then((r) => (r.ok ? replace(r.value) : setError(r.error.message)));
                }}
              >
                {GROUP_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {GROUP_ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
              <button type="button" className="danger-link" onClick={() => void remove(g)} aria-label={`Xóa thành phần ${i + 1}`} data-testid="group-remove">
                Xóa
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="group-add" onKeyDown={onKeyDown}>
        <div className="field">
          <label htmlFor={`${id}-new`}>Thêm thành phần</label>
          <input id={`${id}-new`} type="text" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} placeholder="Ví dụ: lãnh đạo Đảng, chính quyền các phường" data-testid="group-new" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Bên</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as GroupRole)} data-testid="group-new-role">
            {GROUP_ROLES.map((r) => (
              <option key={r} value={r}>
                {GROUP_ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => void add()} data-testid="group-add">
          Thêm
        </button>
      </div>
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
    </section>
  );
}

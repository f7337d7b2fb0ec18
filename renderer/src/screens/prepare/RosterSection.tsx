// The roster in protocol order. Titles are edited in one field per person, separated by ";"
// ("TUV; Bí thư Quận ủy"): a comma cannot be the separator because a title may contain one
// ("Trưởng phòng Tài nguyên, Môi trường"). Documents print them joined by ", " as usual.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Attendee, Presence, Role } from '../../../../electron/shared/domain';
import { PRESENCES, ROLE_LABELS, ROLES } from '../../../../electron/shared/domain';
import { LIMITS } from '../../../../electron/shared/limits';
import { api } from '../../lib/api';
import { TextField } from '../../components/fields';
import { PersonTypeahead, type PersonOption } from '../../components/PersonTypeahead';
import { ImportDialog } from './ImportDialog';
import type { Update } from './PrepareTab';
import type { ShowUndo } from './undo';
import { useRowRefocus } from './use-row-refocus';
import { useRosterEdits, type NewPerson } from './use-roster-edits';
import { useRosterDrag } from './use-roster-drag';
import { useRosterImport } from './use-roster-import';
import { splitTitles, useNewPersonForm } from './use-new-person-form';

export { splitTitles };

const PRESENCE_LABELS: Record<Presence, string> = { present: 'Có mặt', absent: 'Vắng', late: 'Đến muộn' };
const nf = new Intl.NumberFormat('vi-VN');

const isComposing = (e: KeyboardEvent) => e.nativeEvent.isComposing || e.keyCode === 229;

type Props = { meetingId: number; attendees: Attendee[]; update: Update; showUndo: ShowUndo; onImported: () => Promise<void> };

export function RosterSection({ meetingId, attendees, update, showUndo, onImported }: Props) {
  const [creating, setCreating] = useState<string | null>(null);
  const personIds = useMemo(() => new Set(attendees.map((a) => a.personId)), [attendees]);
  const tbody = useRef<HTMLTableSectionElement>(null);
  const addBox = useRef<HTMLDivElement>(null);
  const focusSearch = () => requestAnimationFrame(() => addBox.current?.querySelector('input')?.focus());

  const keepFocus = useRowRefocus(tbody);
  const { error, setError, announce, replace, add, move, sortByRank, remove } = useRosterEdits({ meetingId, attendees, update, showUndo, keepFocus });
  const drag = useRosterDrag(move);
  const importer = useRosterImport(onImported);

  const onRowKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, a: Attendee, index: number) => {
    if (isComposing(e) || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const target = e.target as HTMLElement;
    const selector = target.dataset.focus
      ? `[data-focus="${target.dataset.focus}"]`
      : target.dataset.testid
        ? `[data-testid="${target.dataset.testid}"]`
        : '[data-focus="handle"]';
    void move(a.id, e.key === 'ArrowUp' ? index - 1 : index + 1, selector);
  };

  return (
    <section className="card" aria-labelledby="roster-h">
      <div className="section-head">
        <h2 id="roster-h">Danh sách đại biểu ({attendees.length})</h2>
        <div className="row gap-s">
          <button type="button" onClick={() => void sortByRank()} disabled={attendees.length < 2} data-testid="sort-rank">
            Sắp xếp theo thứ bậc
          </button>
          <button type="button" onClick={importer.open} data-testid="import-roster">
            Nhập từ tệp Excel/CSV…
          </button>
        </div>
      </div>
      <div className="roster-add" ref={addBox}>
        <PersonTypeahead
          label="Thêm đại biểu (gõ tên, không dấu hoặc chữ cái đầu cũng được)"
          placeholder="Ví dụ: thieu, ttq, Nguyễn Hữu Tuyên"
          testId="person-search"
          excludeIds={personIds}
          onPick={(p: PersonOption) => void add({ personId: p.id })}
          onCreate={(typed) => setCreating(typed)}
        />
      </div>
      {creating !== null ? (
        <NewPersonForm
          key={creating}
          initialName={creating}
          onCancel={() => {
            setCreating(null);
            focusSearch();
          }}
          onAdd={async (np, role) => {
            const done = await add({ newPerson: np }, role);
            if (done) {
              setCreating(null);
              focusSearch();
            }
            return done;
          }}
        />
      ) : null}
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      {importer.info ? (
        <div className="banner info" role="status">
          {importer.info}
        </div>
      ) : null}
      <div className="sr-only" aria-live="polite">
        {announce}
      </div>
      {attendees.length ? (
        <table className="list roster-table" data-testid="roster">
          <caption className="sr-only">Danh sách đại biểu theo thứ tự lễ tân. Alt+↑ và Alt+↓ chuyển người đang chọn lên hoặc xuống.</caption>
          <thead>
            <tr>
              <th scope="col" className="col-order">
                TT
              </th>
              <th scope="col" className="col-name">
                Họ tên
              </th>
              <th scope="col">Chức vụ (nhiều chức vụ cách nhau bằng dấu ;)</th>
              <th scope="col" className="col-role">
                Vai trò
              </th>
              <th scope="col" className="col-presence">
                Tham dự
              </th>
              <th scope="col" className="col-actions">
                <span className="sr-only">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody ref={tbody}>
            {attendees.map((a, i) => (
              <tr
                key={a.id}
                data-id={a.id}
                data-testid="roster-row"
                className={drag.rowClass(a.id, i)}
                onKeyDown={(e) => onRowKeyDown(e, a, i)}
                onDragOver={(e) => drag.onDragOver(e, i)}
                onDrop={(e) => drag.onDrop(e, i)}
              >
                <td className="col-order">
                  <button
                    type="button"
                    className="drag-handle"
                    draggable
                    data-focus="handle"
                    aria-label={`${a.fullName}, vị trí ${i + 1}. Alt+↑ hoặc Alt+↓ để chuyển; kéo để sắp xếp`}
                    title="Kéo để sắp xếp, hoặc Alt+↑ / Alt+↓"
                    onDragStart={(e) => drag.onDragStart(e, a.id)}
                    onDragEnd={drag.onDragEnd}
                    onKeyDown={(e) => {
                      // On the handle the plain arrows move too, the usual keyboard drag idiom.
                      if (isComposing(e) || e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                      e.preventDefault();
                      void move(a.id, e.key === 'ArrowUp' ? i - 1 : i + 1, '[data-focus="handle"]');
                    }}
                  >
                    <span aria-hidden="true">⠿</span> {i + 1}
                  </button>
                </td>
                <td className="col-name">
                  <div className="person-name" data-testid="roster-name">
                    {a.fullName}
                  </div>
                  {a.organization ? <div className="muted small">{a.organization}</div> : null}
                </td>
                <td>
                  <TextField
                    className="compact"
                    label={`Chức vụ của ${a.fullName}`}
                    saveKey={`attendee:${a.id}:titles`}
                    value={a.titles.join('; ')}
                    max={LIMITS.shortText * 4}
                    placeholder="Ví dụ: Bí thư Đảng ủy; Chủ tịch HĐND phường"
                    testId="roster-titles"
                    save={async (v) => {
                      const titles = splitTitles(v);
                      const long = titles.find((t) => t.length > LIMITS.shortText);
                      if (long) return { ok: false, error: { code: 'validation', message: `Một chức vụ quá dài: tối đa ${nf.format(LIMITS.shortText)} ký tự.` } };
                      const r = await api.call('attendee.update', { id: a.id, patch: { titles } });
                      if (r.ok) replace(r.value);
                      return r;
                    }}
                  />
                </td>
                <td className="col-role">
                  <select
                    aria-label={`Vai trò của ${a.fullName}`}
                    value={a.role}
                    data-focus="role"
                    data-testid="roster-role"
                    onChange={(e) => {
                      const role = e.target.value as Role;
                      void api.call('attendee.update', { id: a.id, patch: { role } }).then((r) => (r.ok ? replace(r.value) : setError(r.error.message)));
                    }}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="col-presence">
                  <select
                    aria-label={`Tham dự của ${a.fullName}`}
                    value={a.presence}
                    data-focus="presence"
                    onChange={(e) => {
                      const presence = e.target.value as Presence;
                      void api.call('attendee.update', { id: a.id, patch: { presence } }).then((r) => (r.ok ? replace(r.value) : setError(r.error.message)));
                    }}
                  >
                    {PRESENCES.map((p) => (
                      <option key={p} value={p}>
                        {PRESENCE_LABELS[p]}
                      </option>
                    ))}
                  </select>
                  {a.presence !== 'present' ? (
                    <TextField
                      className="compact"
                      label={`Lý do (${a.fullName})`}
                      placeholder="Lý do"
                      saveKey={`attendee:${a.id}:reason`}
                      value={a.reason}
                      save={async (v) => {
                        const r = await api.call('attendee.update', { id: a.id, patch: { reason: v } });
                        if (r.ok) replace(r.value);
                        return r;
                      }}
                    />
                  ) : null}
                </td>
                <td className="col-actions">
                  <button type="button" className="danger-link" onClick={() => void remove(a)} aria-label={`Xóa ${a.fullName} khỏi danh sách`} data-testid="roster-remove">
                    Xóa
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">Chưa có đại biểu nào. Gõ tên vào ô trên để tìm trong danh bạ hoặc thêm người mới, hoặc nhập từ tệp.</p>
      )}
      {importer.importing ? <ImportDialog kind="roster" meetingId={meetingId} onClose={importer.close} onImported={importer.imported} /> : null}
    </section>
  );
}

/** A person new to the directory. Plain inputs; the person is created only on "Thêm". */
function NewPersonForm({ initialName, onAdd, onCancel }: { initialName: string; onAdd: (p: NewPerson, role: Role) => Promise<boolean>; onCancel: () => void }) {
  const { name, setName, titles, setTitles, org, setOrg, role, setRole, problem, busy, submit } = useNewPersonForm(initialName, onAdd);
  const onKeyDown = (e: KeyboardEvent) => {
    if (isComposing(e)) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  return (
    <div className="new-person" role="group" aria-labelledby="np-h" onKeyDown={onKeyDown} data-testid="new-person">
      <h3 id="np-h">Thêm người mới vào danh bạ và danh sách đại biểu</h3>
      <div className="new-person-grid">
        <div className="field">
          <label htmlFor="np-name">Họ tên</label>
          <input id="np-name" type="text" value={name} onChange={(e) => setName(e.target.value)} autoFocus spellCheck={false} data-testid="np-name" />
        </div>
        <div className="field">
          <label htmlFor="np-titles">Chức vụ (cách nhau bằng dấu ;)</label>
          <input id="np-titles" type="text" value={titles} onChange={(e) => setTitles(e.target.value)} placeholder="Ví dụ: Bí thư Đảng ủy; Chủ tịch HĐND phường" spellCheck={false} data-testid="np-titles" />
        </div>
        <div className="field">
          <label htmlFor="np-org">Đơn vị</label>
          <input id="np-org" type="text" value={org} onChange={(e) => setOrg(e.target.value)} placeholder="Ví dụ: phường Tây Tựu" spellCheck={false} data-testid="np-org" />
        </div>
        <div className="field">
          <label htmlFor="np-role">Vai trò</label>
          <select id="np-role" value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="np-role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {problem ? (
        <div className="field-error" role="alert">
          {problem}
        </div>
      ) : null}
      <div className="row gap-s">
        <button type="button" className="primary" onClick={() => void submit()} disabled={busy} data-testid="np-add">
          Thêm vào danh sách
        </button>
        <button type="button" onClick={onCancel}>
          Hủy
        </button>
        <span className="muted small">Enter để thêm, Esc để hủy.</span>
      </div>
    </div>
  );
}

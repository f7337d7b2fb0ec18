// The roster in protocol order. Titles are edited in one field per person, separated by ";"
// ("TUV; Bí thư Quận ủy"): a comma cannot be the separator because a title may contain one
// ("Trưởng phòng Tài nguyên, Môi trường"). Documents print them joined by ", " as usual.
import { useLayoutEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Attendee, Presence, Role } from '../../../../electron/shared/domain';
import { PRESENCES, ROLE_LABELS, ROLES } from '../../../../electron/shared/domain';
import { LIMITS } from '../../../../electron/shared/limits';
import type { ImportCommitResult } from '../../../../electron/shared/imports';
import { api } from '../../lib/api';
import { TextField } from '../../components/fields';
import { PersonTypeahead, type PersonOption } from '../../components/PersonTypeahead';
import { ImportDialog } from './ImportDialog';
import type { Update } from './PrepareTab';
import type { ShowUndo } from './undo';

const PRESENCE_LABELS: Record<Presence, string> = { present: 'Có mặt', absent: 'Vắng', late: 'Đến muộn' };
const nf = new Intl.NumberFormat('vi-VN');

export const splitTitles = (v: string): string[] =>
  v
    .split(';')
    .map((t) => t.trim())
    .filter(Boolean);

const isComposing = (e: KeyboardEvent) => e.nativeEvent.isComposing || e.keyCode === 229;

type Props = { meetingId: number; attendees: Attendee[]; update: Update; showUndo: ShowUndo; onImported: () => Promise<void> };

export function RosterSection({ meetingId, attendees, update, showUndo, onImported }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [creating, setCreating] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [dragId, setDragId] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const personIds = useMemo(() => new Set(attendees.map((a) => a.personId)), [attendees]);
  const refocus = useRef<{ id: number; selector: string } | null>(null);
  const tbody = useRef<HTMLTableSectionElement>(null);
  const addBox = useRef<HTMLDivElement>(null);
  const focusSearch = () => requestAnimationFrame(() => addBox.current?.querySelector('input')?.focus());

  const setList = (list: Attendee[]) => update((rec) => ({ ...rec, attendees: list }));
  const replace = (a: Attendee) => update((rec) => ({ ...rec, attendees: rec.attendees.map((x) => (x.id === a.id ? a : x)) }));

  // Moving a row moves its DOM node, which drops focus; put it back where it was.
  useLayoutEffect(() => {
    const r = refocus.current;
    if (!r) return;
    refocus.current = null;
    tbody.current?.querySelector<HTMLElement>(`tr[data-id="${r.id}"] ${r.selector}`)?.focus();
  });

  const add = async (input: { personId: number } | { newPerson: { fullName: string; titles: string[]; organization: string } }, role: Role = 'delegate') => {
    setError(null);
    const r = await api.call('attendee.add', { meetingId, role, ...input });
    if (!r.ok) {
      setError(r.error.message);
      return false;
    }
    update((rec) => ({ ...rec, attendees: [...rec.attendees, r.value] }));
    setAnnounce(`Đã thêm ${r.value.fullName} vào danh sách, vị trí ${attendees.length + 1}.`);
    return true;
  };

  const move = async (id: number, to: number, focusSelector?: string) => {
    const from = attendees.findIndex((a) => a.id === id);
    if (from < 0 || to < 0 || to >= attendees.length || to === from) return;
    const next = [...attendees];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    if (focusSelector) refocus.current = { id, selector: focusSelector };
    setList(next);
    setAnnounce(`Đã chuyển ${moved.fullName} đến vị trí ${to + 1} trên ${attendees.length}.`);
    const r = await api.call('attendee.reorder', { meetingId, ids: next.map((a) => a.id) });
    if (r.ok) setList(r.value);
    else setError(r.error.message);
  };

  const sortByRank = async () => {
    setError(null);
    const r = await api.call('attendee.sortByRank', { meetingId });
    if (r.ok) {
      setList(r.value);
      setAnnounce('Đã sắp xếp danh sách theo thứ bậc.');
    } else setError(r.error.message);
  };

  const remove = async (a: Attendee) => {
    setError(null);
    const r = await api.call('attendee.remove', { id: a.id });
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    update((rec) => ({ ...rec, attendees: rec.attendees.filter((x) => x.id !== a.id) }));
    showUndo({
      message: `Đã xóa ${a.fullName} khỏi danh sách đại biểu.`,
      undo: async () => {
        const back = await api.call('attendee.restore', { id: a.id });
        if (!back.ok) return back.error.message;
        update((rec) => ({ ...rec, attendees: [...rec.attendees, back.value].sort((x, y) => x.sortOrder - y.sortOrder || x.id - y.id) }));
        return null;
      },
    });
  };

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

  const onDrop = (e: DragEvent, index: number) => {
    e.preventDefault();
    const id = dragId ?? Number(e.dataTransfer.getData('text/plain'));
    setDragId(null);
    setDropAt(null);
    if (id) void move(id, index);
  };

  const imported = (r: ImportCommitResult) => {
    setInfo(
      `Đã nhập ${nf.format(r.imported)} đại biểu (${nf.format(r.createdPeople)} người mới trong danh bạ, ${nf.format(r.reusedPeople)} người đã có)${r.skipped ? `; bỏ qua ${nf.format(r.skipped)} dòng` : ''}.`,
    );
    void onImported();
  };

  return (
    <section className="card" aria-labelledby="roster-h">
      <div className="section-head">
        <h2 id="roster-h">Danh sách đại biểu ({attendees.length})</h2>
        <div className="row gap-s">
          <button type="button" onClick={() => void sortByRank()} disabled={attendees.length < 2} data-testid="sort-rank">
            Sắp xếp theo thứ bậc
          </button>
          <button type="button" onClick={() => setImporting(true)} data-testid="import-roster">
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
      {info ? (
        <div className="banner info" role="status">
          {info}
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
                className={`${dragId === a.id ? 'dragging' : ''} ${dropAt === i && dragId !== a.id ? 'drop-target' : ''}`}
                onKeyDown={(e) => onRowKeyDown(e, a, i)}
                onDragOver={(e) => {
                  if (dragId === null) return;
                  e.preventDefault();
                  e.dataTransfer.dropEffect = 'move';
                  setDropAt(i);
                }}
                onDrop={(e) => onDrop(e, i)}
              >
                <td className="col-order">
                  <button
                    type="button"
                    className="drag-handle"
                    draggable
                    data-focus="handle"
                    aria-label={`${a.fullName}, vị trí ${i + 1}. Alt+↑ hoặc Alt+↓ để chuyển; kéo để sắp xếp`}
                    title="Kéo để sắp xếp, hoặc Alt+↑ / Alt+↓"
                    onDragStart={(e) => {
                      setDragId(a.id);
                      e.dataTransfer.effectAllowed = 'move';
                      e.dataTransfer.setData('text/plain', String(a.id));
                    }}
                    onDragEnd={() => {
                      setDragId(null);
                      setDropAt(null);
                    }}
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
      {importing ? <ImportDialog kind="roster" meetingId={meetingId} onClose={() => setImporting(false)} onImported={imported} /> : null}
    </section>
  );
}

type NewPerson = { fullName: string; titles: string[]; organization: string };

/** A person new to the directory. Plain inputs; the person is created only on "Thêm". */
function NewPersonForm({ initialName, onAdd, onCancel }: { initialName: string; onAdd: (p: NewPerson, role: Role) => Promise<boolean>; onCancel: () => void }) {
  const [name, setName] = useState(initialName);
  const [titles, setTitles] = useState('');
  const [org, setOrg] = useState('');
  const [role, setRole] = useState<Role>('delegate');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tooLong = (label: string, v: string) => (v.length > LIMITS.shortText ? `${label} quá dài: tối đa ${nf.format(LIMITS.shortText)} ký tự, hiện có ${nf.format(v.length)}.` : null);
  const submit = async () => {
    const t = splitTitles(titles);
    const p =
      (!name.trim() ? 'Họ tên không được để trống.' : null) ??
      tooLong('Họ tên', name) ??
      tooLong('Đơn vị', org) ??
      (t.some((x) => x.length > LIMITS.shortText) ? `Một chức vụ quá dài: tối đa ${nf.format(LIMITS.shortText)} ký tự.` : null);
    setProblem(p);
    if (p || busy) return;
    setBusy(true);
    await onAdd({ fullName: name.normalize('NFC').trim(), titles: t.map((x) => x.normalize('NFC')), organization: org.normalize('NFC').trim() }, role);
    setBusy(false);
  };
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

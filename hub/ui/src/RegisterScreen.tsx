// The register across units: the app's filters (status, agency, field, period, due within N days,
// overdue, Vietnamese search) plus the unit; a page of 100 at a time; a note on any item.
import { useEffect, useMemo, useState } from 'react';
import type { HubRegisterItem, HubStatusOption, HubUnitRow } from '../../src/api-types';
import { download, get, post } from './api';
import { nf, viDate } from './format';
import { DateField } from './DateField';

type Filter = { query: string; status: string; agency: string; topic: string; from: string; to: string; overdue: boolean; dueWithinDays: string };
const EMPTY: Filter = { query: '', status: '', agency: '', topic: '', from: '', to: '', overdue: false, dueWithinDays: '' };
const PAGE = 100;

export function RegisterScreen({ unitId, onUnit }: { unitId: number | undefined; onUnit: (id: number | undefined) => void }) {
  const [f, setF] = useState<Filter>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; capped?: boolean; items: HubRegisterItem[] } | null>(null);
  const [error, setError] = useState('');
  const [units, setUnits] = useState<HubUnitRow[]>([]);
  const [statuses, setStatuses] = useState<HubStatusOption[]>([]);
  const [noteFor, setNoteFor] = useState<HubRegisterItem | null>(null);

  useEffect(() => {
    void get<HubUnitRow[]>('/api/units').then(setUnits, () => undefined);
    void get<HubStatusOption[]>('/api/statuses').then(setStatuses, () => undefined);
  }, []);

  const params = useMemo(
    () => ({
      query: f.query || undefined,
      status: f.status ? [f.status] : undefined,
      agency: f.agency || undefined,
      topic: f.topic || undefined,
      from: f.from || undefined,
      to: f.to || undefined,
      overdue: f.overdue || undefined,
      dueWithinDays: f.dueWithinDays || undefined,
      unitId,
    }),
    [f, unitId],
  );

  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      get<{ total: number; capped?: boolean; items: HubRegisterItem[] }>('/api/register', { ...params, limit: PAGE, offset }).then(
        (p) => {
          if (!live) return;
          setPage(p);
          setError('');
        },
        (e: unknown) => live && setError(e instanceof Error ? e.message : 'Không tải được sổ theo dõi.'),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [params, offset]);

  const set = (patch: Partial<Filter>) => {
    setF((x) => ({ ...x, ...patch }));
    setOffset(0);
  };

  return (
    <section aria-labelledby="reg-h">
      <h2 id="reg-h">Sổ theo dõi kiến nghị của các đơn vị</h2>
      <div className="hub-filters" role="search">
        <label>
          Tìm (gõ có dấu hoặc không dấu)
          <input type="search" value={f.query} onChange={(e) => set({ query: e.target.value })} placeholder="ví dụ: duong giao thong" />
        </label>
        <label>
          Đơn vị
          <select value={unitId ?? ''} onChange={(e) => { onUnit(e.target.value ? Number(e.target.value) : undefined); setOffset(0); }}>
            <option value="">Tất cả đơn vị</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </select>
        </label>
        <label>
          Trạng thái
          <select value={f.status} onChange={(e) => set({ status: e.target.value })}>
            <option value="">Tất cả</option>
            {statuses.map((s) => (
              <option key={s.key} value={s.key}>{s.label}</option>
            ))}
          </select>
        </label>
        <label>
          Cơ quan giải quyết
          <input value={f.agency} onChange={(e) => set({ agency: e.target.value })} />
        </label>
        <label>
          Lĩnh vực
          <input value={f.topic} onChange={(e) => set({ topic: e.target.value })} />
        </label>
        <DateField label="Từ ngày" value={f.from} onChange={(v) => set({ from: v })} />
        <DateField label="Đến ngày" value={f.to} onChange={(v) => set({ to: v })} />
        <label>
          Đến hạn trong (ngày)
          <input type="number" min={0} max={3650} value={f.dueWithinDays} onChange={(e) => set({ dueWithinDays: e.target.value })} />
        </label>
        <label className="hub-check">
          <input type="checkbox" checked={f.overdue} onChange={(e) => set({ overdue: e.target.checked })} /> Quá hạn
        </label>
        <button type="button" onClick={() => { set(EMPTY); onUnit(undefined); }}>
          Bỏ lọc
        </button>
        <button type="button" onClick={() => download('/api/register.xlsx', { ...params, status: f.status || undefined, overdue: f.overdue ? 1 : undefined })}>
          Tải sổ (.xlsx)
        </button>
      </div>
      {error && <p role="alert" className="hub-error">{error}</p>}
      {page && (
        <>
          <p aria-live="polite">
            {page.capped ? `Hơn ${nf.format(page.total)} kiến nghị khớp bộ lọc` : `${nf.format(page.total)} kiến nghị`}
            {page.total > PAGE ? `, đang xem ${nf.format(offset + 1)}–${nf.format(Math.min(offset + PAGE, page.total))}` : ''}.
            {page.capped ? ' Hãy thu hẹp bộ lọc; tổng số theo kỳ có ở màn hình Báo cáo.' : ''}
          </p>
          <table className="hub-table">
            <thead>
              <tr>
                <th>Đơn vị</th>
                <th>Hội nghị</th>
                <th>Nội dung kiến nghị</th>
                <th>Lĩnh vực</th>
                <th>Trạng thái</th>
                <th>Cơ quan giải quyết</th>
                <th>Thời hạn</th>
                <th><span className="sr-only">Ghi chú</span></th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((i) => (
                <tr key={i.uid} className={i.overdue ? 'overdue' : undefined}>
                  <td>{i.unitName}</td>
                  <td>
                    {i.meetingTitle}
                    <br />
                    <small>{viDate(i.meetingDate)}</small>
                  </td>
                  <td>{i.content}</td>
                  <td>{i.topic}</td>
                  <td>
                    {i.statusLabel}
                    {i.conflict && <strong className="hub-conflict"> (hai máy cùng sửa)</strong>}
                  </td>
                  <td>{i.agency}</td>
                  <td>
                    {viDate(i.deadline)}
                    {i.overdue && <strong> quá hạn</strong>}
                  </td>
                  <td>
                    <button type="button" onClick={() => setNoteFor(i)}>Ghi chú</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="hub-pager">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Trang trước</button>
            <button type="button" disabled={offset + PAGE >= page.total && !page.capped} onClick={() => setOffset(offset + PAGE)}>Trang sau</button>
          </div>
        </>
      )}
      {noteFor && <NoteDialog item={noteFor} onClose={() => setNoteFor(null)} />}
    </section>
  );
}

function NoteDialog({ item, onClose }: { item: HubRegisterItem; onClose: () => void }) {
  const [note, setNote] = useState('');
  const [msg, setMsg] = useState('');
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="note-h" className="hub-dialog">
      <h3 id="note-h">Ghi chú theo dõi của tỉnh</h3>
      <p>{item.content}</p>
      <textarea autoFocus rows={4} value={note} onChange={(e) => setNote(e.target.value)} aria-label="Nội dung ghi chú" />
      {msg && <p role="alert">{msg}</p>}
      <button type="button" disabled={!note.trim()} onClick={() => void post(`/api/items/${item.uid}/notes`, { note }).then(onClose, (e: unknown) => setMsg(e instanceof Error ? e.message : 'Không ghi được.'))}>
        Lưu ghi chú
      </button>
      <button type="button" onClick={onClose}>Đóng</button>
    </div>
  );
}

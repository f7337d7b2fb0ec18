// Office settings of the follow-up register (in Thiết lập): the statuses an office uses (rename,
// reorder, hide, add with what they mean for the report) and the agencies it assigns kiến nghị to.
// A status's key never changes (the history stores it); hiding keeps it on the items that have it.
import { useEffect, useId, useState } from 'react';
import { STATUS_CATEGORIES, type FollowupStatus, type StatusCategory } from '../../../../electron/shared/followup';
import { api } from '../../lib/api';
import { useData } from '../../lib/use-data';
import { statusKeyFrom } from './filters';
import './register.css';

export const CATEGORY_LABELS: Record<StatusCategory, string> = {
  open: 'Đang giải quyết',
  resolved: 'Đã giải quyết',
  not_resolved: 'Chưa giải quyết được',
};

export function FollowupSettings() {
  return (
    <div className="followup-settings">
      <StatusSettings />
      <AgencySettings />
    </div>
  );
}

function StatusSettings() {
  const stored = useData('followup.statuses', {});
  const [draft, setDraft] = useState<FollowupStatus[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [newLabel, setNewLabel] = useState('');
  const [newCategory, setNewCategory] = useState<StatusCategory>('open');
  const [newAnswered, setNewAnswered] = useState(true);
  const id = useId();
  const list = draft ?? stored.data ?? [];
  const dirty = draft !== null;

  const edit = (i: number, patch: Partial<FollowupStatus>) => {
    setDone(null);
    setDraft(list.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  };
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= list.length) return;
    const next = [...list];
    [next[i], next[j]] = [next[j] as FollowupStatus, next[i] as FollowupStatus];
    setDone(null);
    setDraft(next);
    // The button pressed moves with its row, so pressing again keeps moving the same status.
    requestAnimationFrame(() => document.getElementById(`${id}-${by < 0 ? 'up' : 'down'}-${j}`)?.focus());
  };
  const add = () => {
    const label = newLabel.trim();
    if (!label) return setError('Hãy gõ tên trạng thái mới trước khi thêm.');
    if (list.some((s) => s.label.trim().toLowerCase() === label.toLowerCase())) return setError(`Đã có trạng thái «${label}».`);
    setError(null);
    setDone(null);
    const key = statusKeyFrom(label, list.map((s) => s.key));
    setDraft([...list, { key, label, category: newCategory, answered: newAnswered, sortOrder: list.length + 1, active: true }]);
    setNewLabel('');
  };
  async function save() {
    setError(null);
    const statuses = list.map((s, i) => ({ ...s, label: s.label.trim(), sortOrder: i + 1 }));
    const r = await api.call('followup.saveStatuses', { statuses });
    if (!r.ok) return setError(r.error.message);
    setDraft(null);
    await stored.reload();
    setDone('Đã lưu danh sách trạng thái.');
  }

  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="status-settings">
      <h2 id={`${id}-h`}>Trạng thái theo dõi kiến nghị</h2>
      <p className="muted small">
        Đổi tên, sắp xếp, ẩn hoặc thêm trạng thái. Mỗi trạng thái thuộc một loại để báo cáo đếm đúng (đang giải quyết, đã giải quyết, chưa giải quyết được), và có ghi rõ đã trả lời hay
        chưa: đã trả lời chưa phải là đã giải quyết xong. Trạng thái bị ẩn vẫn hiện ở những kiến nghị đang có trạng thái đó.
      </p>
      {stored.error ? <div className="banner error">{stored.error}</div> : null}
      <table className="list">
        <thead>
          <tr>
            <th scope="col" className="st-label">Tên trạng thái</th>
            <th scope="col">Loại (khi báo cáo)</th>
            <th scope="col" className="st-check">Đã trả lời</th>
            <th scope="col" className="st-check">Đang dùng</th>
            <th scope="col">Thứ tự</th>
          </tr>
        </thead>
        <tbody>
          {list.map((s, i) => (
            <tr key={s.key} data-testid="status-row" data-key={s.key}>
              <td>
                <input type="text" aria-label={`Tên trạng thái thứ ${i + 1}`} value={s.label} onChange={(e) => edit(i, { label: e.target.value })} spellCheck={false} data-testid="status-label" />
              </td>
              <td>
                <select aria-label={`Loại của «${s.label}»`} value={s.category} onChange={(e) => edit(i, { category: e.target.value as StatusCategory })} data-testid="status-category">
                  {STATUS_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {CATEGORY_LABELS[c]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="st-check">
                <input type="checkbox" aria-label={`«${s.label}» tính là đã trả lời`} checked={s.answered} onChange={(e) => edit(i, { answered: e.target.checked })} data-testid="status-answered" />
              </td>
              <td className="st-check">
                <input type="checkbox" aria-label={`Dùng «${s.label}» (bỏ chọn để ẩn)`} checked={s.active} onChange={(e) => edit(i, { active: e.target.checked })} data-testid="status-active" />
              </td>
              <td className="nowrap">
                <button type="button" id={`${id}-up-${i}`} onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Đưa «${s.label}» lên`}>
                  ↑
                </button>{' '}
                <button type="button" id={`${id}-down-${i}`} onClick={() => move(i, 1)} disabled={i === list.length - 1} aria-label={`Đưa «${s.label}» xuống`}>
                  ↓
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row gap">
        <div className="field">
          <label htmlFor={`${id}-new`}>Trạng thái mới</label>
          <input
            id={`${id}-new`}
            type="text"
            value={newLabel}
            onChange={(e) => setNewLabel(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                add();
              }
            }}
            placeholder="Ví dụ: Đã chuyển Thanh tra"
            spellCheck={false}
            data-testid="status-new-label"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-newcat`}>Loại</label>
          <select id={`${id}-newcat`} value={newCategory} onChange={(e) => setNewCategory(e.target.value as StatusCategory)} data-testid="status-new-category">
            {STATUS_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
        <label>
          <input type="checkbox" checked={newAnswered} onChange={(e) => setNewAnswered(e.target.checked)} data-testid="status-new-answered" /> Tính là đã trả lời
        </label>
        <button type="button" onClick={add} data-testid="status-add">
          Thêm trạng thái
        </button>
      </div>
      {error ? (
        <div className="field-error" role="alert" data-testid="status-error">
          {error}
        </div>
      ) : null}
      <div className="row gap">
        <button type="button" className="primary" onClick={() => void save()} disabled={!dirty} data-testid="status-save">
          Lưu danh sách trạng thái
        </button>
        {dirty ? (
          <button type="button" onClick={() => setDraft(null)}>
            Bỏ các thay đổi chưa lưu
          </button>
        ) : null}
        <span className="muted small" role="status" data-testid="status-saved">
          {dirty ? 'Có thay đổi chưa lưu.' : done}
        </span>
      </div>
    </section>
  );
}

function AgencySettings() {
  const agencies = useData('agency.list', {});
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const id = useId();

  async function saveAgency(input: { id?: number; name: string; active: boolean }, message: string) {
    setError(null);
    setDone(null);
    const r = await api.call('agency.save', input);
    if (!r.ok) {
      setError(r.error.message);
      return false;
    }
    await agencies.reload();
    setDone(message);
    return true;
  }
  async function add() {
    const n = name.trim();
    if (!n) return setError('Hãy gõ tên cơ quan, đơn vị trước khi thêm.');
    if (agencies.data?.some((a) => a.name.toLowerCase() === n.toLowerCase())) return setError(`Đã có «${n}» trong danh sách.`);
    if (await saveAgency({ name: n, active: true }, `Đã thêm «${n}».`)) setName('');
  }

  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="agency-settings">
      <h2 id={`${id}-h`}>Cơ quan, đơn vị được giao giải quyết</h2>
      <p className="muted small">Danh sách để chọn khi giao kiến nghị, ví dụ «UBND phường», «Phòng Kinh tế, Hạ tầng và Đô thị». Cơ quan bị ẩn vẫn hiện ở những kiến nghị đã giao.</p>
      {agencies.error ? <div className="banner error">{agencies.error}</div> : null}
      <table className="list">
        <tbody>
          {(agencies.data ?? []).map((a) => (
            <AgencyRow key={`${a.id}-${a.name}`} id={a.id} name={a.name} active={a.active} save={saveAgency} />
          ))}
        </tbody>
      </table>
      <div className="row gap">
        <div className="field">
          <label htmlFor={`${id}-new`}>Cơ quan, đơn vị mới</label>
          <input
            id={`${id}-new`}
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void add();
              }
            }}
            placeholder="Ví dụ: Phòng Kinh tế, Hạ tầng và Đô thị"
            spellCheck={false}
            data-testid="agency-new"
          />
        </div>
        <button type="button" onClick={() => void add()} data-testid="agency-add">
          Thêm cơ quan
        </button>
        <span className="muted small" role="status" data-testid="agency-saved">
          {done}
        </span>
      </div>
      {error ? (
        <div className="field-error" role="alert" data-testid="agency-error">
          {error}
        </div>
      ) : null}
    </section>
  );
}

type RowProps = { id: number; name: string; active: boolean; save: (input: { id?: number; name: string; active: boolean }, message: string) => Promise<boolean> };

/** A rename is stored when the cursor leaves the name (or on Enter); the box goes back to the stored name if refused. */
function AgencyRow(p: RowProps) {
  const [name, setName] = useState(p.name);
  useEffect(() => setName(p.name), [p.name]);
  const commit = async () => {
    const n = name.trim();
    if (n === p.name) return;
    if (!n || !(await p.save({ id: p.id, name: n, active: p.active }, `Đã đổi tên thành «${n}».`))) setName(p.name);
  };
  return (
    <tr data-testid="agency-row">
      <td>
        <input
          type="text"
          aria-label={`Tên cơ quan «${p.name}»`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void commit();
            }
          }}
          spellCheck={false}
          data-testid="agency-name"
        />
      </td>
      <td className="nowrap">
        <label>
          <input type="checkbox" checked={p.active} onChange={(e) => void p.save({ id: p.id, name: p.name, active: e.target.checked }, e.target.checked ? `Đã dùng lại «${p.name}».` : `Đã ẩn «${p.name}».`)} data-testid="agency-active" /> Đang dùng
        </label>
      </td>
    </tr>
  );
}

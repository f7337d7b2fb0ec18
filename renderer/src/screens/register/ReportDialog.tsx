// "Báo cáo kết quả giải quyết kiến nghị" for a period: the secretary picks the month, quarter,
// 6 or 9 months, year or two dates, sees the numbers the report will print (answered and
// resolved kept apart), and exports it as Word or Excel.
import { useEffect, useId, useRef, useState } from 'react';
import type { PeriodKind, PeriodReport, ReportRow } from '../../../../electron/shared/followup';
import { periodContaining, periodLabel, periodRange } from '../../../../electron/shared/period';
import { api } from '../../lib/api';
import { saveFile } from '../../lib/files';
import { isoToVnDate } from '../../lib/format';
import { choiceToSpec, type Choice } from './period-choice';

const KIND_LABELS: Record<PeriodKind, string> = {
  month: 'Tháng',
  quarter: 'Quý',
  half: '6 tháng',
  nine_months: '9 tháng',
  year: 'Năm',
  custom: 'Từ ngày đến ngày',
};

const ROMAN = ['I', 'II', 'III', 'IV'];

/** Today in the laptop's own calendar, as an ISO date. */
function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export function ReportDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const today = todayIso();
  const q = periodContaining('quarter', today);
  const [c, setC] = useState<Choice>(() => ({
    kind: 'quarter',
    year: Number(today.slice(0, 4)),
    month: Number(today.slice(5, 7)),
    quarter: q.kind === 'quarter' ? q.quarter : 1,
    half: Number(today.slice(5, 7)) <= 6 ? 1 : 2,
    from: isoToVnDate(`${today.slice(0, 8)}01`),
    to: isoToVnDate(today),
  }));
  const [report, setReport] = useState<PeriodReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const spec = choiceToSpec(c);
  const range = spec ? periodRange(spec) : null;
  const key = range ? `${range.from}|${range.to}|${c.kind}` : '';

  useEffect(() => {
    const d = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);

  useEffect(() => {
    if (!key) return setReport(null);
    const [from = '', to = '', kind = 'custom'] = key.split('|');
    let live = true;
    const t = setTimeout(async () => {
      const r = await api.call('report.build', { from, to, kind: kind as PeriodKind });
      if (!live) return;
      if (r.ok) {
        setReport(r.value);
        setError(null);
      } else setError(r.error.message);
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [key]);

  async function exportAs(format: 'docx' | 'xlsx') {
    if (!range) return;
    setBusy(true);
    setSaved(null);
    const r = await api.call('report.export', { from: range.from, to: range.to, kind: c.kind, format });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    saveFile(r.value.fileName, r.value.mime, r.value.dataBase64);
    setSaved(`Đã xuất «${r.value.fileName}».`);
  }

  const set = (patch: Partial<Choice>) => {
    setSaved(null);
    setC((old) => ({ ...old, ...patch }));
  };
  const years = Array.from({ length: 12 }, (_, i) => Number(today.slice(0, 4)) + 1 - i);

  return (
    <dialog ref={ref} className="docs-dialog reg-report" aria-labelledby={`${id}-h`} onClose={onClose} data-testid="report-dialog">
      <h2 id={`${id}-h`}>Báo cáo kết quả giải quyết kiến nghị</h2>
      <div className="reg-period row gap">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kỳ báo cáo</label>
          <select id={`${id}-kind`} value={c.kind} onChange={(e) => set({ kind: e.target.value as PeriodKind })} autoFocus data-testid="report-kind">
            {(Object.keys(KIND_LABELS) as PeriodKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        {c.kind === 'month' ? (
          <div className="field">
            <label htmlFor={`${id}-month`}>Tháng</label>
            <select id={`${id}-month`} value={c.month} onChange={(e) => set({ month: Number(e.target.value) })} data-testid="report-month">
              {Array.from({ length: 12 }, (_, i) => (
                <option key={i + 1} value={i + 1}>
                  Tháng {i + 1}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {c.kind === 'quarter' ? (
          <div className="field">
            <label htmlFor={`${id}-quarter`}>Quý</label>
            <select id={`${id}-quarter`} value={c.quarter} onChange={(e) => set({ quarter: Number(e.target.value) as 1 | 2 | 3 | 4 })} data-testid="report-quarter">
              {ROMAN.map((r, i) => (
                <option key={r} value={i + 1}>
                  Quý {r}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {c.kind === 'half' ? (
          <div className="field">
            <label htmlFor={`${id}-half`}>Nửa năm</label>
            <select id={`${id}-half`} value={c.half} onChange={(e) => set({ half: Number(e.target.value) === 2 ? 2 : 1 })} data-testid="report-half">
              <option value={1}>6 tháng đầu năm</option>
              <option value={2}>6 tháng cuối năm</option>
            </select>
          </div>
        ) : null}
        {c.kind !== 'custom' ? (
          <div className="field">
            <label htmlFor={`${id}-year`}>Năm</label>
            <select id={`${id}-year`} value={c.year} onChange={(e) => set({ year: Number(e.target.value) })} data-testid="report-year">
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <>
            <div className="field reg-date">
              <label htmlFor={`${id}-from`}>Từ ngày</label>
              <input id={`${id}-from`} type="text" value={c.from} onChange={(e) => set({ from: e.target.value })} placeholder="ngày/tháng/năm" data-testid="report-from" />
            </div>
            <div className="field reg-date">
              <label htmlFor={`${id}-to`}>Đến ngày</label>
              <input id={`${id}-to`} type="text" value={c.to} onChange={(e) => set({ to: e.target.value })} placeholder="ngày/tháng/năm" data-testid="report-to" />
            </div>
          </>
        )}
      </div>
      {spec && range ? (
        <p className="muted small" data-testid="report-period">
          Kỳ báo cáo: {periodLabel(spec)} ({isoToVnDate(range.from)} – {isoToVnDate(range.to)}).
        </p>
      ) : (
        <p className="field-error" role="alert">
          Hãy gõ hai ngày có thật theo dạng ngày/tháng/năm, ngày đầu không sau ngày cuối.
        </p>
      )}
      {error ? (
        <div className="banner error" role="alert" data-testid="report-error">
          {error}
        </div>
      ) : null}
      {report ? <ReportPreview report={report} /> : <p className="muted">Đang tính số liệu…</p>}
      {saved ? (
        <p className="banner info" role="status" data-testid="report-saved">
          {saved}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="primary" disabled={!range || busy} onClick={() => void exportAs('docx')} data-testid="report-docx">
          Xuất Word (.docx)
        </button>
        <button type="button" disabled={!range || busy} onClick={() => void exportAs('xlsx')} data-testid="report-xlsx">
          Xuất Excel (.xlsx)
        </button>
        <button type="button" onClick={() => ref.current?.close()} data-testid="report-close">
          Đóng
        </button>
      </div>
    </dialog>
  );
}

const COLUMNS: { key: keyof Omit<ReportRow, 'label'>; label: string }[] = [
  { key: 'carriedOver', label: 'Kỳ trước chuyển sang' },
  { key: 'received', label: 'Tiếp nhận trong kỳ' },
  { key: 'resolved', label: 'Đã giải quyết xong' },
  { key: 'inProgress', label: 'Đang giải quyết' },
  { key: 'notResolved', label: 'Chưa giải quyết được' },
  { key: 'answered', label: 'Đã trả lời' },
];

function Rows({ title, rows }: { title: string; rows: ReportRow[] }) {
  if (!rows.length) return null;
  return (
    <>
      <tr className="reg-report-group">
        <th colSpan={COLUMNS.length + 1} scope="colgroup">
          {title}
        </th>
      </tr>
      {rows.map((r) => (
        <tr key={`${title}-${r.label}`}>
          <th scope="row">{r.label || '(chưa ghi)'}</th>
          {COLUMNS.map((c) => (
            <td key={c.key}>{r[c.key]}</td>
          ))}
        </tr>
      ))}
    </>
  );
}

function ReportPreview({ report }: { report: PeriodReport }) {
  const t = report.total;
  return (
    <div className="reg-report-preview" data-testid="report-preview">
      <p>
        <strong>Tổng số kiến nghị, nhiệm vụ phải giải quyết: {t.carriedOver + t.received}</strong> (kỳ trước chuyển sang {t.carriedOver}, tiếp nhận trong kỳ {t.received}).
      </p>
      <p data-testid="report-pcts">
        Tỷ lệ <strong>đã trả lời: {nf.format(report.answeredPct)}%</strong> · tỷ lệ <strong>đã giải quyết xong: {nf.format(report.resolvedPct)}%</strong>
        <span className="muted small"> (đã trả lời chưa phải là đã giải quyết xong)</span>
      </p>
      <div className="reg-report-table">
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Nội dung</th>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="reg-report-total" data-testid="report-total">
              <th scope="row">Tổng cộng</th>
              {COLUMNS.map((c) => (
                <td key={c.key} data-col={c.key}>
                  {t[c.key]}
                </td>
              ))}
            </tr>
            <Rows title="Theo lĩnh vực" rows={report.byTopic} />
            <Rows title="Theo cơ quan giải quyết" rows={report.byAgency} />
          </tbody>
        </table>
      </div>
      {report.notResolved.length ? (
        <>
          <h3>Chưa giải quyết được và lý do</h3>
          <ul className="reg-report-reasons">
            {report.notResolved.map((n) => (
              <li key={n.uid}>
                {n.content} {n.agency ? <span className="muted">({n.agency})</span> : null} — {n.reason || <span className="muted">chưa ghi lý do</span>}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

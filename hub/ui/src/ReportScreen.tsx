// The period report across units (or one unit): the numbers on screen with "answered" and
// "resolved" apart, and the report as .docx or .xlsx.
import { useEffect, useState } from 'react';
import type { HubReport, HubReportRow, HubUnitRow } from '../../src/api-types';
import { download, get } from './api';
import { nf, upperFirst, viDate } from './format';
import { DateField } from './DateField';

type Kind = 'month' | 'quarter' | 'half' | 'nine_months' | 'year' | 'custom';
const KINDS: { id: Kind; label: string }[] = [
  { id: 'month', label: 'Tháng' },
  { id: 'quarter', label: 'Quý' },
  { id: 'half', label: '6 tháng' },
  { id: 'nine_months', label: '9 tháng' },
  { id: 'year', label: 'Năm' },
  { id: 'custom', label: 'Từ ngày … đến ngày' },
];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The period that contains today, for each kind (the report a secretary is asked for most). */
export function periodOf(kind: Kind, today = new Date()): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth() + 1;
  const span = (a: number, b: number) => ({ from: `${y}-${pad(a)}-01`, to: `${y}-${pad(b)}-${pad(lastDay(y, b))}` });
  if (kind === 'month') return span(m, m);
  if (kind === 'quarter') return span(Math.floor((m - 1) / 3) * 3 + 1, Math.floor((m - 1) / 3) * 3 + 3);
  if (kind === 'half') return m <= 6 ? span(1, 6) : span(7, 12);
  if (kind === 'nine_months') return span(1, 9);
  if (kind === 'year') return span(1, 12);
  return span(m, m);
}

function Row({ r }: { r: HubReportRow }) {
  return (
    <tr>
      <th scope="row">{upperFirst(r.label)}</th>
      <td>{nf.format(r.carriedOver)}</td>
      <td>{nf.format(r.received)}</td>
      <td>{nf.format(r.resolved)}</td>
      <td>{nf.format(r.inProgress)}</td>
      <td>{nf.format(r.notResolved)}</td>
      <td>{nf.format(r.answered)}</td>
    </tr>
  );
}

function Table({ caption, rows, total }: { caption: string; rows: HubReportRow[]; total?: HubReportRow }) {
  return (
    <table className="hub-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col"></th>
          <th scope="col">Kỳ trước chuyển sang</th>
          <th scope="col">Tiếp nhận trong kỳ</th>
          <th scope="col">Đã giải quyết</th>
          <th scope="col">Đang giải quyết</th>
          <th scope="col">Chưa giải quyết được</th>
          <th scope="col">Đã trả lời</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <Row key={r.label} r={r} />
        ))}
        {total && <Row r={total} />}
      </tbody>
    </table>
  );
}

export function ReportScreen() {
  const [kind, setKind] = useState<Kind>('quarter');
  const [{ from, to }, setRange] = useState(periodOf('quarter'));
  const [unitId, setUnitId] = useState('');
  const [units, setUnits] = useState<HubUnitRow[]>([]);
  const [report, setReport] = useState<HubReport | null>(null);
  const [error, setError] = useState('');

  useEffect(() => void get<HubUnitRow[]>('/api/units').then(setUnits, () => undefined), []);
  useEffect(() => {
    if (!from || !to) return;
    get<HubReport>('/api/report', { from, to, kind, unitId: unitId || undefined }).then(
      (r) => {
        setReport(r);
        setError('');
      },
      (e: unknown) => setError(e instanceof Error ? e.message : 'Không lập được báo cáo.'),
    );
  }, [from, to, kind, unitId]);

  const params = { from, to, kind, unitId: unitId || undefined };
  return (
    <section aria-labelledby="rep-h">
      <h2 id="rep-h">Báo cáo kết quả giải quyết kiến nghị</h2>
      <div className="hub-filters">
        <label>
          Kỳ báo cáo
          <select value={kind} onChange={(e) => { const k = e.target.value as Kind; setKind(k); if (k !== 'custom') setRange(periodOf(k)); }}>
            {KINDS.map((k) => (
              <option key={k.id} value={k.id}>{k.label}</option>
            ))}
          </select>
        </label>
        <DateField label="Từ ngày" value={from} onChange={(v) => { setKind('custom'); setRange({ from: v, to }); }} />
        <DateField label="Đến ngày" value={to} onChange={(v) => { setKind('custom'); setRange({ from, to: v }); }} />
        <label>
          Đơn vị
          <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">Tất cả đơn vị</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => download('/api/report.docx', params)}>Tải báo cáo (.docx)</button>
        <button type="button" onClick={() => download('/api/report.xlsx', params)}>Tải bảng số liệu (.xlsx)</button>
      </div>
      {error && <p role="alert" className="hub-error">{error}</p>}
      {report && (
        <>
          <p>
            {upperFirst(report.label)}{/^từ /i.test(report.label) ? '' : ` (${viDate(report.from)} – ${viDate(report.to)})`}: tổng số {nf.format(report.total.carriedOver + report.total.received)} kiến nghị;{' '}
            <strong>đã trả lời {nf.format(report.total.answered)} ({report.answeredPct.toLocaleString('vi-VN')}%)</strong>,{' '}
            <strong>đã giải quyết xong {nf.format(report.total.resolved)} ({report.resolvedPct.toLocaleString('vi-VN')}%)</strong>.
          </p>
          <Table caption="Theo lĩnh vực" rows={report.byTopic} total={report.total} />
          <Table caption="Theo cơ quan giải quyết" rows={report.byAgency} total={report.total} />
          {report.notResolved.length > 0 && (
            <>
              <h3>Kiến nghị chưa giải quyết được và lý do</h3>
              <ol>
                {report.notResolved.map((n) => (
                  <li key={n.uid}>
                    {n.content} — {n.agency || 'chưa giao cơ quan'}: {n.reason || 'chưa ghi lý do'}
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </section>
  );
}

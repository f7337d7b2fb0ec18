import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../electron/shared/domain';
import { api } from '../lib/api';
import { useData } from '../lib/use-data';
import { isoToVnDate } from '../lib/format';
import { navigate, href } from '../lib/router';
import { OpenSampleButton, RemoveSampleButton, SampleBadge, SampleUndoBar, useSampleControls } from './setup/sample';
import { ImportMeetingButton } from '../components/MeetingFileButtons';

const STATUS: Record<string, string> = { draft: 'Đang chuẩn bị', live: 'Đang diễn ra', closed: 'Đã kết thúc' };

export function HomeScreen() {
  const meetings = useData('meeting.list', { limit: 50 });
  const samples = useSampleControls(meetings.reload);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!query.trim()) {
      setHits(null);
      return;
    }
    let live = true;
    const t = setTimeout(async () => {
      const r = await api.call('search.query', { query, limit: 30 });
      if (!live) return;
      if (r.ok) setHits(r.value);
      else setError(r.error.message);
    }, 120);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query]);

  async function create(copyFromId?: number) {
    setBusy(true);
    const r = await api.call('meeting.create', copyFromId ? { copyFromId } : { fields: { title: 'Hội nghị đối thoại' } });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    navigate({ name: 'meeting', id: r.value.id, tab: 'prepare' });
  }

  return (
    <div className="home">
      <section className="home-actions">
        <h1>Hội nghị</h1>
        <div className="row gap">
          <button type="button" className="primary" onClick={() => void create()} disabled={busy} data-testid="new-meeting">
            + Hội nghị mới (đối thoại)
          </button>
          <ImportMeetingButton onError={setError} />
          {meetings.data && meetings.data.length > 0 ? (
            <label className="inline">
              hoặc sao chép từ:{' '}
              <select
                data-testid="copy-from"
                defaultValue=""
                onChange={(e) => {
                  if (e.target.value) void create(Number(e.target.value));
                }}
              >
                <option value="">— chọn hội nghị trước —</option>
                {meetings.data.map((m) => (
                  <option key={m.id} value={m.id}>
                    {isoToVnDate(m.date) || 'chưa có ngày'} · {m.title || '(chưa đặt tên)'}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
        {error ? (
          <div className="banner error" role="alert">
            {error}
          </div>
        ) : null}
      </section>

      <section className="search">
        <label htmlFor="global-search">Tìm trong mọi hội nghị</label>
        <input
          id="global-search"
          type="search"
          placeholder="Gõ có dấu hoặc không dấu, ví dụ: song pheo, hdnd, tuyen"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="global-search"
        />
        {hits ? (
          <ul className="hits" data-testid="search-hits">
            {hits.length === 0 ? <li className="muted">Không tìm thấy kết quả nào.</li> : null}
            {hits.map((h) => (
              <li key={`${h.entity}-${h.entityId}`}>
                <a href={href({ name: 'meeting', id: h.meetingId, tab: h.entity === 'meeting' || h.entity === 'attendee' ? 'prepare' : 'live' })}>
                  <span className="hit-meeting">
                    {isoToVnDate(h.meetingDate)} · {h.meetingTitle || '(chưa đặt tên)'}
                  </span>
                  <span className="hit-snippet">{h.snippet}</span>
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section>
        <h2>Gần đây</h2>
        {meetings.error ? <div className="banner error">{meetings.error}</div> : null}
        <SampleUndoBar bar={samples.bar} />
        {meetings.data && meetings.data.length === 0 ? (
          <p className="muted">
            Chưa có hội nghị nào. Bấm "Hội nghị mới" để bắt đầu, hoặc <OpenSampleButton />.
          </p>
        ) : null}
        <table className="list" data-testid="meeting-list">
          <tbody>
            {meetings.data?.map((m) => (
              <tr key={m.id}>
                <td className="nowrap">{isoToVnDate(m.date) || '—'}</td>
                <td>
                  <a href={href({ name: 'meeting', id: m.id, tab: m.status === 'live' ? 'live' : 'prepare' })}>{m.title || '(chưa đặt tên)'}</a>
                  {samples.isSample(m.id) ? <SampleBadge /> : null}
                  {m.location ? <div className="muted small">{m.location}</div> : null}
                  {samples.isSample(m.id) ? <RemoveSampleButton onRemove={() => void samples.remove(m.id)} /> : null}
                </td>
                <td className="nowrap">{m.recommendationCount} kiến nghị</td>
                <td className="nowrap">
                  <span className={`status status-${m.status}`}>{STATUS[m.status]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

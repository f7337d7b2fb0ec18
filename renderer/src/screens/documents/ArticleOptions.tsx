// How the article is written: each speaker or only the topics, an opening with the legal basis,
// and which photos go in, in what order, after which part. The options take effect when the
// article is made again; a photo's "đưa vào tin bài" and its place are the photo's own data
// (the Live tab shows the same), so they are saved at once.
import { useEffect, useId, useState } from 'react';
import type { ArticleOptions as Options } from '../../../../electron/shared/documents';
import type { PhotoEvent, PhotoMeta } from '../../../../electron/shared/domain';
import { api } from '../../lib/api';
import { saveQueue } from '../../lib/save-queue';

const PLACE: Record<PhotoEvent, string> = {
  attendees: 'Sau đoạn thành phần dự',
  opening: 'Sau phát biểu khai mạc',
  report: 'Sau đoạn báo cáo',
  before: 'Sau kiến nghị trước hội nghị',
  during: 'Sau kiến nghị tại hội nghị',
  replies: 'Sau đoạn trả lời',
  conclusion: 'Sau đoạn kết luận',
  other: 'Khác (sau thành phần dự)',
};

type Props = {
  photos: PhotoMeta[];
  options: Partial<Options>;
  busy: boolean;
  onApply: (options: Options) => void;
  onPhotoChanged: () => void;
};

function initialOrder(photos: PhotoMeta[], chosen: number[] | undefined): number[] {
  const byOrder = [...photos].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id).map((p) => p.id);
  const first = (chosen ?? []).filter((id) => byOrder.includes(id));
  return [...first, ...byOrder.filter((id) => !first.includes(id))];
}

export function ArticleOptions({ photos, options, busy, onApply, onPhotoChanged }: Props) {
  const id = useId();
  const [listSpeakers, setListSpeakers] = useState(options.listSpeakers ?? false);
  const [legalBasis, setLegalBasis] = useState(options.legalBasis ?? '');
  const [order, setOrder] = useState(() => initialOrder(photos, options.photoIds));
  const [included, setIncluded] = useState(() => new Map(photos.map((p) => [p.id, p.inArticle])));
  const [places, setPlaces] = useState(() => new Map(photos.map((p) => [p.id, p.event])));
  const [thumbs, setThumbs] = useState<Map<number, string>>(new Map());
  const [error, setError] = useState<string | null>(null);

  const photoKey = photos.map((p) => p.id).join(',');
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      for (const pid of photoKey ? photoKey.split(',').map(Number) : []) {
        const r = await api.call('photo.thumb', { id: pid });
        if (cancelled) return;
        if (r.ok) setThumbs((m) => new Map(m).set(pid, r.value));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [photoKey]);

  const savePhoto = (pid: number, patch: { inArticle?: boolean; event?: PhotoEvent }) =>
    saveQueue.enqueue(`photo:${pid}:${Object.keys(patch).join(',')}`, () => api.call('photo.update', { id: pid, patch }), (r) => {
      if (r.ok) {
        setError(null);
        onPhotoChanged();
      } else setError(r.error.message);
    });

  const move = (pid: number, delta: -1 | 1) =>
    setOrder((o) => {
      const i = o.indexOf(pid);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= o.length) return o;
      const n = o.slice();
      [n[i], n[j]] = [n[j], n[i]];
      return n;
    });

  const chosen = order.filter((pid) => included.get(pid));
  return (
    <section className="card docs-options" aria-labelledby={`${id}-h`} data-testid="article-options">
      <h2 id={`${id}-h`}>Cách viết tin bài</h2>
      <label className="docs-check">
        <input type="checkbox" checked={listSpeakers} onChange={(e) => setListSpeakers(e.target.checked)} data-testid="opt-list-speakers" />
        Nêu từng người phát biểu và đơn vị (không chọn: chỉ nêu các nội dung kiến nghị)
      </label>
      <div className="field">
        <label htmlFor={`${id}-lb`}>Câu mở đầu nêu căn cứ (để trống nếu không cần)</label>
        <textarea
          id={`${id}-lb`}
          rows={2}
          value={legalBasis}
          onChange={(e) => setLegalBasis(e.target.value)}
          placeholder="Thực hiện Kế hoạch số …-KH/ĐU ngày … của Ban Thường vụ Đảng ủy phường"
          spellCheck={false}
          data-testid="opt-legal-basis"
        />
      </div>
      <h3>Ảnh trong tin bài</h3>
      {photos.length === 0 ? (
        <p className="muted small">Hội nghị chưa có ảnh. Thêm ảnh ở bước "2. Trực tiếp".</p>
      ) : (
        <ol className="docs-photos" data-testid="photo-picker">
          {order.map((pid, i) => {
            const p = photos.find((x) => x.id === pid);
            if (!p) return null;
            const on = included.get(pid) ?? false;
            return (
              <li key={pid} className={on ? 'on' : undefined} data-testid={`pick-${pid}`}>
                <label className="docs-photo-pick">
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={(e) => {
                      const v = e.target.checked;
                      setIncluded((m) => new Map(m).set(pid, v));
                      savePhoto(pid, { inArticle: v });
                    }}
                    aria-label={`Đưa ảnh ${i + 1} vào tin bài${p.caption ? `: ${p.caption}` : ''}`}
                  />
                  {thumbs.get(pid) ? <img src={thumbs.get(pid)} alt="" /> : <span className="docs-thumb-empty" />}
                </label>
                <div className="docs-photo-meta">
                  <div className="small docs-photo-caption">{p.caption || <span className="muted">(chưa có chú thích)</span>}</div>
                  <select
                    value={places.get(pid) ?? p.event}
                    onChange={(e) => {
                      const ev = e.target.value as PhotoEvent;
                      setPlaces((m) => new Map(m).set(pid, ev));
                      savePhoto(pid, { event: ev });
                    }}
                    aria-label={`Vị trí ảnh ${i + 1}`}
                    disabled={!on}
                  >
                    {(Object.keys(PLACE) as PhotoEvent[]).map((ev) => (
                      <option key={ev} value={ev}>
                        {PLACE[ev]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="docs-photo-move">
                  <button type="button" onClick={() => move(pid, -1)} disabled={i === 0} aria-label={`Đưa ảnh ${i + 1} lên trước`}>
                    ↑
                  </button>
                  <button type="button" onClick={() => move(pid, 1)} disabled={i === order.length - 1} aria-label={`Đưa ảnh ${i + 1} xuống sau`}>
                    ↓
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {photos.length > 0 ? (
        <p className="muted small">
          Đã chọn {chosen.length}/{photos.length} ảnh. Ảnh cùng vị trí theo thứ tự trên.
        </p>
      ) : null}
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => onApply({ listSpeakers, legalBasis: legalBasis.normalize('NFC').trim(), photoIds: chosen })}
        data-testid="opt-apply"
      >
        Tạo lại tin bài theo cách này
      </button>
    </section>
  );
}

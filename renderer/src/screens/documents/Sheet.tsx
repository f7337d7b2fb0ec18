// The document as a page: an A4 sheet in a serif face, laid out like the .docx. On screen each
// paragraph is a plain <textarea> (the only safe field for Unikey/EVKey and IME typing, see the
// typing guide); in print the textareas are hidden and the same text is printed as paragraphs,
// because a textarea cannot break across pages.
import { memo, useCallback, useEffect, useState } from 'react';
import type { DocKind, MeetingRecord } from '../../../../electron/shared/domain';
import type { DocBlock } from '../../../../electron/shared/documents';
import { api } from '../../lib/api';
import type { MinutesFrame } from './sheet-text';

export type BlockEvents = {
  onText: (index: number, text: string) => void;
  onFocus: () => void;
  onBlur: () => void;
  onCompositionEnd: () => void;
  onInsertAfter: (index: number) => void;
  onRemove: (index: number) => void;
};

/** The lines a block prints as, one paragraph each (as the .docx splits them). */
const lines = (t: string): string[] =>
  t
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

const KIND_LABEL: Record<DocKind, string> = { article: 'Tin bài', minutes: 'Biên bản', summary: 'Bảng tổng hợp kiến nghị', notice: 'Thông báo kết luận' };
/** The documents with a header, a type name and signatures printed around their blocks. */
const FRAMED: Partial<Record<DocKind, string>> = { minutes: 'BIÊN BẢN', notice: 'THÔNG BÁO' };

/** Thumbnails of the photos the draft places, loaded once each. */
function usePhotoThumbs(ids: number[]): Map<number, string> {
  const [thumbs, setThumbs] = useState<Map<number, string>>(new Map());
  const key = [...new Set(ids)].sort((a, b) => a - b).join(',');
  useEffect(() => {
    let cancelled = false;
    const want = key ? key.split(',').map(Number) : [];
    void (async () => {
      for (const id of want) {
        if (cancelled) return;
        const r = await api.call('photo.thumb', { id });
        if (r.ok && !cancelled) setThumbs((m) => (m.has(id) ? m : new Map(m).set(id, r.value)));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [key]);
  return thumbs;
}

type BlockProps = {
  index: number;
  block: DocBlock;
  kind: DocKind;
  /** The first heading of the minutes is the meeting's name, with the short rule below it. */
  isTitle: boolean;
  readOnly: boolean;
  thumb: string | undefined;
  photoMissing: boolean;
  events: BlockEvents;
};

function blockClass(kind: DocKind, b: DocBlock, isTitle: boolean): string {
  if (b.type === 'heading') return isTitle ? 'sb-title' : FRAMED[kind] ? 'sb-subhead' : 'sb-headline';
  if (b.type === 'byline') return 'sb-byline';
  if (b.type === 'dateline') return 'sb-dateline';
  if (b.type === 'paragraph') return kind === 'summary' ? 'sb-subtitle' : 'sb-body';
  return '';
}

const LABEL: Record<DocBlock['type'], string> = { heading: 'Tiêu đề', paragraph: 'Đoạn', photo: 'Chú thích ảnh', byline: 'Tác giả', dateline: 'Ngày đăng', table: 'Bảng' };

/** One block. Memoised: a keystroke re-renders only the block being typed in. */
const BlockView = memo(function BlockView({ index, block: b, kind, isTitle, readOnly, thumb, photoMissing, events }: BlockProps) {
  const onChange = useCallback((e: React.ChangeEvent<HTMLTextAreaElement>) => events.onText(index, e.target.value), [events, index]);
  if (b.type === 'table') return <SummaryTable rows={b.rows} />;
  const cls = blockClass(kind, b, isTitle);
  const text = b.type === 'photo' ? b.caption : b.text;
  const field = (
    <textarea
      className={`sheet-input ${b.type === 'photo' ? 'sb-caption' : cls}`}
      value={text}
      onChange={onChange}
      onFocus={events.onFocus}
      onBlur={events.onBlur}
      onCompositionEnd={events.onCompositionEnd}
      readOnly={readOnly}
      rows={1}
      spellCheck={false}
      aria-label={`${LABEL[b.type]} ${index + 1}`}
      data-testid={`block-${index}`}
      data-block-type={b.type}
    />
  );
  const tools =
    readOnly || b.type === 'photo' ? null : (
      <div className="block-tools screen-only">
        <button type="button" className="block-tool" onClick={() => events.onInsertAfter(index)} aria-label={`Thêm đoạn mới dưới đoạn ${index + 1}`} title="Thêm đoạn dưới">
          +
        </button>
        {b.type === 'paragraph' ? (
          <button type="button" className="block-tool" onClick={() => events.onRemove(index)} aria-label={`Xóa đoạn ${index + 1}`} title="Xóa đoạn" data-testid={`remove-${index}`}>
            ×
          </button>
        ) : null}
      </div>
    );
  if (b.type === 'photo') {
    return (
      <figure className="sb-photo">
        {thumb ? <img src={thumb} alt={b.caption || 'Ảnh hội nghị'} /> : <div className="sb-photo-missing">{photoMissing ? 'Ảnh này đã bị xóa khỏi hội nghị nên sẽ không có trong tệp Word.' : 'Đang tải ảnh…'}</div>}
        <figcaption>
          {field}
          {lines(b.caption).map((l, i) => (
            <span key={i} className="print-only sb-caption">
              {l}
            </span>
          ))}
        </figcaption>
      </figure>
    );
  }
  return (
    <div className={`sheet-block ${isTitle ? 'has-rule' : ''}`}>
      {field}
      {tools}
      {lines(b.text).map((l, i) => (
        <p key={i} className={`print-only ${cls}`}>
          {l}
        </p>
      ))}
      {isTitle ? <div className="sb-rule" aria-hidden="true" /> : null}
    </div>
  );
});

function SummaryTable({ rows }: { rows: string[][] }) {
  const [head, ...body] = rows;
  const cols = head?.length ?? 1;
  return (
    <table className="sb-table" data-testid="summary-table">
      <thead>
        <tr>
          {(head ?? []).map((h, i) => (
            <th key={i} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {body.map((r, i) =>
          r.length === 1 ? (
            <tr key={i} className={/^[IVX]+\./.test(r[0]) ? 'sb-group sb-phase' : 'sb-group'}>
              <td colSpan={cols}>{r[0]}</td>
            </tr>
          ) : (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} className={j === 0 || j === 7 ? 'c' : undefined}>
                  {c}
                </td>
              ))}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

function MinutesHeader({ frame }: { frame: MinutesFrame }) {
  return (
    <div className="mh" data-testid="minutes-header">
      <div className="mh-left">
        {frame.parent ? <div>{frame.parent}</div> : null}
        <div className="b">{frame.issuing || <span className="sheet-missing">TÊN CƠ QUAN (ghi trong Thiết lập)</span>}</div>
        {frame.party ? <div>*</div> : <div className="mh-rule short" aria-hidden="true" />}
        <div className="mh-number">{frame.number}</div>
        {frame.revision ? (
          <div className="mh-revision" data-testid="sheet-revision">
            {frame.revision}
          </div>
        ) : null}
      </div>
      <div className="mh-right">
        {frame.party ? (
          <>
            <div className="b mh-party">ĐẢNG CỘNG SẢN VIỆT NAM</div>
            <div className="mh-rule" aria-hidden="true" />
          </>
        ) : (
          <>
            <div className="b mh-nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
            <div className="b">Độc lập - Tự do - Hạnh phúc</div>
            <div className="mh-rule motto" aria-hidden="true" />
          </>
        )}
        {frame.dateLine ? <div className="mh-date">{frame.dateLine}</div> : null}
      </div>
    </div>
  );
}

function MinutesFooter({ frame }: { frame: MinutesFrame }) {
  return (
    <div className="mf">
      <div className="mf-signs">
        {frame.signatures.map((s) => (
          <div key={s.title} className="mf-sign">
            {s.authority ? <div className="b">{s.authority}</div> : null}
            <div className="b">{s.title}</div>
            <div className="mf-space" />
            <div className="b">{s.name || <span className="sheet-missing">(họ tên)</span>}</div>
          </div>
        ))}
      </div>
      <div className="mf-recipients">
        <div className="bi">Nơi nhận:</div>
        {frame.recipients.map((r) => (
          <div key={r}>{r}</div>
        ))}
      </div>
    </div>
  );
}

type SheetProps = {
  kind: DocKind;
  blocks: DocBlock[];
  record: MeetingRecord;
  frame: MinutesFrame | null;
  summaryIssuer: string;
  readOnly: boolean;
  events: BlockEvents;
};

export function Sheet({ kind, blocks, record, frame, summaryIssuer, readOnly, events }: SheetProps) {
  const photoIds = blocks.flatMap((b) => (b.type === 'photo' ? [b.photoId] : []));
  const thumbs = usePhotoThumbs(photoIds.filter((id) => record.photos.some((p) => p.id === id)));
  const firstHeading = blocks.findIndex((b) => b.type === 'heading');
  return (
    <article className={`sheet sheet-${kind}`} aria-label={`${KIND_LABEL[kind]} (bản đang sửa)`} data-testid="sheet">
      {FRAMED[kind] && frame ? <MinutesHeader frame={frame} /> : null}
      {FRAMED[kind] ? <div className="sb-doctype">{FRAMED[kind]}</div> : null}
      {kind === 'summary' && summaryIssuer ? <div className="sb-issuer">{summaryIssuer}</div> : null}
      {blocks.map((b, i) => (
        <BlockView
          key={i}
          index={i}
          block={b}
          kind={kind}
          isTitle={!!FRAMED[kind] && i === firstHeading}
          readOnly={readOnly}
          thumb={b.type === 'photo' ? thumbs.get(b.photoId) : undefined}
          photoMissing={b.type === 'photo' && !record.photos.some((p) => p.id === b.photoId)}
          events={events}
        />
      ))}
      {FRAMED[kind] && frame ? <MinutesFooter frame={frame} /> : null}
    </article>
  );
}

// One document (article, minutes or summary): its draft as an editable page, the notice when the
// meeting data changed after the draft was made, and export, copy and print.
//
// Saving: the whole blocks array is one autosaved value (useAutosave over its JSON, queue key
// `doc:<meeting>:<kind>`), so the debounce, the flush on blur/compositionend/unmount/page hide
// and the retry are exactly those of every other field; a burst of keystrokes in several
// paragraphs is one write of the newest blocks.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocKind, MeetingRecord, OrgProfile } from '../../../../electron/shared/domain';
import type { ArticleOptions as ArticleOpts, DocBlock, DocDraft, NoticeOptions as NoticeOpts } from '../../../../electron/shared/documents';
import { api } from '../../lib/api';
import { useAutosave } from '../../lib/autosave';
import { AskDialog } from '../../components/AskDialog';
import { ArticleOptions } from './ArticleOptions';
import { LockPanel } from './LockPanel';
import { Sheet, type BlockEvents } from './Sheet';
import { copyArticle, downloadDocx, printDocument, settle } from './actions';
import { blocksProblem, minutesFrame, noticeFrame } from './sheet-text';
import { NoticeOptions } from './NoticeOptions';

/** "Giữ bản đang sửa" lasts for this session of the app, per meeting and document. */
const keptThisSession = new Set<string>();

type Notice = { tone: 'ok' | 'error'; text: string } | null;

type EditorProps = {
  draft: DocDraft;
  record: MeetingRecord;
  profile: OrgProfile | null;
  readOnly: boolean;
  onSaved: (d: DocDraft) => void;
};

/** The page being edited. Remounted (by key) whenever a new draft is generated. */
function DraftEditor({ draft, record, profile, readOnly, onSaved }: EditorProps) {
  const { meetingId, kind } = draft;
  const [blocks, setBlocks] = useState<DocBlock[]>(draft.blocks);
  const blocksRef = useRef(blocks);
  const [removing, setRemoving] = useState<number | null>(null);
  const focusNext = useRef<number | null>(null);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const initialJson = useMemo(() => JSON.stringify(draft.blocks), [draft.blocks]);
  const f = useAutosave({
    saveKey: `doc:${meetingId}:${kind}`,
    value: initialJson,
    save: async (json) => {
      const r = await api.call('doc.save', { meetingId, kind, blocks: JSON.parse(json) as DocBlock[] });
      if (r.ok) onSavedRef.current(r.value);
      return r;
    },
    check: () => blocksProblem(blocksRef.current),
  });
  const fRef = useRef(f);
  fRef.current = f;

  const commit = useCallback((next: DocBlock[]) => {
    blocksRef.current = next;
    setBlocks(next);
    fRef.current.onChange({ target: { value: JSON.stringify(next) } });
  }, []);

  const events = useMemo<BlockEvents>(
    () => ({
      onText: (i, text) => {
        const cur = blocksRef.current;
        const b = cur[i];
        if (!b || b.type === 'table') return;
        const next = cur.slice();
        next[i] = b.type === 'photo' ? { ...b, caption: text } : { ...b, text };
        commit(next);
      },
      onFocus: () => fRef.current.onFocus(),
      onBlur: () => fRef.current.onBlur(),
      onCompositionEnd: () => fRef.current.onCompositionEnd(),
      onInsertAfter: (i) => {
        const next = blocksRef.current.slice();
        next.splice(i + 1, 0, { type: 'paragraph', text: '' });
        focusNext.current = i + 1;
        commit(next);
      },
      onRemove: (i) => {
        const b = blocksRef.current[i];
        if (b?.type === 'paragraph' && !b.text.trim()) {
          commit(blocksRef.current.filter((_, j) => j !== i));
          fRef.current.flush();
        } else setRemoving(i);
      },
    }),
    [commit],
  );

  useEffect(() => {
    if (focusNext.current === null) return;
    const el = document.querySelector<HTMLTextAreaElement>(`[data-testid="block-${focusNext.current}"]`);
    focusNext.current = null;
    el?.focus();
  }, [blocks]);

  const frame = kind === 'minutes' ? minutesFrame(record, profile, draft.options) : kind === 'notice' ? noticeFrame(record, profile, draft.options) : null;
  return (
    <>
      {f.error ? (
        <div className="banner error" role="alert" data-testid="save-error">
          {f.error}
        </div>
      ) : null}
      <Sheet
        kind={kind}
        blocks={blocks}
        record={record}
        frame={frame}
        summaryIssuer={profile?.issuingBody.trim().toLocaleUpperCase('vi') ?? ''}
        readOnly={readOnly}
        events={events}
      />
      {removing !== null ? (
        <AskDialog
          title="Xóa đoạn này?"
          confirmLabel="Xóa đoạn"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const i = removing;
            setRemoving(null);
            commit(blocksRef.current.filter((_, j) => j !== i));
            fRef.current.flush();
          }}
          testId="confirm-remove"
        >
          <p className="docs-quote">{(blocks[removing]?.type === 'paragraph' ? (blocks[removing] as { text: string }).text : '').slice(0, 300)}</p>
        </AskDialog>
      ) : null}
    </>
  );
}

const KIND_NAME: Record<DocKind, string> = { article: 'tin bài', minutes: 'biên bản', summary: 'bảng tổng hợp', notice: 'thông báo kết luận' };
/** Final once the record is locked (chốt biên bản): the minutes and the chair's notice. */
const LOCKABLE: ReadonlySet<DocKind> = new Set<DocKind>(['minutes', 'notice']);

type ViewProps = { kind: DocKind; record: MeetingRecord; reload: () => Promise<void>; profile: OrgProfile | null };

export function DocumentView({ kind, record, reload, profile }: ViewProps) {
  const meetingId = record.meeting.id;
  const [draft, setDraft] = useState<DocDraft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [kept, setKept] = useState(() => keptThisSession.has(`${meetingId}:${kind}`));
  const [confirmReplace, setConfirmReplace] = useState<{ options?: ArticleOpts; why: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    setDraft(null);
    setLoadError(null);
    setNotice(null);
    void (async () => {
      const got = await api.call('doc.get', { meetingId, kind });
      if (cancelled) return;
      if (!got.ok) return setLoadError(got.error.message);
      let d = got.value;
      // Nothing to lose in a draft the secretary never touched: make it from the current data.
      if (!d || (d.stale && !d.edited)) {
        const gen = await api.call('doc.generate', { meetingId, kind });
        if (cancelled) return;
        if (!gen.ok) return setLoadError(gen.error.message);
        d = gen.value;
      }
      setDraft(d);
    })();
    return () => {
      cancelled = true;
    };
  }, [meetingId, kind]);

  const onSaved = useCallback((d: DocDraft) => {
    // Only the flags: the blocks on screen are newer than (or equal to) what this answer carries.
    setDraft((cur) => (cur && cur.kind === d.kind ? { ...cur, edited: d.edited, stale: d.stale, updatedAt: d.updatedAt } : cur));
  }, []);

  const regenerate = async (options?: ArticleOpts) => {
    setBusy('generate');
    setNotice(null);
    await settle();
    const r = await api.call('doc.generate', { meetingId, kind, replace: true, ...(options ? { options: { article: options } } : {}) });
    setBusy(null);
    if (!r.ok) return setNotice({ tone: 'error', text: r.error.message });
    keptThisSession.delete(`${meetingId}:${kind}`);
    setKept(false);
    setDraft(r.value);
    setNotice({ tone: 'ok', text: `Đã tạo lại ${KIND_NAME[kind]} từ dữ liệu hiện tại.` });
  };

  const askRegenerate = (why: string, options?: ArticleOpts) => {
    if (draft?.edited) setConfirmReplace({ why, options });
    else void regenerate(options);
  };

  const act = async (label: string, fn: () => Promise<{ ok: true; text: string } | { ok: false; text: string }>) => {
    setBusy(label);
    setNotice(null);
    const r = await fn();
    setBusy(null);
    setNotice({ tone: r.ok ? 'ok' : 'error', text: r.text });
  };

  const exportDocx = () =>
    act('docx', async () => {
      const r = await downloadDocx(meetingId, kind);
      return r.ok ? { ok: true, text: `Đã xuất tệp Word "${r.value}".` } : { ok: false, text: r.error.message };
    });
  const copy = (format: 'html' | 'text') =>
    act(format, async () => {
      const r = await copyArticle(meetingId, format);
      return r.ok
        ? { ok: true, text: format === 'html' ? 'Đã sao chép tin bài (HTML, kèm ảnh). Dán vào trình soạn thảo của trang tin.' : 'Đã sao chép tin bài dạng văn bản thuần.' }
        : { ok: false, text: r.error.message };
    });
  const print = () =>
    act('print', async () => {
      const r = await printDocument(meetingId, kind);
      if (!r.ok) return { ok: false, text: r.error.message };
      if (r.value.savedTo) return { ok: true, text: `Đã lưu PDF: ${r.value.savedTo}` };
      return { ok: true, text: r.value.savedTo === null ? 'Đã hủy lưu PDF.' : 'Đã mở hộp thoại in. Chọn máy in, hoặc "Lưu thành PDF".' };
    });

  const locked = record.meeting.locked;
  const readOnly = LOCKABLE.has(kind) && locked;

  // Number, date and signer: printed around the blocks, so an edited notice keeps its text. The
  // form below is keyed on the options alone: a text autosave answering meanwhile must not reset it.
  const applyNoticeOptions = async (o: NoticeOpts) => {
    setBusy('options');
    setNotice(null);
    await settle();
    const r = await api.call('doc.generate', { meetingId, kind: 'notice', options: { notice: o } });
    setBusy(null);
    if (!r.ok) return setNotice({ tone: 'error', text: r.error.message });
    setDraft(r.value);
    setNotice({ tone: 'ok', text: 'Đã cập nhật số, ngày và người ký của thông báo.' });
  };
  const showStale = !!draft?.stale && !kept;

  return (
    <div className={`docs-view docs-${kind}`}>
      <div className="docs-toolbar screen-only" role="toolbar" aria-label="Xuất văn bản">
        <button type="button" className="primary" onClick={() => void exportDocx()} disabled={!draft || !!busy} data-testid="export-docx">
          {busy === 'docx' ? 'Đang xuất…' : 'Xuất Word (.docx)'}
        </button>
        {kind === 'article' ? (
          <>
            <button type="button" onClick={() => void copy('html')} disabled={!draft || !!busy} data-testid="copy-html">
              Sao chép HTML
            </button>
            <button type="button" onClick={() => void copy('text')} disabled={!draft || !!busy} data-testid="copy-text">
              Sao chép văn bản
            </button>
          </>
        ) : null}
        <button type="button" onClick={() => void print()} disabled={!draft || !!busy} data-testid="print">
          In / Lưu PDF
        </button>
        <span className="docs-status small" role="status" aria-live="polite">
          {busy === 'generate' ? 'Đang tạo văn bản…' : draft ? (draft.edited ? 'Bản đã sửa' : 'Bản tạo tự động, chưa sửa') : ''}
        </span>
      </div>

      {notice ? (
        <div className={`banner ${notice.tone === 'error' ? 'error' : 'info'} screen-only`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="docs-notice">
          {notice.text}
        </div>
      ) : null}
      {loadError ? (
        <div className="banner error" role="alert" data-testid="docs-error">
          {loadError}
        </div>
      ) : null}
      {showStale ? (
        <div className="banner warn docs-stale screen-only" role="status" data-testid="stale-banner">
          <span>
            <strong>Dữ liệu hội nghị đã thay đổi sau khi tạo bản này.</strong> Bản đang sửa chưa có các thay đổi đó.
          </span>
          <span className="docs-stale-actions">
            <button type="button" onClick={() => askRegenerate('data')} disabled={!!busy || readOnly} data-testid="stale-regenerate">
              Tạo lại (thay bản đang sửa)
            </button>
            <button
              type="button"
              onClick={() => {
                keptThisSession.add(`${meetingId}:${kind}`);
                setKept(true);
              }}
              data-testid="stale-keep"
            >
              Giữ bản đang sửa
            </button>
          </span>
        </div>
      ) : null}
      {readOnly ? (
        <div className="banner info screen-only" role="status" data-testid="locked-banner">
          {kind === 'notice' ? 'Hội nghị đã chốt biên bản nên thông báo kết luận chỉ xem, không sửa được.' : 'Biên bản đã chốt nên chỉ xem, không sửa được.'} Muốn sửa, bấm "Mở khóa để sửa" và
          ghi lý do.
        </div>
      ) : null}

      <div className="docs-body">
        <div className="docs-paper">
          {draft ? (
            <DraftEditor key={`${draft.kind}:${draft.generatedAt}`} draft={draft} record={record} profile={profile} readOnly={readOnly} onSaved={onSaved} />
          ) : loadError ? null : (
            <div className="muted docs-loading" role="status">
              Đang tạo {KIND_NAME[kind]}…
            </div>
          )}
        </div>
        {kind !== 'summary' ? (
          <aside className="docs-aside screen-only">
            {LOCKABLE.has(kind) ? <LockPanel meeting={record.meeting} reload={reload} onError={(m) => setNotice(m ? { tone: 'error', text: m } : null)} /> : null}
            {kind === 'notice' && draft ? (
              <NoticeOptions key={JSON.stringify(draft.options.notice ?? {})} options={draft.options.notice ?? {}} profile={profile} busy={!!busy} disabled={readOnly} onApply={(o) => void applyNoticeOptions(o)} />
            ) : null}
            {kind === 'article' && draft ? (
              <ArticleOptions
                key={draft.generatedAt}
                photos={record.photos}
                options={draft.options.article ?? {}}
                busy={!!busy}
                onApply={(o) => askRegenerate('options', o)}
                onPhotoChanged={() => void reload()}
              />
            ) : null}
            <section className="card docs-help">
              <h2>Sửa văn bản</h2>
              <p className="small muted">
                Gõ thẳng vào trang. Mỗi ô là một đoạn; xuống dòng trong ô sẽ thành đoạn mới khi xuất. Nội dung tự lưu, kể cả khi đóng ứng dụng.
              </p>
              {LOCKABLE.has(kind) && !locked ? (
                <button type="button" className="link" onClick={() => askRegenerate('data')} disabled={!!busy} data-testid="regenerate">
                  {kind === 'notice' ? 'Tạo lại thông báo từ dữ liệu hội nghị và nhiệm vụ' : 'Tạo lại biên bản từ dữ liệu hội nghị'}
                </button>
              ) : null}
            </section>
          </aside>
        ) : null}
      </div>
      {kind === 'summary' ? (
        <p className="screen-only small muted docs-summary-note">
          Bảng lấy từ các kiến nghị và ý kiến trả lời đã ghi. Muốn sửa nội dung trong bảng, hãy sửa ở bước "1. Chuẩn bị" hoặc "2. Trực tiếp" rồi{' '}
          <button type="button" className="link" onClick={() => askRegenerate('data')} disabled={!!busy} data-testid="regenerate">
            tạo lại bảng
          </button>
          .
        </p>
      ) : null}

      {confirmReplace ? (
        <AskDialog
          title={`Thay ${KIND_NAME[kind]} đang sửa?`}
          confirmLabel="Tạo lại và thay bản đang sửa"
          danger
          onCancel={() => setConfirmReplace(null)}
          onConfirm={() => {
            const o = confirmReplace.options;
            setConfirmReplace(null);
            void regenerate(o);
          }}
          testId="confirm-replace"
        >
          <p>
            Bản {KIND_NAME[kind]} này đã được sửa tay. Tạo lại {confirmReplace.why === 'options' ? 'theo cách viết mới' : 'từ dữ liệu hiện tại'} sẽ bỏ toàn bộ chỗ đã
            sửa. Muốn giữ, hãy bấm "Hủy" (có thể xuất tệp Word trước để lưu lại bản cũ).
          </p>
        </AskDialog>
      ) : null}
    </div>
  );
}

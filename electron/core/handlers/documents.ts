// The three documents (article, minutes, summary table): drafts generated from the record, edited
// by the secretary, exported to .docx (on a worker thread), HTML or plain text.
//
// The regenerate rule, used by 'doc.generate' and by export:
//  - no draft yet                     → generate and store it;
//  - `replace: true`                  → generate and store it, discarding the edits;
//  - a draft the secretary never edited → generate again (fresh data, new options), nothing is lost;
//  - an edited draft, no `replace`    → return it unchanged, with `stale` saying whether the data
//                                       changed since; the screen then offers "replace" or "keep".
import type { Database } from 'better-sqlite3';
import type { DocKind, MeetingRecord, OrgProfile } from '../../shared/domain';
import type { DocBlock, DocDraft, DocFormat, DocOptions, ExportedDoc } from '../../shared/documents';
import { UserError } from '../../shared/result';
import type { CoreContext } from '../context';
import { nowIso } from '../context';
import type { PartialHandlers } from '../registry';
import { assertEditable, getRecord, touchMeeting } from '../repo/meetings';
import { photoBytes } from '../repo/photos';
import { getProfile } from '../repo/profile';
import { getDraft, saveDraftOptions, saveEditedBlocks, saveGeneratedDraft } from '../repo/documents';
import { generateArticle } from '../documents/article';
import { generateMinutes } from '../documents/minutes';
import { generateSummary } from '../documents/summary';
import { generateNotice, type NoticeTask } from '../documents/notice';
import { noticeSourceHash, noticeTasksFor } from '../documents/notice-tasks';
import { sourceHash } from '../documents/hash';
import { articleHtmlPage } from '../documents/html';
import { articleText } from '../documents/text';
import { renderInWorker, type RenderPhoto } from '../documents/render-worker';
import { asciiSlug } from '../documents/vi-text';

export function generateBlocks(kind: DocKind, record: MeetingRecord, profile: OrgProfile | null, options: DocOptions, tasks: readonly NoticeTask[] = []): DocBlock[] {
  if (kind === 'article') return generateArticle(record, profile, options.article ?? {});
  if (kind === 'minutes') return generateMinutes(record, profile);
  if (kind === 'notice') return generateNotice(record, profile, tasks);
  return generateSummary(record, profile);
}

/** The minutes and the chair's notice are final once the record is locked (chốt biên bản). */
const LOCKED_KINDS: ReadonlySet<DocKind> = new Set<DocKind>(['minutes', 'notice']);

/** The data a draft was made from: the record, and for the notice the tasks of the register too. */
function hashFor(ctx: CoreContext, kind: DocKind, record: MeetingRecord, profile: OrgProfile | null): string {
  const base = sourceHash(kind, record, profile);
  return kind === 'notice' ? noticeSourceHash(base, noticeTasksFor(ctx, record.meeting.id)) : base;
}

function mergeOptions(a: DocOptions, b: DocOptions | undefined): DocOptions {
  if (!b) return a;
  return {
    ...a,
    ...(b.article ? { article: { ...(a.article ?? {}), ...b.article } } : {}),
    ...(b.minutes ? { minutes: { ...(a.minutes ?? {}), ...b.minutes } } : {}),
    ...(b.notice ? { notice: { ...(a.notice ?? {}), ...b.notice } } : {}),
  };
}

/** Applies the regenerate rule above and returns the draft to show or export. */
export function ensureDraft(ctx: CoreContext, meetingId: number, kind: DocKind, options?: DocOptions, replace = false): DocDraft {
  const { db } = ctx;
  const record = getRecord(db, meetingId);
  const profile = getProfile(db);
  const hash = hashFor(ctx, kind, record, profile);
  const existing = getDraft(db, meetingId, kind, hash);
  if (existing && existing.edited && !replace) {
    // The notice's number, date and signer are printed around the blocks, never in them: they
    // change on an edited draft without touching the secretary's text.
    if (kind === 'notice' && options?.notice) {
      assertEditable(db, meetingId);
      return db.transaction(() => saveDraftOptions(db, nowIso(ctx), meetingId, kind, mergeOptions(existing.options, options), hash))();
    }
    return existing;
  }
  // Throwing away edits of a locked record's minutes (or notice) needs the record unlocked first.
  if (existing?.edited && LOCKED_KINDS.has(kind)) assertEditable(db, meetingId);
  const opts = mergeOptions(existing?.options ?? {}, options);
  const blocks = generateBlocks(kind, record, profile, opts, kind === 'notice' ? noticeTasksFor(ctx, meetingId) : []);
  return db.transaction(() => saveGeneratedDraft(db, nowIso(ctx), meetingId, kind, blocks, opts, hash))();
}

const BASE_NAME: Record<DocKind, string> = { article: 'Tin-bai', minutes: 'Bien-ban', summary: 'Tong-hop-kien-nghi', notice: 'Thong-bao-ket-luan' };

export function exportFileName(kind: DocKind, record: MeetingRecord, ext: 'docx' | 'html' | 'txt'): string {
  const tail = record.meeting.date ?? `hoi-nghi-${record.meeting.id}`;
  return `${asciiSlug(`${BASE_NAME[kind]}-${tail}`)}.${ext}`;
}

function photosFor(db: Database, record: MeetingRecord, blocks: DocBlock[]): RenderPhoto[] {
  const out: RenderPhoto[] = [];
  for (const b of blocks) {
    if (b.type !== 'photo') continue;
    // A photo deleted after the draft was made is left out rather than resurrected.
    const meta = record.photos.find((p) => p.id === b.photoId);
    if (!meta || out.some((p) => p.id === meta.id)) continue;
    out.push({ id: meta.id, data: photoBytes(db, meta.id, 'data'), width: meta.width, height: meta.height });
  }
  return out;
}

export async function exportDraft(ctx: CoreContext, meetingId: number, kind: DocKind, format: DocFormat): Promise<ExportedDoc & { bytes: Buffer }> {
  if (format !== 'docx' && kind !== 'article')
    throw new UserError('validation', 'Chỉ tin bài mới xuất được dạng HTML hoặc văn bản thuần. Biên bản, thông báo kết luận và bảng tổng hợp hãy xuất ra tệp Word (.docx).');
  const draft = ensureDraft(ctx, meetingId, kind);
  const record = getRecord(ctx.db, meetingId);
  const profile = getProfile(ctx.db);
  const photos = kind === 'article' ? photosFor(ctx.db, record, draft.blocks) : [];
  let bytes: Buffer;
  let fileName: string;
  let mime: string;
  if (format === 'docx') {
    bytes = await renderInWorker({ kind, blocks: draft.blocks, record, profile, photos, options: draft.options });
    fileName = exportFileName(kind, record, 'docx');
    mime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  } else if (format === 'html') {
    const byId = new Map(photos.map((p) => [p.id, p]));
    const src = (id: number) => {
      const p = byId.get(id);
      return p ? `data:image/jpeg;base64,${Buffer.from(p.data).toString('base64')}` : null;
    };
    bytes = Buffer.from(articleHtmlPage(draft.blocks, src), 'utf8');
    fileName = exportFileName(kind, record, 'html');
    mime = 'text/html;charset=utf-8';
  } else {
    bytes = Buffer.from(articleText(draft.blocks), 'utf8');
    fileName = exportFileName(kind, record, 'txt');
    mime = 'text/plain;charset=utf-8';
  }
  return { fileName, mime, dataBase64: bytes.toString('base64'), bytes };
}

export const documentHandlers = {
  'doc.get': (ctx, { meetingId, kind }) => {
    const record = getRecord(ctx.db, meetingId);
    return getDraft(ctx.db, meetingId, kind, hashFor(ctx, kind, record, getProfile(ctx.db)));
  },
  'doc.generate': (ctx, { meetingId, kind, options, replace }) => ensureDraft(ctx, meetingId, kind, options, replace === true),
  'doc.save': (ctx, { meetingId, kind, blocks }) => {
    // The minutes and the notice of a locked record are final; the article and the table can still be polished.
    if (LOCKED_KINDS.has(kind)) assertEditable(ctx.db, meetingId);
    const record = getRecord(ctx.db, meetingId);
    const hash = hashFor(ctx, kind, record, getProfile(ctx.db));
    return ctx.db.transaction(() => {
      const at = nowIso(ctx);
      // Editing the minutes' text after an unlock is a change to the record like any other: the
      // next exported file must carry a new revision number.
      if (LOCKED_KINDS.has(kind)) touchMeeting(ctx.db, meetingId, at);
      return saveEditedBlocks(ctx.db, at, meetingId, kind, blocks as DocBlock[], hash);
    })();
  },
  'doc.export': async (ctx, { meetingId, kind, format }) => {
    const { fileName, mime, dataBase64 } = await exportDraft(ctx, meetingId, kind, format);
    return { fileName, mime, dataBase64 };
  },
} satisfies PartialHandlers;

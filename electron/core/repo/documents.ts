// Document drafts, one per meeting and kind. A draft keeps the hash of the data it was generated
// from; `stale` compares it with the hash of the data as it is now.
import type { Database } from 'better-sqlite3';
import type { DocKind } from '../../shared/domain';
import type { DocBlock, DocDraft, DocOptions } from '../../shared/documents';
import { UserError } from '../../shared/result';
import { audit } from './audit';
import { bool, int } from './json';

type DocRow = {
  meeting_id: number;
  kind: DocKind;
  blocks_json: string;
  options_json: string;
  source_hash: string;
  edited: number;
  generated_at: string;
  updated_at: string;
};

function parse<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

const toDraft = (r: DocRow, currentHash: string): DocDraft => ({
  meetingId: r.meeting_id,
  kind: r.kind,
  blocks: parse<DocBlock[]>(r.blocks_json, []),
  options: parse<DocOptions>(r.options_json, {}),
  sourceHash: r.source_hash,
  generatedAt: r.generated_at,
  updatedAt: r.updated_at,
  edited: bool(r.edited),
  stale: r.source_hash !== currentHash,
});

export function getDraft(db: Database, meetingId: number, kind: DocKind, currentHash: string): DocDraft | null {
  const r = db.prepare('SELECT * FROM documents WHERE meeting_id = ? AND kind = ?').get(meetingId, kind) as DocRow | undefined;
  return r ? toDraft(r, currentHash) : null;
}

/** Stores a freshly generated draft, replacing any earlier one (and its edits). */
export function saveGeneratedDraft(db: Database, at: string, meetingId: number, kind: DocKind, blocks: DocBlock[], options: DocOptions, hash: string): DocDraft {
  db.prepare(
    `INSERT INTO documents (meeting_id, kind, blocks_json, options_json, source_hash, edited, generated_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?)
     ON CONFLICT (meeting_id, kind) DO UPDATE SET blocks_json = excluded.blocks_json, options_json = excluded.options_json,
       source_hash = excluded.source_hash, edited = 0, generated_at = excluded.generated_at, updated_at = excluded.updated_at`,
  ).run(meetingId, kind, JSON.stringify(blocks), JSON.stringify(options), hash, at, at);
  audit(db, at, meetingId, 'document', null, 'generate', kind);
  return getDraft(db, meetingId, kind, hash)!;
}

/** Changes a draft's options only (what is printed around the blocks), keeping the blocks and their edits. */
export function saveDraftOptions(db: Database, at: string, meetingId: number, kind: DocKind, options: DocOptions, currentHash: string): DocDraft {
  db.prepare('UPDATE documents SET options_json = ?, updated_at = ? WHERE meeting_id = ? AND kind = ?').run(JSON.stringify(options), at, meetingId, kind);
  audit(db, at, meetingId, 'document', null, 'update', `${kind} options`);
  return getDraft(db, meetingId, kind, currentHash)!;
}

/** Keeps the secretary's edits: the blocks change, the source hash (what it was made from) does not. */
export function saveEditedBlocks(db: Database, at: string, meetingId: number, kind: DocKind, blocks: DocBlock[], currentHash: string): DocDraft {
  const info = db
    .prepare('UPDATE documents SET blocks_json = ?, edited = ?, updated_at = ? WHERE meeting_id = ? AND kind = ?')
    .run(JSON.stringify(blocks), int(true), at, meetingId, kind);
  if (info.changes === 0) throw new UserError('not_found', 'Chưa có bản nháp để lưu. Hãy bấm "Tạo văn bản" trước.');
  audit(db, at, meetingId, 'document', null, 'update', kind);
  return getDraft(db, meetingId, kind, currentHash)!;
}

// The province's own follow-up notes: an event of field "note" in the item's history, written by
// a hub user (user_id set, unit_id null). It changes no status, so it never conflicts with what
// the unit records, and a unit's later file merges beside it.
import { randomUUID } from 'node:crypto';
import type { HubDb } from './db';
import { audit } from './audit';
import { HubError } from './hub-error';
import type { User } from './accounts';

export async function addProvinceNote(db: HubDb, user: User, itemUid: string, note: string): Promise<{ uid: string; at: string }> {
  return db.transaction(async (tx) => {
    const item = await tx.query('SELECT 1 FROM items WHERE uid = $1', [itemUid]);
    if (!item.length) throw new HubError(404, 'no_item', 'Không có kiến nghị này trên máy chủ tổng hợp (có thể đơn vị đã xóa). Hãy tải lại trang.');
    const uid = randomUUID();
    const at = new Date().toISOString();
    await tx.query("INSERT INTO events (uid, item_uid, field, value, parent_uid, at, actor, note, user_id) VALUES ($1, $2, 'note', '', NULL, $3, $4, $5, $6)", [
      uid,
      itemUid,
      at,
      user.displayName || user.username,
      note.normalize('NFC'),
      user.id,
    ]);
    await audit(tx, user.username, 'item.note', { itemUid, uid });
    return { uid, at };
  });
}

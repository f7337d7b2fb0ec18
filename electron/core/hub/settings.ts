// The hub's address and this unit's key, entered in Thiết lập. The key is a credential this
// laptop must present, so it is kept as given (the hub keeps only its hash); it never leaves the
// core: the screen is told only whether one is set and its last four characters.
import type { Database } from 'better-sqlite3';
import { UserError } from '../../shared/result';

export type HubSettings = { url: string; unitKey: string };

export function readHubSettings(db: Database): HubSettings {
  const r = db.prepare('SELECT url, unit_key FROM hub_settings WHERE id = 1').get() as { url: string; unit_key: string } | undefined;
  return { url: r?.url ?? '', unitKey: r?.unit_key ?? '' };
}

/** An http(s) address without credentials, query or fragment; trailing slashes dropped. */
export function normaliseHubUrl(raw: string): string {
  const typed = raw.trim();
  if (!typed) return '';
  // An address typed without its scheme ("kiennghi.tinh.gov.vn") means https.
  const s = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new UserError('hub_url_invalid', `Địa chỉ máy chủ tổng hợp "${s}" không hợp lệ. Hãy nhập đúng địa chỉ do quản trị máy chủ tổng hợp cung cấp, ví dụ kiennghi.tinh.gov.vn.`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new UserError('hub_url_invalid', 'Địa chỉ máy chủ tổng hợp phải bắt đầu bằng https:// (hoặc http:// trong mạng nội bộ).');
  if (u.username || u.password || u.search || u.hash) throw new UserError('hub_url_invalid', 'Địa chỉ máy chủ tổng hợp không được chứa tên đăng nhập, mật khẩu hay tham số; chỉ nhập địa chỉ gốc, ví dụ kiennghi.tinh.gov.vn.');
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

export function saveHubSettings(db: Database, at: string, input: { url: string; unitKey?: string }): HubSettings {
  const url = normaliseHubUrl(input.url);
  const cur = readHubSettings(db);
  const key = input.unitKey === undefined ? cur.unitKey : input.unitKey.trim();
  if (key && !/^tkh_unit_[A-Za-z0-9_-]{20,100}$/.test(key)) throw new UserError('hub_key_invalid', 'Khóa đơn vị không đúng dạng. Hãy chép nguyên khóa (một dòng dài) quản trị máy chủ tổng hợp đã cấp.');
  db.prepare(
    'INSERT INTO hub_settings (id, url, unit_key, updated_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET url = excluded.url, unit_key = excluded.unit_key, updated_at = excluded.updated_at',
  ).run(url, key, at);
  // A newly set hub receives every closed meeting, not only those changed from now on.
  if (url && key && (url !== cur.url || key !== cur.unitKey))
    db.prepare(
      `INSERT INTO hub_outbox (meeting_id, queued_at, next_try_at) SELECT id, ?, ? FROM meetings WHERE status = 'closed' AND deleted_at IS NULL
       ON CONFLICT (meeting_id) DO UPDATE SET attempts = 0, next_try_at = excluded.next_try_at`,
    ).run(at, at);
  return { url, unitKey: key };
}

// Units (xã, phường, …) and the keys their laptops send with. A key is shown once, when issued;
// a revoked key is refused from that moment on.
import type { Sql } from './db';
import { audit } from './audit';
import { HubError } from './hub-error';
import { newSecret, sha256 } from './secrets';

export type Unit = { id: number; code: string; name: string; createdAt: string };
export type UnitKeyInfo = { id: number; unitId: number; label: string; createdAt: string; revokedAt: string | null };

export async function createUnit(db: Sql, actor: string, code: string, name: string): Promise<Unit> {
  const c = code.trim().toLowerCase();
  if (!/^[a-z0-9-]{2,40}$/.test(c)) throw new HubError(400, 'bad_unit_code', 'Mã đơn vị chỉ gồm chữ thường không dấu, số và dấu gạch ngang (2–40 ký tự), ví dụ "phuong-ba-dinh".');
  const n = name.normalize('NFC').trim();
  if (!n || n.length > 300) throw new HubError(400, 'bad_unit_name', 'Tên đơn vị không được để trống (tối đa 300 ký tự).');
  const exists = await db.query('SELECT 1 FROM units WHERE code = $1', [c]);
  if (exists.length) throw new HubError(409, 'unit_exists', `Đã có đơn vị mã "${c}". Hãy chọn mã khác.`);
  const at = new Date().toISOString();
  const [row] = await db.query<{ id: number }>('INSERT INTO units (code, name, created_at) VALUES ($1, $2, $3) RETURNING id', [c, n, at]);
  await audit(db, actor, 'unit.create', { code: c, name: n });
  return { id: row!.id, code: c, name: n, createdAt: at };
}

export async function listUnits(db: Sql): Promise<Unit[]> {
  return db.query<Unit>('SELECT id, code, name, created_at AS "createdAt" FROM units ORDER BY name, id');
}

/** Issues a key for the unit; the plain key is returned once and never stored. */
export async function issueKey(db: Sql, actor: string, unitId: number, label = ''): Promise<{ key: string; info: UnitKeyInfo }> {
  const unit = await db.query('SELECT 1 FROM units WHERE id = $1', [unitId]);
  if (!unit.length) throw new HubError(404, 'no_unit', 'Không có đơn vị này.');
  const key = newSecret('tkh_unit');
  const at = new Date().toISOString();
  const [row] = await db.query<{ id: number }>('INSERT INTO unit_keys (unit_id, key_hash, label, created_at) VALUES ($1, $2, $3, $4) RETURNING id', [unitId, sha256(key), label.slice(0, 200), at]);
  await audit(db, actor, 'key.issue', { unitId, keyId: row!.id, label });
  return { key, info: { id: row!.id, unitId, label, createdAt: at, revokedAt: null } };
}

export async function revokeKey(db: Sql, actor: string, keyId: number): Promise<void> {
  const rows = await db.query('UPDATE unit_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [keyId, new Date().toISOString()]);
  if (!rows.length) throw new HubError(404, 'no_key', 'Không có khóa này, hoặc khóa đã bị thu hồi trước đó.');
  await audit(db, actor, 'key.revoke', { keyId });
}

export async function listKeys(db: Sql, unitId: number): Promise<UnitKeyInfo[]> {
  return db.query<UnitKeyInfo>(
    'SELECT id, unit_id AS "unitId", label, created_at AS "createdAt", revoked_at AS "revokedAt" FROM unit_keys WHERE unit_id = $1 ORDER BY id',
    [unitId],
  );
}

/** The unit a key belongs to, or an error that says the key is wrong or revoked. */
export async function unitOfKey(db: Sql, key: string | null): Promise<Unit> {
  if (!key || !key.startsWith('tkh_unit_')) throw new HubError(401, 'no_key', 'Thiếu khóa đơn vị. Hãy nhập khóa do quản trị máy chủ tổng hợp cấp vào Thiết lập của ứng dụng.');
  const rows = await db.query<Unit & { revokedAt: string | null }>(
    'SELECT u.id, u.code, u.name, u.created_at AS "createdAt", k.revoked_at AS "revokedAt" FROM unit_keys k JOIN units u ON u.id = k.unit_id WHERE k.key_hash = $1',
    [sha256(key)],
  );
  const r = rows[0];
  if (!r) throw new HubError(401, 'bad_key', 'Khóa đơn vị không đúng. Hãy kiểm tra lại khóa do quản trị máy chủ tổng hợp cấp.');
  if (r.revokedAt) throw new HubError(403, 'revoked_key', 'Khóa đơn vị này đã bị thu hồi. Hãy xin quản trị máy chủ tổng hợp cấp khóa mới.');
  return { id: r.id, code: r.code, name: r.name, createdAt: r.createdAt };
}

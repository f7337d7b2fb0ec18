// Units with their meetings and overdue kiến nghị; the admin adds units and issues or revokes keys
// (a new key is shown once, to be copied into the unit's Thiết lập).
import { useCallback, useEffect, useState } from 'react';
import type { HubKeyInfo, HubUnitRow } from '../../src/api-types';
import { get, post, postBytes } from './api';
import { nf, viDate, viDateTime } from './format';

export function UnitsScreen({ admin, onOpenUnit }: { admin: boolean; onOpenUnit: (id: number) => void }) {
  const [units, setUnits] = useState<HubUnitRow[]>([]);
  const [error, setError] = useState('');
  const [info, setInfo] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [keysOf, setKeysOf] = useState<HubUnitRow | null>(null);
  const load = useCallback(() => get<HubUnitRow[]>('/api/units').then(setUnits, (e: unknown) => setError(e instanceof Error ? e.message : 'Không tải được.')), []);
  useEffect(() => void load(), [load]);
  return (
    <section aria-labelledby="units-h">
      <h2 id="units-h">Các đơn vị gửi dữ liệu</h2>
      {error && <p role="alert" className="hub-error">{error}</p>}
      {info && <p role="status">{info}</p>}
      <table className="hub-table">
        <thead>
          <tr>
            <th>Đơn vị</th>
            <th>Số hội nghị</th>
            <th>Số kiến nghị</th>
            <th>Quá hạn</th>
            <th>Lần gửi gần nhất</th>
            <th><span className="sr-only">Thao tác</span></th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id} className={u.overdue ? 'overdue' : undefined}>
              <td>{u.name}</td>
              <td>{nf.format(u.meetings)}</td>
              <td>{nf.format(u.items)}</td>
              <td>{nf.format(u.overdue)}</td>
              <td>{u.lastReceived ? viDateTime(u.lastReceived) : 'chưa gửi'}</td>
              <td>
                <button type="button" onClick={() => onOpenUnit(u.id)}>Xem kiến nghị</button>
                {admin && <button type="button" onClick={() => setKeysOf(u)}>Khóa đơn vị</button>}
                {admin && (
                  <label className="hub-upload">
                    Nhập tệp hội nghị (USB)
                    <input
                      type="file"
                      accept=".thukyhn"
                      onChange={(e) => {
                        const file = e.target.files?.[0];
                        e.target.value = '';
                        if (!file) return;
                        void file
                          .arrayBuffer()
                          .then((b) => postBytes<{ created: boolean; newEvents: number; items: number }>(`/api/units/${u.id}/meeting-files`, b))
                          .then(
                            (r) => {
                              setError('');
                              setInfo(`${u.name}: ${r.created ? 'đã nhận hội nghị mới' : 'hội nghị đã có, đã gộp phần theo dõi'} (${nf.format(r.items)} kiến nghị, ${nf.format(r.newEvents)} thay đổi mới).`);
                              void load();
                            },
                            (err: unknown) => setError(err instanceof Error ? err.message : 'Không nhập được tệp.'),
                          );
                      }}
                    />
                  </label>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {admin && (
        <form
          className="hub-filters"
          onSubmit={(e) => {
            e.preventDefault();
            void post('/api/units', { code, name }).then(
              () => {
                setCode('');
                setName('');
                setError('');
                void load();
              },
              (err: unknown) => setError(err instanceof Error ? err.message : 'Không thêm được đơn vị.'),
            );
          }}
        >
          <h3>Thêm đơn vị</h3>
          <label>
            Tên đơn vị
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Phường Ba Đình" />
          </label>
          <label>
            Mã (không dấu)
            <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="phuong-ba-dinh" />
          </label>
          <button type="submit" disabled={!code || !name}>Thêm</button>
        </form>
      )}
      {keysOf && <KeysDialog unit={keysOf} onClose={() => setKeysOf(null)} />}
    </section>
  );
}

function KeysDialog({ unit, onClose }: { unit: HubUnitRow; onClose: () => void }) {
  const [keys, setKeys] = useState<HubKeyInfo[]>([]);
  const [fresh, setFresh] = useState('');
  const [error, setError] = useState('');
  const load = useCallback(() => get<HubKeyInfo[]>(`/api/units/${unit.id}/keys`).then(setKeys, () => undefined), [unit.id]);
  useEffect(() => void load(), [load]);
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : 'Không làm được.');
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="keys-h" className="hub-dialog">
      <h3 id="keys-h">Khóa của {unit.name}</h3>
      {fresh && (
        <p className="hub-key">
          Khóa mới (chỉ hiện một lần; hãy chép vào Thiết lập → Gửi lên máy chủ tổng hợp của tỉnh, trong ứng dụng tại đơn vị): <code>{fresh}</code>
        </p>
      )}
      {error && <p role="alert" className="hub-error">{error}</p>}
      <ul>
        {keys.map((k) => (
          <li key={k.id}>
            Khóa số {k.id} {k.label && `(${k.label})`}, cấp {viDate(k.createdAt)}
            {k.revokedAt ? `, đã thu hồi ${viDate(k.revokedAt)}` : <button type="button" onClick={() => void post(`/api/keys/${k.id}/revoke`, {}).then(load, fail)}>Thu hồi</button>}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void post<{ key: string }>(`/api/units/${unit.id}/keys`, { label: '' }).then((r) => { setFresh(r.key); void load(); }, fail)}>
        Cấp khóa mới
      </button>
      <button type="button" onClick={onClose}>Đóng</button>
    </div>
  );
}

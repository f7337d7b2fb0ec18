// Import from a spreadsheet in two steps: pick a file and see every row with its problems
// marked; nothing is written until "Nhập" is pressed, and then all chosen rows go in together.
import { useEffect, useId, useRef, useState } from 'react';
import type { ImportCommitResult, ImportKind, ImportPreview } from '../../../../electron/shared/imports';
import { IMPORT_LIMITS } from '../../../../electron/shared/imports';
import { api } from '../../lib/api';
import { fileToBase64 } from '../../lib/files';

const TITLES: Record<ImportKind, string> = {
  roster: 'Nhập danh sách đại biểu từ tệp',
  recommendations: 'Nhập kiến nghị trước hội nghị từ tệp',
};
const COLUMNS_HINT: Record<ImportKind, string> = {
  roster: 'Dòng đầu là tên cột: Họ tên, Chức vụ, Đơn vị, Vai trò. Nhiều chức vụ cách nhau bằng dấu phẩy hoặc dấu chấm phẩy. Vai trò ghi một trong: khách mời, chủ trì, lãnh đạo, báo cáo, đại biểu, trả lời (để trống là đại biểu).',
  recommendations:
    'Dòng đầu là tên cột: Người kiến nghị, Đơn vị, Lĩnh vực, Nội dung kiến nghị, Cụm tóm tắt (không bắt buộc), Người/cơ quan trả lời, Nội dung trả lời.',
};

const nf = new Intl.NumberFormat('vi-VN');

type Loaded = { fileName: string; dataBase64: string; preview: ImportPreview };

export function ImportDialog({ kind, meetingId, onClose, onImported }: { kind: ImportKind; meetingId: number; onClose: () => void; onImported: (r: ImportCommitResult) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const fileId = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const pickFile = async (file: File | undefined) => {
    setError(null);
    setLoaded(null);
    if (!file) return;
    if (file.size > IMPORT_LIMITS.fileBytes) {
      setError(`Tệp quá lớn (${nf.format(Math.round(file.size / 1024 / 1024))} MB). Tối đa ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB mỗi lần nhập; hãy chia nhỏ tệp.`);
      return;
    }
    setBusy(true);
    try {
      const dataBase64 = await fileToBase64(file);
      const r = await api.call('import.preview', { meetingId, kind, fileName: file.name, dataBase64 });
      if (!r.ok) setError(r.error.message);
      else {
        setLoaded({ fileName: file.name, dataBase64, preview: r.value });
        setChosen(new Set(r.value.rows.filter((x) => x.errors.length === 0).map((x) => x.index)));
      }
    } catch {
      setError('Không đọc được tệp này từ ổ đĩa. Hãy kiểm tra tệp còn mở được rồi chọn lại.');
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!loaded) return;
    setBusy(true);
    setError(null);
    const r = await api.call('import.commit', { meetingId, kind, fileName: loaded.fileName, dataBase64: loaded.dataBase64, rows: [...chosen] });
    setBusy(false);
    if (!r.ok) setError(r.error.message);
    else {
      onImported(r.value);
      ref.current?.close();
    }
  };

  const p = loaded?.preview;
  const shownColumns = p ? p.columns.filter((c) => c.header !== null || c.required) : [];
  const errorRows = p ? p.rows.filter((r) => r.errors.length).length : 0;
  return (
    <dialog ref={ref} className="import-dialog" aria-labelledby={`${fileId}-h`} onClose={onClose} data-testid="import-dialog">
      <h2 id={`${fileId}-h`}>{TITLES[kind]}</h2>
      <p className="muted small">{COLUMNS_HINT[kind]} Tệp Excel (.xlsx) hoặc CSV UTF-8, tối đa {IMPORT_LIMITS.fileBytes / 1024 / 1024} MB.</p>
      <div className="field">
        <label htmlFor={fileId}>Chọn tệp</label>
        <input id={fileId} type="file" accept=".xlsx,.csv,.txt" onChange={(e) => void pickFile(e.target.files?.[0])} data-testid="import-file" disabled={busy} />
      </div>
      {busy ? <div className="muted" role="status">Đang đọc tệp…</div> : null}
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      {p ? (
        <>
          {p.fileErrors.map((m) => (
            <div key={m} className="banner error" role="alert" data-testid="import-file-error">
              {m}
            </div>
          ))}
          {p.warnings.map((m) => (
            <div key={m} className="banner warn">
              {m}
            </div>
          ))}
          {p.rows.length ? (
            <>
              <p className="import-summary" data-testid="import-summary">
                {nf.format(p.rows.length)} dòng: {nf.format(p.validCount)} dòng hợp lệ
                {errorRows ? `, ${nf.format(errorRows)} dòng có lỗi (sẽ bỏ qua; sửa trong tệp rồi chọn lại tệp)` : ''}.
              </p>
              <div className="import-table-wrap">
                <table className="list import-table" data-testid="import-preview">
                  <thead>
                    <tr>
                      <th scope="col">Nhập</th>
                      <th scope="col">Dòng</th>
                      {shownColumns.map((c) => (
                        <th key={c.key} scope="col">
                          {c.label}
                        </th>
                      ))}
                      <th scope="col">Kiểm tra</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.rows.map((r) => (
                      <tr key={r.index} className={r.errors.length ? 'row-error' : undefined} data-testid={`import-row-${r.index}`}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={`Nhập dòng ${r.index}`}
                            disabled={r.errors.length > 0}
                            checked={chosen.has(r.index)}
                            onChange={(e) =>
                              setChosen((s) => {
                                const n = new Set(s);
                                if (e.target.checked) n.add(r.index);
                                else n.delete(r.index);
                                return n;
                              })
                            }
                          />
                        </td>
                        <td className="num">{r.index}</td>
                        {shownColumns.map((c) => (
                          <td key={c.key} className="cell-text">
                            {r.values[c.key]}
                          </td>
                        ))}
                        <td className="check">
                          {r.errors.map((m) => (
                            <div key={m} className="err">
                              ✖ {m}
                            </div>
                          ))}
                          {r.warnings.map((m) => (
                            <div key={m} className="warn">
                              ⚠ {m}
                            </div>
                          ))}
                          {r.errors.length === 0 && r.warnings.length === 0 ? <span className="ok">✔</span> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="primary" disabled={busy || !p || p.fileErrors.length > 0 || chosen.size === 0} onClick={() => void commit()} data-testid="import-commit">
          {p && chosen.size ? `Nhập ${nf.format(chosen.size)} dòng` : 'Nhập'}
        </button>
        <button type="button" onClick={() => ref.current?.close()} data-testid="import-cancel">
          Hủy
        </button>
      </div>
    </dialog>
  );
}

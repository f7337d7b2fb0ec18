// The notice's number, date and signer (NĐ 30 Mẫu 1.4): printed around the editable body, so
// changing them never touches the secretary's text. Number and date are often left blank for the
// văn thư to fill in when the notice is issued.
import { useId, useState } from 'react';
import type { OrgProfile } from '../../../../electron/shared/domain';
import type { NoticeOptions as Opts } from '../../../../electron/shared/documents';
import { defaultAuthority, defaultSignerTitle } from '../../../../electron/shared/notice-text';
import { isoToVnDate, vnDateToIso } from '../../lib/format';

type Props = { options: Opts; profile: OrgProfile | null; busy: boolean; disabled: boolean; onApply: (o: Opts) => void };

/** The authority lines NĐ 30 and HD 36 use; the secretary may type another. */
export function authorityChoices(profile: OrgProfile | null): string[] {
  if (profile?.isParty) return ['T/M BAN THƯỜNG VỤ', 'T/M ĐẢNG ỦY', 'K/T BÍ THƯ', ''];
  return ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'TL. CHỦ TỊCH', ''];
}

/** The form's fields → the options, or a Vietnamese message for the first wrong one. */
export function readNoticeForm(f: { number: string; date: string; authority: string; signerTitle: string; signerName: string }): Opts | string {
  const num = f.number.trim();
  if (num && !/^\d{1,5}$/.test(num)) return 'Số thông báo chỉ gồm chữ số (ví dụ 12), hoặc để trống để văn thư ghi khi ban hành.';
  const date = f.date.trim();
  const iso = date ? vnDateToIso(date) : null;
  if (date && !iso) return 'Ngày thông báo cần dạng ngày/tháng/năm, ví dụ 05/12/2026, hoặc để trống.';
  return { number: num ? Number(num) : null, date: iso, authority: f.authority.trim(), signerTitle: f.signerTitle.trim(), signerName: f.signerName.trim() };
}

export function NoticeOptions({ options, profile, busy, disabled, onApply }: Props) {
  const id = useId();
  const [number, setNumber] = useState(options.number != null ? String(options.number) : '');
  const [date, setDate] = useState(isoToVnDate(options.date ?? null));
  const [authority, setAuthority] = useState(options.authority ?? (profile ? defaultAuthority(profile) : ''));
  const [signerTitle, setSignerTitle] = useState(options.signerTitle ?? (profile ? defaultSignerTitle(profile) : 'CHỦ TỊCH'));
  const [signerName, setSignerName] = useState(options.signerName ?? '');
  const [error, setError] = useState<string | null>(null);

  const apply = () => {
    const r = readNoticeForm({ number, date, authority, signerTitle, signerName });
    if (typeof r === 'string') return setError(r);
    setError(null);
    onApply(r);
  };

  return (
    <section className="card docs-notice-options" aria-labelledby={`${id}-h`} data-testid="notice-options">
      <h2 id={`${id}-h`}>Số, ngày và người ký</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <label htmlFor={`${id}-num`}>Số thông báo</label>
        <input id={`${id}-num`} type="text" inputMode="numeric" value={number} onChange={(e) => setNumber(e.target.value)} placeholder="để trống: văn thư ghi" data-testid="notice-number" disabled={disabled} />
        <label htmlFor={`${id}-date`}>Ngày ban hành</label>
        <input id={`${id}-date`} type="text" value={date} onChange={(e) => setDate(e.target.value)} placeholder="ngày/tháng/năm" data-testid="notice-date" disabled={disabled} />
        <label htmlFor={`${id}-auth`}>Thẩm quyền ký</label>
        <input id={`${id}-auth`} type="text" list={`${id}-auths`} value={authority} onChange={(e) => setAuthority(e.target.value)} data-testid="notice-authority" disabled={disabled} />
        <datalist id={`${id}-auths`}>
          {authorityChoices(profile).map((a) => (
            <option key={a || 'none'} value={a} />
          ))}
        </datalist>
        <label htmlFor={`${id}-title`}>Chức vụ người ký</label>
        <input id={`${id}-title`} type="text" value={signerTitle} onChange={(e) => setSignerTitle(e.target.value)} data-testid="notice-signer-title" disabled={disabled} />
        <label htmlFor={`${id}-name`}>Họ tên người ký</label>
        <input id={`${id}-name`} type="text" value={signerName} onChange={(e) => setSignerName(e.target.value)} placeholder="để trống: người chủ trì" data-testid="notice-signer-name" disabled={disabled} />
        {error ? (
          <p className="small error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy || disabled} data-testid="notice-options-apply">
          Áp dụng
        </button>
      </form>
    </section>
  );
}

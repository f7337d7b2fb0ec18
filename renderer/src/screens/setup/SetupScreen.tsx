// First run: one page that asks for the organisation (what the minutes' header and the article's
// byline are made of), then offers the sample meeting or a first meeting. Not a wizard: every
// question is visible at once with an example, and the header preview answers "what is this for?".
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { SAMPLE_LABELS, UNIT_LEVELS, UNIT_LEVEL_LABELS, type OrgProfile, type SampleName } from '../../../../electron/shared/domain';
import { api } from '../../lib/api';
import { href, navigate } from '../../lib/router';
import { HeaderPreview } from './HeaderPreview';
import { ArticleStyleChoices } from './StyleChoices';
import {
  EMPTY_PROFILE,
  countExample,
  headerCase,
  levelExamples,
  numberLine,
  normaliseProfile,
  suggestDocCode,
  suggestPlaceName,
  validateProfile,
  type ProfileErrors,
  type ProfileField,
} from './profile-form';
import './setup.css';

// Other Party codes of the level, besides the suggested one.
const PARTY_CODE_HINT: Record<OrgProfile['level'], string> = {
  commune: 'Đảng ủy cơ quan, doanh nghiệp cũng dùng BB/ĐU.',
  province: 'Tỉnh ủy, Thành ủy: BB/TU; Đảng ủy trực thuộc: BB/ĐU.',
  district: 'Quận ủy: BB/QU, Huyện ủy: BB/HU, Thị ủy: BB/TU.',
};

const FIELD_ORDER: ProfileField[] = ['issuingBody', 'parentBody', 'docCode', 'placeName', 'secretaryName', 'byline'];

type FieldProps = {
  name: ProfileField;
  label: string;
  value: string;
  onChange: (v: string) => void;
  onBlur?: () => void;
  error?: string;
  hint: ReactNode;
  placeholder?: string;
  required?: boolean;
  autoFocus?: boolean;
  className?: string;
};

function Field(p: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  return (
    <div className={`field ${p.className ?? ''}`}>
      <label htmlFor={id}>
        {p.label}
        {p.required ? <span className="req"> *</span> : <span className="muted"> (không bắt buộc)</span>}
      </label>
      <input
        id={id}
        name={p.name}
        type="text"
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        onBlur={p.onBlur}
        placeholder={p.placeholder}
        autoFocus={p.autoFocus}
        spellCheck={false}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={p.error ? `${errId} ${hintId}` : hintId}
        aria-required={p.required ? true : undefined}
        data-testid={`setup-${p.name}`}
      />
      {p.error ? (
        <div className="field-error" id={errId} data-testid={`setup-error-${p.name}`}>
          {p.error}
        </div>
      ) : null}
      <div className="field-hint" id={hintId}>
        {p.hint}
      </div>
    </div>
  );
}

/** The form. `onSaved` receives the profile as stored. */
export function SetupScreen({ onSaved }: { onSaved: (p: OrgProfile) => void }) {
  const [p, setP] = useState<OrgProfile>(EMPTY_PROFILE);
  // A suggestion never overwrites what the secretary typed into that field.
  const [touched, setTouched] = useState({ docCode: false, placeName: false });
  const [serverErrors, setServerErrors] = useState<ProfileErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const today = useMemo(() => new Date(), []);

  // Quiet while the form is first filled in; after the first "Bắt đầu" the messages follow the
  // typing, so a corrected field loses its red at once.
  const errors: ProfileErrors = submitted ? { ...serverErrors, ...validateProfile(p) } : serverErrors;

  const set = (patch: Partial<OrgProfile>) => {
    setServerErrors({});
    setP((old) => {
      const next = { ...old, ...patch, style: { ...old.style, ...patch.style } };
      if (!touched.docCode) next.docCode = suggestDocCode(next.isParty, next.issuingBody, next.level);
      if (!touched.placeName) next.placeName = suggestPlaceName(next.issuingBody);
      return next;
    });
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    setBanner(null);
    const clean = normaliseProfile(p);
    setP(clean);
    const found = validateProfile(clean);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) {
      formRef.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    const r = await api.call('profile.save', clean);
    setBusy(false);
    if (r.ok) return onSaved(r.value);
    setBanner(r.error.message);
    if (r.error.fields) {
      const fromServer: ProfileErrors = {};
      for (const f of FIELD_ORDER) if (r.error.fields[f]) fromServer[f] = r.error.fields[f];
      setServerErrors(fromServer);
    }
  }

  const count = Object.keys(errors).length;
  const party = p.isParty;
  const ex = levelExamples(p.level, party);
  return (
    <div className="setup" data-testid="setup">
      <header className="setup-head">
        <h1>Chào mừng anh/chị đến với Thư ký Hội nghị</h1>
        <p>
          Trước hội nghị đầu tiên, hãy cho biết cơ quan của mình. Các thông tin này in ở phần đầu biên bản và cuối tin bài; sau này sửa lại được
          ở mục <strong>Thiết lập</strong>. Mọi dữ liệu chỉ nằm trên máy này.
        </p>
      </header>
      <div className="setup-body">
        <form ref={formRef} id="setup-form" className="setup-form" onSubmit={(e) => void submit(e)} noValidate aria-describedby="setup-required-note">
          <section className="card" aria-labelledby="setup-org-h">
            <h2 id="setup-org-h">Cơ quan ban hành biên bản</h2>
            <fieldset className="setup-choice setup-level" data-testid="setup-level">
              <legend>Cấp của cơ quan</legend>
              {UNIT_LEVELS.map((l) => (
                <label key={l}>
                  <input type="radio" name="level" checked={p.level === l} onChange={() => set({ level: l })} data-testid={`setup-level-${l}`} />
                  {UNIT_LEVEL_LABELS[l]}
                </label>
              ))}
              <span className="field-hint">Từ 01/7/2025 chính quyền địa phương có hai cấp: tỉnh, thành phố và xã, phường, đặc khu. Chọn quận, huyện chỉ khi ghi lại hội nghị trước ngày đó.</span>
            </fieldset>
            <Field
              name="issuingBody"
              label="Cơ quan ban hành"
              required
              autoFocus
              value={p.issuingBody}
              onChange={(v) => set({ issuingBody: v })}
              onBlur={() => set({ issuingBody: headerCase(p.issuingBody) })}
              error={errors.issuingBody}
              placeholder={`Ví dụ: ${ex.issuingBody}`}
              hint="Ghi như ở đầu văn bản, chữ in hoa (gõ chữ thường cũng được, ứng dụng tự viết hoa)."
            />
            <Field
              name="parentBody"
              label="Cơ quan chủ quản"
              value={p.parentBody}
              onChange={(v) => set({ parentBody: v })}
              onBlur={() => set({ parentBody: headerCase(p.parentBody) })}
              error={errors.parentBody}
              placeholder={ex.parentBody ? `Ví dụ: ${ex.parentBody}` : 'Cấp tỉnh thường để trống'}
              hint="Dòng in phía trên tên cơ quan ban hành. Bỏ trống nếu văn bản của cơ quan không ghi dòng này."
            />
            <label className="setup-party">
              <input type="checkbox" checked={p.isParty} onChange={(e) => set({ isParty: e.target.checked })} data-testid="setup-isParty" />
              <span>
                <strong>Cơ quan ban hành là cấp ủy Đảng ({levelExamples(p.level, true).partyBodies})</strong>
                <span className="field-hint">
                  Biên bản khi đó theo thể thức của Đảng (Hướng dẫn 36-HD/VPTW): “ĐẢNG CỘNG SẢN VIỆT NAM” ở góc phải, dấu * dưới tên cơ quan, số
                  dạng “{numberLine({ isParty: true, docCode: levelExamples(p.level, true).docCode }, 5)}”.
                </span>
              </span>
            </label>
            {party && /^(UBND|HĐND|ỦY BAN|HỘI ĐỒNG)/.test(headerCase(p.issuingBody)) ? (
              <div className="banner warn small" role="status" data-testid="setup-party-warning">
                Tên cơ quan đang là của chính quyền. Cấp ủy Đảng thường ghi như {ex.issuingBody}
                {ex.parentBody ? `, cơ quan chủ quản như ${ex.parentBody}` : ''}.
              </div>
            ) : null}
            <div className="grid-2">
              <Field
                name="docCode"
                label="Ký hiệu biên bản"
                required
                value={p.docCode}
                onChange={(v) => {
                  setTouched((t) => ({ ...t, docCode: true }));
                  setServerErrors({});
                  setP((old) => ({ ...old, docCode: v }));
                }}
                error={errors.docCode}
                placeholder={ex.docCode}
                hint={party ? `Phần sau số: “${numberLine({ isParty: true, docCode: ex.docCode }, 5)}”. ${PARTY_CODE_HINT[p.level]}` : 'Phần sau số: “Số: 05/BB-UBND”. HĐND: BB-HĐND.'}
              />
              <Field
                name="placeName"
                label="Địa danh"
                required
                value={p.placeName}
                onChange={(v) => {
                  setTouched((t) => ({ ...t, placeName: true }));
                  setServerErrors({});
                  setP((old) => ({ ...old, placeName: v }));
                }}
                error={errors.placeName}
                placeholder={`Ví dụ: ${ex.placeName}`}
                hint={`Dùng ở dòng “${ex.placeName}, ngày … tháng … năm …”.`}
              />
            </div>
          </section>

          <section className="card" aria-labelledby="setup-people-h">
            <h2 id="setup-people-h">Người ghi và người viết tin</h2>
            <div className="grid-2">
              <Field
                name="secretaryName"
                label="Họ tên thư ký"
                value={p.secretaryName}
                onChange={(v) => set({ secretaryName: v })}
                error={errors.secretaryName}
                placeholder="Ví dụ: Nguyễn Thị Thu Hà"
                hint="Điền sẵn cho mỗi hội nghị mới; in dưới chữ THƯ KÝ của biên bản."
              />
              <Field
                name="byline"
                label="Tác giả tin bài"
                value={p.byline}
                onChange={(v) => set({ byline: v })}
                error={errors.byline}
                placeholder={`Ví dụ: ${ex.byline}`}
                hint="Dòng ký tên cuối tin bài: tên người viết hoặc đơn vị."
              />
            </div>
          </section>

          <section className="card" aria-labelledby="setup-style-h">
            <h2 id="setup-style-h">Cách viết của cơ quan</h2>
            <fieldset className="setup-choice">
              <legend>Số lượng trong tin bài</legend>
              <label>
                <input type="radio" name="padCounts" checked={p.style.padCounts} onChange={() => set({ style: { ...p.style, padCounts: true } })} data-testid="setup-pad-on" />
                “{countExample(true)}” (thêm số 0 trước số dưới 10, như bài mẫu)
              </label>
              <label>
                <input type="radio" name="padCounts" checked={!p.style.padCounts} onChange={() => set({ style: { ...p.style, padCounts: false } })} data-testid="setup-pad-off" />
                “{countExample(false)}”
              </label>
            </fieldset>
            <ArticleStyleChoices style={p.style} person={ex.person} onChange={(style) => set({ style: { ...p.style, ...style } })} />
            <fieldset className="setup-choice">
              <legend>Người điều hành ký biên bản với chức danh</legend>
              <label>
                <input type="radio" name="chairLabel" checked={p.style.chairLabel === 'CHỦ TRÌ'} onChange={() => set({ style: { ...p.style, chairLabel: 'CHỦ TRÌ' } })} />
                CHỦ TRÌ
              </label>
              <label>
                <input type="radio" name="chairLabel" checked={p.style.chairLabel === 'CHỦ TỌA'} onChange={() => set({ style: { ...p.style, chairLabel: 'CHỦ TỌA' } })} data-testid="setup-chair-toa" />
                CHỦ TỌA
              </label>
            </fieldset>
            <label className="setup-check">
              <input type="checkbox" checked={p.style.placeDateLine} onChange={(e) => set({ style: { ...p.style, placeDateLine: e.target.checked } })} data-testid="setup-placeDateLine" />
              <span>
                Ghi dòng địa danh, ngày tháng ở đầu biên bản
                <span className="field-hint">Mẫu biên bản của Nghị định 30 không có dòng này, nhưng phần lớn cơ quan vẫn ghi.</span>
              </span>
            </label>
          </section>

        </form>
        <aside className="setup-aside">
          <HeaderPreview profile={p} today={today} />
          {/* Beside the preview, so "Bắt đầu" is on screen however far the form is scrolled. */}
          <div className="setup-submit">
            {count > 0 ? (
              <div className="banner error" role="alert" data-testid="setup-errors">
                Còn {count} mục cần sửa (đánh dấu đỏ bên trái).
              </div>
            ) : null}
            {banner ? (
              <div className="banner error" role="alert">
                {banner}
              </div>
            ) : null}
            <button type="submit" form="setup-form" className="primary big" disabled={busy} data-testid="setup-start">
              {busy ? 'Đang lưu…' : 'Bắt đầu'}
            </button>
            <span className="muted small" id="setup-required-note">
              Mục có dấu <span className="req">*</span> là bắt buộc.
            </span>
          </div>
          <p className="muted small">
            Cần đọc trước? Xem <a href={href({ name: 'help' })}>Hướng dẫn sử dụng</a>.
          </p>
        </aside>
      </div>
    </div>
  );
}

/** Shown once, right after the profile is saved: the two ways to begin. */
export function WelcomeScreen({ profile, onDone }: { profile: OrgProfile; onDone: () => void }) {
  const [busy, setBusy] = useState<'sample' | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const firstRef = useRef<HTMLButtonElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  async function openSample(name?: SampleName) {
    setBusy('sample');
    setError(null);
    const r = await api.call('sample.load', name ? { name } : {});
    setBusy(null);
    if (!r.ok) return setError(r.error.message);
    onDone();
    navigate({ name: 'meeting', id: r.value.id, tab: 'prepare' });
  }

  async function createFirst() {
    setBusy('new');
    setError(null);
    // A template worded for the office's own unit and level (two tiers since 1/7/2025).
    const r = await api.call('meeting.create', { template: profile.level === 'province' ? 'doi-thoai-tinh' : 'doi-thoai-co-so' });
    setBusy(null);
    if (!r.ok) return setError(r.error.message);
    onDone();
    navigate({ name: 'meeting', id: r.value.id, tab: 'prepare' });
  }

  return (
    <div className="setup welcome" data-testid="welcome">
      <header className="setup-head">
        <h1>Đã lưu thiết lập của {profile.issuingBody}</h1>
        <p>Anh/chị muốn bắt đầu thế nào?</p>
      </header>
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="welcome-choices">
        <button type="button" ref={firstRef} className="choice" onClick={() => void openSample()} disabled={busy !== null} data-testid="open-sample">
          <span className="choice-title">{busy === 'sample' ? 'Đang mở…' : 'Mở hội nghị mẫu (Bắc Từ Liêm, 18/10/2019) để xem thử'}</span>
          <span className="choice-text">
            Một hội nghị đối thoại đã ghi đủ: đại biểu, 16 kiến nghị, ý kiến trả lời, kết luận và ảnh. Xem từng bước, sửa thử thoải mái, rồi xóa ở
            Trang chủ khi không cần nữa.
          </span>
        </button>
        <button type="button" className="choice" onClick={() => void openSample('chi-minh-2025')} disabled={busy !== null} data-testid="open-sample-2025">
          <span className="choice-title">{busy === 'sample' ? 'Đang mở…' : `Mở hội nghị mẫu cấp xã (${SAMPLE_LABELS['chi-minh-2025']})`}</span>
          <span className="choice-text">Một hội nghị đối thoại với đoàn viên thanh niên sau khi sắp xếp chính quyền hai cấp, ghi lại từ một bài viết thật.</span>
        </button>
        <button type="button" className="choice" onClick={() => void createFirst()} disabled={busy !== null} data-testid="create-first">
          <span className="choice-title">{busy === 'new' ? 'Đang tạo…' : 'Tạo hội nghị đầu tiên'}</span>
          <span className="choice-text">Mở màn hình Chuẩn bị: ghi tên hội nghị, ngày, địa điểm, danh sách đại biểu và các kiến nghị đã nhận trước.</span>
        </button>
      </div>
      <p className="muted">
        Hoặc đọc <a href={href({ name: 'help' })}>Hướng dẫn sử dụng</a> (khoảng 5 phút), hoặc{' '}
        <button type="button" className="link" onClick={onDone} data-testid="welcome-home">
          về Trang chủ
        </button>
        .
      </p>
    </div>
  );
}

import { useState } from 'react';
import { DEFAULT_STYLE, UNIT_LEVELS, UNIT_LEVEL_LABELS, type OrgProfile, type UnitLevel } from '../../../electron/shared/domain';
import { api } from '../lib/api';
import { useData } from '../lib/use-data';
import { TextField } from '../components/fields';
import { levelExamples } from './setup/profile-form';
import { ArticleStyleChoices } from './setup/StyleChoices';
import { FollowupSettings } from './register/FollowupSettings';
import { HubSettings } from './settings/HubSettings';

const EMPTY: OrgProfile = { issuingBody: '', level: 'commune', parentBody: '', isParty: false, docCode: 'BB-UBND', placeName: '', byline: '', secretaryName: '', style: DEFAULT_STYLE };

/** The organisation profile: what the minutes' header and the article's byline are made from. */
export function SettingsScreen() {
  const profile = useData('profile.get', {});
  // A choice (level, radio, checkbox) shows at once and the next save builds on it, rather than
  // waiting for the reload; a refused save goes back to what is stored.
  const [draft, setDraft] = useState<OrgProfile | null>(null);
  if (profile.loading) return <div className="muted">Đang tải…</div>;
  const p = draft ?? profile.data ?? EMPTY;
  const ex = levelExamples(p.level, p.isParty);
  const save = async (patch: Partial<OrgProfile>) => {
    const next = { ...p, ...patch, style: { ...p.style, ...patch.style } };
    setDraft(next);
    const r = await api.call('profile.save', next);
    if (r.ok) void profile.reload();
    else setDraft(null);
    return r;
  };
  return (
    <div className="settings">
      <h1>Thiết lập cơ quan</h1>
      <p className="muted">Dùng cho phần đầu biên bản, số và ký hiệu văn bản, và tên tác giả tin bài.</p>
      {profile.error ? <div className="banner error">{profile.error}</div> : null}
      <section className="card">
        <div className="field settings-level">
          <label htmlFor="settings-level">Cấp của cơ quan</label>
          <select id="settings-level" value={p.level} onChange={(e) => void save({ level: e.target.value as UnitLevel })} data-testid="p-level">
            {UNIT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {UNIT_LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
          <div className="field-hint">Từ 01/7/2025 chính quyền địa phương có hai cấp: tỉnh, thành phố và xã, phường, đặc khu.</div>
        </div>
        <div className="grid-2">
          <TextField label="Cơ quan chủ quản" saveKey="profile:parentBody" value={p.parentBody} save={(v) => save({ parentBody: v })} placeholder={ex.parentBody ? `Ví dụ: ${ex.parentBody}` : 'Cấp tỉnh thường để trống'} />
          <TextField label="Cơ quan ban hành" required saveKey="profile:issuingBody" value={p.issuingBody} save={(v) => save({ issuingBody: v })} placeholder={`Ví dụ: ${ex.issuingBody}`} testId="p-issuing" />
          <TextField label="Ký hiệu biên bản" required saveKey="profile:docCode" value={p.docCode} save={(v) => save({ docCode: v })} placeholder={ex.docCode} max={50} testId="p-doccode" />
          <TextField label="Địa danh ghi ở dòng ngày tháng" required saveKey="profile:placeName" value={p.placeName} save={(v) => save({ placeName: v })} placeholder={`Ví dụ: ${ex.placeName}`} testId="p-place" />
          <TextField label="Tác giả tin bài" saveKey="profile:byline" value={p.byline} save={(v) => save({ byline: v })} placeholder={`Ví dụ: ${ex.byline}`} />
          <TextField label="Thư ký mặc định" saveKey="profile:secretaryName" value={p.secretaryName} save={(v) => save({ secretaryName: v })} />
        </div>
        <div className="checks">
          <label>
            <input type="checkbox" checked={p.isParty} onChange={(e) => void save({ isParty: e.target.checked })} /> Cơ quan ban hành là cấp ủy Đảng (biên bản theo Hướng dẫn 36-HD/VPTW)
          </label>
          <label>
            <input type="checkbox" checked={p.style.padCounts} onChange={(e) => void save({ style: { ...p.style, padCounts: e.target.checked } })} /> Viết số lượng có số 0 đứng trước (08 kiến nghị)
          </label>
          <label>
            <input type="checkbox" checked={p.style.placeDateLine} onChange={(e) => void save({ style: { ...p.style, placeDateLine: e.target.checked } })} /> Ghi dòng địa danh, ngày tháng trên biên bản
          </label>
          <label>
            Chức danh người điều hành ở chữ ký:{' '}
            <select value={p.style.chairLabel} onChange={(e) => void save({ style: { ...p.style, chairLabel: e.target.value as OrgProfile['style']['chairLabel'] } })}>
              <option value="CHỦ TRÌ">CHỦ TRÌ</option>
              <option value="CHỦ TỌA">CHỦ TỌA</option>
            </select>
          </label>
        </div>
      </section>
      <section className="card" aria-labelledby="settings-style-h">
        <h2 id="settings-style-h">Cách viết tin bài</h2>
        <ArticleStyleChoices style={p.style} person={ex.person} onChange={(style) => void save({ style: { ...p.style, ...style } })} />
      </section>
      <FollowupSettings />
      <HubSettings />
    </div>
  );
}

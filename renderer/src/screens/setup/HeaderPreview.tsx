// The minutes' header as it will print, redrawn on every keystroke, so the secretary sees at once
// what "cơ quan ban hành" and "cấp ủy Đảng" mean. Mirrors docx-minutes.ts: a State body gets the
// national title and motto, a Party committee (Hướng dẫn 36-HD/VPTW) "ĐẢNG CỘNG SẢN VIỆT NAM" and a
// "*" under its name.
import type { OrgProfile } from '../../../../electron/shared/domain';
import { headerCase, numberLine, placeDateLine } from './profile-form';

const EXAMPLE_NUMBER = 5;
// Before the name is typed: the Party committee of the chosen level.
const PARTY_PLACEHOLDER: Record<OrgProfile['level'], string> = { commune: 'ĐẢNG ỦY …', province: 'TỈNH ỦY …', district: 'QUẬN ỦY …' };

export function HeaderPreview({ profile, today }: { profile: OrgProfile; today: Date }) {
  const parent = headerCase(profile.parentBody);
  const issuing = headerCase(profile.issuingBody) || (profile.isParty ? PARTY_PLACEHOLDER[profile.level] : 'CƠ QUAN BAN HÀNH');
  const code = profile.docCode.replace(/\s+/g, '') || '…';
  const place = profile.placeName.trim() || '(địa danh)';
  return (
    <figure className="hdr-preview" aria-label="Xem trước phần đầu biên bản" data-testid="header-preview">
      <div className={`hdr-paper ${profile.isParty ? 'party' : 'state'}`}>
        <div className="hdr-left">
          {parent ? <div className="hdr-parent">{parent}</div> : null}
          <div className="hdr-issuing" data-testid="preview-issuing">
            {issuing}
          </div>
          {profile.isParty ? <div className="hdr-star">*</div> : <div className="hdr-rule short" />}
          <div className="hdr-number" data-testid="preview-number">
            {numberLine({ isParty: profile.isParty, docCode: code }, EXAMPLE_NUMBER)}
          </div>
        </div>
        <div className="hdr-right">
          {profile.isParty ? (
            <>
              <div className="hdr-party" data-testid="preview-national">
                ĐẢNG CỘNG SẢN VIỆT NAM
              </div>
              <div className="hdr-rule" />
            </>
          ) : (
            <>
              <div className="hdr-nation" data-testid="preview-national">
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
              </div>
              <div className="hdr-motto">Độc lập - Tự do - Hạnh phúc</div>
              <div className="hdr-rule" />
            </>
          )}
          {profile.style.placeDateLine ? (
            <div className="hdr-date" data-testid="preview-date">
              {placeDateLine(place, today)}
            </div>
          ) : null}
        </div>
        <div className="hdr-title">BIÊN BẢN</div>
      </div>
      <figcaption className="muted small">
        Xem trước phần đầu biên bản{profile.isParty ? ' (theo Hướng dẫn 36-HD/VPTW)' : ' (theo Nghị định 30/2020/NĐ-CP)'}. Số 05 chỉ là ví dụ: mỗi hội nghị ghi số riêng.
      </figcaption>
    </figure>
  );
}

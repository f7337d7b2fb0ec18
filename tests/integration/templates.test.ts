// New meetings from templates worded for the office's own unit and level (two tiers since 1/7/2025).
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_STYLE, type OrgProfile } from '../../electron/shared/domain';
import { MEETING_TEMPLATES, TEMPLATE_IDS, templatesFor, unitOfProfile } from '../../electron/shared/templates';
import { organizerName } from '../../electron/core/repo/copy';
import { tempCore, type TestCore } from '../helpers/core';

const office = (issuingBody: string, level: OrgProfile['level'], isParty = false): OrgProfile => ({
  issuingBody,
  level,
  parentBody: '',
  isParty,
  docCode: isParty ? 'BB/ĐU' : 'BB-UBND',
  placeName: 'x',
  byline: '',
  secretaryName: 'Nguyễn Thị Lan',
  style: DEFAULT_STYLE,
});

let core: TestCore | null = null;
afterEach(() => {
  core?.dispose();
  core = null;
});

describe('templates', () => {
  it('reads the unit from the issuing body, the way a sentence names it', () => {
    expect(unitOfProfile(office('UBND PHƯỜNG TÂY TỰU', 'commune'))).toBe('phường Tây Tựu');
    expect(unitOfProfile(office('ĐẢNG ỦY XÃ CHÍ MINH', 'commune'))).toBe('xã Chí Minh');
    expect(unitOfProfile(office('ĐẢNG ỦY ĐẶC KHU CÔN ĐẢO', 'commune'))).toBe('đặc khu Côn Đảo');
    expect(unitOfProfile(office('UBND TỈNH LAI CHÂU', 'province'))).toBe('tỉnh Lai Châu');
    expect(unitOfProfile(office('UBND PHƯỜNG 10', 'commune'))).toBe('Phường 10');
    expect(unitOfProfile(office('VĂN PHÒNG', 'commune'))).toBe('');
    expect(organizerName('UBND PHƯỜNG TÂY TỰU')).toBe('UBND phường Tây Tựu');
    expect(organizerName('ĐẢNG ỦY PHƯỜNG TÂY TỰU')).toBe('Đảng ủy phường Tây Tựu');
    expect(organizerName('TỈNH ỦY LAI CHÂU')).toBe('Tỉnh ủy Lai Châu');
  });

  it('offers the templates of the office level first', () => {
    expect(templatesFor('province')[0]!.id).toBe('doi-thoai-tinh');
    expect(templatesFor('commune')[0]!.id).toBe('doi-thoai-co-so');
    expect(templatesFor('commune').map((t) => t.id).sort()).toEqual([...TEMPLATE_IDS].sort());
  });

  it.each(TEMPLATE_IDS)('%s makes a meeting worded for the unit, with its groups, and never a quận', async (id) => {
    core = tempCore();
    await core.call('profile.save', office('UBND PHƯỜNG TÂY TỰU', 'commune'));
    const m = await core.call('meeting.create', { template: id });
    const rec = await core.call('meeting.get', { id: m.id });
    const t = MEETING_TEMPLATES[id];
    expect(rec.meeting.kind).toBe(t.kind);
    expect(rec.meeting.organizer).toBe('UBND phường Tây Tựu');
    expect(rec.meeting.locality).toBe('phường Tây Tựu');
    expect(rec.meeting.secretary).toBe('Nguyễn Thị Lan');
    expect(rec.groups.map((g) => g.text)).toEqual(t.groups('phường Tây Tựu').map((g) => g.text));
    expect(JSON.stringify(rec)).not.toMatch(/quận|huyện/i);
    if (id !== 'doi-thoai-tinh') expect(rec.meeting.title).toContain('phường Tây Tựu');
  });
});

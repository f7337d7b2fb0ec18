// Shared by the follow-up documents' tests: the two office profiles (State, NĐ 30; Party, HD 36)
// and the paragraphs of a .docx read back with their formatting.
import type { ChannelInput } from '../../../electron/shared/contract';

export const STATE_PROFILE: ChannelInput<'profile.save'> = {
  issuingBody: 'UBND PHƯỜNG TÂY TỰU',
  parentBody: 'UBND THÀNH PHỐ HÀ NỘI',
  isParty: false,
  docCode: 'BB-UBND',
  placeName: 'Tây Tựu',
  byline: '',
  secretaryName: 'Nguyễn Thu Hà',
  level: 'commune',
  style: { padCounts: true, placeDateLine: true, chairLabel: 'CHỦ TRÌ' },
};

export const PARTY_PROFILE: ChannelInput<'profile.save'> = {
  ...STATE_PROFILE,
  issuingBody: 'ĐẢNG ỦY PHƯỜNG TÂY TỰU',
  parentBody: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
  isParty: true,
  docCode: 'BB/ĐU',
};

export type Para = { text: string; bold: boolean; italic: boolean; size: number | null; center: boolean; justified: boolean; firstLine: number | null; rule: boolean };

/** Every paragraph of a part, with what NĐ 30 prescribes about it. */
export function paragraphs(xml: string): Para[] {
  return (xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [^>]*>[\s\S]*?<\/w:p>/g) ?? []).map((p) => {
    const ppr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0] ?? '';
    const sz = /<w:sz w:val="(\d+)"\/>/.exec(p.replace(ppr, ''));
    const fl = /w:firstLine="(\d+)"/.exec(ppr);
    return {
      text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
      bold: /<w:b\/>/.test(p),
      italic: /<w:i\/>/.test(p),
      size: sz ? Number(sz[1]) / 2 : null,
      center: ppr.includes('<w:jc w:val="center"/>'),
      justified: ppr.includes('<w:jc w:val="both"/>'),
      firstLine: fl ? Number(fl[1]) : null,
      rule: ppr.includes('<w:pBdr><w:bottom w:val="single"'),
    };
  });
}

export function byText(ps: Para[], text: string): Para {
  const p = ps.find((x) => x.text === text);
  if (!p) throw new Error(`no paragraph "${text}" in ${JSON.stringify(ps.map((x) => x.text))}`);
  return p;
}

export function startingWith(ps: Para[], text: string): Para {
  const p = ps.find((x) => x.text.startsWith(text));
  if (!p) throw new Error(`no paragraph starting "${text}" in ${JSON.stringify(ps.map((x) => x.text))}`);
  return p;
}

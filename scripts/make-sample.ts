// Builds resources/sample/bac-tu-liem-2019.thukyhn, the sample meeting, from the seed facts in
// ../shared/seed/seed-meeting.json. Run once when the seed or the file format changes:
//   npx tsx scripts/make-sample.ts
// The seed prints counts of 08 and 08 but lists 5 and 7 phrases; the missing ones are added with
// plausible content and left out of the article's list (inArticle: false), as seed/README.md asks.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { MEETING_FILE_FORMAT, MEETING_FILE_VERSION, MeetingDataSchema, type MeetingDataInput } from '../electron/core/meeting-file/format';
import { writeArchive } from '../electron/core/meeting-file/archive';
import { APP_VERSION } from '../electron/core/version';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type SeedPerson = { key: string; name: string; titles: string[]; organization: string; role: string; order: number };
type Seed = {
  meeting: { title: string; organizer: string; date: string; audience: string; locality: string };
  people: SeedPerson[];
  groups: { text: string; role: 'guest' | 'host' | 'participant' }[];
  speeches: { kind: 'report' | 'conclusion'; speakerKey: string; summary: string; directions: string[] }[];
  recommendations: { phase: 'before' | 'during'; raisedBy: string; unit: string | null; summary: string; topic: string }[];
  replies: { byText: string; summary: string }[];
  byline: string;
};

const seed = JSON.parse(readFileSync(path.join(root, '..', 'shared', 'seed', 'seed-meeting.json'), 'utf8')) as Seed;

const RANKS: Record<string, number> = { p1: 0, p2: 5, p3: 20, p4: 40, p5: 45 };
const aKey = (k: string): string => `a${k.slice(1)}`;

const extraBefore = [
  { summary: 'quan tâm cải tạo, nâng cấp nhà văn hóa tổ dân phố để chị em có nơi sinh hoạt', topic: 'văn hóa – xã hội' },
  { summary: 'tăng cường kiểm tra an toàn thực phẩm tại các chợ dân sinh', topic: 'an toàn thực phẩm' },
  { summary: 'bố trí thêm điểm trông giữ trẻ cho con công nhân tại các khu công nghiệp', topic: 'giáo dục' },
];
const extraDuring = [{ summary: 'lắp đặt thêm đèn chiếu sáng tại các ngõ, ngách trong khu dân cư', topic: 'hạ tầng đô thị' }];

const recs = [
  ...seed.recommendations.filter((r) => r.phase === 'before').map((r) => ({ ...r, inArticle: true })),
  ...extraBefore.map((r) => ({ phase: 'before' as const, raisedBy: 'cán bộ, hội viên phụ nữ trên địa bàn Quận', unit: null, ...r, inArticle: false })),
  ...seed.recommendations.filter((r) => r.phase === 'during').map((r) => ({ ...r, inArticle: true })),
  ...extraDuring.map((r) => ({ phase: 'during' as const, raisedBy: 'cán bộ, hội viên phụ nữ trong Quận', unit: null, ...r, inArticle: false })),
];

// Times through the afternoon, so the timeline and the minutes read in order.
let clock = 14 * 60 + 15;
const tick = (minutes: number): string => {
  clock += minutes;
  return `${String(Math.floor(clock / 60)).padStart(2, '0')}:${String(clock % 60).padStart(2, '0')}`;
};


let seq = 0;
const report = seed.speeches.find((s) => s.kind === 'report')!;
const conclusion = seed.speeches.find((s) => s.kind === 'conclusion')!;

const data: MeetingDataInput = {
  meeting: {
    title: seed.meeting.title,
    kind: 'đối thoại',
    organizer: seed.meeting.organizer,
    audience: seed.meeting.audience,
    locality: seed.meeting.locality,
    date: seed.meeting.date,
    startTime: '14:00',
    endTime: '17:00',
    location: 'Hội trường UBND quận Bắc Từ Liêm',
    secretary: 'Nguyễn Thị Thu Hà',
    status: 'closed',
    docNumber: 5,
  },
  attendees: seed.people
    .sort((a, b) => a.order - b.order)
    .map((p) => ({
      key: aKey(p.key),
      fullName: p.name,
      titles: p.titles,
      organization: p.organization,
      rank: RANKS[p.key] ?? 1000,
      role: p.role as 'guest' | 'chair' | 'host' | 'reporter',
      presence: 'present' as const,
      reason: '',
    })),
  groups: seed.groups,
  speeches: [],
  recommendations: [],
  replies: [],
  photos: [
    { file: 'photos/1.jpg', caption: 'Quang cảnh Hội nghị đối thoại', event: 'attendees', inArticle: true },
    { file: 'photos/2.jpg', caption: 'Đại biểu phụ nữ nêu ý kiến, kiến nghị tại Hội nghị', event: 'before', inArticle: true },
  ],
  documents: [],
};

data.speeches.push({ kind: 'report', speaker: aKey(report.speakerKey), speakerText: '', summary: report.summary, directions: [], at: tick(0), seq: ++seq });

const beforeKeys: string[] = [];
const duringKeys: string[] = [];
recs.forEach((r, i) => {
  const key = `r${i + 1}`;
  (r.phase === 'before' ? beforeKeys : duringKeys).push(key);
  data.recommendations.push({
    key,
    phase: r.phase,
    raisedBy: null,
    raisedByText: r.raisedBy,
    unit: r.unit ?? '',
    topic: r.topic,
    content: `Đề nghị ${r.summary.charAt(0).toLocaleLowerCase('vi')}${r.summary.slice(1)}.`,
    shortPhrase: r.summary,
    inArticle: r.inArticle,
    raisedAt: r.phase === 'during' ? tick(8) : null,
    seq: ++seq,
  });
});

const [writtenReply, hallReply] = seed.replies;
data.replies.push({
  responder: null,
  responderText: writtenReply.byText,
  content: writtenReply.summary,
  repliedAt: null,
  kind: 'written_before',
  agency: '',
  deadline: null,
  recommendations: beforeKeys,
  seq: ++seq,
});
data.replies.push({
  responder: null,
  responderText: hallReply.byText,
  content: hallReply.summary,
  repliedAt: tick(10),
  kind: 'on_spot',
  agency: '',
  deadline: null,
  recommendations: duringKeys,
  seq: ++seq,
});
data.speeches.push({
  kind: 'conclusion',
  speaker: aKey(conclusion.speakerKey),
  speakerText: '',
  summary: conclusion.summary,
  directions: conclusion.directions,
  at: tick(15),
  seq: ++seq,
});

// Two plain illustrations stand in for the article's photos (the seed has none to ship).
async function illustration(hue: string, accent: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">
    <rect width="1600" height="1000" fill="${hue}"/>
    <rect x="0" y="0" width="1600" height="260" fill="#7a1f1f"/>
    <rect x="500" y="60" width="600" height="140" rx="8" fill="#f4d58d"/>
    <rect x="150" y="330" width="1300" height="70" rx="10" fill="${accent}"/>
    ${Array.from({ length: 5 }, (_, row) => Array.from({ length: 12 }, (_, col) => `<circle cx="${190 + col * 110}" cy="${520 + row * 100}" r="34" fill="#3b3b3b" opacity="0.75"/>`).join('')).join('')}
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

async function main(): Promise<void> {
  const checked = MeetingDataSchema.parse(data);
  const enc = new TextEncoder();
  const bytes = writeArchive({
    'manifest.json': enc.encode(JSON.stringify({ format: MEETING_FILE_FORMAT, version: MEETING_FILE_VERSION, appVersion: APP_VERSION, exportedAt: '2019-10-18T10:00:00.000Z' }, null, 2)),
    'meeting.json': enc.encode(JSON.stringify(checked, null, 2)),
    'photos/1.jpg': await illustration('#e9e4d8', '#b5a27a'),
    'photos/2.jpg': await illustration('#dfe6e9', '#8a9ba8'),
  });
  const out = path.join(root, 'resources', 'sample', 'bac-tu-liem-2019.thukyhn');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  console.log(`${out} (${bytes.length} bytes, ${recs.length} kiến nghị)`);
}

await main();

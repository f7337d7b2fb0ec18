// The child of the crash test: writes through the real core at typing speed and reports each
// write on stdout only after the core has answered, i.e. after the commit. On Linux, writes to a
// pipe from process.stdout are synchronous, so an "ack" line the parent reads was written after
// the commit returned: every acked write must survive a SIGKILL.
//
// Line protocol (one per acknowledged write):
//   ready <meetingId>
//   rec <recId> <contentLength>        content of rec is 'a…' growing one letter per keystroke
//   reply <replyId> <recId>            a reply linked to rec
//   field <meetingId> <locationLength> the meeting's location, also growing
import { parseArgs } from 'node:util';
import { createCore } from '../electron/core/app';

const { values } = parseArgs({ options: { data: { type: 'string' }, seed: { type: 'string' }, sabotage: { type: 'boolean' } } });
// --sabotage claims five more characters than were written: the parent must report them lost.
// It exists to prove the checker can fail.
const claimExtra = values.sabotage ? 5 : 0;
const core = createCore({ dataDir: values.data!, mode: 'cli', log: () => {} });
let rnd = Number(values.seed ?? 1) >>> 0;
const random = (): number => {
  rnd = (rnd + 0x6d2b79f5) >>> 0;
  let t = rnd;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ack = (line: string) => process.stdout.write(`${line}\n`);

async function call(channel: string, input: unknown): Promise<{ id: number }> {
  const r = await core.registry.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as { id: number };
}

// Vietnamese text, typed one letter at a time: "Đề nghị xử lý ô nhiễm sông Pheo …"
const TEXT = 'Đề nghị Quận sớm xử lý dứt điểm tình trạng ô nhiễm nguồn nước sông Pheo, nạo vét lòng sông và kè bờ. ';

async function main(): Promise<void> {
  const meeting = await call('meeting.create', { fields: { title: 'Kiểm thử mất điện' } });
  ack(`ready ${meeting.id}`);
  let location = '';
  for (;;) {
    const rec = await call('rec.create', { meetingId: meeting.id, phase: 'during', raisedByText: 'Đại biểu', content: '' });
    let content = '';
    const length = 20 + Math.floor(random() * 60);
    for (let i = 0; i < length; i++) {
      content += TEXT[content.length % TEXT.length];
      await call('rec.update', { id: rec.id, patch: { content } });
      ack(`rec ${rec.id} ${content.length + claimExtra}`);
      if (random() < 0.05) {
        location += 'x';
        await call('meeting.update', { id: meeting.id, patch: { location } });
        ack(`field ${meeting.id} ${location.length}`);
      }
      // Typing speed with debounce: a save every few to few tens of milliseconds.
      await sleep(random() < 0.7 ? 2 + random() * 10 : 20 + random() * 40);
    }
    const reply = await call('reply.create', { meetingId: meeting.id, content: 'Trả lời tại hội nghị', kind: 'on_spot', recommendationIds: [rec.id] });
    ack(`reply ${reply.id} ${rec.id}`);
  }
}

void main();

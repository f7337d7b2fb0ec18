// Runs in its own process (`node --import tsx bench/docs-child.ts`) so its peak memory is the
// documents' and not the rest of the benchmark's. The documents engineer's big meeting
// (tests/fixtures/documents/big-meeting.ts: 300 recommendations, 400 replies, 200 attendees) is
// written into a real database through the registry, its photos go through the real photo.add
// path (4000×3000 camera JPEGs, decoded and downscaled by the core), and each document is
// exported to .docx exactly as the Documents tab does. Then pandoc converts a Markdown rendering
// of the same minutes, for comparison. Prints one JSON line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../electron/core/app';
import { stopRenderWorker } from '../electron/core/documents/render-worker';
import type { DocBlock, DocDraft } from '../electron/shared/documents';
import type { Result } from '../electron/shared/result';
import { bigMeeting } from '../tests/fixtures/documents/big-meeting';

export type DocsOutput = {
  photos: number;
  photoAddMs: number[];
  peakRssPhotosMb: number;
  exports: { kind: 'minutes' | 'article' | 'summary'; ms: number[]; bytes: number }[];
  peakRssMb: number;
  baseRssMb: number;
  pandoc: { ms: number[]; bytes: number } | { error: string };
  markdownChars: number;
};

const { values } = parseArgs({ options: { photo: { type: 'string', multiple: true }, reps: { type: 'string' } } });
const photoFiles = values.photo ?? [];
const reps = Number(values.reps ?? 3);

function must<T>(r: Result<unknown>, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.message}`);
  return r.value as T;
}

/** A Markdown rendering of the minutes' blocks: headings, paragraphs, tables as pipe tables. */
export function blocksToMarkdown(blocks: DocBlock[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'heading') out.push(`## ${b.text}`, '');
    else if (b.type === 'paragraph' || b.type === 'byline' || b.type === 'dateline') out.push(b.text.replace(/\n/g, '\n\n'), '');
    else if (b.type === 'photo') out.push(`*[Ảnh: ${b.caption}]*`, '');
    else if (b.rows.length) {
      const [head, ...rest] = b.rows;
      out.push(`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rest.map((r) => `| ${r.map(cell).join(' | ')} |`), '');
    }
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'thuky-bench-docs-'));
  const core = createCore({ dataDir: dir, mode: 'cli', log: () => {} });
  const call = (ch: string, input: unknown) => core.registry.dispatch(ch, input);
  const { record, profile } = bigMeeting();
  must(await call('profile.save', { ...profile }), 'profile.save');
  const m = record.meeting;
  const meeting = must<{ id: number }>(
    await call('meeting.create', {
      fields: { title: m.title, organizer: m.organizer, audience: m.audience, locality: m.locality, date: m.date, startTime: m.startTime, endTime: m.endTime, location: m.location, secretary: m.secretary, docNumber: m.docNumber },
    }),
    'meeting.create',
  );
  const att = new Map<number, number>();
  for (const a of record.attendees) {
    const v = must<{ id: number }>(await call('attendee.add', { meetingId: meeting.id, role: a.role, newPerson: { fullName: a.fullName, titles: a.titles, organization: a.organization } }), 'attendee.add');
    att.set(a.id, v.id);
  }
  for (const g of record.groups) must(await call('group.add', { meetingId: meeting.id, text: g.text, role: g.role }), 'group.add');
  const recs = new Map<number, number>();
  // Events in the order they happened, as the secretary records them.
  type Ev = { seq: number; run: () => Promise<void> };
  const events: Ev[] = [
    ...record.speeches.map((s) => ({
      seq: s.seq,
      run: async () => {
        must(await call('speech.create', { meetingId: meeting.id, kind: s.kind, speakerAttendeeId: s.speakerAttendeeId ? att.get(s.speakerAttendeeId) : null, speakerText: s.speakerText, summary: s.summary, directions: s.directions, at: s.at }), 'speech.create');
      },
    })),
    ...record.recommendations.map((r) => ({
      seq: r.seq,
      run: async () => {
        const v = must<{ id: number }>(
          await call('rec.create', {
            meetingId: meeting.id,
            phase: r.phase,
            raisedByAttendeeId: r.raisedByAttendeeId ? att.get(r.raisedByAttendeeId) : null,
            raisedByText: r.raisedByText,
            unit: r.unit,
            topic: r.topic,
            content: r.content,
            shortPhrase: r.shortPhrase,
            inArticle: r.inArticle,
            raisedAt: r.raisedAt,
          }),
          'rec.create',
        );
        recs.set(r.id, v.id);
      },
    })),
    ...record.replies.map((r) => ({
      seq: r.seq,
      run: async () => {
        must(
          await call('reply.create', {
            meetingId: meeting.id,
            responderAttendeeId: r.responderAttendeeId ? att.get(r.responderAttendeeId) : null,
            responderText: r.responderText,
            content: r.content,
            repliedAt: r.repliedAt,
            kind: r.kind,
            agency: r.agency,
            deadline: r.deadline,
            recommendationIds: r.recommendationIds.map((x) => recs.get(x)!).filter(Boolean),
          }),
          'reply.create',
        );
      },
    })),
  ].sort((a, b) => a.seq - b.seq);
  for (const e of events) await e.run();

  // Camera-sized JPEGs made by the parent (bench/docs.ts), so making them does not count here.
  const photoAddMs: number[] = [];
  const photoEvents = ['attendees', 'report', 'before', 'during', 'replies', 'conclusion'] as const;
  let peakAdd = process.memoryUsage().rss;
  const addSampler = setInterval(() => (peakAdd = Math.max(peakAdd, process.memoryUsage().rss)), 5);
  for (let i = 0; i < photoFiles.length; i++) {
    const raw = readFileSync(photoFiles[i]);
    const t0 = performance.now();
    must(await call('photo.add', { meetingId: meeting.id, fileName: path.basename(photoFiles[i]), dataBase64: raw.toString('base64'), caption: `Ảnh số ${i + 1}`, event: photoEvents[i % photoEvents.length], inArticle: true }), 'photo.add');
    photoAddMs.push(performance.now() - t0);
  }
  clearInterval(addSampler);

  // Warm-up: the worker's start and module loading are paid once per app run, not per document.
  must(await call('doc.export', { meetingId: meeting.id, kind: 'summary', format: 'docx' }), 'warm-up');
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const exports: DocsOutput['exports'] = [];
  for (const kind of ['minutes', 'article', 'summary'] as const) {
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < reps; i++) {
      // Force generation afresh each time: an export of an unchanged draft is what the user does,
      // and it regenerates an unedited draft (ensureDraft), so this is the real path.
      const t0 = performance.now();
      const v = must<{ dataBase64: string }>(await call('doc.export', { meetingId: meeting.id, kind, format: 'docx' }), `doc.export ${kind}`);
      ms.push(performance.now() - t0);
      bytes = Math.round((v.dataBase64.length * 3) / 4);
    }
    exports.push({ kind, ms, bytes });
  }
  clearInterval(sampler);

  // pandoc on the same minutes as Markdown.
  const draft = must<DocDraft>(await call('doc.generate', { meetingId: meeting.id, kind: 'minutes' }), 'doc.generate');
  const md = blocksToMarkdown(draft.blocks);
  const mdFile = path.join(dir, 'bien-ban.md');
  const outFile = path.join(dir, 'bien-ban.docx');
  writeFileSync(mdFile, md);
  const pms: number[] = [];
  let err = '';
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const r = spawnSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', outFile, mdFile], { encoding: 'utf8' });
    if (r.error || r.status !== 0) {
      err = r.error ? String(r.error.message) : r.stderr;
      break;
    }
    pms.push(performance.now() - t0);
  }
  const pandoc: DocsOutput['pandoc'] = err ? { error: err.slice(0, 200) } : { ms: pms, bytes: statSync(outFile).size };
  core.close();
  await stopRenderWorker();
  rmSync(dir, { recursive: true, force: true });
  const out: DocsOutput = { photos: photoFiles.length, photoAddMs, peakRssPhotosMb: Math.round(peakAdd / 1024 / 1024), exports, peakRssMb: Math.round(peak / 1024 / 1024), baseRssMb: Math.round(base / 1024 / 1024), pandoc, markdownChars: md.length };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

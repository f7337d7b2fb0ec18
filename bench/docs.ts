// Documents: makes the camera-sized photos (once; they are kept in bench/tmp), then runs
// bench/docs-child.ts in a separate process and turns its answer into figures.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { DocsOutput } from './docs-child';
import type { Figure } from './report';
import { median, percentile, round } from './stats';

const TARGET_MS = { minutes: 1500, article: 500, summary: 1000 } as const;

async function cameraPhotos(dir: string, n: number): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const f = path.join(dir, `IMG_${4000 + i}_4000x3000.jpg`);
    if (!existsSync(f)) {
      // Gaussian noise compresses like a real photo: each file is several MB, each is distinct.
      const buf = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 120, g: 110, b: 100 }, noise: { type: 'gaussian', mean: 100 + i, sigma: 30 } } })
        .jpeg({ quality: 90 })
        .toBuffer();
      writeFileSync(f, buf);
    }
    files.push(f);
  }
  return files;
}

function runChild(root: string, photos: string[], reps: number): Promise<DocsOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'docs-child.ts'), '--reps', String(reps), ...photos.flatMap((p) => ['--photo', p])], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as DocsOutput);
      else reject(new Error(`docs-child exited ${code}: ${err.slice(-2000)}`));
    });
  });
}

export async function benchDocs(root: string, tmp: string, opts: { photos: number; reps: number }, log: (s: string) => void): Promise<Figure[]> {
  const photos = await cameraPhotos(path.join(tmp, 'photos'), opts.photos);
  const r = await runChild(root, photos, opts.reps);
  const size = `big meeting (300 recs, 400 replies, 200 attendees), ${r.photos} photos 4000×3000`;
  const figs: Figure[] = [];
  for (const e of r.exports) {
    const ms = median(e.ms);
    figs.push({ section: 'documents', name: `${e.kind} → .docx`, value: round(ms, 0), unit: 'ms', target: { op: '<=', value: TARGET_MS[e.kind] }, size, note: `median of ${e.ms.length}: ${e.ms.map((x) => Math.round(x)).join(', ')} ms; ${(e.bytes / 1024).toFixed(0)} KB; generation + rendering on the worker, as doc.export` });
    log(`  ${e.kind}: ${e.ms.map((x) => Math.round(x)).join(', ')} ms`);
  }
  figs.push(
    { section: 'documents', name: 'peak RSS while exporting (whole core process)', value: r.peakRssMb, unit: 'MB', size, note: `${r.baseRssMb} MB before the first export` },
    { section: 'documents', name: 'peak RSS while adding the photos', value: r.peakRssPhotosMb, unit: 'MB', size },
    { section: 'documents', name: 'photo.add of one 4000×3000 JPEG (decode, downscale, store)', value: round(percentile(r.photoAddMs, 50), 0), unit: 'ms', size, note: `p50; max ${Math.round(Math.max(...r.photoAddMs))} ms` },
  );
  if ('error' in r.pandoc) {
    figs.push({ section: 'documents', name: 'pandoc Markdown → .docx (same minutes)', value: null, unit: 'ms', size, note: `pandoc failed or is missing: ${r.pandoc.error}` });
  } else {
    const p = median(r.pandoc.ms)!;
    const ours = median(r.exports.find((e) => e.kind === 'minutes')!.ms)!;
    figs.push(
      { section: 'documents', name: 'pandoc Markdown → .docx (same minutes)', value: round(p, 0), unit: 'ms', size, note: `median of ${r.pandoc.ms.length}; ${r.markdownChars.toLocaleString('en-US')} chars of Markdown; a new pandoc process each time, as a user would run it` },
      { section: 'documents', name: 'our minutes ÷ pandoc', value: round(ours / p, 2), unit: '×', size, note: 'below 1: ours is faster' },
    );
    log(`  pandoc: ${r.pandoc.ms.map((x) => Math.round(x)).join(', ')} ms`);
  }
  return figs;
}

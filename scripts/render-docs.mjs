#!/usr/bin/env node
// npm run render-docs -- DIR
// Turns every .docx in DIR into PNG pages (LibreOffice → PDF, then pdftoppm) in DIR/png/, so a
// person can look at what the app writes: DIR/png/<name>-1.png, <name>-2.png, …
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('Cách dùng / usage: npm run render-docs -- THƯ_MỤC_CHỨA_DOCX');
  process.exit(2);
}
if (!existsSync(dir)) {
  console.error(`Không thấy thư mục / directory not found: ${dir}`);
  process.exit(2);
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}
const office = ['libreoffice', 'soffice'].find(has);
if (!office) {
  console.error('Thiếu LibreOffice (lệnh libreoffice/soffice). Cài gói libreoffice-writer-nogui và fonts-liberation.\nLibreOffice is missing: install libreoffice-writer-nogui and fonts-liberation.');
  process.exit(3);
}
if (!has('pdftoppm')) {
  console.error('Thiếu pdftoppm. Cài gói poppler-utils.\npdftoppm is missing: install poppler-utils.');
  process.exit(3);
}

const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.docx'));
if (!files.length) {
  console.error(`Không có tệp .docx nào trong ${dir} / no .docx files in ${dir}`);
  process.exit(1);
}
const pdfDir = path.join(dir, 'pdf');
const pngDir = path.join(dir, 'png');
mkdirSync(pdfDir, { recursive: true });
mkdirSync(pngDir, { recursive: true });
// A private LibreOffice profile, so a running LibreOffice (or a stale lock) does not block us.
const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
let failed = 0;
for (const f of files) {
  const src = path.join(dir, f);
  const base = f.replace(/\.docx$/i, '');
  try {
    execFileSync(office, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, src], { stdio: 'pipe', timeout: 120_000 });
    const pdf = path.join(pdfDir, `${base}.pdf`);
    if (!existsSync(pdf)) throw new Error('LibreOffice không tạo ra PDF / no PDF produced');
    for (const old of readdirSync(pngDir).filter((p) => p.startsWith(`${base}-`))) rmSync(path.join(pngDir, old));
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(pngDir, base)], { stdio: 'pipe' });
    const pages = readdirSync(pngDir).filter((p) => p.startsWith(`${base}-`)).length;
    console.log(`✓ ${f}: ${pages} trang / pages`);
  } catch (e) {
    failed++;
    console.error(`✗ ${f}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
rmSync(profile, { recursive: true, force: true });
console.log(`Ảnh trang ở / pages in: ${pngDir}`);
process.exit(failed ? 1 : 0);

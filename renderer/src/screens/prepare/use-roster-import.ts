// Importing a roster from a file: whether the dialog is open, and the summary shown after it.
import { useState } from 'react';
import type { ImportCommitResult } from '../../../../electron/shared/imports';

const nf = new Intl.NumberFormat('vi-VN');

export function useRosterImport(onImported: () => Promise<void>) {
  const [importing, setImporting] = useState(false);
  const [info, setInfo] = useState<string | null>(null);

  const imported = (r: ImportCommitResult) => {
    setInfo(
      `Đã nhập ${nf.format(r.imported)} đại biểu (${nf.format(r.createdPeople)} người mới trong danh bạ, ${nf.format(r.reusedPeople)} người đã có)${r.skipped ? `; bỏ qua ${nf.format(r.skipped)} dòng` : ''}.`,
    );
    void onImported();
  };

  return { importing, open: () => setImporting(true), close: () => setImporting(false), info, imported };
}

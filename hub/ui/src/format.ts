/** ISO date → dd/mm/yyyy, as Vietnamese offices write it. */
export function viDate(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function viDateTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())} ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export const nf = new Intl.NumberFormat('vi-VN');

/** "an ninh trật tự" → "An ninh trật tự": a table's row label as offices write it. */
export const upperFirst = (s: string): string => (s ? s[0]!.toLocaleUpperCase('vi') + s.slice(1) : s);

// The "new person" form's fields, their checks, and one submit at a time.
import { useState } from 'react';
import type { Role } from '../../../../electron/shared/domain';
import { LIMITS } from '../../../../electron/shared/limits';
import type { NewPerson } from './use-roster-edits';

const nf = new Intl.NumberFormat('vi-VN');

// Titles are typed in one field separated by ";" because a title may itself contain a comma.
export const splitTitles = (v: string): string[] =>
  v
    .split(';')
    .map((t) => t.trim())
    .filter(Boolean);

export function useNewPersonForm(initialName: string, onAdd: (p: NewPerson, role: Role) => Promise<boolean>) {
  const [name, setName] = useState(initialName);
  const [titles, setTitles] = useState('');
  const [org, setOrg] = useState('');
  const [role, setRole] = useState<Role>('delegate');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tooLong = (label: string, v: string) => (v.length > LIMITS.shortText ? `${label} quá dài: tối đa ${nf.format(LIMITS.shortText)} ký tự, hiện có ${nf.format(v.length)}.` : null);
  const submit = async () => {
    const t = splitTitles(titles);
    const p =
      (!name.trim() ? 'Họ tên không được để trống.' : null) ??
      tooLong('Họ tên', name) ??
      tooLong('Đơn vị', org) ??
      (t.some((x) => x.length > LIMITS.shortText) ? `Một chức vụ quá dài: tối đa ${nf.format(LIMITS.shortText)} ký tự.` : null);
    setProblem(p);
    if (p || busy) return;
    setBusy(true);
    await onAdd({ fullName: name.normalize('NFC').trim(), titles: t.map((x) => x.normalize('NFC')), organization: org.normalize('NFC').trim() }, role);
    setBusy(false);
  };
  return { name, setName, titles, setTitles, org, setOrg, role, setRole, problem, busy, submit };
}

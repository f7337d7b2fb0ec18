// The report dialog's form → the period it means (electron/shared/period.ts does the dates).
import type { PeriodKind } from '../../../../electron/shared/followup';
import type { PeriodSpec } from '../../../../electron/shared/period';
import { vnDateToIso } from '../../lib/format';

export type Choice = { kind: PeriodKind; year: number; month: number; quarter: 1 | 2 | 3 | 4; half: 1 | 2; from: string; to: string };

/** The period chosen on the form, or null while the dates typed are not real. */
export function choiceToSpec(c: Choice): PeriodSpec | null {
  switch (c.kind) {
    case 'month':
      return { kind: 'month', year: c.year, month: c.month };
    case 'quarter':
      return { kind: 'quarter', year: c.year, quarter: c.quarter };
    case 'half':
      return { kind: 'half', year: c.year, half: c.half };
    case 'nine_months':
      return { kind: 'nine_months', year: c.year };
    case 'year':
      return { kind: 'year', year: c.year };
    case 'custom': {
      const from = vnDateToIso(c.from);
      const to = vnDateToIso(c.to);
      return from && to && from <= to ? { kind: 'custom', from, to } : null;
    }
  }
}


// Home's reminder of the promises: how many register items fall due within a week and how many
// are overdue, each a link to the register filtered that way.
import type { DueCounts as Counts } from '../../../../electron/shared/followup';
import { useData } from '../../lib/use-data';
import { href } from '../../lib/router';
import { filterParams, EMPTY_FILTER } from './filters';
import './register.css';

export function dueSoonHref(days: number): string {
  return href({ name: 'register', params: filterParams({ ...EMPTY_FILTER, dueWithinDays: days }) });
}
export const overdueHref = (): string => href({ name: 'register', params: filterParams({ ...EMPTY_FILTER, overdue: true }) });

export function DueCounts() {
  const counts = useData('register.counts', {});
  if (counts.error)
    return (
      <div className="banner error" role="alert">
        {counts.error}
      </div>
    );
  const c: Counts | null = counts.data;
  return (
    <nav className="due-counts" aria-label="Theo dõi kiến nghị" data-testid="due-counts">
      <a href={href({ name: 'register', params: '' })} data-testid="due-register">
        Theo dõi kiến nghị
      </a>
      <a className="soon" href={dueSoonHref(c?.dueSoonDays ?? 7)} data-testid="due-soon">
        <strong data-testid="due-soon-count">{c ? c.dueSoon : '…'}</strong> sắp đến hạn ({c?.dueSoonDays ?? 7} ngày tới)
      </a>
      <a className="overdue" href={overdueHref()} data-testid="due-overdue">
        <strong data-testid="due-overdue-count">{c ? c.overdue : '…'}</strong> quá hạn
      </a>
    </nav>
  );
}

// The follow-up register (issue 14): statuses and agencies, the register's reads and changes, the
// conclusion's tasks and the period report. The logic is in core/followup/.
import type { PartialHandlers } from '../registry';
import { nowIso, type CoreContext } from '../context';
import { listAgencies, listStatuses, saveAgency, saveStatuses } from '../followup/settings';
import { dueCounts, itemDetail, queryRegister } from '../followup/register';
import { getFile, profileActor, recordChange } from '../followup/change';
import { listTasks, saveTasks } from '../followup/tasks';
import { buildReport } from '../followup/report';
import { localDate } from '../followup/dates';

const today = (ctx: CoreContext, given?: string): string => given ?? localDate(ctx.now());

export const followupHandlers = {
  'followup.statuses': (ctx) => listStatuses(ctx.db),
  'followup.saveStatuses': (ctx, { statuses }) => saveStatuses(ctx.db, statuses),
  'agency.list': (ctx) => listAgencies(ctx.db),
  'agency.save': (ctx, input) => saveAgency(ctx.db, input),
  'register.query': (ctx, filter) => queryRegister(ctx.db, filter, today(ctx, filter.today)),
  'register.counts': (ctx, { today: t, dueSoonDays }) => dueCounts(ctx.db, today(ctx, t), dueSoonDays),
  'register.item': (ctx, { uid }) => itemDetail(ctx.db, uid, today(ctx)),
  'register.change': (ctx, change) => {
    recordChange(ctx.db, nowIso(ctx), change, profileActor(ctx.db));
    return itemDetail(ctx.db, change.uid, today(ctx));
  },
  'register.file': (ctx, { fileId }) => getFile(ctx.db, fileId),
  'notice.tasks': (ctx, { meetingId }) => listTasks(ctx.db, meetingId, today(ctx)),
  'notice.saveTasks': (ctx, input) => saveTasks(ctx.db, nowIso(ctx), input, profileActor(ctx.db), ctx.now()),
  'report.build': (ctx, { from, to, kind }) => buildReport(ctx.db, from, to, kind),
} satisfies PartialHandlers;

// Sends the outbox to the hub: each queued meeting as its meeting file (the same file a USB stick
// carries), with the unit key. The hub merges by uid, so a file sent twice, or sent by USB and then
// by the network, changes nothing the second time. A row is removed only if nothing queued it
// again while its file was on the way; a failure is kept with its reason and tried again later,
// sooner for a network that was down, never for a refusal until something changes.
import type { CoreContext } from '../context';
import { exportMeetingFile } from '../meeting-file/export';
import { readHubSettings } from './settings';
import type { HubStatus, SendSummary } from '../../shared/hub';


/** Fetch as Node provides it; tests pass a real one against a real hub. */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: Uint8Array; signal?: AbortSignal }) => Promise<{ status: number; json(): Promise<unknown> }>;

const RETRY_MS = [30_000, 60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000];
const REFUSED_MS = 24 * 3_600_000;

export function hubStatus(ctx: CoreContext): HubStatus {
  const s = readHubSettings(ctx.db);
  const pending = (ctx.db.prepare('SELECT count(*) AS n FROM hub_outbox').get() as { n: number }).n;
  const failing = ctx.db
    .prepare("SELECT o.meeting_id AS meetingId, m.title, o.last_error AS error, o.attempts FROM hub_outbox o JOIN meetings m ON m.id = o.meeting_id WHERE o.last_error <> '' ORDER BY o.meeting_id LIMIT 20")
    .all() as HubStatus['failing'];
  const last = ctx.db.prepare('SELECT max(sent_at) AS at FROM hub_sent').get() as { at: string | null };
  return { url: s.url, keySet: !!s.unitKey, keyHint: s.unitKey.slice(-4), pending, failing, lastSentAt: last.at };
}

function reasonOf(status: number, body: unknown): string {
  const msg = typeof body === 'object' && body && 'message' in body && typeof body.message === 'string' ? body.message : '';
  if (status === 401 || status === 403) return msg || 'Máy chủ tổng hợp từ chối khóa đơn vị. Hãy kiểm tra khóa trong Thiết lập.';
  return msg || `Máy chủ tổng hợp trả lời lỗi ${status}.`;
}

/** One round: sends what is due (at most `max` meetings). Never throws for a network problem. */
export async function sendPending(ctx: CoreContext, fetchFn: FetchLike = fetch as unknown as FetchLike, max = 20): Promise<SendSummary> {
  const s = readHubSettings(ctx.db);
  if (!s.url || !s.unitKey) return { sent: 0, failed: 0, skipped: true, message: 'Chưa nhập địa chỉ máy chủ tổng hợp và khóa đơn vị trong Thiết lập.' };
  const now = ctx.now();
  const due = ctx.db
    .prepare('SELECT meeting_id AS meetingId, queued_at AS queuedAt, attempts FROM hub_outbox WHERE next_try_at <= ? ORDER BY queued_at LIMIT ?')
    .all(now.toISOString(), max) as { meetingId: number; queuedAt: string; attempts: number }[];
  let sent = 0;
  let failed = 0;
  let lastError = '';
  for (const row of due) {
    const gone = ctx.db.prepare("SELECT 1 FROM meetings WHERE id = ? AND deleted_at IS NULL AND status = 'closed'").get(row.meetingId);
    if (!gone) {
      ctx.db.prepare('DELETE FROM hub_outbox WHERE meeting_id = ? AND queued_at = ?').run(row.meetingId, row.queuedAt);
      continue;
    }
    let status = 0;
    let body: unknown = null;
    try {
      const bytes = exportMeetingFile(ctx.db, row.meetingId, now);
      const r = await fetchFn(`${s.url}/api/v1/meeting-files`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${s.unitKey}`, 'X-Thuky-Hub': '1', 'Content-Type': 'application/octet-stream' },
        body: bytes,
        signal: AbortSignal.timeout(60_000),
      });
      status = r.status;
      body = await r.json().catch(() => null);
    } catch {
      status = 0;
    }
    const at = ctx.now().toISOString();
    if (status === 200) {
      const newEvents = typeof body === 'object' && body && 'newEvents' in body && typeof body.newEvents === 'number' ? body.newEvents : 0;
      ctx.db.transaction(() => {
        ctx.db.prepare('DELETE FROM hub_outbox WHERE meeting_id = ? AND queued_at = ?').run(row.meetingId, row.queuedAt);
        ctx.db.prepare('INSERT INTO hub_sent (meeting_id, sent_at, new_events) VALUES (?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET sent_at = excluded.sent_at, new_events = excluded.new_events').run(row.meetingId, at, newEvents);
      })();
      sent++;
      continue;
    }
    failed++;
    const refused = status >= 400 && status < 500 && status !== 408 && status !== 429;
    const error = status === 0 ? `Chưa kết nối được máy chủ tổng hợp ${s.url} (mạng hoặc máy chủ chưa sẵn sàng); sẽ tự gửi lại.` : reasonOf(status, body);
    lastError = error;
    const wait = refused ? REFUSED_MS : (RETRY_MS[Math.min(row.attempts, RETRY_MS.length - 1)] ?? 30_000);
    ctx.db.prepare('UPDATE hub_outbox SET attempts = attempts + 1, last_error = ?, next_try_at = ? WHERE meeting_id = ?').run(error, new Date(now.getTime() + wait).toISOString(), row.meetingId);
    if (status === 0) break; // the hub is unreachable: the others would fail the same way
  }
  const message = !due.length ? 'Không có gì cần gửi.' : failed ? `Đã gửi ${sent} hội nghị; ${failed} chưa gửi được: ${lastError}` : `Đã gửi ${sent} hội nghị lên máy chủ tổng hợp.`;
  return { sent, failed, skipped: false, message };
}

/** Sends now and then every minute while the app runs. Returns a stop function. */
export function startHubSync(ctx: CoreContext, log: (m: string, e?: unknown) => void, tickMs = 60_000): () => void {
  let busy = false;
  const tick = (): void => {
    if (busy) return;
    busy = true;
    void sendPending(ctx)
      .catch((e: unknown) => log('hub sync failed', e))
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(tick, tickMs);
  timer.unref?.();
  return () => clearInterval(timer);
}

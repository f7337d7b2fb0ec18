// A unit's meeting file arrives (over HTTP from the app's outbox, or from a USB stick through the
// admin's upload): the same checks as the app's own import (checkMeetingFile: archive limits,
// schema, references, the follow-up part), then one transaction that upserts the meeting by its
// uid, its items (kiến nghị and the conclusion's tasks) by theirs, and adds the follow-up events
// the hub does not have yet (a union by uid, as the app merges). Sending the same file twice, or
// a file and then the network, changes nothing the second time.
import { checkMeetingFile } from '../../electron/core/meeting-file/import';
import type { MeetingData } from '../../electron/core/meeting-file/format';
import type { FollowupPart } from '../../electron/core/meeting-file/followup-part';
import { searchText } from '../../electron/core/followup/state';
import type { HubDb, Sql } from './db';
import { audit } from './audit';
import { HubError } from './hub-error';
import { sha256 } from './secrets';
import type { Unit } from './units';
import { basesOf, refold } from './state';
import type { BaseState } from '../../electron/core/followup/events';
import { INITIAL_STATUS } from '../../electron/shared/followup';

export type IngestResult = { meetingUid: string; created: boolean; changed: boolean; items: number; newEvents: number };

function partOf(data: MeetingData): FollowupPart {
  if (!data.followup)
    throw new HubError(400, 'no_uids', 'Tệp hội nghị này do phiên bản cũ của ứng dụng xuất, chưa có mã định danh ổn định. Hãy mở nó trong ứng dụng bản mới rồi gửi lại. Dữ liệu trên máy chủ tổng hợp không bị thay đổi.');
  return data.followup;
}

export async function ingestMeetingFile(db: HubDb, unit: Unit, bytes: Uint8Array, actor: string): Promise<IngestResult> {
  let data: MeetingData;
  try {
    ({ data } = await checkMeetingFile(bytes));
  } catch (e) {
    throw new HubError(400, 'bad_file', e instanceof Error ? e.message : 'Tệp hội nghị không hợp lệ. Dữ liệu trên máy chủ tổng hợp không bị thay đổi.');
  }
  const part = partOf(data);
  const meetingUid = part.meetingUid;
  const recUid = new Map(part.recommendations.map((r) => [r.key, r.uid]));
  const liveTasks = part.tasks.filter((t) => !t.deletedAt);
  const itemUids = [...part.recommendations.map((r) => r.uid), ...liveTasks.map((t) => t.uid)];
  // The hash covers what the register shows of the meeting; the history is merged by uid anyway.
  const { followup: _f, photos: _p, documents: _d, ...content } = data;
  const hash = sha256(JSON.stringify({ content, recommendations: part.recommendations, tasks: part.tasks }));
  return db.transaction(async (tx) => {
    const [existing] = await tx.query<{ unitId: number; hash: string }>('SELECT unit_id AS "unitId", content_hash AS hash FROM meetings WHERE uid = $1 FOR UPDATE', [meetingUid]);
    if (existing && existing.unitId !== unit.id)
      throw new HubError(403, 'not_your_meeting', 'Hội nghị này thuộc đơn vị khác trên máy chủ tổng hợp; khóa của đơn vị bạn không được ghi vào đó. Dữ liệu trên máy chủ tổng hợp không bị thay đổi.');
    // An item uid that another meeting already holds is a forged or broken file: refuse it whole.
    const taken = await tx.query('SELECT 1 FROM items WHERE uid = ANY($1) AND meeting_uid <> $2 LIMIT 1', [itemUids, meetingUid]);
    if (taken.length) throw new HubError(409, 'uid_taken', 'Tệp hội nghị có kiến nghị trùng mã với một hội nghị khác trên máy chủ tổng hợp. Dữ liệu trên máy chủ tổng hợp không bị thay đổi; hãy báo quản trị.');
    const now = new Date().toISOString();
    const changed = !existing || existing.hash !== hash;
    const m = data.meeting;
    const json = JSON.stringify({ ...content, documents: [] });
    if (!existing)
      await tx.query(
        `INSERT INTO meetings (uid, unit_id, title, kind, date, locality, status, content_hash, data, received_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
        [meetingUid, unit.id, m.title, m.kind, m.date, m.locality, m.status, hash, json, now],
      );
    else if (changed)
      await tx.query('UPDATE meetings SET title = $2, kind = $3, date = $4, locality = $5, status = $6, content_hash = $7, data = $8, updated_at = $9 WHERE uid = $1', [
        meetingUid,
        m.title,
        m.kind,
        m.date,
        m.locality,
        m.status,
        hash,
        json,
        now,
      ]);
    if (changed) await upsertItems(tx, unit.id, meetingUid, data, recUid, liveTasks);
    // A status an office added itself arrives with its meaning, so the hub can count it.
    for (const [i, s] of part.statuses.entries())
      await tx.query('INSERT INTO statuses (key, label, category, answered, sort_order, active) VALUES ($1, $2, $3, $4, $5, true) ON CONFLICT (key) DO NOTHING', [
        s.key,
        s.label,
        s.category,
        s.answered,
        1000 + i,
      ]);
    const newEvents = await mergeEvents(tx, unit.id, part, new Set(itemUids));
    if (changed || newEvents) {
      await refold(tx, itemUids);
      await audit(tx, actor, existing ? 'meeting.update' : 'meeting.create', { meetingUid, unit: unit.code, newEvents });
    }
    return { meetingUid, created: !existing, changed, items: itemUids.length, newEvents };
  });
}

async function upsertItems(tx: Sql, unitId: number, meetingUid: string, data: MeetingData, recUid: Map<string, string>, tasks: FollowupPart['tasks']): Promise<void> {
  const attendee = new Map(data.attendees.map((a) => [a.key, a.fullName]));
  const bases = basesOf(data);
  const now = new Date().toISOString();
  // A new item starts at its base; an item already here keeps its folded state until refold.
  const put = async (uid: string, kind: 'recommendation' | 'direction', base: BaseState, f: { content: string; shortPhrase: string; topic: string; raisedBy: string; unit: string; receivedOn: string | null }) => {
    await tx.query(
      `INSERT INTO items (uid, meeting_uid, unit_id, kind, content, short_phrase, topic, raised_by, raised_unit, received_on, folded,
                          base_status, base_agency, base_deadline, status, agency, deadline, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $12, $13, $14, $15)
       ON CONFLICT (uid) DO UPDATE SET content = EXCLUDED.content, short_phrase = EXCLUDED.short_phrase, topic = EXCLUDED.topic,
         raised_by = EXCLUDED.raised_by, raised_unit = EXCLUDED.raised_unit, received_on = EXCLUDED.received_on, folded = EXCLUDED.folded,
         base_status = EXCLUDED.base_status, base_agency = EXCLUDED.base_agency, base_deadline = EXCLUDED.base_deadline`,
      [uid, meetingUid, unitId, kind, f.content, f.shortPhrase, f.topic, f.raisedBy, f.unit, f.receivedOn, searchText([f.content, f.shortPhrase, f.topic, f.raisedBy, f.unit]), base.status, base.agency, base.deadline, now],
    );
  };
  for (const r of data.recommendations) {
    const uid = recUid.get(r.key);
    if (!uid) continue; // checkMeetingFile refuses a part that misses a recommendation
    const raisedBy = r.raisedByText || (r.raisedBy ? (attendee.get(r.raisedBy) ?? '') : '');
    await put(uid, 'recommendation', bases.get(r.key) ?? { status: INITIAL_STATUS, agency: '', deadline: null }, {
      content: r.content,
      shortPhrase: r.shortPhrase,
      topic: r.topic,
      raisedBy,
      unit: r.unit,
      receivedOn: data.meeting.date,
    });
  }
  for (const t of tasks) {
    await put(t.uid, 'direction', { status: INITIAL_STATUS, agency: '', deadline: null }, { content: t.content, shortPhrase: '', topic: t.topic, raisedBy: '', unit: '', receivedOn: t.createdOn });
  }
}

/** Adds the events the hub lacks; returns how many. An event's uid already here is never rewritten. */
async function mergeEvents(tx: Sql, unitId: number, part: FollowupPart, items: Set<string>): Promise<number> {
  const incoming = part.events.filter((e) => items.has(e.itemUid));
  if (!incoming.length) return 0;
  const known = new Set(
    (await tx.query<{ uid: string }>('SELECT uid FROM events WHERE uid = ANY($1)', [incoming.map((e) => e.uid)])).map((r) => r.uid),
  );
  let added = 0;
  for (const e of incoming) {
    if (known.has(e.uid)) continue;
    await tx.query('INSERT INTO events (uid, item_uid, field, value, parent_uid, at, actor, note, unit_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
      e.uid,
      e.itemUid,
      e.field,
      e.value,
      e.parentUid,
      e.at,
      e.actor,
      e.note,
      unitId,
    ]);
    added++;
  }
  return added;
}

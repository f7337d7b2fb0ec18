// `thuky import-record FILE.json`: any meeting record (v1 or v2) becomes a meeting. The record is
// turned into the meeting file's data and goes through the very checks and the one-transaction
// writer of a meeting file, so a record and a file of the same meeting import alike.
import type { Database } from 'better-sqlite3';
import type { Meeting } from '../../shared/domain';
import { UserError } from '../../shared/result';
import { MEETING_FILE_FORMAT, MEETING_FILE_VERSION } from '../meeting-file/format';
import { writeArchive } from '../meeting-file/archive';
import { checkMeetingFile, describeWriteFailure, writeMeeting } from '../meeting-file/import';
import { APP_VERSION } from '../version';
import { parseRecord, recordToMeetingData, standInPhoto } from './to-meeting';

/** A record is a few kilobytes; this cap only stops a wrong file from being read whole. */
export const RECORD_MAX_BYTES = 5 * 1024 * 1024;

export function parseRecordText(textOrBytes: string | Uint8Array): unknown {
  const text = typeof textOrBytes === 'string' ? textOrBytes : decodeUtf8(textOrBytes);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UserError('record_invalid', 'Bản ghi hội nghị không đọc được: tệp không phải JSON hợp lệ. Hãy kiểm tra tệp (mở bằng trình soạn thảo văn bản). Chưa có gì được ghi vào dữ liệu.');
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.byteLength > RECORD_MAX_BYTES)
    throw new UserError('record_too_large', `Tệp bản ghi quá lớn (tối đa ${RECORD_MAX_BYTES / 1024 / 1024} MB). Hãy chọn đúng tệp .json của bản ghi hội nghị.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError('record_invalid', 'Bản ghi hội nghị không đọc được: tệp không phải văn bản UTF-8. Hãy lưu lại tệp dạng UTF-8. Chưa có gì được ghi vào dữ liệu.');
  }
}

export type CheckedRecord = Awaited<ReturnType<typeof checkMeetingFile>>;

/** Everything that can fail, before the database is touched: the record, and the meeting it makes. */
export async function checkRecord(json: unknown, at: string): Promise<CheckedRecord> {
  const rec = parseRecord(json);
  const { data, photoFiles } = recordToMeetingData(rec);
  const enc = new TextEncoder();
  const entries: Record<string, Uint8Array> = {
    'manifest.json': enc.encode(JSON.stringify({ format: MEETING_FILE_FORMAT, version: MEETING_FILE_VERSION, appVersion: APP_VERSION, exportedAt: at })),
    'meeting.json': enc.encode(JSON.stringify(data)),
  };
  for (const [i, f] of photoFiles.entries()) entries[f] = await standInPhoto(i);
  return checkMeetingFile(writeArchive(entries));
}

/** Checks everything first, then writes the meeting in one transaction. */
export async function importRecord(db: Database, at: string, json: unknown): Promise<Meeting> {
  const checked = await checkRecord(json, at);
  try {
    // One transaction (writeMeeting): a failure midway leaves nothing half-written.
    return writeMeeting(db, at, checked);
  } catch (e) {
    throw describeWriteFailure(e);
  }
}

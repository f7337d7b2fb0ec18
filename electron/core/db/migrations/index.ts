import type { Migration } from '../migrate';
import { m001Initial } from './001-initial';
import { m002Search } from './002-search';
import { m003LockRevision } from './003-lock-revision';
import { m004MeetingRecordV2 } from './004-meeting-record-v2';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [m001Initial, m002Search, m003LockRevision, m004MeetingRecordV2];

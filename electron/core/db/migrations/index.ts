import type { Migration } from '../migrate';
import { m001Initial } from './001-initial';
import { m002Search } from './002-search';
import { m003LockRevision } from './003-lock-revision';
import { m004MeetingRecordV2 } from './004-meeting-record-v2';
import { m005FollowupRegister } from './005-followup-register';
import { m006SpeakingTimers } from './006-speaking-timers';
import { m007HallAudio } from './007-hall-audio';
import { m008SpeedIndexes } from './008-speed-indexes';
import { m009HubOutbox } from './009-hub-outbox';
import { m010SearchPrefixes } from './010-search-prefixes';
import { m011SearchDf } from './011-search-df';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [m001Initial, m002Search, m003LockRevision, m004MeetingRecordV2, m005FollowupRegister, m006SpeakingTimers, m007HallAudio, m008SpeedIndexes, m009HubOutbox, m010SearchPrefixes, m011SearchDf];

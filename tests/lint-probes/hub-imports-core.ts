// lint-as: hub/src/probe.ts
// expect: clean
import { foldEvents } from '../../electron/core/followup/events';
export const probe = foldEvents;

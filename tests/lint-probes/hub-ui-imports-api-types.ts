// lint-as: hub/ui/src/probe.ts
// expect: clean
import type { HubRegisterItem } from '../../src/api-types';
export type Probe = HubRegisterItem;

// lint-as: hub/src/probe.ts
// expect: Layering (hub)
import { createWebServer } from '../../electron/server/server';
export const probe = createWebServer;

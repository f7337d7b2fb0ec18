// lint-as: hub/ui/src/probe.ts
// expect: Layering (hub ui)
import { queryRegister } from '../../src/register';
export const probe = queryRegister;

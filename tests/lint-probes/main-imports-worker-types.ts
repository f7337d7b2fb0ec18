// lint-as: electron/main/__lint_probe__.ts
// expect: clean
// The one allowed way from main to the core: the worker's message types.
import type { CoreRequest, CoreResponse } from '../core/worker';

export type { CoreRequest, CoreResponse };

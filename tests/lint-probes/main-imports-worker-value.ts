// lint-as: electron/main/__lint_probe__.ts
// expect: Layering (main)
// The worker's code runs on its thread; main takes only its message types.
import { createCoreMessageHandler } from '../core/worker';

export { createCoreMessageHandler };

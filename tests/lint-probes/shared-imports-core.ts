// lint-as: electron/shared/__lint_probe__.ts
// expect: Layering (shared)
// shared/ is imported by the renderer: it may not reach into the core.
import { createCore } from '../core/app';

export { createCore };

// lint-as: electron/main/__lint_probe__.ts
// expect: Layering (main)
// Main opening the database itself, on the windows' event loop.
import { createCore } from '../core/app';

export { createCore };

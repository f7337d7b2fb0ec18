// lint-as: electron/core/__lint_probe__.ts
// expect: Layering (core)
import { app } from 'electron';

export { app };

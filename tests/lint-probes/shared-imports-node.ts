// lint-as: electron/shared/__lint_probe__.ts
// expect: Layering (shared)
// shared/ runs in the renderer, which has no Node.
import { readFileSync } from 'node:fs';

export { readFileSync };

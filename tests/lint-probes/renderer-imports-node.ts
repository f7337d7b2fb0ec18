// lint-as: renderer/src/__lint_probe__.ts
// expect: Layering (renderer)
import { readFileSync } from 'node:fs';

export { readFileSync };

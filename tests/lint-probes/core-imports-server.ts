// lint-as: electron/core/handlers/__lint_probe__.ts
// expect: Layering (core)
import type { Registry } from '../../server/server';

export type { Registry };

// lint-as: electron/main/__lint_probe__.ts
// expect: Layering (main)
// Even a type from elsewhere in the core couples main to the core's insides.
import type { Registry } from '../core/registry';

export type { Registry };

// lint-as: renderer/src/__lint_probe__.ts
// expect: Layering (renderer)
import type { CoreHost } from '../../electron/main/core-host';

export type { CoreHost };

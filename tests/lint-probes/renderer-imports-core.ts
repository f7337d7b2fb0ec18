// lint-as: renderer/src/lib/__lint_probe__.ts
// expect: Layering (renderer)
import { createCore } from '../../../electron/core/app';

export { createCore };

// lint-as: electron/core/__lint_probe__.ts
// expect: Layering (core)
import { runCli } from '../cli/main';

export { runCli };

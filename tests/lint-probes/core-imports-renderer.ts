// lint-as: electron/core/repo/__lint_probe__.ts
// expect: Layering (core)
import { App } from '../../../renderer/src/App';

export { App };

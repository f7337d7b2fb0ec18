// lint-as: electron/shared/vi/__lint_probe__.ts
// expect: Layering (shared)
// A nested shared/ file reaching the renderer.
import { App } from '../../../renderer/src/App';

export { App };

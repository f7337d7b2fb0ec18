// lint-as: electron/core/__lint_probe__.ts
// expect: clean
import { fold } from '../../electron/shared/vi/fold';

export { fold };

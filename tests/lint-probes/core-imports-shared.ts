// lint-as: electron/core/__lint_probe__.ts
// expect: clean
import { fold } from '../shared/vi/fold';

export { fold };

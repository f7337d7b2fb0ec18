// lint-as: renderer/src/lib/__lint_probe__.ts
// expect: clean
import { fold } from '../../../electron/shared/vi/fold';

export { fold };

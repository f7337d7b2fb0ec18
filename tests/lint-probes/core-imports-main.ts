// lint-as: electron/core/__lint_probe__.ts
// expect: Layering (core)
import { CONTENT_SECURITY_POLICY } from '../main/security';

export { CONTENT_SECURITY_POLICY };

// Kept in step with package.json by a unit test (the renderer bundle must not read package.json).
export const APP_VERSION = '0.1.0';

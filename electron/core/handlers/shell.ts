// The shell channels belong to Electron's main process (OS clipboard, Chromium's PDF printer).
// Main intercepts them before they reach the core; here, in browser mode and the CLI, the
// answer is "not done", and the renderer falls back to navigator.clipboard and window.print().
import type { PartialHandlers } from '../registry';

export const shellHandlers = {
  'shell.copy': () => ({ done: false }),
  'shell.printToPdf': () => ({ done: false }),
} satisfies PartialHandlers;

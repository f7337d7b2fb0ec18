// Turns a failed contract parse into the Result error the screens show: the first message, and
// one message per field. Shared because both the core's registry and Electron main's shell
// actions validate with the contract, and main may not import the core (eslint.config.js).
import type { z } from 'zod';
import type { AppError } from './result';

export function validationError(err: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = err.issues[0]?.message ?? 'Dữ liệu không hợp lệ.';
  return { code: 'validation', message: first, fields };
}

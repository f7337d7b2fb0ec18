// One error shape across every boundary (IPC, HTTP in browser mode, CLI --json).
// `message` is Vietnamese and written for the secretary: what happened and what to do.

export type AppError = {
  /** Stable machine code, e.g. 'validation', 'not_found', 'locked', 'disk_full'. */
  code: string;
  message: string;
  /** Per-field messages where the input failed validation (path joined with '.'). */
  fields?: Record<string, string>;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, fields?: Record<string, string>): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

/** Thrown inside the core for a failure the user can act on; the registry turns it into a Result. */
export class UserError extends Error {
  readonly code: string;
  readonly fields?: Record<string, string>;
  constructor(code: string, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.fields = fields;
  }
}

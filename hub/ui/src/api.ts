// The hub's API as the screens use it: same-origin fetch with the session cookie, every POST with
// the anti-forgery header, and the hub's Vietnamese message on any error.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function parse<T>(r: Response): Promise<T> {
  const body = (await r.json().catch(() => null)) as { message?: string } | null;
  if (!r.ok) throw new ApiError(r.status, body?.message ?? `Hub trả lời lỗi ${r.status}. Hãy thử lại.`);
  return body as T;
}

export async function get<T>(path: string, params: Record<string, string | number | boolean | string[] | undefined> = {}): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '' || v === false) continue;
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else q.set(k, String(v));
  }
  const s = q.toString();
  return parse<T>(await fetch(`${path}${s ? `?${s}` : ''}`, { credentials: 'same-origin' }));
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  return parse<T>(
    await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'X-Thuky-Hub': '1', 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  );
}

export function download(path: string, params: Record<string, string | number | undefined>): void {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const a = document.createElement('a');
  a.href = `${path}?${q.toString()}`;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

/** Sends a file's bytes as they are (a meeting file from a USB stick). */
export async function postBytes<T>(path: string, bytes: ArrayBuffer): Promise<T> {
  return parse<T>(
    await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'X-Thuky-Hub': '1', 'Content-Type': 'application/octet-stream' }, body: bytes }),
  );
}

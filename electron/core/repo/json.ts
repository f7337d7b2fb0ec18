// Columns holding small JSON values (lists of titles, directions). A damaged value reads as empty
// rather than crashing the screen that shows it.
export function parseStringList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export const bool = (n: unknown): boolean => n === 1 || n === 1n;
export const int = (b: boolean): number => (b ? 1 : 0);

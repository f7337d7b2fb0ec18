// Every write on the hub leaves a line here (the table refuses UPDATE and DELETE).
import type { Sql } from './db';

export async function audit(db: Sql, actor: string, action: string, detail: Record<string, unknown> = {}): Promise<void> {
  await db.query('INSERT INTO audit (at, actor, action, detail) VALUES ($1, $2, $3, $4)', [new Date().toISOString(), actor, action, JSON.stringify(detail)]);
}

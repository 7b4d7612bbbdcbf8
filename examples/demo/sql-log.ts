// The SQL a piece of work ran, for the page at `/` to show next to each page: MikroORM's query log is
// routed to whichever capture is active in the current async context (none: the line is dropped).
import { AsyncLocalStorage } from 'node:async_hooks';

const active = new AsyncLocalStorage<string[]>();

/** MikroORM's `logger`: records a `[query]` line into the active capture. */
export function recordSql(message: string): void {
  const lines = active.getStore();
  if (!lines || !message.includes('[query]')) return;
  // "[query] select … [took 1 ms, 5 results]" → "select …"
  lines.push(message.replace(/^.*?\[query\]\s*/, '').replace(/\s*\[took [^\]]*\]\s*$/, ''));
}

/** Runs `work`, returning its result and the SQL statements it ran, in order. */
export async function captureSql<T>(work: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
  const sql: string[] = [];
  const result = await active.run(sql, work);
  return { result, sql };
}

// Starts the demo in-process on an in-memory SQLite database with a small deterministic seed.
import type { MikroORM } from '@mikro-orm/core';
import { openDatabase } from '../../../examples/demo/database';
import { seed } from '../../../examples/demo/seed';
import { startDemo, type Demo, type DemoOptions } from '../../../examples/demo/server';

/** A running demo and its database; `stop()` closes both. */
export interface RunningDemo {
  readonly demo: Demo;
  readonly orm: MikroORM;
  readonly sql: string[];
  /** The server faults the demo logged (a client saw a generic message for each). */
  readonly faults: unknown[];
  stop(): Promise<void>;
}

/** The demo over `articles` seeded articles; every SQL statement is captured in `sql`. */
export async function runDemo(articles = 250, options: DemoOptions = {}): Promise<RunningDemo> {
  const sql: string[] = [];
  const faults: unknown[] = [];
  const orm = await openDatabase({ sqliteFile: ':memory:', logger: (message) => sql.push(message) });
  await seed(orm, { authors: 12, articles });
  sql.length = 0;
  const demo = await startDemo(orm, { cursorSecret: 'a test secret for the demo', onError: (error) => faults.push(error), ...options });
  return {
    demo,
    orm,
    sql,
    faults,
    async stop() {
      await demo.close();
      await orm.close();
    },
  };
}

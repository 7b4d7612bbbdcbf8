// Starts the demo in-process on an in-memory SQLite database with a small deterministic seed.
import type { MikroORM } from '@mikro-orm/core';
import { openDatabase } from '../../../examples/demo/database';
import { seed } from '../../../examples/demo/seed';
import { startDemo, type Demo } from '../../../examples/demo/server';

/** A running demo and its database; `stop()` closes both. */
export interface RunningDemo {
  readonly demo: Demo;
  readonly orm: MikroORM;
  readonly sql: string[];
  stop(): Promise<void>;
}

/** The demo over `articles` seeded articles; every SQL statement is captured in `sql`. */
export async function runDemo(articles = 250): Promise<RunningDemo> {
  const sql: string[] = [];
  const orm = await openDatabase({ sqliteFile: ':memory:', logger: (message) => sql.push(message) });
  await seed(orm, { authors: 12, articles });
  sql.length = 0;
  const demo = await startDemo(orm, { cursorSecret: 'a test secret for the demo' });
  return {
    demo,
    orm,
    sql,
    async stop() {
      await demo.close();
      await orm.close();
    },
  };
}

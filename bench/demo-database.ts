// The demo's data in an in-memory SQLite database, for the benchmarks that measure the demo's layers.
import type { MikroORM } from '@mikro-orm/core';
import { openDatabase } from '../examples/demo/database';
import { seed } from '../examples/demo/seed';

/** The demo schema seeded with `articles` articles in memory. */
export async function demoDatabase(articles: number): Promise<MikroORM> {
  const orm = await openDatabase({ sqliteFile: ':memory:' });
  await seed(orm, { authors: 200, articles });
  return orm;
}

// The count strategies on the Drizzle source, on every database (tests/support/count-strategy-suite.ts):
// folded into the page's statement, capped, PostgreSQL's estimate, counted in Drizzle's own log.
import { and, eq, gt, type SQL } from 'drizzle-orm';
import * as my from 'drizzle-orm/mysql-core';
import * as pgc from 'drizzle-orm/pg-core';
import * as lite from 'drizzle-orm/sqlite-core';
import type { PageSource } from 'pagewise';
import { drizzleSource, type DrizzleQuery } from 'pagewise/drizzle';
import { countedItemsSql, countStrategySuite, type CountedItem } from '../../support/count-strategy-suite';
import { openDrizzle } from './drizzle-databases';

const tables = {
  sqlite: lite.sqliteTable('counted_item', { id: lite.integer('id').primaryKey(), kind: lite.text('kind').notNull() }),
  postgresql: pgc.pgTable('counted_item', { id: pgc.integer('id').primaryKey(), kind: pgc.varchar('kind', { length: 8 }).notNull() }),
  mariadb: my.mysqlTable('counted_item', { id: my.int('id').primaryKey(), kind: my.varchar('kind', { length: 8 }).notNull() }),
} as const;

/** The one select call the suite makes, the same in every dialect. */
interface Selecting {
  select(): { from(table: unknown): { where(condition: SQL | undefined): DrizzleQuery } };
}

countStrategySuite('Drizzle', async (dialect) => {
  const open = await openDrizzle(dialect);
  for (const statement of countedItemsSql(dialect)) await open.exec(statement);
  const table = tables[dialect];
  return {
    source: (aboveFour = false, deferredOffset?: number) => {
      const kind = eq(table.kind, 'a');
      const query = (open.db as unknown as Selecting)
        .select()
        .from(table)
        .where(aboveFour ? and(kind, gt(table.id, 4)) : kind);
      return drizzleSource(open.db, query, {
        ordering: 'id',
        ...(deferredOffset !== undefined && { deferredOffset }),
      }) as PageSource<CountedItem>;
    },
    statements: () => open.queries,
    reset: () => {
      open.queries.length = 0;
    },
    close: () => open.close(),
  };
});

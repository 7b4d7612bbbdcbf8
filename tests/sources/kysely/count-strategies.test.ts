// The count strategies on the Kysely source, on every database (tests/support/count-strategy-suite.ts):
// folded into the page's statement, capped, PostgreSQL's estimate, counted in Kysely's own log.
import type { PageSource } from 'pagewise';
import { kyselySource } from 'pagewise/kysely';
import { countedItemsSql, countStrategySuite, type CountedItem } from '../../support/count-strategy-suite';
import { openKyselyDatabase } from '../../support/kysely-databases';

interface CountedDatabase {
  counted_item: CountedItem;
}

countStrategySuite('Kysely', async (dialect) => {
  const open = await openKyselyDatabase<CountedDatabase>(dialect);
  for (const statement of countedItemsSql(dialect)) await open.exec(statement);
  return {
    source: (aboveFour = false, deferredOffset?: number) => {
      const filtered = open.db.selectFrom('counted_item').selectAll().where('kind', '=', 'a');
      return kyselySource(aboveFour ? filtered.where('id', '>', 4) : filtered, {
        db: open.db,
        fields: { id: 'integer', kind: 'text' },
        ordering: 'id',
        ...(deferredOffset !== undefined && { deferredOffset }),
      }) as PageSource<CountedItem>;
    },
    statements: () => open.statements,
    reset: () => {
      open.statements.length = 0;
    },
    close: () => open.close(),
  };
});

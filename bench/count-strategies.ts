// bench/count-strategies: PostgreSQL, 1,000,000 rows, a page-number page 2 of 20 with its count, under
// each count strategy against `exact` (the separate COUNT(*) beside the page): `folded` (one statement,
// the count an uncorrelated subquery of it), `{ capped: 1000 }` (a count over LIMIT 1001) and
// `estimated` (the planner's EXPLAIN); through mikroOrmSource, kyselySource and drizzleSource over the
// same table, each strategy against the same source's exact count.
import { drizzle } from 'drizzle-orm/node-postgres';
import { integer, pgSchema, timestamp, varchar } from 'drizzle-orm/pg-core';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pageNumberPagination, paginate, type PageNumberOptions, type PageSource } from 'pagewise';
import { drizzleSource } from 'pagewise/drizzle';
import { kyselySource } from 'pagewise/kysely';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { eventDatabase, EventEntity, PG_BENCH, type Event } from './events';
import { ratioOf, type BenchResult } from './measure';

const ROWS = 1_000_000;
const SIZE = 20;
const CAP = 1000;

type Strategy = NonNullable<PageNumberOptions['count']>;

/** Runs the count-strategy benchmark in a schema of its own, dropped afterwards. */
export async function countStrategies(): Promise<BenchResult[]> {
  const { em, schema, close } = await eventDatabase(ROWS);
  const pool = new pg.Pool({
    ...PG_BENCH,
    max: 4,
    options: `-c search_path=${schema}`,
  });
  const kysely = new Kysely<{ event: Event }>({ dialect: new PostgresDialect({ pool: pool as never }) });
  const drizzleDb = drizzle(pool);
  // MikroORM's table: its datetime is timestamptz (microseconds).
  const events = pgSchema(schema).table('event', {
    id: integer('id').primaryKey(),
    created: timestamp('created', { withTimezone: true }).notNull(),
    title: varchar('title', { length: 64 }).notNull(),
  });
  const sources: ReadonlyArray<readonly [string, () => PageSource<object>]> = [
    ['mikro-orm', () => mikroOrmSource(em.fork(), EventEntity, { ordering: 'created' })],
    [
      'kysely',
      () =>
        kyselySource(kysely.selectFrom('event').selectAll(), {
          db: kysely,
          fields: { id: 'integer', created: 'datetime', title: 'text' },
          ordering: 'created',
        }),
    ],
    ['drizzle', () => drizzleSource(drizzleDb, events, { ordering: 'created' })],
  ];
  try {
    const results: BenchResult[] = [];
    for (const [label, source] of sources) results.push(...(await strategiesOf(label, source)));
    return results;
  } finally {
    await kysely.destroy();
    await close();
  }
}

/** Each strategy against `exact` through the sources `source` makes, labelled `label` (but for MikroORM's). */
async function strategiesOf(label: string, source: () => PageSource<object>): Promise<BenchResult[]> {
  {
    const pageWith = (count: Strategy) => {
      const pagination = pageNumberPagination({ pageSize: SIZE, count });
      return async () => {
        const page = await paginate(
          source(),
          pagination,
          { via: 'query', page: '2' },
          {
            withCount: true,
          },
        );
        if (page.style === 'whole' || page.items.length !== SIZE) throw new Error('page 2 had not 20 rows');
        return page.total();
      };
    };
    // Each strategy's answer checked once, so the timings are of pages that count as documented.
    const expected = { exact: 'exact', folded: 'exact', capped: 'capped', estimated: 'estimated' };
    const strategies: ReadonlyArray<readonly [keyof typeof expected, Strategy]> = [
      ['folded', 'folded'],
      ['capped', { capped: CAP }],
      ['estimated', 'estimated'],
    ];
    const exact = pageWith('exact');
    const truth = await exact();
    if (truth.value !== ROWS || truth.kind !== 'exact') throw new Error(`exact count ${JSON.stringify(truth)}`);
    const results: BenchResult[] = [];
    for (const [name, strategy] of strategies) {
      const subject = pageWith(strategy);
      const total = await subject();
      if (total.kind !== expected[name] || (name !== 'estimated' && total.value !== (name === 'capped' ? CAP : ROWS))) {
        throw new Error(`${name} count ${JSON.stringify(total)}`);
      }
      const outcome = await ratioOf(subject, exact, { rounds: 20, warmup: 3 });
      results.push({
        bench: 'count-strategies',
        // MikroORM's lines keep their names, so earlier runs compare.
        measure: `page 2 of 1M rows with its count: ${label === 'mikro-orm' ? '' : `${label} `}${name} / exact`,
        ratio: outcome.ratio,
        target: null,
        detail: `${name} ${outcome.subjectMs.toFixed(2)} ms / exact ${outcome.baselineMs.toFixed(2)} ms`,
      });
    }
    return results;
  }
}

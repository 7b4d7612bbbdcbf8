// bench/deep-page-drizzle: the deep-page benchmark for pagewise/drizzle. PostgreSQL (node-postgres),
// 1,000,000 rows, page size 50: a cursor page at depth ~999,950 against page 1 (target <= 1.3), and
// drizzleSource's deep page against the same statement written by hand in Drizzle (target <= 1.05).
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { integer, pgSchema, timestamp, varchar } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { cursorPagination, paginateCursor, paginateRelay } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { drizzleSource } from 'pagewise/drizzle';
import { seedEventStatements } from './events';
import { atMost, ratioOf, type BenchResult, type Target } from './measure';

const ROWS = 1_000_000;
const SIZE = 50;
const DEPTH = ROWS - SIZE;

/** Runs the benchmark in a schema of its own, dropped afterwards. */
export async function deepPageDrizzle(): Promise<BenchResult[]> {
  const name = `pagewise_bench_${randomBytes(4).toString('hex')}`;
  const pool = new pg.Pool({
    host: '127.0.0.1',
    port: Number(process.env['PGPORT'] ?? 5432),
    user: process.env['PGUSER'] ?? 'postgres',
    database: 'test',
    connectionTimeoutMillis: 5000,
  });
  const db = drizzle(pool);
  // The events of bench/events.ts, to the millisecond (the seed's times are whole seconds).
  const events = pgSchema(name).table('event', {
    id: integer('id').primaryKey(),
    created: timestamp('created', { precision: 3, withTimezone: true }).notNull(),
    title: varchar('title', { length: 64 }).notNull(),
  });
  try {
    await pool.query(`create schema "${name}"`);
    await pool.query(
      `create table "${name}"."event" (id integer primary key, created timestamptz(3) not null, title varchar(64) not null)`,
    );
    for (const statement of seedEventStatements(`"${name}"."event"`, ROWS)) await pool.query(statement);

    const [deep] = await db
      .select()
      .from(events)
      .orderBy(events.created, events.id)
      .offset(DEPTH - 1)
      .limit(1);
    const cursorPages = cursorPagination({ pageSize: SIZE, ordering: 'created' });
    const single = arraySource([{ ...deep!, title: '' }], { uniqueKey: 'id', fields: { created: 'date', id: 'number' } });
    const deepCursor = (await paginateRelay(single, cursorPages, { first: 1 })).cursors[0]!;

    const cursorPage = (cursor: string | null) => async () => {
      const page = await paginateCursor(drizzleSource(db, events, { ordering: 'created' }), cursorPages, { cursor });
      if (page!.items.length !== SIZE) throw new Error(`cursor page had ${page!.items.length} rows`);
    };
    // The statement drizzleSource sends for that page, written by hand in Drizzle: the keyset on
    // (created, id) from the cursor's own row (`>=`, flagged, so the page knows a row lies behind it),
    // two rows more than the page, over the table as the subquery `e`.
    const e = db.select().from(events).as('e');
    const byHand = async () => {
      const iso = deep!.created.toISOString();
      const rows = await db
        .select({
          id: e.id,
          created: e.created,
          title: e.title,
          at: sql<number>`case when ((${e.created} = ${iso}) and (${e.id} = ${deep!.id})) then 1 else 0 end`,
        })
        .from(e)
        .where(sql`((${e.created}, ${e.id}) >= (${iso}, ${deep!.id}))`)
        .orderBy(sql`${e.created} asc, ${e.id} asc`)
        .limit(SIZE + 2);
      if (rows.length < SIZE) throw new Error(`the hand-written page had ${rows.length} rows`);
    };

    const results: BenchResult[] = [];
    const add = (
      measure: string,
      target: Target,
      outcome: { ratio: number; subjectMs: number; baselineMs: number },
      names: [string, string],
    ) =>
      results.push({
        bench: 'deep-page-drizzle',
        measure,
        ratio: outcome.ratio,
        target,
        detail: `${names[0]} ${outcome.subjectMs.toFixed(2)} ms / ${names[1]} ${outcome.baselineMs.toFixed(2)} ms`,
      });
    add('drizzle cursor: page at depth 999,950 / page 1', atMost(1.3), await ratioOf(cursorPage(deepCursor), cursorPage(null)), [
      'deep',
      'first',
    ]);
    add(
      'drizzleSource page / the same statement by hand in Drizzle (depth 999,950)',
      atMost(1.05),
      await ratioOf(cursorPage(deepCursor), byHand),
      ['pagewise', 'by hand'],
    );
    return results;
  } finally {
    await pool.query(`drop schema if exists "${name}" cascade`);
    await pool.end();
  }
}

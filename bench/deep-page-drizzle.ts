// bench/deep-page-drizzle: the deep-page benchmark for pagewise/drizzle. PostgreSQL (node-postgres),
// 1,000,000 rows, page size 50: a cursor page at depth ~999,950 against page 1 (target <= 1.3);
// drizzleSource's deep page (the seek the paginator asks of it) against the same statement written
// by hand in Drizzle (target <= 1.05: what the source adds to Drizzle); and, for contrast, the whole
// paginateCursor page (core's cursor decoding and encoding included) against the same statement.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { integer, pgSchema, timestamp, varchar } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { cursorPagination, paginateCursor, paginateRelay } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { drizzleSource } from 'pagewise/drizzle';
import { deepSeek, PG_BENCH, seedEventStatements } from './events';
import { atMost, ratioOf, type BenchResult, type Target } from './measure';

const ROWS = 1_000_000;
const SIZE = 50;
const DEPTH = ROWS - SIZE;

/** Runs the benchmark in a schema of its own, dropped afterwards. */
export async function deepPageDrizzle(): Promise<BenchResult[]> {
  const name = `pagewise_bench_${randomBytes(4).toString('hex')}`;
  const pool = new pg.Pool({
    ...PG_BENCH,
    connectionTimeoutMillis: 5000,
  });
  let last = '';
  const db = drizzle(pool, {
    logger: {
      logQuery: (query) => {
        last = query;
      },
    },
  });
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
    // (created, id) from the cursor's own row (`>=`, so the page knows a row lies behind it: its key
    // is compared here, as the source compares integer and millisecond keys), two rows more than the
    // page, over the table as the subquery `e`.
    const e = db.select().from(events).as('e');
    const statement = () => {
      const iso = deep!.created.toISOString();
      return db
        .select()
        .from(e)
        .where(sql`((${e.created}, ${e.id}) >= (${iso}, ${deep!.id}))`)
        .orderBy(sql.raw('"e"."created" asc, "e"."id" asc'))
        .limit(SIZE + 2);
    };
    const byHand = async () => {
      const rows = await statement();
      if (rows.length < SIZE) throw new Error(`the hand-written page had ${rows.length} rows`);
      const at = rows[0]!.id === deep!.id && rows[0]!.created.getTime() === deep!.created.getTime();
      if (!at) throw new Error('the hand-written page did not start at the cursor');
    };
    const seekSource = drizzleSource(db, events, { ordering: 'created' });
    const seekPage = deepSeek(seekSource, [deep!.created, deep!.id], SIZE);
    await cursorPage(deepCursor)();
    const sent = last;
    await seekPage();
    if (last !== sent) throw new Error('deep-page-drizzle: the seek sends another statement than the page');
    // One statement but for its select list (Drizzle's builder names the columns, the source selects
    // "e".* and maps the columns itself) and the `as` before the alias.
    const normalized = (text: string) => text.replace(/^select .*? from \(/, 'select … from (').replace(/\) (as )?"e" /, ') "e" ');
    if (normalized(statement().toSQL().sql) !== normalized(sent))
      throw new Error(`deep-page-drizzle: the hand-written statement differs:\n${statement().toSQL().sql}\n${sent}`);

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
    add('drizzleSource seek / the same statement by hand in Drizzle (depth 999,950)', atMost(1.05), await ratioOf(seekPage, byHand), [
      'source',
      'by hand',
    ]);
    const whole = await ratioOf(cursorPage(deepCursor), byHand);
    results.push({
      bench: 'deep-page-drizzle',
      measure: 'paginateCursor page (core included) / the same statement by hand',
      ratio: whole.ratio,
      target: null,
      detail: `pagewise ${whole.subjectMs.toFixed(2)} ms / by hand ${whole.baselineMs.toFixed(2)} ms`,
    });
    return results;
  } finally {
    await pool.query(`drop schema if exists "${name}" cascade`);
    await pool.end();
  }
}

// bench/deep-page-kysely: PostgreSQL, 1,000,000 rows, page size 50, through pagewise/kysely. How much
// a cursor page at depth ~999,950 costs against page 1 (target <= 1.3); kyselySource's deep page (the
// seek the paginator asks of it) against a hand-written Kysely query sending the same SQL (target
// <= 1.05: what the source adds to Kysely); and, for contrast, the whole paginateCursor page (core's
// cursor decoding and encoding included) against the same hand-written query.
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import { Pool } from 'pg';
import { cursorPagination, paginateCursor, paginateRelay } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { kyselySource, type KyselyFields } from 'pagewise/kysely';
import { deepSeek, EVENT_EPOCH, PG_BENCH } from './events';
import { atMost, ratioOf, type BenchResult } from './measure';

const ROWS = 1_000_000;
const SIZE = 50;
const DEPTH = ROWS - SIZE;

interface EventRow {
  id: number;
  created: Date;
  title: string;
}

// The column is timestamptz(3): declared so, its keys are Dates (a bare 'datetime' is keyed by its text).
const FIELDS: KyselyFields = { id: 'integer', created: { type: 'datetime', sqlType: 'timestamptz(3)' }, title: 'text' };

/** Runs the benchmark in a schema of its own, dropped afterwards. */
export async function deepPageKysely(): Promise<BenchResult[]> {
  const schema = `pagewise_bench_${randomBytes(4).toString('hex')}`;
  const connection = PG_BENCH;
  const admin = new Pool({ ...connection, max: 1 });
  await admin.query(`create schema "${schema}"`);
  const pool = new Pool({ ...connection, max: 4, options: `-c search_path=${schema}` });
  let last: CompiledQuery | null = null;
  const db = new Kysely<{ event: EventRow }>({
    dialect: new PostgresDialect({ pool: pool as never }),
    log: (event) => {
      if (event.level === 'query') last = event.query;
    },
  });
  try {
    // The events of bench/events.ts: in time order, each creation time shared by a pair of rows.
    await pool.query('create table event (id integer primary key, created timestamptz(3) not null, title varchar(64) not null)');
    await pool.query(
      `insert into event (id, created, title)
       select g, timestamptz '${EVENT_EPOCH}' + (g / 2) * interval '1 second', 'event ' || g from generate_series(1, ${ROWS}) as g`,
    );
    await pool.query('create index event_created_id on event (created, id)');
    await pool.query('analyze event');

    const { rows } = await pool.query(`select id, created from event order by created, id offset ${DEPTH - 1} limit 1`);
    const deepRow = rows[0] as { id: number; created: Date };
    const cursorPages = cursorPagination({ pageSize: SIZE, ordering: 'created' });
    const single = arraySource([{ ...deepRow, title: '' }], { uniqueKey: 'id', fields: { created: 'date', id: 'number' } });
    const deepCursor = (await paginateRelay(single, cursorPages, { first: 1 })).cursors[0]!;

    const source = () => kyselySource(db.selectFrom('event').selectAll(), { db, fields: FIELDS, ordering: 'created' });
    const cursorPage = (cursor: string | null) => async () => {
      const page = await paginateCursor(source(), cursorPages, { cursor });
      if (page!.items.length !== SIZE) throw new Error(`cursor page had ${page!.items.length} rows`);
    };

    // The seek the paginator asks for the deep page (50 rows, one more for hasNext, probing for the
    // cursor's own row from its key), and the statement the source sends for it, written by hand in Kysely.
    const { created, id } = deepRow;
    const seekSource = source();
    const seekPage = deepSeek(seekSource, [created, id], SIZE);
    await cursorPage(deepCursor)();
    const sent = last as CompiledQuery | null;
    await seekPage();
    if ((last as CompiledQuery | null)?.sql !== sent?.sql)
      throw new Error('deep-page-kysely: the seek sends another statement than the page');
    const byHand = () =>
      db
        .selectFrom(db.selectFrom('event').selectAll().as('e'))
        .selectAll('e')
        .where(sql<boolean>`(("e"."created", "e"."id") >= (${created}, ${id}))`)
        .orderBy(sql`"e"."created" asc, "e"."id" asc`)
        .limit(SIZE + 2);
    if (byHand().compile().sql !== sent?.sql)
      throw new Error(`deep-page-kysely: the hand-written query differs:\n${byHand().compile().sql}\n${sent?.sql ?? '(none)'}`);
    const handWritten = async () => {
      const found = await byHand().execute();
      if (found.length !== SIZE + 1) throw new Error(`hand-written page had ${found.length} rows`);
      // The cursor's row starts the page (integer and millisecond keys are compared in JavaScript, as the source does).
      if (found[0]!.id !== id || found[0]!.created.getTime() !== created.getTime())
        throw new Error('hand-written page did not start at the cursor');
    };

    const results: BenchResult[] = [];
    const add = (
      measure: string,
      outcome: { ratio: number; subjectMs: number; baselineMs: number },
      names: [string, string],
      target: number,
    ) =>
      results.push({
        bench: 'deep-page-kysely',
        measure,
        ratio: outcome.ratio,
        target: atMost(target),
        detail: `${names[0]} ${outcome.subjectMs.toFixed(2)} ms / ${names[1]} ${outcome.baselineMs.toFixed(2)} ms`,
      });
    add('kysely cursor: page at depth 999,950 / page 1', await ratioOf(cursorPage(deepCursor), cursorPage(null)), ['deep', 'first'], 1.3);
    add(
      'kyselySource seek / hand-written Kysely, same SQL (depth 999,950)',
      await ratioOf(seekPage, handWritten),
      ['source', 'by hand'],
      1.05,
    );
    const whole = await ratioOf(cursorPage(deepCursor), handWritten);
    results.push({
      bench: 'deep-page-kysely',
      measure: 'paginateCursor page (core included) / hand-written Kysely',
      ratio: whole.ratio,
      target: null,
      detail: `pagewise ${whole.subjectMs.toFixed(2)} ms / by hand ${whole.baselineMs.toFixed(2)} ms`,
    });
    return results;
  } finally {
    await db.destroy();
    await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.end();
  }
}

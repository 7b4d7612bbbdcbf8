// bench/deep-page: PostgreSQL, 1,000,000 rows, page size 50. How much a page at depth ~999,950 costs
// against page 1, by cursor (target <= 1.3) and by limit-offset (for contrast), and pagewise's deep
// cursor page against MikroORM's own em.findByCursor on the same query (target <= 1.0).
import { cursorPagination, limitOffsetPagination, paginateCursor, paginateLimitOffset, paginateRelay } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { eventDatabase, EventEntity, type Event } from './events';
import { atMost, ratioOf, type BenchResult, type Target } from './measure';

const ROWS = 1_000_000;
const SIZE = 50;
const DEPTH = ROWS - SIZE;

/** Runs the deep-page benchmark in a schema of its own, dropped afterwards. */
export async function deepPage(): Promise<BenchResult[]> {
  const { em, schema, close } = await eventDatabase(ROWS);
  try {
    const [row] = await em
      .getConnection()
      .execute<Event[]>(`select id, created from "${schema}"."event" order by created, id offset ${DEPTH - 1} limit 1`);
    const deepRow = { id: row!.id, created: new Date(row!.created), title: '' };
    const cursorPages = cursorPagination({ pageSize: SIZE, ordering: 'created' });
    const single = arraySource([deepRow], { uniqueKey: 'id', fields: { created: 'date', id: 'number' } });
    const deepCursor = (await paginateRelay(single, cursorPages, { first: 1 })).cursors[0]!;
    const offsets = limitOffsetPagination({ defaultLimit: SIZE });

    const source = () => mikroOrmSource(em.fork(), EventEntity, { ordering: 'created' });
    const cursorPage = (cursor: string | null) => async () => {
      const page = await paginateCursor(source(), cursorPages, { cursor });
      if (page!.items.length !== SIZE) throw new Error(`cursor page had ${page!.items.length} rows`);
    };
    const offsetPage = (offset: number) => async () => {
      const page = await paginateLimitOffset(source(), offsets, { offset: String(offset) });
      if (page!.items.length !== SIZE) throw new Error(`offset page had ${page!.items.length} rows`);
    };
    const findByCursor = async () => {
      const page = await em.fork().findByCursor(
        EventEntity,
        {},
        {
          first: SIZE,
          after: { created: deepRow.created, id: deepRow.id },
          orderBy: [{ created: 'asc' }, { id: 'asc' }],
          includeCount: false,
        },
      );
      if (page.items.length !== SIZE) throw new Error(`findByCursor page had ${page.items.length} rows`);
    };

    const results: BenchResult[] = [];
    const add = (
      measure: string,
      target: Target | null,
      outcome: { ratio: number; subjectMs: number; baselineMs: number },
      names: [string, string],
    ) =>
      results.push({
        bench: 'deep-page',
        measure,
        ratio: outcome.ratio,
        target,
        detail: `${names[0]} ${outcome.subjectMs.toFixed(2)} ms / ${names[1]} ${outcome.baselineMs.toFixed(2)} ms`,
      });
    add('cursor: page at depth 999,950 / page 1', atMost(1.3), await ratioOf(cursorPage(deepCursor), cursorPage(null)), ['deep', 'first']);
    add('limit-offset: page at offset 999,950 / page 1', null, await ratioOf(offsetPage(DEPTH), offsetPage(0), { rounds: 10, warmup: 2 }), [
      'deep',
      'first',
    ]);
    add('pagewise cursor page / em.findByCursor (depth 999,950)', atMost(1.0), await ratioOf(cursorPage(deepCursor), findByCursor), [
      'pagewise',
      'findByCursor',
    ]);
    return results;
  } finally {
    await close();
  }
}

// PostgreSQL with 1,000,000 rows and an index on the ordering key: a cursor page near the end is an
// index scan that starts at the cursor — no sort, no OFFSET, no rows read and thrown away.
import { cursorPagination, paginateCursor, paginateRelay, type CursorPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { EventEntity, seedEvents, type Event } from '../../../bench/events';
import { describeDatabase, openTestDatabase, type TestDatabase } from '../../support/databases';
import { explainNodes } from '../../support/explain';

const ROWS = 1_000_000;
const SIZE = 50;

describeDatabase('postgresql', 'a million rows on PostgreSQL', () => {
  let db: TestDatabase;
  const pagination: CursorPagination = cursorPagination({ pageSize: SIZE, ordering: 'created' });

  beforeAll(async () => {
    // query-params: the logger shows each statement with its values, ready for EXPLAIN.
    db = await openTestDatabase('postgresql', { entities: [EventEntity], options: { debug: ['query', 'query-params'] } });
    await seedEvents(db.orm.em.fork(), db.namespace!, ROWS);
  }, 120_000);
  afterAll(async () => db?.close());

  /** The cursor of the row at 0-based `index` in `(created, id)` order, written as pagewise writes it. */
  async function cursorAt(index: number): Promise<string> {
    const [row] = await db.orm.em
      .getConnection()
      .execute<Event[]>(`select id, created, title from "${db.namespace}"."event" order by created, id offset ${index} limit 1`);
    const single = arraySource([{ ...row!, created: new Date(row!.created) }], {
      uniqueKey: 'id',
      fields: { created: 'date', id: 'number' },
    });
    return (await paginateRelay(single, pagination, { first: 1 })).cursors[0]!;
  }

  it.each([
    ['forward', 999_949, 999_951],
    ['backward', 999_999, 999_950],
  ] as const)('a %s cursor page at depth ~999,950 is an index scan with no sort and no skipped rows', async (direction, index, firstId) => {
    const source = mikroOrmSource(db.orm.em.fork(), EventEntity);
    const after = await cursorAt(index);
    // Backward: the page before the last row, through the previous link of the (empty) page after it.
    const cursor = direction === 'forward' ? after : (await paginateCursor(source, pagination, { cursor: after }))!.previousCursor;
    expect(cursor).not.toBeNull();
    db.queries.length = 0;
    const page = await paginateCursor(source, pagination, { cursor });
    expect(page!.items).toHaveLength(SIZE);
    expect(page!.items[0]!.id).toBe(firstId);
    expect(db.queries).toHaveLength(1);
    const statement = db.queries[0]!;
    expect(statement).not.toMatch(/\boffset\b/i);
    const plan = await explainNodes(db, statement);
    const types = plan.map((node) => node['Node Type']);
    expect(types).not.toContain('Sort');
    expect(types).not.toContain('Incremental Sort');
    const scan = plan.find((node) => node['Node Type'] === 'Index Scan' || node['Node Type'] === 'Index Only Scan');
    expect(scan).toMatchObject({ 'Index Name': 'event_created_id' });
    // The scan starts at the cursor: it reads the cursor's own row (the probe), the page and the one
    // extra row, and throws none away.
    expect(scan!['Actual Rows']).toBeLessThanOrEqual(SIZE + 2);
    expect(scan!['Rows Removed by Filter'] ?? 0).toBe(0);
  });
});

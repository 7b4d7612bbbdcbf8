// PostgreSQL: a batch of parents paged from their own cursors (one LATERAL statement) seeks the index
// to each parent's own bound — read from the parent's row of the keys relation — rather than reading
// every parent's rows and filtering them by an `or` of all the bounds.
import { EntitySchema } from '@mikro-orm/core';
import { batchedPageSources, cursorPagination, paginateRelay } from 'pagewise/internal';
import { mikroOrmBatchSource } from 'pagewise/mikro-orm';
import { describeDatabase, openTestDatabase, type TestDatabase } from '../../support/databases';
import { explainNodes } from '../../support/explain';

interface Reply {
  id: number;
  threadId: number;
  created: Date;
}

const ReplyEntity = new EntitySchema<Reply>({
  name: 'PlanReply',
  tableName: 'plan_reply',
  indexes: [{ name: 'plan_reply_thread_created_id', properties: ['threadId', 'created', 'id'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    threadId: { type: 'integer' },
    created: { type: 'datetime' },
  },
});

const THREADS = 30;
const REPLIES = 300;
const SIZE = 10;

describeDatabase('postgresql', 'batched seeks from per-parent cursors on PostgreSQL', () => {
  let db: TestDatabase;
  const pagination = cursorPagination({ pageSize: SIZE, ordering: '-created' });

  beforeAll(async () => {
    // query-params: the logger shows each statement with its values, ready for EXPLAIN.
    db = await openTestDatabase('postgresql', { entities: [ReplyEntity], options: { debug: ['query', 'query-params'] } });
    const em = db.orm.em.fork();
    for (let thread = 1; thread <= THREADS; thread += 1) {
      for (let n = 0; n < REPLIES; n += 1) {
        em.create(ReplyEntity, { id: thread * 1000 + n, threadId: thread, created: new Date(Date.UTC(2024, 0, 1, 0, n)) });
      }
    }
    await em.flush();
    await db.orm.em.getConnection().execute(`analyze "${db.namespace}"."plan_reply"`);
  }, 60_000);
  afterAll(async () => db?.close());

  it('each parent’s window is an index seek from its own cursor: no OR of bounds, no rows filtered away', async () => {
    const threads = Array.from({ length: THREADS }, (_, index) => index + 1);
    const sourcesFor = () => batchedPageSources(mikroOrmBatchSource(db.orm.em.fork(), ReplyEntity, { key: 'threadId' }));
    // Every thread's cursor at a different depth: thread t continues after its (7t)-th newest reply.
    const firstFor = sourcesFor();
    const starts = await Promise.all(threads.map((thread) => paginateRelay(firstFor(thread), pagination, { first: 7 * thread })));
    db.queries.length = 0;
    const nextFor = sourcesFor();
    const pages = await Promise.all(
      threads.map((thread, index) => paginateRelay(nextFor(thread), pagination, { first: SIZE, after: starts[index]!.endCursor })),
    );
    pages.forEach((page, index) => {
      const thread = index + 1;
      const newest = REPLIES - 1 - 7 * thread;
      expect(page.items.map((row) => row.id)).toEqual(Array.from({ length: SIZE }, (_, n) => thread * 1000 + newest - n));
    });
    const statements = db.queries.map((line) => line.replace(/^\[query\]\s*/, '').replace(/\s*\[took [^\]]*\]\s*$/, ''));
    expect(statements).toHaveLength(1);
    // One condition for all: each key's bound comes from its row of the keys relation.
    expect(statements[0]).toMatch(/cross join lateral .*< \(cast\("pw_keys"\."pw_v0" as timestamptz\), cast\("pw_keys"\."pw_v1" as int/i);
    expect(statements[0]).not.toMatch(/union all| or /i);

    const plan = await explainNodes(db, statements[0]!);
    expect(plan.map((node) => node['Node Type'])).not.toContain('BitmapOr');
    const scans = plan.filter((node) => node['Node Type'] === 'Index Scan' || node['Node Type'] === 'Index Only Scan');
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) {
      expect(scan['Index Name']).toBe('plan_reply_thread_created_id');
      // Per key, the scan starts at the bound: the page plus the probe row, none thrown away.
      expect(scan['Actual Rows']).toBeLessThanOrEqual(SIZE + 1);
      expect(scan['Rows Removed by Filter'] ?? 0).toBe(0);
    }
  });
});

interface Coded {
  id: number;
  group: number;
  code: string;
}

const CodedEntity = new EntitySchema<Coded>({
  name: 'PlanCoded',
  tableName: 'plan_coded',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    group: { type: 'integer', fieldName: 'group_id' },
    code: { type: 'string', columnType: 'char(3)' },
  },
});

describeDatabase('postgresql', 'batched seeks on a char(n) column on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('postgresql', { entities: [CodedEntity], captureSql: false });
    const em = db.orm.em.fork();
    ['aaa', 'aab', 'aba', 'abb', 'abc', 'baa', 'bab', 'bba'].forEach((code, index) => {
      for (const group of [1, 2]) em.create(CodedEntity, { id: group * 100 + index, group, code });
    });
    await em.flush();
  });
  afterAll(async () => db?.close());

  it('reads each parent’s bound back whole (a cast to char would keep one character)', async () => {
    const ordering = [
      { field: 'code', descending: false },
      { field: 'id', descending: false },
    ];
    const seeks = (strategy: 'lateral' | 'union') =>
      mikroOrmBatchSource(db.orm.em.fork(), CodedEntity, { key: 'group', strategy }).seekMany(
        [1, 2].map((key) => ({
          key,
          request: {
            ordering,
            direction: 'forward' as const,
            offset: 0,
            limit: 3,
            after: { kind: 'key' as const, values: [key === 1 ? 'abb' : 'aab', key * 100 + (key === 1 ? 3 : 1)] },
          },
        })),
      );
    const ids = (results: Awaited<ReturnType<typeof seeks>>) => results.map((result) => result.rows.map((row) => row.id));
    expect(ids(await seeks('lateral'))).toEqual([
      [104, 105, 106],
      [202, 203, 204],
    ]);
    expect(ids(await seeks('lateral'))).toEqual(ids(await seeks('union')));
  });
});

// drizzleBatchSource under a list, counted by Drizzle's logger on each database: 100 parents and
// the first 10 children of each are 2 statements (the parents, then all the children's windows), from
// the start or from each parent's own cursor, in every strategy; counts add one GROUP BY.
import { sql } from 'drizzle-orm';
import * as pgc from 'drizzle-orm/pg-core';
import { batchedPageSources, cursorPagination, paginateRelay, PaginationConfigError, type PageSource } from 'pagewise/internal';
import { drizzleBatchSource, type BatchStrategy } from 'pagewise/drizzle';
import type { ContractRow } from 'pagewise/testing';
import { describeDatabase, type Dialect } from '../../support/databases';
import { openDrizzle, type DrizzleTestDatabase } from './drizzle-databases';

/** 15 children of each of 100 parents, ids 1.., with ties in `created`. */
const CHILDREN: ContractRow[] = Array.from({ length: 1500 }, (_, index) => ({
  id: index + 1,
  dataset: 'children',
  parent: Math.floor(index / 15) + 1,
  title: 'abc'[index % 3]!,
  score: index % 4 === 0 ? null : index % 5,
  created: new Date(Date.UTC(2024, 0, 1 + (index % 7))),
  rank: BigInt(index % 6),
  flag: index % 2 === 0,
}));

interface Parent {
  id: number;
}

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('drizzleBatchSource on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `batched Drizzle on ${dialect}`, () => {
    let db: DrizzleTestDatabase;
    beforeAll(async () => {
      db = await openDrizzle(dialect);
      await db.fill(CHILDREN);
      await db.exec('create table parent_row (id integer primary key)');
      await db.exec(`insert into parent_row (id) values ${Array.from({ length: 100 }, (_, index) => `(${index + 1})`).join(', ')}`);
    });
    afterAll(() => db?.close());

    const fieldTypes = dialect === 'sqlite' ? { rank: 'bigint' as const } : undefined;
    const strategies: BatchStrategy[] = dialect === 'mariadb' ? ['union', 'window'] : ['lateral', 'union', 'window'];
    const pagination = cursorPagination({ pageSize: 10, ordering: ['-created'] });

    /** The parents (one statement), then each parent's first page of children, all in one tick. */
    const pagesOfParents = async (strategy: BatchStrategy, args: (parent: number) => Record<string, unknown>) => {
      const batch = drizzleBatchSource(db.db, db.select(), { key: 'parent', strategy, ...(fieldTypes ? { fieldTypes } : {}) });
      const sourceFor = batchedPageSources(batch) as (key: number) => PageSource<ContractRow>;
      db.queries.length = 0;
      const parents = await parentRows();
      return Promise.all(parents.map(({ id }) => paginateRelay(sourceFor(id), pagination, { first: 10, ...args(id) })));
    };
    const parentRows = async (): Promise<Parent[]> => {
      const query = sql`select id from parent_row order by id`;
      const runner = db.db as { all?: (query: unknown) => unknown; execute: (query: unknown) => PromiseLike<unknown> };
      const result = dialect === 'sqlite' ? runner.all!(query) : await runner.execute(query);
      const rows = Array.isArray(result) ? (Array.isArray(result[0]) ? result[0] : result) : (result as { rows: unknown[] }).rows;
      return (rows as Array<{ id: number | string }>).map(({ id }) => ({ id: Number(id) }));
    };

    it.each(strategies)('100 parents × first: 10 children are 2 statements (%s)', async (strategy) => {
      const pages = await pagesOfParents(strategy, () => ({}));
      expect(pages.map((page) => page.items.length)).toEqual(Array.from({ length: 100 }, () => 10));
      expect(pages.every((page) => page.hasNext && !page.hasPrevious)).toBe(true);
      expect(pages[41]!.items.map((row) => row.parent)).toEqual(Array.from({ length: 10 }, () => 42));
      expect(db.queries).toHaveLength(2);
    });

    it.each(strategies)(
      '100 parents × first: 10 after each parent’s own cursor are 2 statements, the probe included (%s)',
      async (strategy) => {
        const first = await pagesOfParents(strategy, () => ({}));
        const cursors = new Map(first.map((page, index) => [index + 1, page.cursors[2]!]));
        const pages = await pagesOfParents(strategy, (parent) => ({ after: cursors.get(parent) }));
        expect(pages.map((page) => [page.items.length, page.hasPrevious, page.hasNext])).toEqual(
          Array.from({ length: 100 }, () => [10, true, true]),
        );
        // Each parent's page starts after its own third row.
        expect(pages.map((page) => page.items.slice(0, 7).map((row) => row.id))).toEqual(
          first.map((page) => page.items.slice(3).map((row) => row.id)),
        );
        expect(db.queries).toHaveLength(2);
      },
    );

    it('totalCount of 100 parents is one COUNT … GROUP BY beside the pages', async () => {
      const batch = drizzleBatchSource(db.db, db.select(), { key: 'parent', ...(fieldTypes ? { fieldTypes } : {}) });
      const sourceFor = batchedPageSources(batch) as (key: number) => PageSource<ContractRow>;
      db.queries.length = 0;
      const counts = await Promise.all(Array.from({ length: 100 }, (_, index) => sourceFor(index + 1).count()));
      expect(counts).toEqual(Array.from({ length: 100 }, () => 15));
      expect(db.queries).toHaveLength(1);
      expect(db.queries[0]).toMatch(/count\(\*\).* group by /);
    });

    // A serial primary key is the tiebreaker every LATERAL bound is cast to: the cast names its integer type.
    if (dialect === 'postgresql')
      it('a serial primary key and parent: pages from each parent’s cursor through LATERAL', async () => {
        await db.exec('create table serial_row (id serial primary key, parent serial not null, title text not null)');
        await db.exec(`insert into serial_row (parent, title) select g % 3 + 1, 'row ' || g from generate_series(1, 12) as g`);
        const table = pgc.pgTable('serial_row', {
          id: pgc.serial('id').primaryKey(),
          parent: pgc.serial('parent').notNull(),
          title: pgc.text('title').notNull(),
        });
        const batch = drizzleBatchSource(db.db, table, { key: 'parent', strategy: 'lateral' });
        const byId = cursorPagination({ pageSize: 2, ordering: 'id' });
        const walk = async (parent: number) => {
          const sourceFor = batchedPageSources(batch) as (key: number) => PageSource<{ id: number }>;
          const first = await paginateRelay(sourceFor(parent), byId, { first: 2 });
          const second = await paginateRelay(sourceFor(parent), byId, { first: 2, after: first.endCursor! });
          return [...first.items, ...second.items].map((row) => row.id);
        };
        expect(await Promise.all([1, 2, 3].map(walk))).toEqual([
          [3, 6, 9, 12],
          [1, 4, 7, 10],
          [2, 5, 8, 11],
        ]);
      });

    it('a key that is no column of the selection is a PaginationConfigError', () => {
      expect(() => drizzleBatchSource(db.db, db.select(), { key: 'author' })).toThrow(PaginationConfigError);
    });
  });
});

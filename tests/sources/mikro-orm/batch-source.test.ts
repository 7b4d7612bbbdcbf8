// The batched MikroORM source on SQLite, PostgreSQL and MariaDB: one parent of many, keyed by a text
// column, meets the whole PageSource contract (contract.test.ts runs the batch contract keyed by
// number, on every strategy); 100 parents' pages are one statement (ROW_NUMBER per partition, or LATERAL on
// PostgreSQL) and their counts one GROUP BY; for random rows and requests the batched pages equal
// the unbatched source's, parent by parent (fast-check).
import { wrap } from '@mikro-orm/core';
import fc from 'fast-check';
import {
  batchedPageSources,
  cursorPagination,
  pageNumberPagination,
  paginatePageNumber,
  paginateRelay,
  PaginationConfigError,
  type PageSource,
} from 'pagewise/internal';
import { mikroOrmBatchSource, mikroOrmSource, type BatchStrategy } from 'pagewise/mikro-orm';
import { batchRequestArbitrary, childRowsArbitrary, pagesOfParents } from '../../support/batch-property';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';
import { CONTRACT_ROWS, describeSourceContract } from 'pagewise/testing';
import { BatchChildEntity, BatchParentEntity, BatchTagEntity, type BatchChild } from './batch-entities';
import { ContractEntity } from './contract-entity';

/** The statements MikroORM logged, without the logger's prefix and timing suffix. */
const statements = (db: TestDatabase): string[] =>
  db.queries.map((line) => line.replace(/^\[query\]\s*/, '').replace(/\s*\[took [^\]]*\]\s*$/, ''));

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('batched MikroORM on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `batched MikroORM on ${dialect}`, () => {
    let db: TestDatabase | undefined;
    let ready: Promise<TestDatabase> | undefined;
    const open = (): Promise<TestDatabase> => {
      ready ??= openTestDatabase(dialect, { entities: [ContractEntity, BatchParentEntity, BatchChildEntity, BatchTagEntity] }).then(
        async (opened) => {
          db = opened;
          const em = opened.orm.em.fork();
          for (const row of CONTRACT_ROWS) em.create(ContractEntity, { ...row });
          for (let id = 1; id <= 100; id += 1) em.create(BatchParentEntity, { id, name: `parent ${id}` });
          await em.flush();
          return opened;
        },
      );
      return ready;
    };
    beforeAll(open);
    afterAll(async () => db?.close());

    describeSourceContract(`batched mikro-orm (${dialect}), one data set of all`, async (dataset, options) => {
      const { orm } = await open();
      const batch = mikroOrmBatchSource(orm.em.fork(), ContractEntity, { key: 'dataset', ordering: options.ordering ?? [] });
      return batchedPageSources(batch)(dataset.name);
    });

    describe('statements', () => {
      const fill = async (perParent: number) => {
        const { orm } = await open();
        const em = orm.em.fork();
        await em.nativeDelete(BatchTagEntity, {});
        await em.nativeDelete(BatchChildEntity, {}, { filters: false });
        let id = 1;
        for (let parent = 1; parent <= 100; parent += 1) {
          for (let n = 0; n < perParent; n += 1, id += 1) {
            em.create(BatchChildEntity, {
              id,
              parent,
              title: 'abc'[n % 3]!,
              score: n % 4 === 0 ? null : n % 5,
              created: new Date(Date.UTC(2024, 0, 1 + (n % 7))),
            });
          }
        }
        await em.flush();
      };
      const pagination = cursorPagination({ pageSize: 10, ordering: ['-created'] });
      const pagesOfAll = async (strategy: BatchStrategy, withCount: boolean, after?: (parent: number) => string | null) => {
        const { orm } = await open();
        const sourceFor = batchedPageSources(mikroOrmBatchSource(orm.em.fork(), BatchChildEntity, { key: 'parent', strategy }));
        db!.queries.length = 0;
        const pages = await Promise.all(
          Array.from({ length: 100 }, (_, index) =>
            paginateRelay(sourceFor(index + 1), pagination, { first: 10, after: after?.(index + 1) ?? null }, { withCount }),
          ),
        );
        if (withCount) await Promise.all(pages.map((page) => page.count()));
        return pages;
      };
      const strategies: BatchStrategy[] = dialect === 'mariadb' ? ['union', 'window'] : ['lateral', 'union', 'window'];
      const SHAPES: Record<BatchStrategy, RegExp> = {
        union: /^select \* from \(select .* order by .* limit .*\) as .* union all select \* from \(/i,
        lateral: dialect === 'postgresql' ? /cross join lateral/i : /from json_each\(.*\) as .*pw_k.* join .* in \(select .* limit/i,
        window: /row_number\(\) over \(partition by .*parent_id.* order by/i,
      };

      it.each(strategies)('100 parents × first: 10 is one statement (%s), and one GROUP BY with counts', async (strategy) => {
        await fill(25);
        const pages = await pagesOfAll(strategy, false);
        expect(pages.map((page) => page.items.length)).toEqual(Array(100).fill(10));
        expect(pages.every((page, index) => page.items.every((row) => row.parent.id === index + 1))).toBe(true);
        const sql = statements(db!);
        expect(sql).toHaveLength(1);
        expect(sql[0]).toMatch(SHAPES[strategy]!);

        const counted = await pagesOfAll(strategy, true);
        expect(await Promise.all(counted.map((page) => page.count()))).toEqual(Array(100).fill(25));
        const withCount = statements(db!);
        expect(withCount).toHaveLength(2);
        expect(withCount.filter((statement) => /count\(\*\).*group by/i.test(statement))).toHaveLength(1);
      });

      it.each(strategies)('page-number "last" of 100 parents of different sizes: one COUNT, then one statement (%s)', async (strategy) => {
        await fill(0);
        const { orm } = await open();
        // Parent p has (p % 9) + 3 rows, so last pages start at different offsets.
        const em = orm.em.fork();
        const sizes = Array.from({ length: 100 }, (_, index) => ((index + 1) % 9) + 3);
        sizes.forEach((size, index) => {
          for (let n = 0; n < size; n += 1) {
            em.create(BatchChildEntity, {
              id: (index + 1) * 100 + n,
              parent: index + 1,
              title: 'a',
              score: n,
              created: new Date(Date.UTC(2024, 0, 1 + n)),
            });
          }
        });
        await em.flush();
        const sourceFor = batchedPageSources(mikroOrmBatchSource(orm.em.fork(), BatchChildEntity, { key: 'parent', strategy }));
        const byPage = pageNumberPagination({ pageSize: 4 });
        db!.queries.length = 0;
        const pages = await Promise.all(sizes.map((_, index) => paginatePageNumber(sourceFor(index + 1), byPage, { page: 'last' })));
        const sql = statements(db!);
        expect(sql).toHaveLength(2);
        expect(sql[0]).toMatch(/count\(\*\).*group by/i);
        pages.forEach((page, index) => {
          const size = sizes[index]!;
          const first = Math.floor((size - 1) / 4) * 4;
          expect({ parent: index + 1, page: page!.page, ids: page!.items.map((row) => row.id) }).toEqual({
            parent: index + 1,
            page: first / 4 + 1,
            ids: Array.from({ length: size - first }, (_, n) => (index + 1) * 100 + first + n),
          });
        });
      });

      it.each(strategies)('each parent seeks from its own cursor, still in one statement (%s)', async (strategy) => {
        await fill(25);
        const first = await pagesOfAll(strategy, false);
        const second = await pagesOfAll(strategy, false, (parent) => first[parent - 1]!.endCursor);
        expect(statements(db!)).toHaveLength(1);
        const { orm } = await open();
        const alone = await paginateRelay(mikroOrmSource(orm.em.fork(), BatchChildEntity, { where: { parent: 42 } }), pagination, {
          first: 10,
          after: first[41]!.endCursor,
        });
        expect(second[41]!.items.map((row) => row.id)).toEqual(alone.items.map((row) => row.id));
        expect(second[41]!.cursors).toEqual(alone.cursors);
      });

      it("populates relations of all parents' rows with one query for the batch", async () => {
        await fill(3);
        const { orm } = await open();
        const em = orm.em.fork();
        const sourceFor = batchedPageSources(mikroOrmBatchSource(em, BatchChildEntity, { key: 'parent', populate: ['parent'] }));
        db!.queries.length = 0;
        const pages = await Promise.all([1, 2, 3].map((parent) => paginateRelay(sourceFor(parent), pagination, { first: 2 })));
        expect(pages.map((page) => page.items.map((row) => wrap(row.parent).isInitialized() && row.parent.name))).toEqual([
          ['parent 1', 'parent 1'],
          ['parent 2', 'parent 2'],
          ['parent 3', 'parent 3'],
        ]);
        expect(statements(db!)).toHaveLength(2);
      });

      it.each(strategies)('a parent asked twice in one seekMany gets each window (%s)', async (strategy) => {
        await fill(6);
        const { orm } = await open();
        const batch = mikroOrmBatchSource(orm.em.fork(), BatchChildEntity, { key: 'parent', strategy });
        const ordering = [{ field: 'id', descending: false }];
        const request = (after?: number) => ({
          ordering,
          direction: 'forward' as const,
          offset: 0,
          limit: 3,
          ...(after === undefined ? {} : { after: { kind: 'key' as const, values: [after] } }),
        });
        db!.queries.length = 0;
        const results = await batch.seekMany([
          { key: 7, request: request() },
          { key: 7, request: request(40) },
          { key: 8, request: request() },
          { key: 7, request: { ...request(), after: { kind: 'key', values: [null] } } },
        ]);
        expect(results.map((result) => result.rows.map((row) => row.id))).toEqual([[37, 38, 39], [41, 42], [43, 44, 45], []]);
        expect(statements(db!)).toHaveLength(2);
      });

      it.each(strategies)('600 parents are still one statement (%s; SQLite allows 500 terms per union, so they nest)', async (strategy) => {
        await fill(2);
        const { orm } = await open();
        const batch = mikroOrmBatchSource(orm.em.fork(), BatchChildEntity, { key: 'parent', strategy });
        const keys = Array.from({ length: 600 }, (_, index) => 600 - index);
        db!.queries.length = 0;
        const rows = await batch.sliceMany(keys, 1, 5);
        expect(statements(db!)).toHaveLength(1);
        expect(rows.map((list) => list.map((row) => row.id))).toEqual(keys.map((key) => (key <= 100 ? [key * 2] : [])));
      });

      it('checks the key and the strategy when the source is made', async () => {
        const { orm } = await open();
        expect(() => mikroOrmBatchSource(orm.em.fork(), BatchChildEntity, { key: 'nope' })).toThrow(PaginationConfigError);
        if (dialect === 'mariadb') {
          expect(() => mikroOrmBatchSource(orm.em.fork(), BatchChildEntity, { key: 'parent', strategy: 'lateral' })).toThrow(
            PaginationConfigError,
          );
        }
      });

      it('refuses an ordering outside the allow-list before any SQL', async () => {
        const { orm } = await open();
        const batch = mikroOrmBatchSource(orm.em.fork(), BatchChildEntity, { key: 'parent', orderingFields: ['created'] });
        db!.queries.length = 0;
        await expect(batch.sliceMany([1], 0, 5, [{ field: 'title', descending: false }])).rejects.toMatchObject({
          code: 'INVALID_ARGUMENT',
        });
        expect(db!.queries).toEqual([]);
      });
    });

    describe('filters', () => {
      const reset = async () => {
        const { orm } = await open();
        const em = orm.em.fork();
        await em.nativeDelete(BatchTagEntity, {});
        await em.nativeDelete(BatchChildEntity, {}, { filters: false });
        // Parents 1..4, five children each; every third child hidden; each child tagged x twice
        // when its id is even, so a filter on tags joins two rows for it.
        for (let id = 1; id <= 20; id += 1) {
          const parent = ((id - 1) % 4) + 1;
          em.create(BatchChildEntity, {
            id,
            parent,
            title: id % 3 === 0 ? 'hidden' : 'abc'[id % 3]!,
            score: id % 5,
            created: new Date(Date.UTC(2024, 0, id)),
          });
          for (let n = 0; n < (id % 2 === 0 ? 2 : 1); n += 1)
            em.create(BatchTagEntity, { id: id * 10 + n, child: id, name: id % 2 === 0 ? 'x' : 'y' });
        }
        await em.flush();
        return orm;
      };
      const pagination = cursorPagination({ pageSize: 2, ordering: ['-created'] });
      const walk = async (sourceFor: (parent: number) => PageSource<BatchChild>) => {
        const firstPages = await Promise.all(
          [1, 2, 3, 4].map((parent) => paginateRelay(sourceFor(parent), pagination, { first: 2 }, { withCount: true })),
        );
        const counts = await Promise.all(firstPages.map((page) => page.count()));
        const next = await Promise.all(
          [1, 2, 3, 4].map((parent, index) =>
            paginateRelay(sourceFor(parent), pagination, { first: 2, after: firstPages[index]!.endCursor }),
          ),
        );
        return {
          first: firstPages.map((page) => page.items.map((row) => row.id)),
          counts,
          next: next.map((page) => page.items.map((row) => row.id)),
        };
      };

      it.each([
        ['default filters (hidden children left out)', {}],
        ['filters off', { filters: false as const }],
        ['a filter on a collection (tags), which joins rows twice', { where: { tags: { name: 'x' } } }],
        ['a collection filter with filters off', { where: { tags: { name: 'x' } }, filters: false as const }],
      ])('%s: batched as unbatched', async (_name, extra) => {
        const orm = await reset();
        const batched = batchedPageSources(mikroOrmBatchSource(orm.em.fork(), BatchChildEntity, { key: 'parent', ...extra }));
        const alone = (parent: number) =>
          mikroOrmSource(orm.em.fork(), BatchChildEntity, { ...extra, where: { ...('where' in extra ? extra.where : {}), parent } });
        const expected = await walk(alone);
        expect(await walk(batched)).toEqual(expected);
        expect(expected.counts.reduce((sum, count) => sum + count, 0)).toBe(
          'where' in extra ? ('filters' in extra ? 10 : 7) : 'filters' in extra ? 20 : 14,
        );
      });
    });

    it('pages all parents together as each parent alone, for random rows and requests (property)', async () => {
      const { orm } = await open();
      await fc.assert(
        fc.asyncProperty(childRowsArbitrary, batchRequestArbitrary, async (rows, request) => {
          const em = orm.em.fork();
          await em.nativeDelete(BatchTagEntity, {});
          await em.nativeDelete(BatchChildEntity, {}, { filters: false });
          for (const row of rows) em.create(BatchChildEntity, { ...row });
          await em.flush();
          const alone = (parent: number) => mikroOrmSource(orm.em.fork(), BatchChildEntity, { where: { parent } });
          const expected = await pagesOfParents(alone, request);
          for (const strategy of dialect === 'mariadb' ? (['union', 'window'] as const) : (['lateral', 'union', 'window'] as const)) {
            const batched = batchedPageSources(mikroOrmBatchSource(orm.em.fork(), BatchChildEntity, { key: 'parent', strategy }));
            expect({ strategy, pages: await pagesOfParents(batched, request) }).toEqual({ strategy, pages: expected });
          }
        }),
        { numRuns: 40 },
      );
    });
  });
});

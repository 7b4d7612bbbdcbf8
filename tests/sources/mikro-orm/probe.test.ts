// The probe of an exact cursor page over MikroORM: whether any row lies behind the cursor a page starts
// from. The page starts at the cursor's own row (flagged by SQL), so while that row exists the page's
// one statement answers; when it was deleted, a `select 1 … limit 1` does. hasPreviousPage (forward)
// and hasNextPage (backward) stay exact, as the array source answers them. The batch source answers
// it too, in the pages' one statement (an EXISTS beside each parent's window), with one more only
// for parents whose window came back empty.
import { EntitySchema } from '@mikro-orm/core';
import { cursorPagination, paginateRelay, type PageSource } from 'pagewise';
import { batchedPageSources } from 'pagewise/internal';
import { arraySource } from 'pagewise/array';
import { mikroOrmBatchSource, mikroOrmSource, queryBuilderSource, type BatchStrategy } from 'pagewise/mikro-orm';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';

interface Mark {
  id: number;
  score: number | null;
}

const MarkEntity = new EntitySchema<Mark>({
  name: 'ProbeMark',
  tableName: 'probe_mark',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    score: { type: 'integer', nullable: true },
  },
});

interface Child extends Mark {
  parent: number;
}

const ChildEntity = new EntitySchema<Child>({
  name: 'ProbeChild',
  tableName: 'probe_child',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    parent: { type: 'integer' },
    score: { type: 'integer', nullable: true },
  },
});

// Ties, NULLs and gaps: NULL sorts first (SQLite, MariaDB) or last (PostgreSQL).
const MARKS: Mark[] = [null, 1, 1, 2, null, 3, 3, 3, 4, null].map((score, index) => ({ id: index + 1, score }));

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('the exact-page probe on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `exact-page probe on ${dialect}`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [MarkEntity, ChildEntity] });
    });
    afterAll(() => db?.close());

    const store = async (marks: readonly Mark[]) => {
      const em = db.orm.em.fork();
      await em.nativeDelete(MarkEntity, {});
      for (const mark of marks) em.create(MarkEntity, { ...mark });
      await em.flush();
    };
    const statements = () => db.queries.filter((line) => /\bselect\b/i.test(line));

    const sources: Record<string, () => PageSource<Mark>> = {
      mikroOrmSource: () => mikroOrmSource(db.orm.em.fork(), MarkEntity),
      queryBuilderSource: () => queryBuilderSource(db.orm.em.fork().createQueryBuilder(MarkEntity, 'm')),
    };
    it.each([
      ['score', 'mikroOrmSource'],
      ['-score', 'mikroOrmSource'],
      ['id', 'mikroOrmSource'],
      ['-score', 'queryBuilderSource'],
    ])(
      'ordered by %s (%s), every cursor after deleting what lies behind it: flags and rows as the array source gives them',
      async (ordering, kind) => {
        const pagination = cursorPagination({ pageSize: 3, ordering });
        const source = sources[kind]!;
        await store(MARKS);
        const nulls = source().nullOrder;
        const whole = await paginateRelay(arraySource(MARKS, { uniqueKey: 'id', nulls }), pagination, { first: MARKS.length });
        for (const [at, cursor] of whole.cursors.entries()) {
          // Going forward from row `at`, with rows [0..at] deleted (then nothing is behind), and kept.
          // Going backward to row `at`, with rows [at..] deleted, and kept.
          const behind = new Set(whole.items.slice(0, at + 1).map((row) => row.id));
          const ahead = new Set(whole.items.slice(at).map((row) => row.id));
          for (const [args, gone] of [
            [{ first: 3, after: cursor }, new Set<number>()],
            [{ first: 3, after: cursor }, behind],
            [{ last: 3, before: cursor }, new Set<number>()],
            [{ last: 3, before: cursor }, ahead],
          ] as const) {
            const kept = MARKS.filter((mark) => !gone.has(mark.id));
            await store(kept);
            db.queries.length = 0;
            const page = await paginateRelay(source(), pagination, args);
            const reference = await paginateRelay(arraySource(kept, { uniqueKey: 'id', nulls }), pagination, args);
            const summary = (result: typeof page) => ({
              ids: result.items.map((row) => row.id),
              hasNext: result.hasNext,
              hasPrevious: result.hasPrevious,
            });
            expect({ at, args: Object.keys(args), deleted: gone.size, ...summary(page) }).toEqual({
              at,
              args: Object.keys(args),
              deleted: gone.size,
              ...summary(reference),
            });
            // The probe is the page starting at the cursor's own row; only when that row is gone is it asked apart.
            expect(statements()).toHaveLength(gone.size > 0 ? 2 : 1);
          }
        }
      },
    );

    // Parents 1 and 2 hold MARKS (ids 101.., 201..); parent 1 loses what lies behind (or ahead of) its
    // cursor, parent 2 keeps every row, and both are paged together from their own cursors.
    const strategies: BatchStrategy[] = dialect === 'mariadb' ? ['union', 'window'] : ['lateral', 'union', 'window'];
    it.each(strategies.flatMap((strategy) => ['score', '-score', 'id'].map((ordering) => [strategy, ordering] as const)))(
      'batched (%s), ordered by %s: flags and rows of every parent as the array source gives them, one statement while windows have rows',
      async (strategy, ordering) => {
        const pagination = cursorPagination({ pageSize: 3, ordering });
        const childrenOf = (parent: number, marks: readonly Mark[]): Child[] =>
          marks.map((mark) => ({ ...mark, id: parent * 100 + mark.id, parent }));
        const storeChildren = async (children: readonly Child[]) => {
          const em = db.orm.em.fork();
          await em.nativeDelete(ChildEntity, {});
          for (const child of children) em.create(ChildEntity, { ...child });
          await em.flush();
        };
        const nulls = mikroOrmSource(db.orm.em.fork(), ChildEntity).nullOrder;
        const wholes = await Promise.all(
          [1, 2].map((parent) =>
            paginateRelay(arraySource(childrenOf(parent, MARKS), { uniqueKey: 'id', nulls }), pagination, { first: MARKS.length }),
          ),
        );
        for (let at = 0; at < MARKS.length; at += 1) {
          const behind = new Set(wholes[0]!.items.slice(0, at + 1).map((row) => row.id));
          const ahead = new Set(wholes[0]!.items.slice(at).map((row) => row.id));
          for (const [direction, gone] of [
            ['after', new Set<number>()],
            ['after', behind],
            ['before', new Set<number>()],
            ['before', ahead],
          ] as const) {
            const kept = [...childrenOf(1, MARKS).filter((row) => !gone.has(row.id)), ...childrenOf(2, MARKS)];
            await storeChildren(kept);
            const argsOf = (parent: number) => {
              const cursor = wholes[parent - 1]!.cursors[at]!;
              return direction === 'after' ? { first: 3, after: cursor } : { last: 3, before: cursor };
            };
            db.queries.length = 0;
            const sourceFor = batchedPageSources(mikroOrmBatchSource(db.orm.em.fork(), ChildEntity, { key: 'parent', strategy }));
            const pages = await Promise.all([1, 2].map((parent) => paginateRelay(sourceFor(parent), pagination, argsOf(parent))));
            const sql = statements();
            const references = await Promise.all(
              [1, 2].map((parent) =>
                paginateRelay(
                  arraySource(
                    kept.filter((row) => row.parent === parent),
                    { uniqueKey: 'id', nulls },
                  ),
                  pagination,
                  argsOf(parent),
                ),
              ),
            );
            const summary = (result: (typeof pages)[number]) => ({
              ids: result.items.map((row) => row.id),
              hasNext: result.hasNext,
              hasPrevious: result.hasPrevious,
            });
            expect({ at, direction, deleted: gone.size, pages: pages.map(summary) }).toEqual({
              at,
              direction,
              deleted: gone.size,
              pages: references.map(summary),
            });
            // The probe rides on the windows' statement; a parent whose window is empty is asked apart.
            expect(sql).toHaveLength(references.some((page) => page.items.length === 0) ? 2 : 1);
          }
        }
      },
    );
  });
});

// The probe of an exact cursor page over MikroORM: whether any row lies behind the cursor a page starts
// from. The page starts at the cursor's own row (flagged by SQL), so while that row exists the page's
// one statement answers; when it was deleted, a `select 1 … limit 1` does. hasPreviousPage (forward)
// and hasNextPage (backward) stay exact, as the array source answers them.
import { EntitySchema } from '@mikro-orm/core';
import { cursorPagination, paginateRelay, type PageSource } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { mikroOrmSource, queryBuilderSource } from 'pagewise/mikro-orm';
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

// Ties, NULLs and gaps: NULL sorts first (SQLite, MariaDB) or last (PostgreSQL).
const MARKS: Mark[] = [null, 1, 1, 2, null, 3, 3, 3, 4, null].map((score, index) => ({ id: index + 1, score }));

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('the exact-page probe on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `exact-page probe on ${dialect}`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [MarkEntity] });
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
  });
});

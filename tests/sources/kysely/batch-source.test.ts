// kyselyBatchSource's statements: 100 parents × first 10 children is one statement (two with
// totalCount, the counts one GROUP BY) on each database and strategy, counted with Kysely's log hook.
import { sql } from 'kysely';
import { batchedPageSources, cursorPagination, paginateRelay, PaginationConfigError } from 'pagewise/internal';
import { kyselyBatchSource, type BatchStrategy, type KyselyFields } from 'pagewise/kysely';
import { describeDatabase, type Dialect } from '../../support/databases';
import { openKyselyDatabase, type KyselyTestDatabase } from '../../support/kysely-databases';

interface Child {
  id: number;
  parent: number;
  title: string;
  created: Date | string;
}

interface ChildDatabase {
  child: Child;
}

const FIELDS: KyselyFields = { id: 'integer', parent: 'integer', title: 'text', created: 'datetime' };

const DDL: Record<Dialect, string> = {
  sqlite: 'create table child (id integer primary key, parent integer not null, title text not null, created text not null)',
  postgresql:
    'create table child (id integer primary key, parent integer not null, title varchar(8) not null, created timestamptz(3) not null)',
  mariadb: 'create table child (id int primary key, parent int not null, title varchar(8) not null, created datetime(3) not null)',
};

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('kyselyBatchSource on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `kyselyBatchSource statements on ${dialect}`, () => {
    let db: KyselyTestDatabase<ChildDatabase>;
    beforeAll(async () => {
      db = await openKyselyDatabase<ChildDatabase>(dialect);
      await db.exec(DDL[dialect]);
      await db.exec('create index child_parent on child (parent, created)');
      const rows: Child[] = [];
      for (let parent = 1, id = 1; parent <= 100; parent += 1) {
        for (let n = 0; n < 25; n += 1, id += 1) {
          const created = new Date(Date.UTC(2024, 0, 1 + (n % 7), 0, 0, n));
          rows.push({ id, parent, title: 'abc'[n % 3]!, created: dialect === 'sqlite' ? created.toISOString() : created });
        }
      }
      await db.db.insertInto('child').values(rows).execute();
    });
    afterAll(() => db?.close());

    const strategies: BatchStrategy[] = dialect === 'mariadb' ? ['union', 'window'] : ['lateral', 'union', 'window'];
    const SHAPES: Record<BatchStrategy, RegExp> = {
      union: /^select \* from \(select .* order by .* limit .*\) as .* union all select \* from \(/i,
      lateral: dialect === 'postgresql' ? /cross join lateral/i : /from json_each\(.*\) as .*pw_k.* join .* in \(select .* limit/i,
      window: /row_number\(\) over \(partition by .*parent.* order by/i,
    };
    const pagination = cursorPagination({ pageSize: 10, ordering: ['-created'] });

    it.each(strategies)('100 parents × first: 10 is one statement (%s); with totalCount two, the counts one GROUP BY', async (strategy) => {
      const pagesOfAll = async (withCount: boolean) => {
        const batch = kyselyBatchSource(db.db.selectFrom('child').selectAll(), { db: db.db, fields: FIELDS, key: 'parent', strategy });
        const sourceFor = batchedPageSources(batch);
        db.statements.length = 0;
        const pages = await Promise.all(
          Array.from({ length: 100 }, (_, index) => paginateRelay(sourceFor(index + 1), pagination, { first: 10 }, { withCount })),
        );
        const counts = withCount ? await Promise.all(pages.map((page) => page.count())) : [];
        return { pages, counts, statements: [...db.statements] };
      };
      const plain = await pagesOfAll(false);
      expect(plain.pages.map((page) => page.items.length)).toEqual(Array(100).fill(10));
      expect(plain.pages.every((page, index) => page.items.every((row) => Number(row.parent) === index + 1))).toBe(true);
      expect(plain.statements).toHaveLength(1);
      expect(plain.statements[0]).toMatch(SHAPES[strategy]);

      const counted = await pagesOfAll(true);
      expect(counted.counts).toEqual(Array(100).fill(25));
      expect(counted.statements).toHaveLength(2);
      expect(counted.statements.filter((statement) => /count\(\*\).*group by/i.test(statement))).toHaveLength(1);
    });
  });
});

describe('kyselyBatchSource misuse', () => {
  it('a query with a `?` of its own (a jsonb operator) is a PaginationConfigError when the batch source is made', async () => {
    const db = await openKyselyDatabase<{ doc: { id: number; parent: number; body: string } }>('sqlite');
    try {
      const query = db.db
        .selectFrom('doc')
        .selectAll()
        .where(sql<boolean>`body ? 'key'`);
      expect(() => kyselyBatchSource(query, { db: db.db, fields: { id: 'integer', parent: 'integer' }, key: 'parent' })).toThrow(
        PaginationConfigError,
      );
    } finally {
      await db.close();
    }
  });
});

// queryTimeout on SQLite (in-process, so no network to freeze): a statement that runs too long is
// interrupted and answers SOURCE_UNAVAILABLE, and the database itself is kept (an in-memory one
// would be lost if its connection were destroyed); bad values are a PaginationConfigError.
import type { SqlEntityManager } from '@mikro-orm/knex';
import { pageNumberPagination, paginatePageNumber, PaginationConfigError, PaginationError } from 'pagewise';
import { mikroOrmSource, queryBuilderSource } from 'pagewise/mikro-orm';
import { openTestDatabase, type TestDatabase } from '../../support/databases';
import { ContractEntity } from './contract-entity';

// A condition SQLite takes seconds to evaluate: a recursive count to 100 million.
const SLOW = '(with recursive r(n) as (select 1 union all select n + 1 from r where n < 100000000) select count(*) from r) > 0';

describe('queryTimeout on SQLite', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('sqlite', { entities: [ContractEntity], captureSql: false });
    // One row, so the slow condition is evaluated (over an empty table it never is).
    const fork = db.orm.em.fork();
    fork.create(ContractEntity, { id: 1, dataset: 'd', parent: 1, title: 'one', score: 1, created: new Date(0), rank: 1n, flag: true });
    await fork.flush();
  });
  afterAll(() => db.close());

  const em = (): SqlEntityManager => db.orm.em.fork();
  const pagination = pageNumberPagination({ pageSize: 5 });

  it('a statement running past queryTimeout is interrupted with SOURCE_UNAVAILABLE, and the next page runs on the same database', async () => {
    const slow = queryBuilderSource(em().createQueryBuilder(ContractEntity, 'e').where(SLOW), { queryTimeout: 300 });
    const start = Date.now();
    const error = await paginatePageNumber(slow, pagination, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
      message: 'The database is unavailable (no answer within 300 ms) while running the page query.',
    });
    // A guard that it ended at all (the slow statement alone takes several seconds), not a latency claim.
    expect(Date.now() - start).toBeLessThan(5300);
    const page = await paginatePageNumber(mikroOrmSource(em(), ContractEntity, { queryTimeout: 300 }), pagination, {}, { withCount: true });
    expect([page?.items.map(({ id }) => id), await page?.count()]).toEqual([[1], 1]);
  }, 20_000);

  it.each([-1, Number.NaN, '5000' as unknown as number])('queryTimeout %p is a PaginationConfigError', (queryTimeout) => {
    expect(() => mikroOrmSource(em(), ContractEntity, { queryTimeout })).toThrow(PaginationConfigError);
  });

  it.each([0, Number.POSITIVE_INFINITY])('queryTimeout %p leaves statements unbounded', async (queryTimeout) => {
    const page = await paginatePageNumber(mikroOrmSource(em(), ContractEntity, { queryTimeout }), pagination, {});
    expect(page?.items.map(({ id }) => id)).toEqual([1]);
  });
});

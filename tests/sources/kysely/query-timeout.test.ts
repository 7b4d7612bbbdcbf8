// queryTimeout of a Kysely source on the servers: a statement running too long answers
// SOURCE_UNAVAILABLE at the bound, and the next page runs on the same pool; bad values, a missing
// declaration and forged cursor values are caught before SQL (SQLite).
import { sql } from 'kysely';
import {
  cursorPagination,
  pageNumberPagination,
  paginateCursor,
  paginatePageNumber,
  PaginationConfigError,
  PaginationError,
} from 'pagewise';
import { kyselySource } from 'pagewise/kysely';
import { describeDatabase, type Dialect } from '../../support/databases';
import { openKyselyDatabase, type KyselyTestDatabase } from '../../support/kysely-databases';
import { contractKyselyFields, loadContractTable, type ContractDatabase } from './contract-table';

const SLEEP: Record<'postgresql' | 'mariadb', string> = { postgresql: 'pg_sleep(3) is not null', mariadb: 'sleep(3) = 0' };

describe.each(['postgresql', 'mariadb'] as const)('Kysely queryTimeout on %s', (dialect: Dialect & keyof typeof SLEEP) => {
  describeDatabase(dialect, `queryTimeout on ${dialect}`, () => {
    let db: KyselyTestDatabase<ContractDatabase>;
    beforeAll(async () => {
      db = await openKyselyDatabase<ContractDatabase>(dialect);
      await loadContractTable(db);
    });
    afterAll(() => db?.close());

    it('a statement running past queryTimeout answers SOURCE_UNAVAILABLE, and the next page runs', async () => {
      const slow = db.db
        .selectFrom('contract_row')
        .selectAll()
        .where(sql<boolean>`${sql.raw(SLEEP[dialect])}`);
      const start = Date.now();
      const error = await paginatePageNumber(
        kyselySource(slow, { db: db.db, fields: contractKyselyFields(dialect), queryTimeout: 300 }),
        pageNumberPagination({ pageSize: 5 }),
        {},
      ).catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: 'SOURCE_UNAVAILABLE',
        message: 'The database is unavailable (no answer within 300 ms) while running the page query.',
      });
      expect(Date.now() - start).toBeLessThan(2500);
      const page = await paginatePageNumber(
        kyselySource(db.db.selectFrom('contract_row').selectAll(), { db: db.db, fields: contractKyselyFields(dialect), queryTimeout: 300 }),
        pageNumberPagination({ pageSize: 5 }),
        {},
        { withCount: true },
      );
      expect(page?.items).toHaveLength(5);
    }, 20_000);
  });
});

describe('Kysely source options and hardening (SQLite)', () => {
  let db: KyselyTestDatabase<ContractDatabase>;
  beforeAll(async () => {
    db = await openKyselyDatabase<ContractDatabase>('sqlite');
    await loadContractTable(db);
  });
  afterAll(() => db?.close());
  const query = () => db.db.selectFrom('contract_row').selectAll();

  it.each([-1, Number.NaN, '5000' as unknown as number])('queryTimeout %p is a PaginationConfigError', (queryTimeout) => {
    expect(() => kyselySource(query(), { db: db.db, fields: contractKyselyFields('sqlite'), queryTimeout })).toThrow(PaginationConfigError);
  });

  it('needs the fields declared, the unique key among them, and orders only by declared fields', () => {
    expect(() => kyselySource(query(), { db: db.db } as never)).toThrow(/fields/);
    expect(() => kyselySource(query(), { db: db.db, fields: { title: 'text' } })).toThrow(/unique key/);
    // A mistyped declaration fails when the source is made, before any client orders by it.
    expect(() => kyselySource(query(), { db: db.db, fields: { id: 'integer', title: 'txt' as never } })).toThrow(
      /`fields` option: field "title"/,
    );
    expect(() => kyselySource(query(), { db: db.db, fields: contractKyselyFields('sqlite'), ordering: 'nope' })).toThrow(
      PaginationConfigError,
    );
  });

  it('a forged cursor value the column cannot hold is INVALID_CURSOR, never a driver error', async () => {
    const source = kyselySource(query(), { db: db.db, fields: contractKyselyFields('sqlite') });
    const pagination = cursorPagination({ pageSize: 5, ordering: 'id' });
    // DRF's cursor format: base64 of `o=0&p=<position>`; a position beyond a 32-bit integer column.
    const cursor = Buffer.from(`p=${2 ** 40}`).toString('base64');
    await expect(paginateCursor(source, pagination, { cursor })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    await expect(paginateCursor(source, pagination, { cursor: 'not a cursor' })).rejects.toBeInstanceOf(PaginationError);
  });
});

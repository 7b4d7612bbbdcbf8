// Field types of a Kysely source read from the database (kyselyFields, Kysely's introspection), and
// a source over them paging as one over declared fields does.
import { cursorPagination, paginateCursor } from 'pagewise';
import { kyselyFields, kyselySource } from 'pagewise/kysely';
import { describeDatabase, type Dialect } from '../../support/databases';
import { openKyselyDatabase, type KyselyTestDatabase } from '../../support/kysely-databases';
import { contractKyselyFields, loadContractTable, type ContractDatabase } from './contract-table';

const EXPECTED: Record<Dialect, Record<string, unknown>> = {
  sqlite: {
    // SQLite reports an INTEGER PRIMARY KEY without NOT NULL as nullable; a source's unique key is never.
    id: { type: 'integer', nullable: true, sqlType: 'integer' },
    dataset: { type: 'text', nullable: false, sqlType: 'text' },
    score: { type: 'integer', nullable: true, sqlType: 'integer' },
    created: { type: 'text', nullable: false, sqlType: 'text' },
  },
  postgresql: {
    id: { type: 'integer', nullable: false, sqlType: 'int4' },
    dataset: { type: 'text', nullable: false, sqlType: 'varchar' },
    score: { type: 'integer', nullable: true, sqlType: 'int4' },
    created: { type: 'datetime', nullable: false, sqlType: 'timestamptz' },
    rank: { type: 'bigint', nullable: false, sqlType: 'int8' },
    flag: { type: 'boolean', nullable: false, sqlType: 'bool' },
  },
  mariadb: {
    id: { type: 'integer', nullable: false, sqlType: 'int' },
    score: { type: 'integer', nullable: true, sqlType: 'int' },
    created: { type: 'datetime', nullable: false, sqlType: 'datetime' },
    rank: { type: 'bigint', nullable: false, sqlType: 'bigint' },
    // MySQL/MariaDB report a boolean as tinyint: declare it over kyselyFields' answer.
    flag: { type: 'integer', nullable: false, sqlType: 'tinyint' },
  },
};

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('kyselyFields on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `kyselyFields on ${dialect}`, () => {
    let db: KyselyTestDatabase<ContractDatabase>;
    beforeAll(async () => {
      db = await openKyselyDatabase<ContractDatabase>(dialect);
      await loadContractTable(db);
    });
    afterAll(() => db?.close());

    it('reads each column of a known type with its nullability and SQL type', async () => {
      const fields = await kyselyFields(db.db, 'contract_row', dialect === 'postgresql' ? { schema: db.namespace! } : {});
      expect(fields).toMatchObject(EXPECTED[dialect]);
    });

    it('a source over the fields read pages the table, a PostgreSQL timestamp keyed by its text', async () => {
      const read = await kyselyFields(db.db, 'contract_row', dialect === 'postgresql' ? { schema: db.namespace! } : {});
      // SQLite keeps the contract's dates as text and booleans as integers: those are declared.
      const fields =
        dialect === 'postgresql'
          ? read
          : { ...read, created: contractKyselyFields(dialect).created!, flag: contractKyselyFields(dialect).flag! };
      const source = kyselySource(db.db.selectFrom('contract_row').selectAll().where('dataset', '=', 'mixed'), { db: db.db, fields });
      const pagination = cursorPagination({ pageSize: 10, ordering: ['-created'] });
      const seen: number[] = [];
      const walk = async (cursor: string | null): Promise<void> => {
        const page = await paginateCursor(source, pagination, { cursor });
        seen.push(...page!.items.map((row) => row.id));
        if (page!.nextCursor) await walk(page!.nextCursor);
      };
      await walk(null);
      expect(seen).toHaveLength(37);
      expect(new Set(seen).size).toBe(37);
      expect(source.fieldType('created')).toBe(dialect === 'postgresql' ? 'string' : 'date');
    });
  });
});

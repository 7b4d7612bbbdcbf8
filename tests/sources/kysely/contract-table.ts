// The contract's rows as a table for Kysely, per database: the same columns as the MikroORM entity
// (milliseconds datetime, bigint rank, boolean flag), SQLite keeping dates as ISO text and booleans as 0/1.
import type { KyselyFields } from 'pagewise/kysely';
import { CONTRACT_ROWS, type ContractRow } from 'pagewise/testing';
import type { Dialect } from '../../support/databases';
import type { KyselyTestDatabase } from '../../support/kysely-databases';

/** The database of the contract tests: one table. */
export interface ContractDatabase {
  contract_row: ContractRow;
}

/**
 * The contract's fields, declared for `dialect`: `created` with its column's millisecond SQL type,
 * so it is keyed by a Date as the reference's is (a bare `'datetime'` means the dialect's finest).
 */
export const contractKyselyFields = (dialect: Dialect): KyselyFields => ({
  id: 'integer',
  dataset: 'text',
  parent: 'integer',
  title: 'text',
  score: 'integer?',
  created: { type: 'datetime', sqlType: CREATED_SQL_TYPE[dialect] },
  rank: 'bigint',
  flag: 'boolean',
});

const CREATED_SQL_TYPE: Record<Dialect, string> = { sqlite: 'datetime', postgresql: 'timestamptz(3)', mariadb: 'datetime(3)' };

const DDL: Record<Dialect, string> = {
  sqlite:
    'create table contract_row (id integer primary key, dataset text not null, parent integer not null, title text not null, score integer, created text not null, rank integer not null, flag integer not null)',
  postgresql:
    'create table contract_row (id integer primary key, dataset varchar(32) not null, parent integer not null, title varchar(64) not null, score integer, created timestamptz(3) not null, rank bigint not null, flag boolean not null)',
  mariadb:
    'create table contract_row (id int primary key, dataset varchar(32) not null, parent int not null, title varchar(64) not null, score int, created datetime(3) not null, rank bigint not null, flag boolean not null)',
};

/** Creates the contract table in `open` and loads every contract row. */
export async function loadContractTable(open: KyselyTestDatabase<ContractDatabase>): Promise<void> {
  await open.exec(DDL[open.dialect]);
  await open.exec('create index contract_row_dataset on contract_row (dataset, created)');
  await open.exec('create index contract_row_parent on contract_row (parent, created)');
  const sqlite = open.dialect === 'sqlite';
  const values = CONTRACT_ROWS.map((row) => ({
    ...row,
    created: sqlite ? row.created.toISOString() : row.created,
    rank: sqlite ? row.rank : row.rank.toString(),
    flag: sqlite ? Number(row.flag) : row.flag,
  }));
  await open.db
    .insertInto('contract_row')
    .values(values as never)
    .execute();
  open.statements.length = 0;
}

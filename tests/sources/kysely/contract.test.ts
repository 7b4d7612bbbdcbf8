// The contract suite of pagewise/testing over Kysely on SQLite (in memory, always), PostgreSQL and
// MariaDB (each server required: a suite whose server does not answer fails): kyselySource and
// kyselyBatchSource with each strategy the dialect has.
import { kyselyBatchSource, kyselySource, type BatchStrategy } from 'pagewise/kysely';
import { describeBatchSourceContract, describeSourceContract, type ContractSourceOptions } from 'pagewise/testing';
import { describeDatabase, type Dialect } from '../../support/databases';
import { openKyselyDatabase, type KyselyTestDatabase } from '../../support/kysely-databases';
import { contractKyselyFields, loadContractTable, type ContractDatabase } from './contract-table';

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('Kysely on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `contract on ${dialect}`, () => {
    let db: KyselyTestDatabase<ContractDatabase> | undefined;
    let ready: Promise<KyselyTestDatabase<ContractDatabase>> | undefined;
    const open = (): Promise<KyselyTestDatabase<ContractDatabase>> => {
      ready ??= openKyselyDatabase<ContractDatabase>(dialect).then(async (opened) => {
        db = opened;
        await loadContractTable(opened);
        return opened;
      });
      return ready;
    };
    beforeAll(open);
    afterAll(async () => db?.close());

    const strategies: BatchStrategy[] = dialect === 'mariadb' ? ['union', 'window'] : ['lateral', 'union', 'window'];
    const batchBy = (strategy?: BatchStrategy) => async (options: ContractSourceOptions) => {
      const { db: kysely } = await open();
      return kyselyBatchSource(kysely.selectFrom('contract_row').selectAll(), {
        db: kysely,
        fields: contractKyselyFields(dialect),
        key: 'parent',
        ordering: options.ordering ?? [],
        ...(strategy ? { strategy } : {}),
      });
    };
    describeSourceContract(
      `kysely (${dialect})`,
      async (dataset, options) => {
        const { db: kysely } = await open();
        const query = kysely.selectFrom('contract_row').selectAll().where('dataset', '=', dataset.name);
        return kyselySource(query, { db: kysely, fields: contractKyselyFields(dialect), ordering: options.ordering ?? [] });
      },
      { batch: batchBy() },
    );
    for (const strategy of strategies.slice(1)) describeBatchSourceContract(`kysely (${dialect}), ${strategy}`, batchBy(strategy));
  });
});

// The contract suite of pagewise/testing over Drizzle on SQLite (better-sqlite3, in memory, always),
// PostgreSQL (node-postgres) and MariaDB (mysql2), each server required (a suite whose server does
// not answer fails): drizzleSource over a select of each data set, and drizzleBatchSource
// over all of them with each strategy the dialect has.
import type { BatchPageSource, PageSource } from 'pagewise';
import { drizzleBatchSource, drizzleSource, type BatchStrategy } from 'pagewise/drizzle';
import {
  CONTRACT_ROWS,
  describeBatchSourceContract,
  describeSourceContract,
  type ContractParentKey,
  type ContractRow,
  type ContractSourceOptions,
} from 'pagewise/testing';
import { describeDatabase, type Dialect } from '../../support/databases';
import { openDrizzle, type DrizzleTestDatabase } from './drizzle-databases';

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('Drizzle on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `contract on ${dialect}`, () => {
    let ready: Promise<DrizzleTestDatabase> | undefined;
    const open = (): Promise<DrizzleTestDatabase> => {
      ready ??= openDrizzle(dialect).then(async (opened) => {
        await opened.fill(CONTRACT_ROWS);
        return opened;
      });
      return ready;
    };
    beforeAll(open);
    afterAll(async () => (await ready)?.close());

    // SQLite's rank is a custom column: its type is declared, as a user of a customType would.
    const fieldTypes: Record<string, 'bigint'> = dialect === 'sqlite' ? { rank: 'bigint' } : {};
    // The batch source with the dialect's default strategy; then each other strategy.
    const strategies: BatchStrategy[] = dialect === 'mariadb' ? ['union', 'window'] : ['lateral', 'union', 'window'];
    const batchBy = (strategy?: BatchStrategy) => async (options: ContractSourceOptions) => {
      const { db, select } = await open();
      return drizzleBatchSource(db, select(), {
        key: 'parent',
        ordering: options.ordering ?? [],
        fieldTypes,
        ...(strategy ? { strategy } : {}),
      }) as BatchPageSource<ContractParentKey, ContractRow>;
    };
    describeSourceContract(
      `drizzle (${dialect})`,
      async (dataset, options) => {
        const { db, dataset: rowsOf } = await open();
        return drizzleSource(db, rowsOf(dataset.name), { ordering: options.ordering ?? [], fieldTypes }) as PageSource<ContractRow>;
      },
      { batch: batchBy() },
    );
    for (const strategy of strategies.slice(1)) describeBatchSourceContract(`drizzle (${dialect}), ${strategy}`, batchBy(strategy));
  });
});

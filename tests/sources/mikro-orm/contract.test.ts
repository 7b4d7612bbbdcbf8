// The contract suite of pagewise/testing over MikroORM on SQLite (in memory, always), PostgreSQL and
// MariaDB (each server required: a suite whose server does not answer fails): mikroOrmSource
// with its batch form (each strategy the dialect has), and queryBuilderSource.
import { mikroOrmBatchSource, mikroOrmSource, queryBuilderSource, type BatchStrategy } from 'pagewise/mikro-orm';
import { CONTRACT_ROWS, describeBatchSourceContract, describeSourceContract, type ContractSourceOptions } from 'pagewise/testing';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';
import { ContractEntity } from './contract-entity';

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('MikroORM on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `contract on ${dialect}`, () => {
    let db: TestDatabase | undefined;
    let ready: Promise<TestDatabase> | undefined;
    const open = (): Promise<TestDatabase> => {
      ready ??= openTestDatabase(dialect, { entities: [ContractEntity], captureSql: false }).then(async (opened) => {
        db = opened;
        const em = opened.orm.em.fork();
        for (const row of CONTRACT_ROWS) em.create(ContractEntity, { ...row });
        await em.flush();
        return opened;
      });
      return ready;
    };
    beforeAll(open);
    afterAll(async () => db?.close());

    // The source and its batch form with the dialect's default strategy; then each other strategy.
    const strategies: BatchStrategy[] = dialect === 'mariadb' ? ['union', 'window'] : ['lateral', 'union', 'window'];
    const batchBy = (strategy?: BatchStrategy) => async (options: ContractSourceOptions) => {
      const { orm } = await open();
      const ordering = options.ordering ?? [];
      return mikroOrmBatchSource(orm.em.fork(), ContractEntity, { key: 'parent', ordering, ...(strategy ? { strategy } : {}) });
    };
    describeSourceContract(
      `mikro-orm (${dialect})`,
      async (dataset, options) => {
        const { orm } = await open();
        return mikroOrmSource(orm.em.fork(), ContractEntity, { where: { dataset: dataset.name }, ordering: options.ordering ?? [] });
      },
      { batch: batchBy() },
    );
    for (const strategy of strategies.slice(1)) describeBatchSourceContract(`mikro-orm (${dialect}), ${strategy}`, batchBy(strategy));

    // Lean rows (plain objects, no identity map) page exactly as entities do; the lean batch source
    // is held to the entity one in lean-rows.test.ts.
    describeSourceContract(`mikro-orm lean (${dialect})`, async (dataset, options) => {
      const { orm } = await open();
      return mikroOrmSource(orm.em.fork(), ContractEntity, {
        where: { dataset: dataset.name },
        ordering: options.ordering ?? [],
        lean: true,
      });
    });

    describeSourceContract(`queryBuilderSource (${dialect})`, async (dataset, options) => {
      const { orm } = await open();
      const qb = orm.em.fork().createQueryBuilder(ContractEntity, 'c').where({ dataset: dataset.name });
      return queryBuilderSource(qb, { ordering: options.ordering ?? [] });
    });
  });
});

// The array source's contract suite, unchanged, over MikroORM on SQLite (in memory, always),
// PostgreSQL and MariaDB (skipped locally when the server does not answer; required with CI=true).
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';
import { CONTRACT_DATASETS, describeSourceContract } from '../../support/source-contract';
import { ContractEntity } from './contract-entity';

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('MikroORM on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `contract on ${dialect}`, () => {
    let db: TestDatabase | undefined;
    let ready: Promise<TestDatabase> | undefined;
    const open = (): Promise<TestDatabase> => {
      ready ??= openTestDatabase(dialect, { entities: [ContractEntity], captureSql: false }).then(async (opened) => {
        db = opened;
        const em = opened.orm.em.fork();
        for (const dataset of CONTRACT_DATASETS) for (const row of dataset.rows) em.create(ContractEntity, { ...row });
        await em.flush();
        return opened;
      });
      return ready;
    };
    beforeAll(open);
    afterAll(async () => db?.close());

    describeSourceContract(`mikro-orm (${dialect})`, async (dataset, options) => {
      const { orm } = await open();
      return mikroOrmSource(orm.em.fork(), ContractEntity, { where: { dataset: dataset.name }, ordering: options.ordering ?? [] });
    });
  });
});

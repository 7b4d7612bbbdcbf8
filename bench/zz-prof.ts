// ad-hoc profiler (not committed)
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { randomBytes } from 'node:crypto';
import { MikroORM, type Options } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { execute } from 'graphql';
import { AuthorEntity, ArticleEntity, CommentEntity, queryOf, schemaOf, seed } from './nested';

async function profile(name: string, run: () => Promise<unknown>, times: number) {
  for (let i = 0; i < Math.max(3, times / 5); i++) await run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const t0 = performance.now();
  for (let i = 0; i < times; i++) await run();
  console.log(name, ((performance.now() - t0) / times).toFixed(2), 'ms/run');
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(`/tmp/perf17/${name}.cpuprofile`, JSON.stringify(profile));
}

(async () => {
  const schema = `pagewise_prof_${randomBytes(4).toString('hex')}`;
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    host: '127.0.0.1',
    port: 5432,
    user: 'postgres',
    dbName: 'test',
    schema,
    entities: [AuthorEntity, ArticleEntity, CommentEntity],
    debug: false,
    allowGlobalContext: true,
  } as Options);
  try {
    await orm.em.getConnection().execute(`create schema "${schema}"`);
    await orm.schema.createSchema({ schema });
    await seed(orm);
    const s = schemaOf('lateral');
    const doc = queryOf('two levels');
    await profile(
      'nested-pg',
      async () => {
        const r = await execute({ schema: s, document: doc, contextValue: { em: orm.em.fork() as SqlEntityManager } });
        if (r.errors) throw r.errors[0];
      },
      60,
    );
  } finally {
    await orm.em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
    await orm.close(true);
  }
})();

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { execute, parse } from 'graphql';
import { articleDatabase } from './fixtures';
import { handWrittenSchema, pagewiseSchema, sameSql } from './hand-written';

async function profile(name: string, run: () => Promise<unknown>, times: number) {
  for (let i = 0; i < times / 5; i++) await run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const t0 = performance.now();
  for (let i = 0; i < times; i++) await run();
  console.log(name, ((performance.now() - t0) / times).toFixed(3), 'ms/run');
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(`/tmp/perf17/${name}.cpuprofile`, JSON.stringify(profile));
}
(async () => {
  const orm = await articleDatabase('/tmp/perf17/a.sqlite');
  const doc = parse(
    '{ articles(first: 100) { edges { cursor node { id title views created } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }',
  );
  for (const [name, schema] of [
    ['gql-pw', pagewiseSchema()],
    ['gql-hand', handWrittenSchema(sameSql, false)],
  ] as const) {
    await profile(
      name,
      async () => {
        const r = await execute({ schema, document: doc, contextValue: { em: orm.em.fork() as SqlEntityManager } });
        if (r.errors) throw r.errors[0];
      },
      3000,
    );
  }
  await orm.close();
})();

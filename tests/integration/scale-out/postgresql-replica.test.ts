// The scale-out rig on PostgreSQL: three demo instances behind HAProxy, each reading pages and counts
// from a streaming replica (MikroORM's `replicas`) while the writer writes to the primary. Cursor walks
// stay exact under the replica's lag; a cursor signed by one instance is good on every other; a
// rotation keeps old cursors working until the previous secret is retired.
import type { SqlEntityManager } from '@mikro-orm/knex';
import { cursorPagination, paginateRelay, type CursorPage } from 'pagewise';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { ArticleSchema, type Article } from '../../../examples/demo/entities';
import { startBalancer, startInstances, balancerUnavailable, type Balancer, type DemoInstance } from '../../support/balancer';
import { pgReplicaUnavailable, startPgReplica, type PgReplicaPair } from '../../support/pg-replica';
import { describeRig, stopStaleRigs } from '../../support/rig-process';
import { rotationSuite } from './rotation-suite';
import { walkSuite, type WalkRig } from './walk-suite';
import { graphql, resetArticles } from './walks';

jest.setTimeout(120_000);

const APPLY_DELAY_MS = 200;
const SETTINGS = { secret: 'scale-out secret one, 2026-12' };

describeRig([pgReplicaUnavailable(), balancerUnavailable()], 'scale-out: PostgreSQL primary + streaming replica behind HAProxy', () => {
  let pair: PgReplicaPair;
  let instances: DemoInstance[] = [];
  let balancer: Balancer;
  let rig: WalkRig;

  beforeAll(async () => {
    await stopStaleRigs();
    const started = performance.now();
    // The replica applies each commit 200 ms late: a walk of ~0.5 s reads a list that lags the writes.
    pair = await startPgReplica({ applyDelayMs: APPLY_DELAY_MS });
    instances = await startInstances(
      [1, 2, 3].map(() => ({ url: pair.primaryUrl, replicas: [pair.replicaUrl] })),
      SETTINGS,
    );
    balancer = await startBalancer(instances.map((instance) => instance.port));
    console.log(
      `PostgreSQL rig: primary + replica in ${Math.round(pair.startMs)} ms, three instances and HAProxy in ` +
        `${Math.round(performance.now() - started - pair.startMs)} ms (${balancer.origin})`,
    );
    rig = { balancer, instances, writers: [pair.db.primary], settle: () => pair.caughtUp() };
  });

  afterAll(async () => {
    await balancer?.stop();
    for (const instance of instances) await instance.stop();
    await pair?.stop();
  });

  it('reads pages and counts from the replica: while its replay is paused, a row new on the primary is not there', async () => {
    const count = async (): Promise<number> =>
      Number(
        (await graphql<{ articles: { totalCount: number } }>(balancer.origin, '{ articles(first: 1) { totalCount } }')).body.data?.articles
          .totalCount,
      );
    await resetArticles(pair.db.primary, 50);
    await pair.caughtUp();
    const before = await count();
    expect(before).toBe(50);
    await pair.pauseReplay();
    try {
      await pair.db
        .primary('article')
        .insert({ id: 9_999_999, title: 'fresh', created_at: new Date(Date.UTC(2030, 0, 1)), views: 0, author_id: 1 });
      const [{ n } = { n: 0 }] = await pair.query<{ n: string }>('primary', 'select count(*) as n from article');
      expect(Number(n)).toBe(before + 1);
      // Every instance answers from the paused replica: the count and the first page lack the new row.
      for (let i = 0; i < 3; i += 1) {
        const { body } = await graphql<{ articles: { totalCount: number; edges: Array<{ node: { databaseId: number } }> } }>(
          balancer.origin,
          '{ articles(first: 1) { totalCount edges { node { databaseId } } } }',
        );
        expect(body.data?.articles.totalCount).toBe(before);
        expect(body.data?.articles.edges[0]?.node.databaseId).not.toBe(9_999_999);
      }
    } finally {
      await pair.resumeReplay();
    }
    await pair.caughtUp();
    expect(await count()).toBe(before + 1);
    await pair.db.primary('article').where({ id: 9_999_999 }).delete();
  });

  it('answers hasPreviousPage from the replica too: a row only the primary has does not count', async () => {
    type Page = { articles: { edges: Array<{ node: { databaseId: number } }>; pageInfo: { hasPreviousPage: boolean; endCursor: string } } };
    const page = (after: string | null) =>
      graphql<Page>(
        balancer.origin,
        '{ articles(first: 2, after: $after) { edges { node { databaseId } } pageInfo { hasPreviousPage endCursor } } }'.replace(
          '{ articles',
          'query ($after: String) { articles',
        ),
        { after },
      );
    await resetArticles(pair.db.primary, 50);
    await pair.caughtUp();
    const first = (await page(null)).body.data!.articles;
    const [newest] = first.edges.map((edge) => edge.node.databaseId);
    const cursor = (await graphql<Page>(balancer.origin, 'query { articles(first: 1) { pageInfo { hasPreviousPage endCursor } } }')).body
      .data!.articles.pageInfo.endCursor;
    // The cursor's own row gone everywhere: whether any row lies behind it is a statement of its own.
    await pair.db.primary('article').where({ id: newest }).delete();
    await pair.caughtUp();
    expect((await page(cursor)).body.data!.articles.pageInfo.hasPreviousPage).toBe(false);
    await pair.pauseReplay();
    try {
      await pair.db
        .primary('article')
        .insert({ id: 9_999_998, title: 'fresh', created_at: new Date(Date.UTC(2030, 0, 1)), views: 0, author_id: 1 });
      // The page comes from the replica, where nothing is behind the cursor; so must the answer.
      for (let i = 0; i < 3; i += 1) expect((await page(cursor)).body.data!.articles.pageInfo.hasPreviousPage).toBe(false);
    } finally {
      await pair.resumeReplay();
    }
    await pair.caughtUp();
    expect((await page(cursor)).body.data!.articles.pageInfo.hasPreviousPage).toBe(true);
  });

  it('reads its own writes inside a transaction: MikroORM runs it on the primary', async () => {
    await resetArticles(pair.db.primary, 10);
    await pair.caughtUp();
    await pair.pauseReplay();
    try {
      await pair.db
        .primary('article')
        .insert({ id: 9_999_997, title: 'mine', created_at: new Date(Date.UTC(2030, 0, 1)), views: 0, author_id: 1 });
      const pagination = cursorPagination({ pageSize: 3, ordering: ['-createdAt'] });
      const ids = (page: CursorPage<Article>): number[] => page.items.map((row) => row.id);
      const em = instances[0]!.orm.em.fork() as SqlEntityManager;
      expect(ids(await paginateRelay(mikroOrmSource(em, ArticleSchema), pagination, { first: 3 }))).not.toContain(9_999_997);
      const mine = await em.transactional((trx) =>
        paginateRelay(mikroOrmSource(trx as SqlEntityManager, ArticleSchema), pagination, { first: 3 }),
      );
      expect(ids(mine)[0]).toBe(9_999_997);
    } finally {
      await pair.resumeReplay();
    }
  });

  walkSuite('PostgreSQL (primary + streaming replica)', () => rig, SETTINGS);
  rotationSuite(() => rig, SETTINGS.secret);
});

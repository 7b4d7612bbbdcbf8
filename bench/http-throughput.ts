// bench/http-throughput: requests per second of the demo's REST and GraphQL endpoints under autocannon,
// each against a hand-written endpoint on the same data that issues the same SQL (the baseline): a
// plain node:http JSON handler for REST, the hand-written schema on the same Apollo Server setup for
// GraphQL. Measured one after the other in this process.
import { ApolloServer } from '@apollo/server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { apolloHandler } from '../examples/demo/apollo-http';
import { ArticleSchema } from '../examples/demo/entities';
import { serializeArticle } from '../examples/demo/rest-routes';
import { startDemo } from '../examples/demo/server';
import { demoDatabase } from './demo-database';
import { handWrittenSchema } from './graphql-overhead';
import type { BenchResult } from './measure';

// autocannon ships no types; this is the part of its API the bench uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (
  options: Record<string, unknown>,
) => Promise<{ requests: { average: number }; non2xx: number; errors: number }>;

const SECONDS = 5;
const GRAPHQL = JSON.stringify({
  query: '{ articles(first: 20) { edges { cursor node { id title views createdAt } } pageInfo { hasNextPage endCursor } } }',
});

async function rps(url: string, post?: string): Promise<number> {
  const result = await autocannon({
    url,
    connections: 10,
    duration: SECONDS,
    ...(post ? { method: 'POST', body: post, headers: { 'content-type': 'application/json' } } : {}),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
}

/** Runs the throughput benchmark. */
export async function httpThroughput(): Promise<BenchResult[]> {
  const orm = await demoDatabase(100_000);
  const demo = await startDemo(orm, { cursorSecret: 'bench secret of enough length' });
  // The baselines: the same query, written by hand, no pagination library.
  const apollo = new ApolloServer<{ em: SqlEntityManager }>({ schema: handWrittenSchema(), includeStacktraceInErrorResponses: false });
  await apollo.start();
  const graphqlBaseline = apolloHandler(apollo, async () => ({ em: orm.em.fork() as SqlEntityManager }));
  const baseline: Server = createServer((req, res) => {
    if (req.method === 'POST') {
      graphqlBaseline(req, res).catch(() => res.writeHead(500).end());
      return;
    }
    const em = orm.em.fork() as SqlEntityManager;
    em.find(ArticleSchema, {}, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 21 })
      .then((rows) => {
        const next = rows.length > 20 ? `http://${req.headers.host}/?cursor=${Buffer.from(String(rows[19]!.id)).toString('base64')}` : null;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ next, previous: null, results: rows.slice(0, 20).map(serializeArticle) }));
      })
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(baseline.address() as AddressInfo).port}/`;
  try {
    const restPagewise = await rps(`${demo.origin}/api/articles/cursor?page_size=20`);
    const restBaseline = await rps(base);
    const graphqlPagewise = await rps(`${demo.origin}/graphql`, GRAPHQL);
    const graphqlBaselineRps = await rps(base, GRAPHQL);
    return [
      {
        bench: 'http-throughput',
        measure: 'demo REST cursor page (20) req/s / hand-written handler req/s',
        ratio: restPagewise / restBaseline,
        target: null,
        detail: `${restPagewise.toFixed(0)} vs ${restBaseline.toFixed(0)} req/s`,
      },
      {
        bench: 'http-throughput',
        measure: 'demo GraphQL connection (20) req/s / hand-written resolver on Apollo req/s',
        ratio: graphqlPagewise / graphqlBaselineRps,
        target: null,
        detail: `${graphqlPagewise.toFixed(0)} vs ${graphqlBaselineRps.toFixed(0)} req/s`,
      },
    ];
  } finally {
    await new Promise<void>((resolve) => baseline.close(() => resolve()));
    await apollo.stop();
    await demo.close();
    await orm.close();
  }
}

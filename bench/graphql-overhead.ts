// bench/graphql-overhead: `articles(first: 100)` as a pagewise connection over the MikroORM source,
// executed in this process, against a hand-written resolver that issues the same SQL (checked: the
// statements of both sides are logged once and must match to the byte), hydrates entities the same
// way and builds the same connection by hand: with unsigned cursors on both sides, and with signed
// ones on both sides (pagewise's nodeHmacSigner; by hand, node:crypto's HMAC-SHA-256 over the
// cursor). Also against MikroORM's own em.findByCursor behind the same GraphQL field (its own SQL).
// First page and a followed page (`after` the 50th page's end). SQLite file, 100,000 rows. Timed in units of
// ten queries (40 interleaved rounds), reported per query.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { execute, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { nodeHmacSigner } from 'pagewise/node';
import { articleDatabase, statementOf, type Article } from './fixtures';
import { findByCursorSchema, handWrittenSchema, pagewiseSchema, sameSql, SECRET } from './hand-written';
import { atMost, ratioOf, type BenchResult } from './measure';

const ROWS = 100_000;
const FIRST = 100;
const SELECTION = 'edges { cursor node { id title views created } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

interface Side {
  readonly name: string;
  readonly schema: GraphQLSchema;
}

type Connection = {
  edges: Array<{ cursor: string; node: Article }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
};

/**
 * A timed unit: `UNIT` queries one after the other. One query (2–4 ms) is short enough that a
 * neighbour's burst on this shared machine decides a round's ratio; ten average it out.
 */
const UNIT = 10;
const unitOf = (run: () => Promise<unknown>) => async (): Promise<void> => {
  for (let i = 0; i < UNIT; i += 1) await run();
};
const perQuery = (ms: number): string => `${(ms / UNIT).toFixed(2)} ms`;

async function query(schema: GraphQLSchema, em: SqlEntityManager, document: DocumentNode): Promise<Connection> {
  const result = await execute({ schema, document, contextValue: { em: em.fork() } });
  if (result.errors) throw result.errors[0];
  return (result.data as { articles: Connection }).articles;
}

/** The end cursor of page `pages` of `side`, walked page by page. */
async function cursorAt(side: Side, em: SqlEntityManager, pages: number): Promise<string> {
  let after: string | null = null;
  for (let page = 0; page < pages; page += 1) {
    const args: string = after ? `first: ${FIRST}, after: ${JSON.stringify(after)}` : `first: ${FIRST}`;
    after = (await query(side.schema, em, parse(`{ articles(${args}) { pageInfo { endCursor } } }`))).pageInfo.endCursor;
  }
  return after!;
}

const documentOf = (after: string | null) =>
  parse(`{ articles(first: ${FIRST}${after ? `, after: ${JSON.stringify(after)}` : ''}) { ${SELECTION} } }`);

/** The SQL `run` issues, from a second ORM on the same file that logs its statements. */
async function statementsOf(logged: MikroORM, log: string[], run: (em: SqlEntityManager) => Promise<unknown>): Promise<string[]> {
  log.length = 0;
  await run(logged.em.fork() as SqlEntityManager);
  return log.map(statementOf);
}

/** Runs the GraphQL overhead benchmark. */
export async function graphqlOverhead(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pagewise-bench-'));
  const file = join(dir, 'articles.sqlite');
  const orm = await articleDatabase(file, ROWS);
  const log: string[] = [];
  const logged = await articleDatabase(file, undefined, { debug: ['query', 'query-params'], logger: (line: string) => log.push(line) });
  const em = orm.em as SqlEntityManager;
  try {
    const results: BenchResult[] = [];
    for (const signed of [false, true]) {
      const pagewise: Side = { name: 'pagewise', schema: pagewiseSchema(signed ? nodeHmacSigner(SECRET) : undefined) };
      const hand: Side = { name: 'hand-written', schema: handWrittenSchema(sameSql, signed) };
      const label = signed ? 'signed cursors (HMAC-SHA-256, node:crypto on both)' : 'unsigned cursors';
      for (const followed of [false, true]) {
        const documents = await Promise.all(
          [pagewise, hand].map(async (side) => documentOf(followed ? await cursorAt(side, em, 50) : null)),
        );
        const [mine, theirs] = await Promise.all([pagewise, hand].map((side, index) => query(side.schema, em, documents[index]!)));
        const ids = (connection: Connection) =>
          JSON.stringify([
            connection.edges.map((edge) => edge.node.id),
            connection.pageInfo.hasNextPage,
            connection.pageInfo.hasPreviousPage,
          ]);
        if (ids(mine!) !== ids(theirs!)) throw new Error(`graphql-overhead: the two sides answered different pages (${label})`);
        // One after the other: the log is shared.
        const sql: string[][] = [];
        for (const [index, side] of [pagewise, hand].entries()) {
          sql.push(await statementsOf(logged, log, (forked) => query(side.schema, forked, documents[index]!)));
        }
        if (JSON.stringify(sql[0]) !== JSON.stringify(sql[1])) {
          throw new Error(`graphql-overhead: the SQL differs (${label}):\n${sql[0]!.join('\n')}\n---\n${sql[1]!.join('\n')}`);
        }
        const outcome = await ratioOf(
          unitOf(() => query(pagewise.schema, em, documents[0]!)),
          unitOf(() => query(hand.schema, em, documents[1]!)),
          { rounds: 40, warmup: 3 },
        );
        results.push({
          bench: 'graphql-overhead',
          measure: `${followed ? 'followed page (after page 50)' : 'first page'}, first: ${FIRST}, ${label}: pagewise / hand-written, same SQL`,
          ratio: outcome.ratio,
          target: atMost(1.05),
          detail: `${perQuery(outcome.subjectMs)} vs ${perQuery(outcome.baselineMs)} a query`,
        });
      }
    }
    // Diagnostic: the same page with the MikroORM source's statement guard off (queryTimeout: 0).
    {
      const unguarded = pagewiseSchema(undefined, FIRST, 0);
      const hand = handWrittenSchema(sameSql, false);
      const document = documentOf(null);
      const outcome = await ratioOf(
        unitOf(() => query(unguarded, em, document)),
        unitOf(() => query(hand, em, document)),
        { rounds: 40, warmup: 3 },
      );
      results.push({
        bench: 'graphql-overhead',
        measure: `first page, first: ${FIRST}, unsigned, source with queryTimeout: 0 (no statement guard): pagewise / hand-written, same SQL`,
        ratio: outcome.ratio,
        target: null,
        detail: `${perQuery(outcome.subjectMs)} vs ${perQuery(outcome.baselineMs)} a query`,
      });
    }
    const pagewise: Side = { name: 'pagewise', schema: pagewiseSchema() };
    const mikro: Side = { name: 'findByCursor', schema: findByCursorSchema() };
    for (const followed of [false, true]) {
      const documents = await Promise.all(
        [pagewise, mikro].map(async (side) => documentOf(followed ? await cursorAt(side, em, 50) : null)),
      );
      const outcome = await ratioOf(
        unitOf(() => query(pagewise.schema, em, documents[0]!)),
        unitOf(() => query(mikro.schema, em, documents[1]!)),
        { rounds: 40, warmup: 3 },
      );
      results.push({
        bench: 'graphql-overhead',
        measure: `${followed ? 'followed page (after page 50)' : 'first page'}, first: ${FIRST}, unsigned: pagewise / em.findByCursor field (its own SQL)`,
        ratio: outcome.ratio,
        target: null,
        detail: `${perQuery(outcome.subjectMs)} vs ${perQuery(outcome.baselineMs)} a query`,
      });
    }
    return results;
  } finally {
    await logged.close(true);
    await orm.close(true);
    rmSync(dir, { recursive: true, force: true });
  }
}

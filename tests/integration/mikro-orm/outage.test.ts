// Outages between MikroORM and the database, through a TCP relay: a database cut off before the
// first connection (black hole), connections frozen mid-use, the database gone entirely (frozen and
// black-holed), a reset mid-query. Every request ends SOURCE_UNAVAILABLE within the configured
// bounds (503 in REST, SERVICE_UNAVAILABLE in GraphQL, no driver text), and once the relay is
// restored the next request succeeds, on the same ORM, without a restart.
import { performance } from 'node:perf_hooks';
import { EntitySchema, MikroORM, type Options } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { graphql, GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { cursorPagination, pageNumberPagination, paginateCursor, paginatePageNumber, PaginationError } from 'pagewise';
import { connectionField } from 'pagewise/graphql';
import { connectTimeouts, mikroOrmBatchSource, mikroOrmSource } from 'pagewise/mikro-orm';
import { restResponse } from 'pagewise/rest';
import { describeDatabase, openTestDatabase, type TestDatabase } from '../../support/databases';
import { startTcpRelay, type TcpRelay } from '../../support/tcp-relay';

interface Item {
  id: number;
  title: string;
  /** A parent key for the batch source: items 1, 4, 7, 10 are group 1, and so on. */
  grp: number;
}

const ItemEntity = new EntitySchema<Item>({
  name: 'OutageItem',
  tableName: 'outage_item',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    title: { type: 'string', length: 32 },
    grp: { type: 'integer' },
  },
});

const items: Item[] = Array.from({ length: 12 }, (_, index) => ({ id: index + 1, title: `Item ${index + 1}`, grp: (index % 3) + 1 }));

/** Connect and acquire timeouts of the ORM behind the relay (ms). */
const CONNECT = 500;
/** The sources' queryTimeout (ms). */
const QUERY = 800;
/** The test's guard that a request ended at all: the longer bound plus a generous 5 s, not a latency claim. */
const ENDS_WITHIN = Math.max(CONNECT, QUERY) + 5000;

const drivers = { postgresql: PostgreSqlDriver, mariadb: MariaDbDriver } as const;

/** What one request came to: its rows (or the error's code and message) and how long it took. */
interface Outcome {
  readonly ids?: number[];
  readonly code?: string;
  readonly message?: string;
  readonly ms: number;
}

async function outcome(request: () => Promise<readonly Item[]>): Promise<Outcome> {
  const start = performance.now();
  try {
    const rows = await request();
    return { ids: rows.map(({ id }) => id), ms: performance.now() - start };
  } catch (error) {
    if (!(error instanceof PaginationError)) throw error;
    return { code: error.code, message: error.message, ms: performance.now() - start };
  }
}

const pagination = pageNumberPagination({ pageSize: 5 });

/** Lets the pool take back the connections of the request that just returned (knex releases them a tick later). */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

/** The items of a page (a page always comes back here: pagination is on). */
function itemsOf(page: { readonly items: readonly Item[] } | null): readonly Item[] {
  if (page === null) throw new Error('pagination is off');
  return page.items;
}

describe.each(['postgresql', 'mariadb'] as const)('outages on %s', (dialect) => {
  describeDatabase(dialect, `outages on ${dialect}`, () => {
    let db: TestDatabase | undefined;
    const open: Array<{ relay: TcpRelay; orm: MikroORM }> = [];

    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [ItemEntity], captureSql: false });
      const em = db.orm.em.fork();
      for (const item of items) em.create(ItemEntity, { ...item });
      await em.flush();
    });
    afterEach(async () => {
      for (const { relay, orm } of open.splice(0)) {
        relay.restore();
        await orm.close(true);
        await relay.close();
      }
    });
    afterAll(() => db?.close());

    /** An ORM of its own (pool of at most `max`) connecting through a new relay. */
    async function throughRelay(max = 2): Promise<{ relay: TcpRelay; orm: MikroORM }> {
      const config = db!.orm.config;
      const relay = await startTcpRelay(config.get('host') ?? '127.0.0.1', config.get('port') ?? 0);
      const timeouts = connectTimeouts(CONNECT);
      const orm = await MikroORM.init({
        driver: drivers[dialect],
        entities: [ItemEntity],
        host: '127.0.0.1',
        port: relay.port,
        user: config.get('user'),
        dbName: dialect === 'mariadb' ? db!.namespace! : config.get('dbName'),
        ...(dialect === 'postgresql' && { schema: db!.namespace! }),
        connect: false,
        debug: false,
        allowGlobalContext: false,
        ...timeouts,
        pool: { ...timeouts.pool, min: 0, max },
        // knex warns of each connection it drops; these tests drop them on purpose.
        driverOptions: { ...timeouts.driverOptions, log: { warn: () => undefined } },
      } as Options);
      const opened = { relay, orm };
      open.push(opened);
      return opened;
    }

    /** Resolves once the pool of `orm` has no connection attempt under way (tarn's numPendingCreates); throws after `within` ms. */
    async function poolSettled(orm: MikroORM, within = 4 * CONNECT): Promise<void> {
      const pool = (orm.em as SqlEntityManager).getKnex().client.pool as { numPendingCreates(): number };
      const until = performance.now() + within;
      while (pool.numPendingCreates() > 0) {
        if (performance.now() > until)
          throw new Error(`the pool still has ${pool.numPendingCreates()} connection attempts after ${within} ms`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }

    /** Page 2 with its count: two statements at once, the page and the COUNT. */
    const page =
      (orm: MikroORM, queryTimeout = QUERY) =>
      async (): Promise<readonly Item[]> => {
        const source = mikroOrmSource(orm.em.fork(), ItemEntity, { queryTimeout });
        return itemsOf(await paginatePageNumber(source, pagination, { page: '2' }, { withCount: true }));
      };
    const cursorPage = (orm: MikroORM) => async (): Promise<readonly Item[]> => {
      const source = mikroOrmSource(orm.em.fork(), ItemEntity, { queryTimeout: QUERY });
      return itemsOf(await paginateCursor(source, cursorPagination({ pageSize: 5, ordering: 'id' }), {}));
    };
    const succeeded = (ids: number[]) => ({ ids, ms: expect.any(Number) });
    const unavailable = {
      code: 'SOURCE_UNAVAILABLE',
      message: expect.stringMatching(/^The database is unavailable \(.+\) while running the \w+ query\.$/),
      ms: expect.any(Number),
    };

    it('a database cut off before the first connection: each request (four at once, twice) is SOURCE_UNAVAILABLE from the connect or acquire timeout; once the attempts begun while cut off have ended, the next succeeds', async () => {
      const { relay, orm } = await throughRelay();
      relay.blackHole();
      // A query timeout above the connect timeout, so what ends these is the driver's or pool's own
      // error (pg's "timeout expired", knex's "Timeout acquiring a connection", MariaDB's), which
      // must be recognised as a connection failure, never a 500.
      for (let round = 0; round < 2; round += 1) {
        const outcomes = await Promise.all([0, 1, 2, 3].map(() => outcome(page(orm, 4 * CONNECT))));
        for (const result of outcomes) {
          expect(result).toEqual(unavailable);
          expect(result.message).not.toContain('no answer within');
          expect(result.ms).toBeLessThan(ENDS_WITHIN);
        }
      }
      relay.restore();
      // The pool's connection attempts begun while cut off end now (restore closes them); a request
      // sent before they have would wait on one of them and share its failure.
      await poolSettled(orm);
      expect(await outcome(page(orm))).toEqual(succeeded([6, 7, 8, 9, 10]));
    }, 30_000);

    it('a frozen connection ends its statement within queryTimeout and is destroyed, not reused: the next request runs on a new connection while the old one stays frozen', async () => {
      const { relay, orm } = await throughRelay(1);
      expect(await outcome(page(orm))).toEqual(succeeded([6, 7, 8, 9, 10]));
      const before = relay.forwarded();
      await settle();
      relay.freeze();
      const frozen = await outcome(cursorPage(orm));
      expect(frozen).toEqual({
        ...unavailable,
        message: `The database is unavailable (no answer within ${QUERY} ms) while running the page query.`,
      });
      expect(frozen.ms).toBeLessThan(ENDS_WITHIN);
      // The pool holds one connection; the frozen one is still frozen, so a success proves a new one.
      expect(await outcome(cursorPage(orm))).toEqual(succeeded([1, 2, 3, 4, 5]));
      expect(relay.forwarded()).toBeGreaterThan(before);
    }, 30_000);

    it('a database that stops answering entirely (frozen and black-holed): every request is SOURCE_UNAVAILABLE within the bounds, and after restore the next succeeds', async () => {
      const { relay, orm } = await throughRelay();
      expect(await outcome(page(orm))).toEqual(succeeded([6, 7, 8, 9, 10]));
      relay.freeze();
      relay.blackHole();
      for (let request = 0; request < 4; request += 1) {
        const result = await outcome(request % 2 === 0 ? page(orm) : cursorPage(orm));
        expect(result).toEqual(unavailable);
        expect(result.ms).toBeLessThan(ENDS_WITHIN);
      }
      relay.restore();
      expect(await outcome(page(orm))).toEqual(succeeded([6, 7, 8, 9, 10]));
      expect(await outcome(cursorPage(orm))).toEqual(succeeded([1, 2, 3, 4, 5]));
    }, 40_000);

    it('a connection reset mid-query is SOURCE_UNAVAILABLE at once (not the query timeout), and the next request succeeds', async () => {
      const { relay, orm } = await throughRelay(1);
      expect(await outcome(page(orm))).toEqual(succeeded([6, 7, 8, 9, 10]));
      await settle();
      relay.freeze();
      const pending = outcome(cursorPage(orm));
      await new Promise((resolve) => setTimeout(resolve, QUERY / 4));
      relay.reset();
      const result = await pending;
      expect(result).toEqual(unavailable);
      expect(result.message).not.toContain('no answer within');
      relay.restore();
      expect(await outcome(cursorPage(orm))).toEqual(succeeded([1, 2, 3, 4, 5]));
    }, 30_000);

    it('the batch source bounds its statements too: a frozen database fails a batch of windows and its counts with SOURCE_UNAVAILABLE, and the next batch succeeds', async () => {
      const { relay, orm } = await throughRelay();
      const batch = () =>
        mikroOrmBatchSource(orm.em.fork() as SqlEntityManager, ItemEntity, { key: 'grp', ordering: 'id', queryTimeout: QUERY });
      const windows = async (): Promise<readonly Item[]> => {
        const source = batch();
        const [pages, counts] = await Promise.all([source.sliceMany([1, 2], 0, 2), source.countMany([1, 2])]);
        expect(counts).toEqual([4, 4]);
        return pages.flat();
      };
      expect(await outcome(windows)).toEqual(succeeded([1, 4, 2, 5]));
      await settle();
      relay.freeze();
      relay.blackHole();
      const result = await outcome(windows);
      expect(result).toEqual(unavailable);
      expect(result.ms).toBeLessThan(ENDS_WITHIN);
      relay.restore();
      expect(await outcome(windows)).toEqual(succeeded([1, 4, 2, 5]));
    }, 30_000);

    it("REST answers 503 with DRF's generic detail while the database is frozen, and 200 after restore", async () => {
      const { relay, orm } = await throughRelay();
      const heard: unknown[] = [];
      const respond = () =>
        restResponse<Item>(
          { url: '/items/?page=2', headers: { host: 'api.test' } },
          {
            pagination,
            source: () => mikroOrmSource(orm.em.fork(), ItemEntity, { queryTimeout: QUERY }),
            serialize: ({ id }) => ({ id }),
            onError: (error) => heard.push(error),
          },
        );
      expect((await respond()).status).toBe(200);
      relay.freeze();
      relay.blackHole();
      const start = performance.now();
      const response = await respond();
      expect(performance.now() - start).toBeLessThan(ENDS_WITHIN);
      expect({ status: response.status, body: JSON.parse(response.body) as unknown }).toEqual({
        status: 503,
        body: { detail: 'Service temporarily unavailable, try again later.' },
      });
      expect(heard).toEqual([expect.objectContaining({ code: 'SOURCE_UNAVAILABLE' })]);
      relay.restore();
      const after = await respond();
      expect({ status: after.status, body: JSON.parse(after.body) as unknown }).toEqual({
        status: 200,
        body: {
          count: 12,
          next: 'http://api.test/items/?page=3',
          previous: 'http://api.test/items/',
          results: [6, 7, 8, 9, 10].map((id) => ({ id })),
        },
      });
    }, 30_000);

    it('GraphQL answers SERVICE_UNAVAILABLE (paginationCode SOURCE_UNAVAILABLE) with no driver text while the database is frozen, and the page after restore', async () => {
      const { relay, orm } = await throughRelay();
      const Node = new GraphQLObjectType<Item>({
        name: 'Item',
        fields: { id: { type: new GraphQLNonNull(GraphQLInt) }, title: { type: new GraphQLNonNull(GraphQLString) } },
      });
      const schema = new GraphQLSchema({
        query: new GraphQLObjectType({
          name: 'Query',
          fields: {
            items: connectionField({
              node: Node,
              pagination: cursorPagination({ pageSize: 3, ordering: 'id' }),
              source: () => mikroOrmSource(orm.em.fork(), ItemEntity, { queryTimeout: QUERY }),
            }),
          },
        }),
      });
      const query = '{ items(first: 3) { nodes { id } totalCount } }';
      expect((await graphql({ schema, source: query })).errors).toBeUndefined();
      relay.freeze();
      relay.blackHole();
      const start = performance.now();
      const result = await graphql({ schema, source: query });
      expect(performance.now() - start).toBeLessThan(ENDS_WITHIN);
      expect(result.data).toEqual({ items: null });
      expect(result.errors?.map((error) => [error.message, error.extensions])).toEqual([
        ['Service temporarily unavailable, try again later.', { code: 'SERVICE_UNAVAILABLE', paginationCode: 'SOURCE_UNAVAILABLE' }],
      ]);
      expect(JSON.stringify(result)).not.toMatch(/timeout|127\.0\.0\.1|ECONN|terminated|database/i);
      relay.restore();
      expect(await graphql({ schema, source: query })).toEqual({
        data: { items: { nodes: [{ id: 1 }, { id: 2 }, { id: 3 }], totalCount: 12 } },
      });
    }, 30_000);
  });
});

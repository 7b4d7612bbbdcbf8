// One GraphQL schema and one set of REST endpoints, served from MikroORM, Kysely and Drizzle over the
// same rows (the contract's, each source's own table) on SQLite, PostgreSQL and MariaDB: every body,
// cursors and links included, is byte-identical across the three sources, walks and errors alike.
import { GraphQLBoolean, GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, graphql } from 'graphql';
import { cursorPagination, limitOffsetPagination, pageNumberPagination, type PageSource } from 'pagewise';
import { drizzleSource } from 'pagewise/drizzle';
import { connectionField, offsetListField } from 'pagewise/graphql';
import { kyselySource } from 'pagewise/kysely';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { restResponse, type RestOptions } from 'pagewise/rest';
import { CONTRACT_ROWS, type ContractRow } from 'pagewise/testing';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../support/databases';
import { openKyselyDatabase, type KyselyTestDatabase } from '../support/kysely-databases';
import { ContractEntity } from '../sources/mikro-orm/contract-entity';
import { contractKyselyFields, loadContractTable, type ContractDatabase } from '../sources/kysely/contract-table';
import { openDrizzle, type DrizzleTestDatabase } from '../sources/drizzle/drizzle-databases';

/** The data set every request reads: ties, NULL scores, mixed orderings. */
const DATASET = 'mixed';

/** A row as every source's client renders it: the drivers' own types made one (dates, bigints, 0/1). */
const render = (row: ContractRow) => ({
  id: Number(row.id),
  title: row.title,
  score: row.score === null ? null : Number(row.score),
  created: new Date(row.created as Date | string | number).toISOString(),
  rank: String(row.rank),
  flag: Boolean(row.flag),
});

const paginations = {
  cursor: cursorPagination({ pageSize: 4, maxPageSize: 20, ordering: ['-created'] }),
  drf: cursorPagination({ pageSize: 4, maxPageSize: 20, ordering: ['score', 'title'], mode: 'drf' }),
  pages: pageNumberPagination({ pageSize: 4, maxPageSize: 20, pageSizeQueryParam: 'page_size' }),
  offsets: limitOffsetPagination({ defaultLimit: 4, maxLimit: 20 }),
};

type Make = () => PageSource<ContractRow>;

/** The one schema: a connection and an offset list per style, each over the request's source. */
function schemaOf(make: Make): GraphQLSchema {
  const Row = new GraphQLObjectType<ContractRow>({
    name: 'Row',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLInt), resolve: (row) => render(row).id },
      title: { type: new GraphQLNonNull(GraphQLString) },
      score: { type: GraphQLInt, resolve: (row) => render(row).score },
      created: { type: new GraphQLNonNull(GraphQLString), resolve: (row) => render(row).created },
      rank: { type: new GraphQLNonNull(GraphQLString), resolve: (row) => render(row).rank },
      flag: { type: new GraphQLNonNull(GraphQLBoolean), resolve: (row) => render(row).flag },
    },
  });
  const fields = Object.fromEntries(
    Object.entries(paginations).flatMap(([name, pagination]) => [
      [`${name}Connection`, connectionField({ node: Row, pagination, source: make })],
      [`${name}Page`, offsetListField({ node: Row, pagination, source: make })],
    ]),
  );
  return new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields }) });
}

/** The REST endpoint of a style over the request's source. */
const endpointOf = (make: Make, pagination: RestOptions<ContractRow>['pagination']): RestOptions<ContractRow> => ({
  pagination,
  source: make,
  serialize: render,
});

const NODE = 'id title score created rank flag';
const CONNECTION = `edges { cursor node { ${NODE} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor totalCount }`;

interface Side {
  readonly name: string;
  readonly make: Make;
}

/** What one side answers to a GraphQL query, as the JSON text a server sends. */
async function graphqlBody(side: Side, query: string): Promise<string> {
  return JSON.stringify(await graphql({ schema: schemaOf(side.make), source: query }));
}

/** What one side answers to a REST request, status and JSON body (under an endpoint's `count`, when given). */
async function restBody(
  side: Side,
  style: keyof typeof paginations,
  target: string,
  count?: RestOptions<ContractRow>['count'],
): Promise<string> {
  const endpoint = endpointOf(side.make, paginations[style]);
  const response = await restResponse(
    { url: target, headers: { host: 'api.test' } },
    count === undefined ? endpoint : { ...endpoint, count },
  );
  return `${response.status} ${response.body}`;
}

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('MikroORM, Kysely and Drizzle on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `one schema, three sources on ${dialect}`, () => {
    let mikro: TestDatabase;
    let kysely: KyselyTestDatabase<ContractDatabase>;
    let drizzle: DrizzleTestDatabase;
    let sides: Side[];

    beforeAll(async () => {
      [mikro, kysely, drizzle] = await Promise.all([
        openTestDatabase(dialect, { entities: [ContractEntity], captureSql: false }),
        openKyselyDatabase<ContractDatabase>(dialect),
        openDrizzle(dialect),
      ]);
      const em = mikro.orm.em.fork();
      for (const row of CONTRACT_ROWS) em.create(ContractEntity, { ...row });
      await Promise.all([em.flush(), loadContractTable(kysely), drizzle.fill(CONTRACT_ROWS)]);
      // SQLite keeps Drizzle's bigint rank in a custom column, whose type is declared.
      const fieldTypes: Record<string, 'bigint'> = dialect === 'sqlite' ? { rank: 'bigint' } : {};
      sides = [
        { name: 'mikro-orm', make: () => mikroOrmSource(mikro.orm.em.fork(), ContractEntity, { where: { dataset: DATASET } }) },
        {
          name: 'kysely',
          make: () =>
            kyselySource(kysely.db.selectFrom('contract_row').selectAll().where('dataset', '=', DATASET), {
              db: kysely.db,
              fields: contractKyselyFields(dialect),
            }) as PageSource<ContractRow>,
        },
        { name: 'drizzle', make: () => drizzleSource(drizzle.db, drizzle.dataset(DATASET), { fieldTypes }) as PageSource<ContractRow> },
      ];
    });
    afterAll(async () => {
      await Promise.all([mikro?.close(), kysely?.close(), drizzle?.close()]);
    });

    /** Every side's answer; they must all be the first one's, byte for byte. */
    async function same(answer: (side: Side) => Promise<string>): Promise<string> {
      const [first, ...others] = await Promise.all(sides.map(answer));
      for (const [index, other] of others.entries())
        expect({ side: sides[index + 1]!.name, body: other }).toEqual({ side: sides[index + 1]!.name, body: first });
      return first!;
    }

    it.each(['cursor', 'drf'] as const)('GraphQL %s connections walk forward and back alike', async (style) => {
      let after: string | null = null;
      let pages = 0;
      let body: string;
      do {
        const args: string = after ? `first: 3, after: ${JSON.stringify(after)}` : 'first: 3';
        body = await same((side) => graphqlBody(side, `{ ${style}Connection(${args}) { ${CONNECTION} } }`));
        const info = (JSON.parse(body) as { data: Record<string, { pageInfo: { hasNextPage: boolean; endCursor: string | null } }> }).data[
          `${style}Connection`
        ]!.pageInfo;
        after = info.hasNextPage ? info.endCursor : null;
        pages += 1;
      } while (after !== null && pages < 50);
      expect(pages).toBeGreaterThan(3);
      const last = (JSON.parse(body) as { data: Record<string, { pageInfo: { startCursor: string } }> }).data[`${style}Connection`]!
        .pageInfo;
      await same((side) =>
        graphqlBody(side, `{ ${style}Connection(last: 3, before: ${JSON.stringify(last.startCursor)}) { ${CONNECTION} } }`),
      );
    });

    it.each([
      ['pagesPage(page: 2) { results { id title } count next previous }', null],
      ['pagesPage(page: "last", pageSize: 5) { results { id created } count next previous pageInfo { totalPages } }', null],
      ['offsetsPage(offset: 7, limit: 5) { results { id rank flag } count next previous }', null],
      ['pagesConnection(page: 3) { ' + CONNECTION + ' }', null],
      ['offsetsConnection(offset: 2, limit: 6) { ' + CONNECTION + ' }', null],
      ['cursorPage(after: "bogus") { results { id } }', 'INVALID_CURSOR'],
      ['pagesPage(page: 99) { results { id } }', 'INVALID_PAGE'],
    ])('GraphQL { %s } is the same (error: %s)', async (selection, code) => {
      const body = JSON.parse(await same((side) => graphqlBody(side, `{ ${selection} }`))) as {
        data?: Record<string, { results?: unknown[] } | null>;
        errors?: Array<{ extensions?: { code?: string; paginationCode?: string } }>;
      };
      if (code === null) {
        expect(body.errors).toBeUndefined();
        expect(JSON.stringify(body.data)).toMatch(/"id":\d+/);
      } else {
        expect(JSON.stringify(body.errors?.[0]?.extensions)).toContain(code);
      }
    });

    it.each(['cursor', 'drf'] as const)('REST %s: the next links walk to the end and the previous links back, alike', async (style) => {
      let target: string | null = 'http://api.test/rows/';
      const seen: string[] = [];
      while (target !== null && seen.length < 50) {
        const answer = await same((side) => restBody(side, style, target!));
        expect(answer).toMatch(/^200 \{.*"results":\[\{"id":/);
        const { next } = JSON.parse(answer.slice(4)) as { next: string | null };
        seen.push(target);
        target = next;
      }
      expect(seen.length).toBeGreaterThan(3);
      let back: string | null = (
        JSON.parse((await restBody(sides[0]!, style, seen[seen.length - 1]!)).slice(4)) as { previous: string | null }
      ).previous;
      while (back !== null) {
        const answer = await same((side) => restBody(side, style, back!));
        back = (JSON.parse(answer.slice(4)) as { previous: string | null }).previous;
      }
    });

    it.each([
      ['pages', 'http://api.test/rows/?page=2', 200],
      ['pages', 'http://api.test/rows/?page=last&page_size=7', 200],
      ['pages', 'http://api.test/rows/?page=0', 404],
      ['offsets', 'http://api.test/rows/?limit=5&offset=9', 200],
      ['offsets', 'http://api.test/rows/?offset=200', 200],
      ['cursor', 'http://api.test/rows/?cursor=bogus', 404],
    ] as const)('REST %s %s is the same (%d)', async (style, target, status) => {
      expect(await same((side) => restBody(side, style, target))).toMatch(new RegExp(`^${status} \\{`));
    });

    it.each([
      ['pages', 'http://api.test/rows/?page=2', 'folded', /^200 \{"count":\d+,"next"/],
      ['offsets', 'http://api.test/rows/?offset=200', 'folded', /^200 \{"count":\d+,"next":null/],
      ['pages', 'http://api.test/rows/?page=2', { capped: 5 }, /^200 \{"count":5,"count_capped":true,"next"/],
      ['offsets', 'http://api.test/rows/?limit=5&offset=3', { capped: 1000 }, /^200 \{"count":\d+,"next"/],
    ] as const)('REST %s %s counted %j is the same', async (style, target, count, body) => {
      expect(await same((side) => restBody(side, style, target, count))).toMatch(body);
    });
  });
});

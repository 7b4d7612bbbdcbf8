// Nested connections over MikroORM without N+1, from the SQL MikroORM logged: 100 parents with
// `children(first: 10)` are 2 statements (parents, children) and 3 with the children's counts
// selected, in every style and shape, on SQLite, PostgreSQL and MariaDB; the answers equal those of
// the unbatched fields, which take 101 statements.
import type { SqlEntityManager } from '@mikro-orm/knex';
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, graphql, type GraphQLFieldConfig } from 'graphql';
import { cursorPagination, limitOffsetPagination, pageNumberPagination } from 'pagewise';
import {
  batchedConnectionField,
  batchedOffsetListField,
  connectionField,
  offsetListField,
  type GraphQLPagination,
  type PaginatedFieldConfig,
} from 'pagewise/graphql';
import { mikroOrmBatchSource, mikroOrmSource, type BatchStrategy, type ParentKey } from 'pagewise/mikro-orm';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';
import {
  BatchChildEntity,
  BatchParentEntity,
  BatchTagEntity,
  type BatchChild,
  type BatchParent,
} from '../../sources/mikro-orm/batch-entities';

interface Context {
  readonly em: SqlEntityManager;
}

const PAGINATIONS: Record<string, GraphQLPagination> = {
  cursor: cursorPagination({ pageSize: 10, maxPageSize: 50, ordering: ['-created'] }),
  pageNumber: pageNumberPagination({ pageSize: 10, maxPageSize: 50 }),
  limitOffset: limitOffsetPagination({ defaultLimit: 10, maxLimit: 50 }),
};

/** `parents(first: 100)` with `children` in every style and shape (`cursorChildren`, `pageNumberList`, ...). */
function schemaOf(batched: boolean, strategy?: BatchStrategy): GraphQLSchema {
  const Child = new GraphQLObjectType<BatchChild, Context>({
    name: 'Child',
    fields: { id: { type: new GraphQLNonNull(GraphQLInt) }, title: { type: new GraphQLNonNull(GraphQLString) } },
  });
  const fields: Record<string, GraphQLFieldConfig<BatchParent, Context>> = { id: { type: new GraphQLNonNull(GraphQLInt) } };
  for (const [style, pagination] of Object.entries(PAGINATIONS)) {
    for (const shape of ['Children', 'List'] as const) {
      const common = { node: Child, pagination };
      const connection = shape === 'Children';
      if (batched) {
        const config = {
          ...common,
          key: (parent: BatchParent): ParentKey => parent.id,
          batchSource: (context: Context) =>
            mikroOrmBatchSource(context.em, BatchChildEntity, { key: 'parent', ...(strategy ? { strategy } : {}) }),
        };
        fields[`${style}${shape}`] = connection ? batchedConnectionField(config) : batchedOffsetListField(config);
      } else {
        const config: PaginatedFieldConfig<BatchParent, Context, BatchChild> = {
          ...common,
          source: (parent, _args, context) => mikroOrmSource(context.em, BatchChildEntity, { where: { parent: parent.id } }),
          // The batched field's default scope (field and parent key), so both issue the same cursors.
          cursorScope: (parent, _args, _context, info) => `${info.parentType.name}.${info.fieldName}#${parent.id}`,
        };
        fields[`${style}${shape}`] = connection ? connectionField(config) : offsetListField(config);
      }
    }
  }
  const Parent = new GraphQLObjectType<BatchParent, Context>({ name: 'Parent', fields });
  return new GraphQLSchema({
    query: new GraphQLObjectType<unknown, Context>({
      name: 'Query',
      fields: {
        parents: connectionField<unknown, Context, BatchParent>({
          node: Parent,
          pagination: cursorPagination({ pageSize: 100, maxPageSize: 100, ordering: 'id' }),
          source: (_root, _args, context) => mikroOrmSource(context.em, BatchParentEntity),
        }),
      },
    }),
  });
}

const FIELDS: ReadonlyArray<readonly [string, string, string]> = [
  [
    'cursor connection',
    'cursorChildren(first: 10) { edges { cursor node { id title } } pageInfo { hasNextPage endCursor } }',
    'totalCount',
  ],
  ['cursor list', 'cursorList(first: 10) { results { id } next previous }', 'count'],
  [
    'page-number connection',
    'pageNumberChildren(page: 2, pageSize: 10) { edges { cursor node { id } } pageInfo { hasNextPage } }',
    'totalCount',
  ],
  ['page-number list', 'pageNumberList(pageSize: 10) { results { id } next }', 'count'],
  [
    'limit-offset connection',
    'limitOffsetChildren(limit: 10, offset: 5) { nodes { id } pageInfo { hasNextPage } }',
    'pageInfo { totalPages }',
  ],
  ['limit-offset list', 'limitOffsetList(limit: 10) { results { id } next }', 'count'],
];

/** `parents(first: 100) { edges { node { id <field> } } }`, the count field added inside `field`'s braces when asked. */
const queryOf = (field: string, count: string | null) =>
  `{ parents(first: 100) { edges { node { id ${count ? field.replace(/\{/, `{ ${count} `) : field} } } } }`;

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('nested connections on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `nested connections on ${dialect}`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [BatchParentEntity, BatchChildEntity, BatchTagEntity] });
      const em = db.orm.em.fork();
      let id = 1;
      for (let parent = 1; parent <= 100; parent += 1) {
        em.create(BatchParentEntity, { id: parent, name: `parent ${parent}` });
        // 0 to 29 children: some parents have none, some fewer than a page, most more.
        for (let n = 0; n < (parent * 7) % 30; n += 1, id += 1) {
          em.create(BatchChildEntity, {
            id,
            parent,
            title: 'abc'[n % 3]!,
            score: n % 4 === 0 ? null : n,
            created: new Date(Date.UTC(2024, 0, 1 + (n % 9))),
          });
        }
      }
      await em.flush();
    });
    afterAll(async () => db?.close());

    const execute = async (schema: GraphQLSchema, source: string) => {
      db.queries.length = 0;
      const result = await graphql({ schema, source, contextValue: { em: db.orm.em.fork() as SqlEntityManager } });
      // Errors in path order: the unbatched field's per-parent queries finish in any order.
      const errors =
        result.errors &&
        [...result.errors].sort((a, b) => (a.path ?? []).join('.').localeCompare((b.path ?? []).join('.'), 'en', { numeric: true }));
      const normalized = JSON.parse(JSON.stringify({ ...result, ...(errors ? { errors } : {}) })) as { data?: unknown; errors?: unknown };
      return { result: normalized, statements: db.queries.length };
    };
    const strategies: BatchStrategy[] = dialect === 'mariadb' ? ['union', 'window'] : ['lateral', 'union', 'window'];

    describe.each(strategies)('batched with %s', (strategy) => {
      it.each(FIELDS)('%s: 2 statements, 3 with the count selected, answers as unbatched', async (_name, field, count) => {
        for (const selected of [null, count]) {
          const query = queryOf(field, selected);
          const batched = await execute(schemaOf(true, strategy), query);
          const plain = await execute(schemaOf(false), query);
          // Page 2 is past the end for parents with 10 children or fewer: INVALID_PAGE there, as unbatched.
          expect(batched.result.data).toBeTruthy();
          expect(batched.result).toEqual(plain.result);
          expect({ count: selected, statements: batched.statements }).toEqual({ count: selected, statements: selected ? 3 : 2 });
          expect(plain.statements).toBe(selected ? 201 : 101);
        }
      });
    });

    const DEFAULTS = {
      sqlite: ['per-parent index seeks joined to json_each', /from json_each\(.*\) as .*pw_k.* join .* in \(select /i],
      postgresql: ['LATERAL index seeks', /cross join lateral/i],
      mariadb: ['a union of per-parent index seeks', /\) as .*pw_b0.* union all select \* from \(/i],
    } as const;
    it(`by default the children are ${DEFAULTS[dialect][0]}, the count one GROUP BY`, async () => {
      await execute(schemaOf(true), queryOf(FIELDS[0]![1], 'totalCount'));
      const sql = db.queries.join('\n');
      expect(sql).toMatch(DEFAULTS[dialect][1]);
      expect(sql).toMatch(/count\(\*\).* group by .*parent_id/i);
    });
  });
});

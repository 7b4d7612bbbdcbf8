// The `count` option of connection fields and offset lists: `totalCount` as the strategy computes it,
// and PageInfo's `totalCountCapped`/`totalCountEstimated` telling a lower bound or an estimate.
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, graphql } from 'graphql';
import { cursorPagination, limitOffsetPagination, pageNumberPagination, PaginationConfigError } from 'pagewise';
import { connectionField, offsetListField } from 'pagewise/graphql';
import type { CountStrategy } from '../../src/core/internal';
import { ESTIMATE, sqlLikeSource } from '../support/sql-like-source';

const rows = Array.from({ length: 30 }, (_, index) => ({ id: index + 1 }));
const Item = new GraphQLObjectType({ name: 'CountedItem', fields: { id: { type: new GraphQLNonNull(GraphQLInt) } } });

function schemaWith(count: CountStrategy | undefined, calls: string[][]) {
  const source = () => {
    const made = sqlLikeSource(rows);
    calls.push(made.calls);
    return made;
  };
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        pages: connectionField({ node: Item, pagination: pageNumberPagination({ pageSize: 5 }), source, count }),
        list: offsetListField({ node: Item, pagination: limitOffsetPagination({ defaultLimit: 5 }), source, count }),
      },
    }),
  });
}

const FLAGS = 'pageInfo { totalCountCapped totalCountEstimated }';

describe('GraphQL count strategies', () => {
  it.each<readonly [string, CountStrategy | undefined, number, boolean, boolean, readonly string[]]>([
    ['exact', undefined, 30, false, false, ['count', 'slice']],
    ['folded: one statement', 'folded', 30, false, false, ['sliceCounted']],
    ['capped', { capped: 10 }, 10, true, false, ['capped(10)', 'slice']],
    ['capped above the total', { capped: 50 }, 30, false, false, ['capped(50)', 'slice']],
    ['estimated', 'estimated', ESTIMATE, false, true, ['estimate', 'slice']],
  ])('%s', async (_, count, total, capped, estimated, ran) => {
    const calls: string[][] = [];
    const schema = schemaWith(count, calls);
    const result = await graphql({
      schema,
      source: `{ pages(page: 2) { totalCount ${FLAGS} } list(offset: 5) { count ${FLAGS} } }`,
    });
    const flags = { pageInfo: { totalCountCapped: capped, totalCountEstimated: estimated } };
    expect(result).toEqual({ data: { pages: { totalCount: total, ...flags }, list: { count: total, ...flags } } });
    expect(calls.map((call) => [...call].sort())).toEqual([[...ran].sort(), [...ran].sort()]);
  });

  it('counts for the flags alone, and not at all when neither is selected', async () => {
    const calls: string[][] = [];
    const schema = schemaWith({ capped: 3 }, calls);
    expect(await graphql({ schema, source: `{ pages { ${FLAGS} } list { results { id } } }` })).toEqual({
      data: { pages: { pageInfo: { totalCountCapped: true, totalCountEstimated: false } }, list: { results: rows.slice(0, 5) } },
    });
    expect(calls).toEqual([['capped(3)', 'slice'], ['slice']]);
  });

  it('refuses a bad count when the field is defined', () => {
    const source = () => sqlLikeSource(rows);
    expect(() => connectionField({ node: Item, pagination: cursorPagination(), source, count: 'folded' })).toThrow(PaginationConfigError);
    expect(() => offsetListField({ node: Item, pagination: limitOffsetPagination(), source, count: { capped: 0 } })).toThrow(
      /count \{ capped: N \}/,
    );
  });
});

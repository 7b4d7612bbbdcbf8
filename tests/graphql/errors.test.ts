// Every kind of bad argument comes back as a coded GraphQL error, and the schema keeps answering.
import { GraphQLError } from 'graphql';
import { encodeOffsetCursor, PaginationError } from 'pagewise/internal';
import { arraySource } from 'pagewise/array';
import { formatPaginationError, paginateArgs, toGraphQLError } from 'pagewise/graphql';
import { articles, articleSchema, paginations, run } from './articles-schema';

const schema = articleSchema();
const strict = articleSchema({ field: { onOversize: 'error' } });
const forward = articleSchema({ field: { directions: 'forward' } });
const cursorOf = async (query: string): Promise<string> => {
  const result = await run(schema, query);
  return JSON.stringify(result.data).match(/"endCursor":"([^"]+)"/)![1]!;
};

describe('bad arguments', () => {
  it.each([
    [
      'negative first',
      schema,
      '{ cursorConnection(first: -1) { nodes { id } } }',
      'INVALID_ARGUMENT',
      'first',
      'Argument "first" must be a non-negative integer',
    ],
    [
      'negative last',
      schema,
      '{ cursorConnection(last: -2) { nodes { id } } }',
      'INVALID_ARGUMENT',
      'last',
      'Argument "last" must be a non-negative integer',
    ],
    [
      'oversized first (error mode)',
      strict,
      '{ cursorConnection(first: 11) { nodes { id } } }',
      'INVALID_ARGUMENT',
      'first',
      'Argument "first" must not exceed 10',
    ],
    ['malformed after', schema, '{ cursorConnection(after: "garbage") { nodes { id } } }', 'INVALID_CURSOR', 'after', 'Invalid cursor'],
    ['malformed before', schema, '{ cursorPage(before: "x") { results { id } } }', 'INVALID_CURSOR', 'before', 'Invalid cursor'],
    ['page 0', schema, '{ pageNumberConnection(page: 0) { nodes { id } } }', 'INVALID_PAGE', 'page', 'Invalid page.'],
    ['page past the end', schema, '{ pageNumberPage(page: 9) { results { id } } }', 'INVALID_PAGE', 'page', 'Invalid page.'],
    [
      'a page string that is not a last-page string',
      schema,
      '{ pageNumberPage(page: "first") { results { id } } }',
      'INVALID_PAGE',
      'page',
      'Invalid page.',
    ],
    [
      'pageSize 0',
      schema,
      '{ pageNumberPage(pageSize: 0) { results { id } } }',
      'INVALID_ARGUMENT',
      'pageSize',
      'Argument "pageSize" must be a positive integer',
    ],
    [
      'oversized pageSize (error mode)',
      strict,
      '{ pageNumberPage(pageSize: 11) { results { id } } }',
      'INVALID_ARGUMENT',
      'pageSize',
      'Argument "pageSize" must not exceed 10',
    ],
    [
      'page and after',
      schema,
      `{ pageNumberPage(page: 2, after: "${encodeOffsetCursor(1)}") { results { id } } }`,
      'INVALID_ARGUMENT',
      'after',
      'Pass "page" or "after", not both',
    ],
    [
      'negative limit',
      schema,
      '{ limitOffsetConnection(limit: -1) { nodes { id } } }',
      'INVALID_ARGUMENT',
      'limit',
      'Argument "limit" must be a positive integer',
    ],
    [
      'negative offset',
      schema,
      '{ limitOffsetPage(offset: -3) { results { id } } }',
      'INVALID_ARGUMENT',
      'offset',
      'Argument "offset" must be a non-negative integer',
    ],
    ['malformed offset after', schema, '{ limitOffsetPage(after: "x") { results { id } } }', 'INVALID_CURSOR', 'after', 'Invalid cursor'],
    [
      'negative first in graphql-relay mode',
      schema,
      '{ relayArticles(first: -1) { nodes { id } } }',
      'INVALID_ARGUMENT',
      'first',
      'Argument "first" must be a non-negative integer',
    ],
  ])('%s', async (_, on, query, code, argument, message) => {
    const result = await run(on, query);
    expect(result.errors?.map((error) => ({ message: error.message, extensions: error.extensions }))).toEqual([
      { message, extensions: { code: 'BAD_USER_INPUT', paginationCode: code, argumentName: argument } },
    ]);
  });

  it('a forward-only field refuses last, in the schema and in the helper', async () => {
    const result = await run(forward, '{ cursorPage(last: 1) { results { id } } }');
    expect(result.errors?.[0]?.message).toBe('Unknown argument "last" on field "Query.cursorPage".');
    await expect(
      paginateArgs(arraySource(articles(3), { uniqueKey: 'id' }), paginations.cursor, { last: 1 }, { directions: 'forward' }),
    ).rejects.toEqual(expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'last' }));
  });

  it('a cursor of another style is an invalid cursor', async () => {
    const cursor = await cursorOf('{ cursorConnection(first: 2) { pageInfo { endCursor } } }');
    const result = await run(schema, `{ limitOffsetConnection(after: "${cursor}") { nodes { id } } }`);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', paginationCode: 'INVALID_CURSOR', argumentName: 'after' });
  });

  it('a wrongly typed page is refused by the scalar', async () => {
    const result = await run(schema, '{ pageNumberPage(page: 1.5) { results { id } } }');
    expect(result.errors?.[0]?.message).toBe('PageNumber must be an integer or a string such as "last"');
  });

  it('a wrongly typed page variable is refused by the scalar', async () => {
    const result = await run(schema, 'query ($page: PageNumber) { pageNumberPage(page: $page) { results { id } } }', { page: true });
    expect(result.errors?.[0]?.message).toContain('PageNumber cannot represent true');
  });

  it('the schema keeps answering after errors', async () => {
    await run(schema, '{ cursorConnection(first: -1) { nodes { id } } }');
    const result = await run(schema, '{ cursorConnection(first: 1) { nodes { id } } }');
    expect(result).toEqual({ data: { cursorConnection: { nodes: [{ id: 1 }] } } });
  });
});

describe('error mapping', () => {
  it('a count that fails as SOURCE_UNAVAILABLE is coded, and the page still comes back', async () => {
    const failing = articleSchema({
      wrap: (source) => ({
        ...source,
        count: () => Promise.reject(new PaginationError('SOURCE_UNAVAILABLE', 'The database is unavailable')),
      }),
    });
    const result = await run(failing, '{ cursorConnection(first: 1) { nodes { id } totalCount } }');
    expect(result.data).toEqual({ cursorConnection: { nodes: [{ id: 1 }], totalCount: null } });
    expect(result.errors?.map((error) => [error.message, error.extensions])).toEqual([
      ['Service temporarily unavailable, try again later.', { code: 'SERVICE_UNAVAILABLE', paginationCode: 'SOURCE_UNAVAILABLE' }],
    ]);
  });

  it("SOURCE_UNAVAILABLE does not pass the source's own message (hosts, drivers) to clients", async () => {
    const leaky = 'connect ECONNREFUSED db-primary.internal:5432 (pg 8.11)';
    const failing = articleSchema({
      wrap: (source) => ({ ...source, slice: () => Promise.reject(new PaginationError('SOURCE_UNAVAILABLE', leaky)) }),
    });
    const result = await run(failing, '{ pageNumberPage { results { id } } }');
    expect(result.errors?.map((error) => [error.message, error.extensions])).toEqual([
      ['Service temporarily unavailable, try again later.', { code: 'SERVICE_UNAVAILABLE', paginationCode: 'SOURCE_UNAVAILABLE' }],
    ]);
    expect(JSON.stringify(result)).not.toContain('db-primary');
  });

  it('SOURCE_UNAVAILABLE is a service error, not a user error', () => {
    const error = toGraphQLError(new PaginationError('SOURCE_UNAVAILABLE', 'The list is unavailable'));
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', paginationCode: 'SOURCE_UNAVAILABLE' });
    expect(error.originalError).toBeUndefined();
  });

  it('formatPaginationError drops the stack trace of pagination errors only', () => {
    const ours = {
      message: 'Invalid cursor',
      extensions: { code: 'BAD_USER_INPUT', paginationCode: 'INVALID_CURSOR', stacktrace: ['at x'] },
    };
    const theirs = { message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at y'] } };
    expect(formatPaginationError(ours, new GraphQLError('Invalid cursor'))).toEqual({
      message: 'Invalid cursor',
      extensions: { code: 'BAD_USER_INPUT', paginationCode: 'INVALID_CURSOR' },
    });
    expect(formatPaginationError(theirs)).toBe(theirs);
  });
});

// Batched connection and offset-list fields: under a list of parents every style and shape answers
// exactly what the unbatched field answers, while the source is asked once per level (and counted
// once per level, only when a count is selected); batches never cross requests.
import DataLoader from 'dataloader';
import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  graphql,
  type GraphQLFieldConfig,
} from 'graphql';
import {
  cursorPagination,
  fanOutBatchSource,
  limitOffsetPagination,
  pageNumberPagination,
  type BatchPageSource,
  type KeyValue,
  type PageSource,
} from 'pagewise/internal';
import { arrayBatchSource, arraySource } from 'pagewise/array';
import {
  batchedConnectionField,
  batchedOffsetListField,
  connectionField,
  offsetListField,
  requestBatches,
  resolveConnection,
  type BatchedFieldConfig,
  type GraphQLPagination,
} from 'pagewise/graphql';

interface Author {
  id: number;
  name: string;
}
interface Post {
  id: number;
  authorId: number;
  title: string;
  score: number;
}
interface Note {
  id: number;
  postId: number;
}

const AUTHORS: Author[] = Array.from({ length: 8 }, (_, index) => ({ id: index + 1, name: `author ${index + 1}` }));
// Author 8 has no posts; the others between 1 and 13.
const POSTS: Post[] = AUTHORS.slice(0, 7).flatMap((author) =>
  Array.from({ length: ((author.id * 5) % 13) + 1 }, (_, n) => ({
    id: author.id * 100 + n,
    authorId: author.id,
    title: n % 2 ? 'odd' : 'even',
    score: (n * 7) % 4,
  })),
);
const NOTES: Note[] = POSTS.flatMap((post) => Array.from({ length: post.id % 4 }, (_, n) => ({ id: post.id * 10 + n, postId: post.id })));

const PAGINATIONS: Record<string, GraphQLPagination> = {
  cursor: cursorPagination({ pageSize: 3, maxPageSize: 10, ordering: ['-score'], orderingFields: ['score', 'title', 'id'] }),
  'page-number': pageNumberPagination({ pageSize: 3, maxPageSize: 10 }),
  'limit-offset': limitOffsetPagination({ defaultLimit: 3, maxLimit: 10 }),
};

/** Every batched call the schema's sources got, by method. */
type CallLog = string[];

function logged<T>(batch: BatchPageSource<KeyValue, T>, log: CallLog, name: string): BatchPageSource<KeyValue, T> {
  return {
    ...batch,
    countMany: (keys) => (log.push(`${name}.countMany(${keys.length})`), batch.countMany(keys)),
    sliceMany: (keys, ...rest) => (log.push(`${name}.sliceMany(${keys.length})`), batch.sliceMany(keys, ...rest)),
    seekMany: (requests) => (log.push(`${name}.seekMany(${requests.length})`), batch.seekMany(requests)),
  };
}

interface Context {
  readonly log: CallLog;
}

/**
 * Authors (a plain list) with `posts` in every style and both shapes, and each post's `notes`; batched
 * or not. `loader` chooses DataLoader for the batched fields.
 */
function schemaOf(batched: boolean, loader?: BatchedFieldConfig<unknown, Context, KeyValue, unknown>['loader']): GraphQLSchema {
  const notesByPost = (id: number) =>
    arraySource(
      NOTES.filter((note) => note.postId === id),
      { uniqueKey: 'id' },
    );
  const NoteType = new GraphQLObjectType<Note, Context>({ name: 'Note', fields: { id: { type: new GraphQLNonNull(GraphQLInt) } } });
  const notes = batched
    ? batchedConnectionField<Post, Context, KeyValue, Note>({
        node: NoteType,
        pagination: PAGINATIONS['limit-offset']!,
        key: (post) => post.id,
        batchSource: (context) => logged(arrayBatchSource(NOTES, { key: 'postId', uniqueKey: 'id' }), context.log, 'notes'),
        loader: loader as BatchedFieldConfig<Post, Context, KeyValue, Note>['loader'],
      })
    : connectionField<Post, Context, Note>({
        node: NoteType,
        pagination: PAGINATIONS['limit-offset']!,
        source: (post) => notesByPost(post.id),
        cursorScope: (post, _args, _context, info) => `${info.parentType.name}.${info.fieldName}#${post.id}`,
      });
  const PostType = new GraphQLObjectType<Post, Context>({
    name: 'Post',
    fields: { id: { type: new GraphQLNonNull(GraphQLInt) }, title: { type: new GraphQLNonNull(GraphQLString) }, notes },
  });
  const fields: Record<string, GraphQLFieldConfig<Author, Context>> = { name: { type: new GraphQLNonNull(GraphQLString) } };
  for (const [style, pagination] of Object.entries(PAGINATIONS)) {
    for (const shape of ['connection', 'list'] as const) {
      const name = `${style.replace(/-(\w)/, (_, letter: string) => letter.toUpperCase())}${shape === 'connection' ? 'Connection' : 'Page'}`;
      const extra = { title: { type: GraphQLString } };
      if (batched) {
        const config: BatchedFieldConfig<Author, Context, KeyValue, Post> = {
          node: PostType,
          pagination,
          args: extra,
          key: (author) => author.id,
          // A filter argument: one batch source per value, each batched over all authors.
          batchSource: (context, args) => {
            const title = (args as { title?: string | null }).title;
            const rows = title ? POSTS.filter((post) => post.title === title) : POSTS;
            return logged(arrayBatchSource(rows, { key: 'authorId', uniqueKey: 'id' }), context.log, 'posts');
          },
          loader: loader as BatchedFieldConfig<Author, Context, KeyValue, Post>['loader'],
        };
        fields[name] = shape === 'connection' ? batchedConnectionField(config) : batchedOffsetListField(config);
      } else {
        const source = (author: Author, args: object): PageSource<Post> => {
          const title = (args as { title?: string | null }).title;
          return arraySource(
            POSTS.filter((post) => post.authorId === author.id && (!title || post.title === title)),
            { uniqueKey: 'id' },
          );
        };
        fields[name] = (shape === 'connection' ? connectionField : offsetListField)<Author, Context, Post>({
          node: PostType,
          pagination,
          args: extra,
          source,
          // What a batched field scopes its cursors to by default: the field and the parent's key.
          cursorScope: (author, _args, _context, info) => `${info.parentType.name}.${info.fieldName}#${author.id}`,
        });
      }
    }
  }
  const AuthorType = new GraphQLObjectType<Author, Context>({ name: 'Author', fields });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: { authors: { type: new GraphQLList(AuthorType), resolve: () => AUTHORS } },
    }),
  });
}

const run = async (schema: GraphQLSchema, source: string, variableValues: Record<string, unknown> = {}) => {
  const context: Context = { log: [] };
  const result = await graphql({ schema, source, contextValue: context, variableValues });
  return { result: JSON.parse(JSON.stringify(result)) as { data?: unknown; errors?: unknown }, log: context.log };
};

const CONNECTION_BODY = 'edges { cursor node { id title } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const LIST_BODY = 'results { id } next previous';

const QUERIES: ReadonlyArray<readonly [string, string, boolean]> = [
  ['cursor connection, first', `{ authors { cursorConnection(first: 2) { ${CONNECTION_BODY} } } }`, false],
  ['cursor connection, last, with a count', `{ authors { cursorConnection(last: 4) { totalCount ${CONNECTION_BODY} } } }`, true],
  [
    'cursor connection, client ordering',
    `{ authors { cursorConnection(first: 3, ordering: ["title", "-id"]) { ${CONNECTION_BODY} } } }`,
    false,
  ],
  ['cursor list, filtered', `{ authors { cursorPage(first: 2, title: "odd") { ${LIST_BODY} count } } }`, true],
  [
    'page-number connection, page 2',
    `{ authors { pageNumberConnection(page: 2, pageSize: 2) { ${CONNECTION_BODY} pageInfo { totalPages } } } }`,
    true,
  ],
  ['page-number list, last page', `{ authors { pageNumberPage(page: "last") { ${LIST_BODY} } } }`, false],
  ['limit-offset connection', `{ authors { limitOffsetConnection(limit: 2, offset: 3) { ${CONNECTION_BODY} } } }`, false],
  ['limit-offset list, count', `{ authors { limitOffsetPage(limit: 4) { ${LIST_BODY} count } } }`, true],
  [
    'two levels',
    `{ authors { cursorConnection(first: 3) { edges { node { notes(limit: 2) { totalCount edges { node { id } } } } } } } }`,
    true,
  ],
  [
    'two aliases',
    `{ authors { a: cursorConnection(first: 1) { ${CONNECTION_BODY} } b: cursorConnection(first: 2) { ${CONNECTION_BODY} } } }`,
    false,
  ],
];

describe('batched fields answer as unbatched fields', () => {
  it.each(QUERIES)('%s', async (_name, query) => {
    const batched = await run(schemaOf(true), query);
    const plain = await run(schemaOf(false), query);
    expect(batched.result.data).toBeTruthy();
    expect(batched.result).toEqual(plain.result);
  });

  it('a page cursor of one parent continues that parent only', async () => {
    const first = await run(schemaOf(true), `{ authors { cursorConnection(first: 2) { pageInfo { endCursor } } } }`);
    const cursor = (first.result.data as { authors: Array<{ cursorConnection: { pageInfo: { endCursor: string } } }> }).authors[2]!
      .cursorConnection.pageInfo.endCursor;
    const query = `query($after: String) { authors { cursorConnection(first: 2, after: $after) { ${CONNECTION_BODY} } } }`;
    const batched = await run(schemaOf(true), query, { after: cursor });
    expect(batched.result).toEqual((await run(schemaOf(false), query, { after: cursor })).result);
    // The cursor is scoped to its parent: every other author answers INVALID_CURSOR, before any query.
    const authors = (batched.result.data as { authors: Array<{ cursorConnection: unknown }> }).authors;
    expect(authors.map((author) => author.cursorConnection !== null)).toEqual(authors.map((_, index) => index === 2));
    const errors = batched.result.errors as Array<{ extensions?: Record<string, unknown> }>;
    expect(errors.map((error) => error.extensions?.['paginationCode'])).toEqual(authors.slice(1).map(() => 'INVALID_CURSOR'));
    expect(batched.log).toEqual(['posts.seekMany(1)']);
  });

  it('a bad cursor is a coded error on every parent, as unbatched', async () => {
    const query = `{ authors { cursorConnection(first: 2, after: "not a cursor") { totalCount } } }`;
    const batched = await run(schemaOf(true), query);
    expect(batched.result).toEqual((await run(schemaOf(false), query)).result);
    expect(JSON.stringify(batched.result.errors)).toMatch(/INVALID_CURSOR/);
    expect(batched.log).toEqual([]);
  });
});

describe('batched fields ask once per level', () => {
  it.each([
    ['cursor', `{ authors { cursorConnection(first: 2) { edges { node { id } } } } }`, ['posts.seekMany(8)']],
    [
      'cursor with a count',
      `{ authors { cursorConnection(first: 2) { totalCount edges { node { id } } } } }`,
      ['posts.countMany(8)', 'posts.seekMany(8)'],
    ],
    // Page 2 is past the end for some authors (INVALID_PAGE on those), still one slice for all.
    ['page-number, no count selected', `{ authors { pageNumberPage(page: 2) { results { id } } } }`, ['posts.sliceMany(8)']],
    [
      'limit-offset, count in pageInfo',
      `{ authors { limitOffsetConnection { pageInfo { totalCount } } } }`,
      ['posts.countMany(8)', 'posts.sliceMany(8)'],
    ],
    [
      'two levels, a count on the second',
      `{ authors { limitOffsetConnection(limit: 3) { nodes { notes { totalCount nodes { id } } } } } }`,
      ['posts.sliceMany(8)', 'notes.countMany(21)', 'notes.sliceMany(21)'],
    ],
  ])('%s', async (_name, query, expected) => {
    const { result, log } = await run(schemaOf(true), query);
    expect(result.data).toBeTruthy();
    expect(log).toEqual(expected);
  });

  it('page-number "last" asks the counts in one batch, then a slice per distinct last page', async () => {
    const { log } = await run(schemaOf(true), `{ authors { pageNumberPage(page: "last", pageSize: 4) { results { id } } } }`);
    expect(log[0]).toBe('posts.countMany(8)');
    expect(log.slice(1).every((entry) => entry.startsWith('posts.sliceMany('))).toBe(true);
    expect(log.length).toBeLessThan(1 + 8);
  });

  it('works with DataLoader as the loader', async () => {
    const query = `{ authors { cursorConnection(first: 2) { totalCount ${CONNECTION_BODY} edges { node { notes(limit: 1) { nodes { id } } } } } } }`;
    const withDataLoader = await run(
      schemaOf(true, (batch) => new DataLoader(batch, { cache: false })),
      query,
    );
    expect(withDataLoader.result).toEqual((await run(schemaOf(false), query)).result);
    expect(withDataLoader.log).toEqual(['posts.countMany(8)', 'posts.seekMany(8)', 'notes.sliceMany(14)']);
  });

  it('keeps each request in batches of its own, even when they run at once', async () => {
    const schema = schemaOf(true);
    const query = `{ authors { cursorConnection(first: 1) { edges { node { id } } } } }`;
    const [one, two] = await Promise.all([run(schema, query), run(schema, query)]);
    expect(one.log).toEqual(['posts.seekMany(8)']);
    expect(two.log).toEqual(['posts.seekMany(8)']);
    expect(one.result).toEqual(two.result);
  });

  it('needs a context object to scope its batches', async () => {
    const result = await graphql({ schema: schemaOf(true), source: `{ authors { cursorConnection(first: 1) { totalCount } } }` });
    expect(result.errors?.[0]?.message).toMatch(/context object per request/);
  });
});

describe('fan-out batch (no batched form)', () => {
  it('wires a plain per-parent source into a batched field', async () => {
    const query = `{ authors { cursorConnection(first: 2) { ${CONNECTION_BODY} } } }`;
    const template = arraySource(POSTS, { uniqueKey: 'id' });
    const Node = new GraphQLObjectType<Post>({ name: 'Post', fields: { id: { type: GraphQLInt }, title: { type: GraphQLString } } });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          authors: {
            type: new GraphQLList(
              new GraphQLObjectType<Author, Context>({
                name: 'Author',
                fields: {
                  cursorConnection: batchedConnectionField<Author, Context, number, Post>({
                    node: Node,
                    pagination: PAGINATIONS['cursor']!,
                    key: (author) => author.id,
                    batchSource: () =>
                      fanOutBatchSource(template, (id: number) =>
                        arraySource(
                          POSTS.filter((post) => post.authorId === id),
                          { uniqueKey: 'id' },
                        ),
                      ),
                  }),
                },
              }),
            ),
            resolve: () => AUTHORS,
          },
        },
      }),
    });
    const { result } = await run(schema, query);
    expect(result).toEqual((await run(schemaOf(false), query)).result);
  });
});

describe('requestBatches (resolvers written by hand)', () => {
  it('batches a hand-written resolver per request, as type-graphql or schema-first resolvers would use it', async () => {
    const sourceFor = requestBatches<Context, KeyValue, Post>((context, scope) =>
      logged(
        arrayBatchSource(
          POSTS.filter((post) => !scope || post.title === scope),
          { key: 'authorId', uniqueKey: 'id' },
        ),
        context.log,
        `posts[${scope}]`,
      ),
    );
    const pagination = PAGINATIONS['cursor']!;
    const Node = new GraphQLObjectType<Post>({ name: 'Post', fields: { id: { type: GraphQLInt } } });
    const plain = connectionField<Author, Context, Post>({ node: Node, pagination, source: () => arraySource([], { uniqueKey: 'id' }) });
    const Author = new GraphQLObjectType<Author, Context>({
      name: 'Author',
      fields: {
        posts: {
          ...plain,
          args: { ...plain.args, title: { type: GraphQLString } },
          resolve: (author, args: { title?: string | null }, context, info) =>
            resolveConnection(sourceFor(context, author.id, args.title ?? ''), pagination, args, info),
        },
      },
    });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { authors: { type: new GraphQLList(Author), resolve: () => AUTHORS } } }),
    });
    const { result, log } = await run(
      schema,
      '{ authors { all: posts(first: 2) { totalCount edges { node { id } } } odd: posts(first: 1, title: "odd") { edges { node { id } } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(log).toEqual(['posts[].countMany(8)', 'posts[].seekMany(8)', 'posts[odd].seekMany(8)']);
    const first = (
      result.data as { authors: Array<{ all: { totalCount: number; edges: unknown[] }; odd: { edges: Array<{ node: { id: number } }> } }> }
    ).authors[0]!;
    expect(first.all.totalCount).toBe(6);
    expect(first.odd.edges.map((edge) => edge.node.id)).toEqual([105]); // -score, then -id
  });
});

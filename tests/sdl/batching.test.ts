import { batchedPageSources, fanOutBatchSource, type BatchPageSource, type PageSource } from 'pagewise/internal';
import { arraySource } from 'pagewise/array';
import { buildSchema, rows, run, type Row } from './sdl-helpers';

const ROWS = rows(9);
const blogOf = (row: Row) => (row.id % 3) + 1;

/** A batch over the array source that records each call it gets and how many parents it serves. */
function recordingBatch(calls: string[]): BatchPageSource<number, Row> {
  const sourceFor = (blog: number): PageSource<Row> =>
    arraySource(
      ROWS.filter((row) => blogOf(row) === blog),
      { uniqueKey: 'id' },
    );
  const batch = fanOutBatchSource(sourceFor(1), sourceFor);
  return {
    ...batch,
    countMany: (keys) => (calls.push(`count ${keys.length}`), batch.countMany(keys)),
    sliceMany: (keys, offset, limit, ordering) => (calls.push(`slice ${keys.length}`), batch.sliceMany(keys, offset, limit, ordering)),
    seekMany: (requests) => (calls.push(`seek ${requests.length}`), batch.seekMany(requests)),
  };
}

describe('a @paginate field under a list', () => {
  const schema = buildSchema(
    `type Blog {
       id: Int!
       articles: [Article!]! @paginate(ordering: ["id"], pageSize: 2)
       archive: [Article!]! @paginate(style: PAGE_NUMBER, ordering: ["-id"], pageSize: 2)
     }
     type Query { blogs: [Blog!]! }`,
    {
      Query: { blogs: () => [{ id: 1 }, { id: 2 }, { id: 3 }] },
      Blog: {
        // Per-parent sources over one batch made per request: the directive pages each parent,
        // the batch sends one call per shape for all of them.
        articles: (blog: { id: number }, _args: unknown, context: { articlesOf: (key: number) => PageSource<Row> }) =>
          context.articlesOf(blog.id),
        archive: (blog: { id: number }, _args: unknown, context: { articlesOf: (key: number) => PageSource<Row> }) =>
          context.articlesOf(blog.id),
      },
    },
  );

  it('pages every parent in one batched call per shape (a PageSource from batchedPageSources)', async () => {
    const calls: string[] = [];
    const context = { articlesOf: batchedPageSources(recordingBatch(calls)) };
    const result = await run(
      schema,
      '{ blogs { id articles { nodes { id } totalCount } archive(page: 2) { nodes { id } } } }',
      undefined,
      context,
    );
    expect(result).toEqual({
      data: {
        blogs: [
          { id: 1, articles: { nodes: [{ id: 3 }, { id: 6 }], totalCount: 3 }, archive: { nodes: [{ id: 3 }] } },
          { id: 2, articles: { nodes: [{ id: 1 }, { id: 4 }], totalCount: 3 }, archive: { nodes: [{ id: 1 }] } },
          { id: 3, articles: { nodes: [{ id: 2 }, { id: 5 }], totalCount: 3 }, archive: { nodes: [{ id: 2 }] } },
        ],
      },
    });
    expect(calls.sort()).toEqual(['count 3', 'seek 3', 'slice 3']);
  });
});

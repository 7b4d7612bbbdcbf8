// Embedded child lists in REST bodies: each row of a page carries the first page of its children in
// DRF's body, all rows' pages asked as one batch (and one count batch where the body counts); with a
// link, next and previous are exactly what the child's own endpoint would answer.
import {
  cursorPagination,
  limitOffsetPagination,
  pageNumberPagination,
  PaginationError,
  type BatchPageSource,
  type KeyValue,
} from 'pagewise';
import { arrayBatchSource, arraySource } from 'pagewise/array';
import { paginateRequest, renderRestPage, restEmbed, restResponse, type RestOptions, type RestPagination } from 'pagewise/rest';

interface Article {
  id: number;
  title: string;
}
interface Comment {
  id: number;
  articleId: number;
  body: string;
}

const ARTICLES: Article[] = Array.from({ length: 12 }, (_, index) => ({ id: index + 1, title: `article ${index + 1}` }));
// Article n has (n * 5) % 7 comments: some none, some fewer than a page, some more.
const COMMENTS: Comment[] = ARTICLES.flatMap((article) =>
  Array.from({ length: (article.id * 5) % 7 }, (_, n) => ({ id: article.id * 100 + n, articleId: article.id, body: `comment ${n}` })),
);

function logged(log: string[]): BatchPageSource<KeyValue, Comment> {
  const batch = arrayBatchSource(COMMENTS, { key: 'articleId', uniqueKey: 'id' });
  return {
    ...batch,
    countMany: (keys) => (log.push(`countMany(${keys.length})`), batch.countMany(keys)),
    sliceMany: (keys, ...rest) => (log.push(`sliceMany(${keys.length})`), batch.sliceMany(keys, ...rest)),
    seekMany: (requests) => (log.push(`seekMany(${requests.length})`), batch.seekMany(requests)),
  };
}

const CHILD_PAGINATIONS: ReadonlyArray<readonly [string, RestPagination, string[]]> = [
  ['page-number', pageNumberPagination({ pageSize: 2 }), ['countMany(5)', 'sliceMany(5)']],
  ['limit-offset', limitOffsetPagination({ defaultLimit: 2 }), ['countMany(5)', 'sliceMany(5)']],
  ['cursor', cursorPagination({ pageSize: 2, ordering: '-id' }), ['seekMany(5)']],
];

const origin = 'http://api.test';
const get = (url: string) => ({ url, headers: { host: 'api.test' } });
type Body = {
  results: Array<Article & { comments: { count?: number; next: string | null; previous: string | null; results: Comment[] } }>;
};

describe('restEmbed', () => {
  it.each(CHILD_PAGINATIONS)('embeds each row’s first %s page of comments in one batch', async (_style, pagination, calls) => {
    const log: string[] = [];
    const link = (article: Article) => `/api/articles/${article.id}/comments`;
    const response = await restResponse(get('/api/articles?page=2'), {
      pagination: pageNumberPagination({ pageSize: 5 }),
      source: arraySource(ARTICLES, { uniqueKey: 'id' }),
      embed: [restEmbed({ name: 'comments', key: (article: Article) => article.id, batchSource: () => logged(log), pagination, link })],
    });
    expect(response.status).toBe(200);
    expect(log).toEqual(calls);
    const body = JSON.parse(response.body) as Body;
    expect(body.results.map((article) => article.id)).toEqual([6, 7, 8, 9, 10]);
    // Each embedded list is the body of the child's own endpoint, links and all.
    for (const article of body.results) {
      const own = await restResponse(get(link(article)), {
        pagination,
        source: arraySource(
          COMMENTS.filter((comment) => comment.articleId === article.id),
          { uniqueKey: 'id' },
        ),
      });
      expect(article.comments).toEqual(JSON.parse(own.body));
      expect(article.comments.next ?? '').toMatch(
        article.comments.next ? new RegExp(`^${origin}/api/articles/${article.id}/comments\\?`) : /^$/,
      );
    }
  });

  it('without a link, next and previous are the bare positions; serializers apply to rows and children', async () => {
    const response = await restResponse(get('/api/articles'), {
      pagination: limitOffsetPagination({ defaultLimit: 3 }),
      source: arraySource(ARTICLES, { uniqueKey: 'id' }),
      serialize: (article) => ({ id: article.id }),
      embed: [
        restEmbed({
          name: 'comments',
          key: (article: Article) => article.id,
          batchSource: () => arrayBatchSource(COMMENTS, { key: 'articleId', uniqueKey: 'id' }),
          pagination: pageNumberPagination({ pageSize: 1 }),
          serialize: (comment) => comment.id,
        }),
        restEmbed({
          name: 'latest',
          key: (article: Article) => article.id,
          batchSource: () => arrayBatchSource(COMMENTS, { key: 'articleId', uniqueKey: 'id' }),
          pagination: cursorPagination({ pageSize: 1, ordering: '-id' }),
          serialize: (comment) => comment.body,
        }),
      ],
    });
    const body = JSON.parse(response.body) as { results: unknown[] };
    expect(body.results).toEqual([
      {
        id: 1,
        comments: { count: 5, next: '2', previous: null, results: [100] },
        latest: { next: expect.any(String), previous: null, results: ['comment 4'] },
      },
      {
        id: 2,
        comments: { count: 3, next: '2', previous: null, results: [200] },
        latest: { next: expect.any(String), previous: null, results: ['comment 2'] },
      },
      {
        id: 3,
        comments: { count: 1, next: null, previous: null, results: [300] },
        latest: { next: null, previous: null, results: ['comment 0'] },
      },
    ]);
  });

  it('embeds the whole child list when the child pagination is off, and leaves non-object rows alone', async () => {
    const response = await restResponse(get('/api/articles'), {
      pagination: pageNumberPagination({ pageSize: 2 }),
      source: arraySource(ARTICLES, { uniqueKey: 'id' }),
      embed: [
        restEmbed({
          name: 'comments',
          key: (article: Article) => article.id,
          batchSource: () => arrayBatchSource(COMMENTS, { key: 'articleId', uniqueKey: 'id' }),
          pagination: pageNumberPagination({ pageSize: null }),
          serialize: (comment) => comment.id,
        }),
      ],
    });
    expect((JSON.parse(response.body) as Body).results.map((article) => article.comments)).toEqual([
      [100, 101, 102, 103, 104],
      [200, 201, 202],
    ]);
    const titles = await restResponse(get('/api/articles'), {
      pagination: pageNumberPagination({ pageSize: 2 }),
      source: arraySource(ARTICLES, { uniqueKey: 'id' }),
      serialize: (article) => article.title,
      embed: [
        restEmbed({
          name: 'comments',
          key: (article: Article) => article.id,
          batchSource: () => arrayBatchSource(COMMENTS, { key: 'articleId', uniqueKey: 'id' }),
          pagination: pageNumberPagination({ pageSize: 2 }),
        }),
      ],
    });
    expect(JSON.parse(titles.body)).toMatchObject({ results: ['article 1', 'article 2'] });
  });

  it('an unavailable child source is a 503 with a detail, never a crash', async () => {
    const down: BatchPageSource<KeyValue, Comment> = {
      ...arrayBatchSource(COMMENTS, { key: 'articleId', uniqueKey: 'id' }),
      sliceMany: () => Promise.reject(new PaginationError('SOURCE_UNAVAILABLE', 'The database is unavailable.')),
    };
    const response = await restResponse(get('/api/articles'), {
      pagination: pageNumberPagination({ pageSize: 2 }),
      source: arraySource(ARTICLES, { uniqueKey: 'id' }),
      embed: [
        restEmbed({
          name: 'comments',
          key: (article: Article) => article.id,
          batchSource: () => down,
          pagination: limitOffsetPagination({ defaultLimit: 2 }),
          count: false,
        }),
      ],
    });
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body)).toEqual({ detail: 'Service temporarily unavailable, try again later.' });
  });

  it('renderRestPage refuses embed instead of silently dropping it (embeds need the request)', async () => {
    const options: RestOptions<Article> = {
      pagination: pageNumberPagination({ pageSize: 2 }),
      source: arraySource(ARTICLES, { uniqueKey: 'id' }),
      embed: [
        restEmbed({
          name: 'comments',
          key: (article: Article) => article.id,
          batchSource: () => arrayBatchSource(COMMENTS, { key: 'articleId', uniqueKey: 'id' }),
          pagination: pageNumberPagination({ pageSize: 2 }),
        }),
      ],
    };
    const restPage = await paginateRequest(`${origin}/api/articles`, arraySource(ARTICLES, { uniqueKey: 'id' }), options);
    // @ts-expect-error renderRestPage does not take embed: its type says so.
    await expect(renderRestPage(restPage, options)).rejects.toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    expect(JSON.parse((await renderRestPage(restPage, { pagination: options.pagination })).body)).toEqual({
      count: 12,
      next: `${origin}/api/articles?page=2`,
      previous: null,
      results: ARTICLES.slice(0, 2),
    });
  });
});

// The REST shapes' vectors, from the projects' own documentation and source, run on every source
// (tests/rest/shapes.test.ts on arrays, tests/integration/rest/shapes-mikro-orm.test.ts on SQL).
// Each vector names where it comes from; where pagewise differs from a document, the vector says why.
import { limitOffsetPagination, pageNumberPagination } from 'pagewise';
import { limitOffsetPaginationWithFormat, standardPageNumberPagination, type RestBodyPage, type RestOptions } from 'pagewise/rest';

/** One row of every vector's list: ids from 1, in id order. */
export interface Article {
  readonly id: number;
  readonly title: string;
}

/** The list of a vector: `count` articles. */
export const articles = (count: number): Article[] =>
  Array.from({ length: count }, (_, index) => ({ id: index + 1, title: `Article ${index + 1}` }));

export const serialize = ({ id, title }: Article) => ({ id, title });

/** Articles `from`..`to` (1-based, inclusive) as serialized, with drf-commons' index counted from `indexFrom` when given. */
export const items = (from: number, to: number, indexFrom?: number) =>
  articles(to)
    .slice(from - 1)
    .map((article, at) => (indexFrom === undefined ? serialize(article) : { ...serialize(article), index: indexFrom + at }));

/** One request and the response the documentation gives for it. */
export interface ShapeVector {
  readonly id: string;
  /** Where the vector comes from (file in its repository, or URL). */
  readonly from: string;
  /** How many articles the list has. */
  readonly rows: number;
  /** The request target (path and query). */
  readonly target: string;
  readonly host: string;
  readonly options: Omit<RestOptions<Article>, 'source'>;
  readonly status: number;
  readonly body: unknown;
}

// docs/pagination.rst writes its timestamp as 2026-01-15T10:30:00.000000Z; the clock is fixed to it.
const now = () => new Date(Date.UTC(2026, 0, 15, 10, 30, 0, 0));
const COMMONS_DOCS = 'htvictoire/drf-commons docs/pagination.rst';
const COMMONS_CRUD = 'htvictoire/drf-commons drf_commons/views/mixins/crud.py';
const RAILS_GUIDE = 'gregschmit/rails-rest-framework guide/06_pagination/index.md';
const RAILS_PAGINATOR = 'gregschmit/rails-rest-framework lib/rest_framework/paginators/page_number_paginator.rb';
const RAILS_CRUD = 'gregschmit/rails-rest-framework lib/rest_framework/controller/crud.rb';
const DRF2_DOCS = 'encode/django-rest-framework@2.4.8 docs/api-guide/pagination.md';
const DRF3_DOCS = 'encode/django-rest-framework docs/api-guide/pagination.md ("Custom pagination styles")';
const DJANGO = 'django/django django/core/paginator.py (Paginator.get_page), as DRF 2.4.8 docs/api-guide/pagination.md uses it';

const envelope = { success: true, timestamp: '2026-01-15T10:30:00.000000Z', message: '' };
const ARTICLES = 'https://api.example.com/articles/';
const MOVIES = 'https://example.com/api/movies';
// Rails' guide: page_size 30; its defaults otherwise (page_size_query_param "page_size", max_page_size 40).
const rails = (options: { pageSize?: number; maxPageSize?: number | null } = {}): Omit<RestOptions<Article>, 'source'> => ({
  pagination: pageNumberPagination({
    pageSize: options.pageSize ?? 30,
    pageSizeQueryParam: 'page_size',
    maxPageSize: options.maxPageSize === undefined ? 40 : options.maxPageSize,
  }),
  shape: 'rails',
  serialize,
});
const railsBody = (page: number, size: number, count: number, links: Record<string, string>, from: number, to: number) => ({
  count,
  page,
  page_size: size,
  total_pages: Math.ceil(count / size),
  ...links,
  results: from > to ? [] : items(from, to),
});

/** DRF 2's default PaginationSerializer through the body hook: `page` kept in every link. */
const drf2Default = (page: RestBodyPage) => ({
  count: page.count,
  next: page.nextPage === null ? null : page.pageUrl(page.nextPage),
  previous: page.previousPage === null ? null : page.pageUrl(page.previousPage),
  results: page.results,
});

/** DRF 2's CustomPaginationSerializer: `links: {next, prev}`, `total_results`, `results_field = 'objects'`. */
const drf2Custom = (page: RestBodyPage) => ({
  links: {
    next: page.nextPage === null ? null : page.pageUrl(page.nextPage),
    prev: page.previousPage === null ? null : page.pageUrl(page.previousPage),
  },
  total_results: page.count,
  objects: page.results,
});

/** DRF 3's CustomPagination.get_paginated_response: `links: {next, previous}`, `count`, `results`. */
const drf3Custom = (page: RestBodyPage) => ({
  links: { next: page.next, previous: page.previous },
  count: page.count,
  results: page.results,
});

export const SHAPE_VECTORS: readonly ShapeVector[] = [
  // drf-commons, flat as documented.
  {
    id: 'commons: the documented paginated response (page 2 of 150, page_size 20)',
    from: `${COMMONS_DOCS} "Paginated Response Structure"; previous drops page=1 as DRF's get_previous_link does (the docs write page=1)`,
    rows: 150,
    target: '/articles/?page=2&page_size=20',
    host: 'api.example.com',
    options: { ...standardPageNumberPagination(), serialize, now, origin: 'https://api.example.com' },
    status: 200,
    body: {
      ...envelope,
      count: 150,
      next: `${ARTICLES}?page=3&page_size=20`,
      previous: `${ARTICLES}?page_size=20`,
      data: items(21, 40, 21),
    },
  },
  {
    id: 'commons: GET /articles/?page=2&page_size=50',
    from: `${COMMONS_DOCS} StandardPageNumberPagination "Query parameters"`,
    rows: 150,
    target: '/articles/?page=2&page_size=50',
    host: 'api.example.com',
    options: { ...standardPageNumberPagination(), serialize, now },
    status: 200,
    body: {
      ...envelope,
      count: 150,
      next: `http://api.example.com/articles/?page=3&page_size=50`,
      previous: 'http://api.example.com/articles/?page_size=50',
      data: items(51, 100, 51),
    },
  },
  {
    id: 'commons: max_page_size 100 honoured',
    from: `${COMMONS_DOCS} StandardPageNumberPagination defaults (max_page_size 100)`,
    rows: 150,
    target: '/articles/?page_size=500',
    host: 'api.example.com',
    options: { ...standardPageNumberPagination(), serialize, now },
    status: 200,
    body: {
      ...envelope,
      count: 150,
      next: 'http://api.example.com/articles/?page=2&page_size=500',
      previous: null,
      data: items(1, 100, 1),
    },
  },
  {
    id: 'commons: GET /articles/ uses the pagination_class default (20)',
    from: `${COMMONS_DOCS} "Pagination Control per Request"`,
    rows: 150,
    target: '/articles/',
    host: 'api.example.com',
    options: { ...standardPageNumberPagination(), serialize, now },
    status: 200,
    body: { ...envelope, count: 150, next: 'http://api.example.com/articles/?page=2', previous: null, data: items(1, 20, 1) },
  },
  {
    id: 'commons: ?paginated=true is the paginated response',
    from: `${COMMONS_DOCS} "Pagination Control per Request"`,
    rows: 150,
    target: '/articles/?paginated=true',
    host: 'api.example.com',
    options: { ...standardPageNumberPagination(), serialize, now },
    status: 200,
    body: {
      ...envelope,
      count: 150,
      next: 'http://api.example.com/articles/?page=2&paginated=true',
      previous: null,
      data: items(1, 20, 1),
    },
  },
  {
    id: 'commons: ?paginated=false is the full list, past max_page_size 100',
    from: `${COMMONS_DOCS} "Pagination Control per Request"; body of ${COMMONS_CRUD} ListModelMixin.list`,
    rows: 150,
    target: '/articles/?paginated=false',
    host: 'api.example.com',
    options: { ...standardPageNumberPagination(), serialize, now },
    status: 200,
    body: { ...envelope, count: 150, next: null, previous: null, data: items(1, 150, 1) },
  },
  {
    id: 'commons: LargePagePagination (page_size 50, max_page_size 500)',
    from: `${COMMONS_DOCS} "Customizing per-viewset"`,
    rows: 150,
    target: '/articles/?page_size=200',
    host: 'api.example.com',
    options: { ...standardPageNumberPagination({ pageSize: 50, maxPageSize: 500 }), serialize, now },
    status: 200,
    body: { ...envelope, count: 150, next: null, previous: null, data: items(1, 150, 1) },
  },
  {
    id: 'commons: GET /articles/?limit=25&offset=50, index in the whole list',
    from: `${COMMONS_DOCS} LimitOffsetPaginationWithFormat "Query parameters"`,
    rows: 150,
    target: '/articles/?limit=25&offset=50',
    host: 'api.example.com',
    options: { ...limitOffsetPaginationWithFormat(), serialize, now },
    status: 200,
    body: {
      ...envelope,
      count: 150,
      next: 'http://api.example.com/articles/?limit=25&offset=75',
      previous: 'http://api.example.com/articles/?limit=25&offset=25',
      data: items(51, 75, 51),
    },
  },
  {
    id: 'commons: LimitOffsetPaginationWithFormat caps at max_limit 100, defaults to 20',
    from: `${COMMONS_DOCS} LimitOffsetPaginationWithFormat defaults`,
    rows: 150,
    target: '/articles/?limit=1000&offset=140',
    host: 'api.example.com',
    options: { ...limitOffsetPaginationWithFormat(), serialize, now },
    status: 200,
    body: {
      ...envelope,
      count: 150,
      next: null,
      previous: 'http://api.example.com/articles/?limit=100&offset=40',
      data: items(141, 150, 141),
    },
  },
  {
    id: 'commons-nested: the body drf-commons code writes (response/utils.py success_response)',
    from: `htvictoire/drf-commons drf_commons/response/utils.py and ${COMMONS_CRUD}`,
    rows: 150,
    target: '/articles/?page=2&page_size=20',
    host: 'api.example.com',
    options: { ...standardPageNumberPagination(), shape: 'commons-nested', message: 'Articles retrieved successfully', serialize, now },
    status: 200,
    body: {
      message: 'Articles retrieved successfully',
      success: true,
      timestamp: '2026-01-15T10:30:00+00:00',
      data: {
        count: 150,
        next: 'http://api.example.com/articles/?page=3&page_size=20',
        previous: 'http://api.example.com/articles/?page_size=20',
        results: items(21, 40, 21),
      },
    },
  },

  // Rails RESTFramework's PageNumberPaginator.
  {
    id: 'rails: the documented response (page 3 of 124, page_size 30)',
    from: `${RAILS_GUIDE} "PageNumberPaginator"`,
    rows: 124,
    target: '/api/movies?page=3',
    host: 'example.com',
    options: { ...rails(), origin: 'https://example.com' },
    status: 200,
    body: railsBody(3, 30, 124, { next: `${MOVIES}?page=4`, previous: `${MOVIES}?page=2` }, 61, 90),
  },
  {
    id: 'rails: page 2 keeps page=1 in previous',
    from: `${RAILS_PAGINATOR} get_paginated_response (url_for with page => @page_number - 1)`,
    rows: 124,
    target: '/api/movies?page=2',
    host: 'example.com',
    options: { ...rails(), origin: 'https://example.com' },
    status: 200,
    body: railsBody(2, 30, 124, { next: `${MOVIES}?page=3`, previous: `${MOVIES}?page=1` }, 31, 60),
  },
  {
    id: 'rails: GET /api/movies?page=2&page_size=10',
    from: `${RAILS_GUIDE} "Example requests"`,
    rows: 124,
    target: '/api/movies?page=2&page_size=10',
    host: 'example.com',
    options: { ...rails(), origin: 'https://example.com' },
    status: 200,
    body: railsBody(2, 10, 124, { next: `${MOVIES}?page=3&page_size=10`, previous: `${MOVIES}?page=1&page_size=10` }, 11, 20),
  },
  ...(
    [
      ['page not provided', ''],
      ['page not numeric (abc)', '?page=abc'],
      ['page 0', '?page=0'],
      ['page -3', '?page=-3'],
      ['page blank', '?page=%20'],
      ['page last (to_i is 0)', '?page=last'],
    ] as const
  ).map(([name, query]): ShapeVector => ({
    id: `rails: ${name} is page 1`,
    from: `${RAILS_GUIDE} "Invalid or Missing Page Numbers"; ${RAILS_PAGINATOR} get_page (to_i, below 1 is 1)`,
    rows: 124,
    target: `/api/movies${query}`,
    host: 'example.com',
    options: { ...rails(), origin: 'https://example.com' },
    status: 200,
    body: railsBody(1, 30, 124, { next: `${MOVIES}?page=2` }, 1, 30),
  })),
  {
    id: "rails: page 2abc is page 2 (Ruby's to_i reads the leading digits)",
    from: `${RAILS_PAGINATOR} get_page (page_number.to_i)`,
    rows: 124,
    target: '/api/movies?page=2abc',
    host: 'example.com',
    options: { ...rails(), origin: 'https://example.com' },
    status: 200,
    body: railsBody(2, 30, 124, { next: `${MOVIES}?page=3`, previous: `${MOVIES}?page=1` }, 31, 60),
  },
  {
    id: 'rails: a page past the last page is empty, no error',
    from: `${RAILS_GUIDE} "Invalid or Missing Page Numbers"`,
    rows: 124,
    target: '/api/movies?page=9',
    host: 'example.com',
    options: { ...rails(), origin: 'https://example.com' },
    status: 200,
    body: railsBody(9, 30, 124, { previous: `${MOVIES}?page=8` }, 1, 0),
  },
  {
    id: 'rails: filters and ordering are kept in next, the query sorted (to_query)',
    from: `${RAILS_GUIDE} "Query Parameters Preserved in next/previous"`,
    rows: 124,
    target: '/api/movies?ordering=-year&genre=scifi',
    host: 'example.com',
    options: { ...rails(), origin: 'https://example.com' },
    status: 200,
    body: railsBody(1, 30, 124, { next: `${MOVIES}?genre=scifi&ordering=-year&page=2` }, 1, 30),
  },
  {
    id: 'rails: max_page_size caps a client page_size (default 40)',
    from: `${RAILS_GUIDE} "Configuration"; ${RAILS_PAGINATOR} _page_size`,
    rows: 124,
    target: '/api/movies?page_size=100',
    host: 'example.com',
    options: { ...rails(), origin: 'https://example.com' },
    status: 200,
    body: railsBody(1, 40, 124, { next: `${MOVIES}?page=2&page_size=100` }, 1, 40),
  },
  {
    id: 'rails: page_size=0 returns the full unpaginated list when max_page_size is nil',
    from: `${RAILS_GUIDE} "Disabling Pagination Per Request"; ${RAILS_CRUD} index!`,
    rows: 50,
    target: '/api/movies?page_size=0',
    host: 'example.com',
    options: { ...rails({ maxPageSize: null }), origin: 'https://example.com' },
    status: 200,
    body: items(1, 50),
  },
  {
    id: 'rails: page_size=0 is the default size while max_page_size is set (off by default)',
    from: `${RAILS_GUIDE} "Disabling Pagination Per Request"; ${RAILS_PAGINATOR} _page_size (to_i not > 0)`,
    rows: 50,
    target: '/api/movies?page_size=0',
    host: 'example.com',
    options: { ...rails(), origin: 'https://example.com' },
    status: 200,
    body: railsBody(1, 30, 50, { next: `${MOVIES}?page=2&page_size=0` }, 1, 30),
  },
  {
    id: 'rails: only the literal 0 disables: page_size=%200 is the default size',
    from: `${RAILS_CRUD} index! (params[page_size_query_param] != "0")`,
    rows: 50,
    target: '/api/movies?page_size=%200',
    host: 'example.com',
    options: { ...rails({ maxPageSize: null }), origin: 'https://example.com' },
    status: 200,
    body: railsBody(1, 30, 50, { next: `${MOVIES}?page=2&page_size=+0` }, 1, 30),
  },
  {
    id: 'rails: an empty list has 0 pages and no links',
    from: `${RAILS_PAGINATOR} initialize (@count / @page_size, rounded up) and .compact`,
    rows: 0,
    target: '/api/movies',
    host: 'example.com',
    options: { ...rails(), origin: 'https://example.com' },
    status: 200,
    body: { count: 0, page: 1, page_size: 30, total_pages: 0, results: [] },
  },

  // Django's Paginator.get_page (invalidPage: 'last'): not an integer is page 1, out of range the last page.
  ...(
    [
      ['not an integer', '?page=abc', 1],
      ['out of range (e.g. 9999)', '?page=9999', 3],
      ['below 1', '?page=0', 3],
      ['a float text', '?page=1.0', 1],
      ['in range', '?page=2', 2],
    ] as const
  ).map(([name, query, page]): ShapeVector => ({
    id: `django get_page: ${name} is page ${page}`,
    from: DJANGO,
    rows: 12,
    target: `/users/${query}`,
    host: 'testserver',
    options: { pagination: pageNumberPagination({ pageSize: 5, invalidPage: 'last' }), serialize },
    status: 200,
    body: {
      count: 12,
      next: page < 3 ? `http://testserver/users/?page=${page + 1}` : null,
      previous: page === 1 ? null : page === 2 ? 'http://testserver/users/' : 'http://testserver/users/?page=2',
      results: items(page * 5 - 4, Math.min(page * 5, 12)),
    },
  })),
  {
    id: "drf: invalidPage 'error' (default) is DRF's 404",
    from: '/work/shared/reference/drf-pagination.md (PageNumberPagination.paginate_queryset: NotFound)',
    rows: 12,
    target: '/users/?page=9999',
    host: 'testserver',
    options: { pagination: pageNumberPagination({ pageSize: 5 }), serialize },
    status: 404,
    body: { detail: 'Invalid page.' },
  },

  // Custom bodies through the body hook.
  {
    id: "body: DRF 2's PaginationSerializer, page 1 of Django's ['john', 'paul', 'george', 'ringo'] by 2",
    from: `${DRF2_DOCS} "Paginating basic data"`,
    rows: 4,
    target: '/foobar',
    host: 'testserver',
    options: { pagination: pageNumberPagination({ pageSize: 2 }), serialize, body: drf2Default },
    status: 200,
    body: { count: 4, next: 'http://testserver/foobar?page=2', previous: null, results: items(1, 2) },
  },
  {
    id: "body: DRF 2's links keep page=1 (replace_query_param)",
    from: `encode/django-rest-framework@2.4.8 rest_framework/pagination.py PreviousPageField`,
    rows: 4,
    target: '/foobar?page=2',
    host: 'testserver',
    options: { pagination: pageNumberPagination({ pageSize: 2 }), serialize, body: drf2Default },
    status: 200,
    body: { count: 4, next: null, previous: 'http://testserver/foobar?page=1', results: items(3, 4) },
  },
  {
    id: "body: DRF 2's CustomPaginationSerializer (links next/prev, total_results, objects)",
    from: `${DRF2_DOCS} "Custom pagination serializers"`,
    rows: 45,
    target: '/examples/?page=2',
    host: 'testserver',
    options: { pagination: pageNumberPagination({ pageSize: 10 }), serialize, body: drf2Custom },
    status: 200,
    body: {
      links: { next: 'http://testserver/examples/?page=3', prev: 'http://testserver/examples/?page=1' },
      total_results: 45,
      objects: items(11, 20),
    },
  },
  {
    id: "body: DRF 3's get_paginated_response with a nested links key",
    from: DRF3_DOCS,
    rows: 250,
    target: '/examples/?page=2',
    host: 'testserver',
    options: { pagination: pageNumberPagination({ pageSize: 100 }), serialize, body: drf3Custom },
    status: 200,
    body: {
      links: { next: 'http://testserver/examples/?page=3', previous: 'http://testserver/examples/' },
      count: 250,
      results: items(101, 200),
    },
  },
  {
    id: "body: DRF 3's nested links on a limit-offset list",
    from: DRF3_DOCS,
    rows: 250,
    target: '/examples/?limit=100&offset=100',
    host: 'testserver',
    options: { pagination: limitOffsetPagination({ defaultLimit: 100 }), serialize, body: drf3Custom },
    status: 200,
    body: {
      links: { next: 'http://testserver/examples/?limit=100&offset=200', previous: 'http://testserver/examples/?limit=100' },
      count: 250,
      results: items(101, 200),
    },
  },
];

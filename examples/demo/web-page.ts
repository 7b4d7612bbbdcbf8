// The page at `/`: the three styles side by side over the same rows. For each, the page's rows, the
// GraphQL query that fetched them, the REST request and body that give the same page, and the SQL each
// ran, so a visitor sees OFFSET against keyset and the cursor GraphQL and REST share. The numbered
// controls are the REST adapter's HTML controls (DRF's ellipsis); errors are a readable HTML page.
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPaginationError, pageNumberPagination, PaginationError, type PaginationErrorCode } from 'pagewise';

/** `url` without the `key` parameter. */
function removeQueryParam(url: string, key: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete(key);
  return parsed.toString();
}
import { mikroOrmSource } from 'pagewise/mikro-orm';
import {
  absoluteUrl,
  errorResponse,
  escapeHtml,
  paginateRequest,
  renderPaginationControls,
  restRequestOf,
  type RestRequest,
} from 'pagewise/rest';
import { ArticleSchema } from './entities';
import type { DemoContext } from './graphql-schema';
import type { RestRoute } from './rest-routes';
import { captureSql } from './sql-log';

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 90rem; padding: 0 1rem; color: #222; }
h1 { margin: 0 0 .25rem; } h2 { margin: .25rem 0 .5rem; } h3 { font-size: .95rem; margin: .75rem 0 .25rem; overflow-wrap: anywhere; }
.styles { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 1rem; }
.style { border: 1px solid #ddd; border-radius: 6px; padding: .75rem; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .15rem .35rem; border-bottom: 1px solid #eee; }
pre { background: #f6f8fa; padding: .5rem; overflow: auto; max-height: 16rem; font-size: 12px; white-space: pre-wrap; word-break: break-all; margin: 0; }
pre.sql { background: #fff8e6; }
.pagination__list { display: flex; gap: .25rem; list-style: none; padding: 0; flex-wrap: wrap; }
.pagination__link { display: inline-block; min-width: 2rem; padding: .25rem .5rem; border: 1px solid #ccc; border-radius: 4px; text-align: center; text-decoration: none; }
.pagination__item--active .pagination__link { background: #2457a6; color: #fff; border-color: #2457a6; }
.pagination__item--disabled .pagination__link, .pagination__item--break .pagination__link { color: #999; border-color: #eee; }
.walk a { margin-right: 1rem; } .note { color: #666; font-size: .9em; } code { background: #f4f4f4; padding: 0 .2rem; }
@media (max-width: 70rem) { .styles { grid-template-columns: 1fr; } }`;

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;
// A cursor cannot jump to page N: reaching it means following `next` N-1 times; the page does that
// for a jump from the numbered controls, up to here.
const MAX_CURSOR_WALK = 50;

const pagination = pageNumberPagination({ pageSize: DEFAULT_PAGE_SIZE, pageSizeQueryParam: 'page_size', maxPageSize: MAX_PAGE_SIZE });

const ROW = 'databaseId title views createdAt';
const QUERIES = {
  'page-number': `query PageNumber($page: PageNumber, $pageSize: Int) {\n  articlePages(page: $page, pageSize: $pageSize) {\n    count next previous\n    results { ${ROW} }\n  }\n}`,
  'limit-offset': `query LimitOffset($limit: Int, $offset: Int) {\n  articleOffsets(limit: $limit, offset: $offset) {\n    count next previous\n    results { ${ROW} }\n  }\n}`,
  cursor: `query Cursor($first: Int, $after: String, $last: Int, $before: String) {\n  articleFeed(first: $first, after: $after, last: $last, before: $before) {\n    next previous\n    results { ${ROW} }\n  }\n}`,
} as const;
const DOCUMENTS = Object.fromEntries(Object.entries(QUERIES).map(([style, query]) => [style, parse(query)])) as Record<
  keyof typeof QUERIES,
  ReturnType<typeof parse>
>;

type Style = keyof typeof QUERIES;
interface Row {
  readonly databaseId: number;
  readonly title: string;
  readonly views: number;
  readonly createdAt: string;
}
interface OffsetList {
  readonly count?: number;
  readonly next: string | null;
  readonly previous: string | null;
  readonly results: readonly Row[];
}

/** One style's column: what GraphQL returned and ran, what REST returned and ran. */
interface Column {
  readonly style: Style;
  readonly title: string;
  readonly variables: Record<string, unknown>;
  readonly list: OffsetList | null;
  readonly graphqlSql: readonly string[];
  readonly restPath: string;
  readonly restBody: string;
  readonly restSql: readonly string[];
  readonly note?: string;
}

const pre = (text: string, className: string): string => `<pre class="${className}">${escapeHtml(text)}</pre>`;

function errorPage(res: ServerResponse, status: number, detail: string): void {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${status}: ${escapeHtml(detail)}</title><style>${STYLE}</style></head>
<body><h1>${status}</h1><p id="error">${escapeHtml(detail)}</p><p><a href="/">Back to the first page</a></p></body></html>`;
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html);
}

function rowsTable(list: OffsetList | null): string {
  if (!list) return '<p class="note">No rows.</p>';
  const rows = list.results
    .map(
      (row) =>
        `<tr><td>${row.databaseId}</td><td>${escapeHtml(row.title)}</td><td>${row.views}</td><td>${escapeHtml(row.createdAt)}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>#</th><th>Title</th><th>Views</th><th>createdAt</th></tr></thead><tbody class="rows">${rows}</tbody></table>`;
}

function columnHtml(column: Column): string {
  const sql = [
    '-- GraphQL',
    ...(column.graphqlSql.length ? column.graphqlSql : ['(none)']),
    '-- REST',
    ...(column.restSql.length ? column.restSql : ['(none)']),
  ].join('\n');
  return `<section class="style" id="${column.style}" aria-labelledby="${column.style}-title">
<h2 id="${column.style}-title">${column.title}</h2>
${column.note ? `<p class="note">${escapeHtml(column.note)}</p>` : ''}
${rowsTable(column.list)}
<h3>GraphQL query</h3>${pre(`${QUERIES[column.style]}\n# variables: ${JSON.stringify(column.variables)}`, 'graphql')}
<h3>REST: <a href="${escapeHtml(column.restPath)}">GET ${escapeHtml(column.restPath)}</a></h3>${pre(column.restBody, 'rest')}
<h3>SQL</h3>${pre(sql, 'sql')}
</section>`;
}

/** Serves the page; `?page=`, `?page_size=` and `?cursor=` (the cursor column's) browse it. */
export function webPage(
  orm: MikroORM,
  schema: GraphQLSchema,
  routes: Readonly<Record<string, RestRoute>>,
  onError: (error: unknown) => void,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const graphql = async <T>(style: Style, variables: Record<string, unknown>): Promise<{ data: T | null; sql: string[] }> => {
    const contextValue: DemoContext = { em: orm.em.fork() };
    const { result, sql } = await captureSql(
      async () => (await execute({ schema, document: DOCUMENTS[style], variableValues: variables, contextValue })) as ExecutionResult,
    );
    const [first] = result.errors ?? [];
    if (first) {
      // A client's bad cursor comes back as the adapter's GraphQLError; the page answers it as REST does.
      const code = first.extensions['paginationCode'];
      throw typeof code === 'string' ? new PaginationError(code as PaginationErrorCode, first.message) : (first.originalError ?? first);
    }
    const data = result.data ? (Object.values(result.data)[0] as T) : null;
    return { data, sql };
  };
  const rest = async (request: RestRequest, path: string): Promise<{ body: string; sql: string[] }> => {
    const route = routes[path.split('?', 1)[0]!]!;
    const { result, sql } = await captureSql(() => route.respond({ ...request, url: path }));
    let body = result.body;
    try {
      body = JSON.stringify(JSON.parse(result.body), null, 2);
    } catch {
      // Not JSON: shown as sent.
    }
    return { body: `HTTP ${result.status}\n${body}`, sql };
  };

  return async (req, res) => {
    const request = restRequestOf(req);
    const url = absoluteUrl(request);
    if (url === null) return errorPage(res, 400, 'Bad request: the Host header is not a host name.');
    try {
      // The numbered controls jump pages: their links leave the cursor out, which the page then walks to.
      const source = mikroOrmSource(orm.em.fork() as SqlEntityManager, ArticleSchema, { ordering: ['-createdAt'] });
      const restPage = await paginateRequest(removeQueryParam(url, 'cursor'), source, { pagination });
      if (!restPage.paginated || restPage.page.style !== 'page-number')
        throw new Error('the page-number pagination of the page is always on');
      const { page, pageSize } = restPage.page;
      const offset = (page - 1) * pageSize;
      const params = new URL(url).searchParams;
      const cursor = params.get('cursor');
      // A REST cursor knows its direction; in GraphQL a previous cursor goes to `before` (with `last`).
      const backward = cursor !== null && params.get('dir') === 'previous';

      const pageNumber = await graphql<OffsetList>('page-number', { page, pageSize });
      const pageNumberRest = await rest(request, `/api/articles?page=${page}&page_size=${pageSize}`);
      const limitOffset = await graphql<OffsetList>('limit-offset', { limit: pageSize, offset });
      const limitOffsetRest = await rest(request, `/api/articles/offset?limit=${pageSize}&offset=${offset}`);

      // The cursor column: the page's cursor, else the first page walked forward to this one.
      let after = cursor;
      let note: string | undefined;
      if (after === null && page > 1) {
        if (page - 1 > MAX_CURSOR_WALK) {
          note = `A cursor cannot jump to page ${page}: it only follows next and previous. This column stays on page 1; walk with Next.`;
        } else {
          let walk: string | null = null;
          for (let step = 1; step < page; step += 1) {
            walk = (await graphql<OffsetList>('cursor', { first: pageSize, after: walk })).data?.next ?? null;
          }
          after = walk;
          note = `Reached by following next ${page - 1} time${page === 2 ? '' : 's'}: a cursor cannot jump to a page number.`;
        }
      }
      const cursorVariables = backward ? { last: pageSize, before: after } : { first: pageSize, after };
      const cursorPage = await graphql<OffsetList>('cursor', cursorVariables);
      const cursorPath = `/api/articles/cursor?page_size=${pageSize}${after ? `&cursor=${encodeURIComponent(after)}` : ''}`;
      const cursorRest = await rest(request, cursorPath);

      const columns: Column[] = [
        {
          style: 'page-number',
          title: 'Page number (OFFSET)',
          variables: { page, pageSize },
          list: pageNumber.data,
          graphqlSql: pageNumber.sql,
          restPath: `/api/articles?page=${page}&page_size=${pageSize}`,
          restBody: pageNumberRest.body,
          restSql: pageNumberRest.sql,
        },
        {
          style: 'limit-offset',
          title: 'Limit-offset (OFFSET)',
          variables: { limit: pageSize, offset },
          list: limitOffset.data,
          graphqlSql: limitOffset.sql,
          restPath: `/api/articles/offset?limit=${pageSize}&offset=${offset}`,
          restBody: limitOffsetRest.body,
          restSql: limitOffsetRest.sql,
        },
        {
          style: 'cursor',
          title: 'Cursor (keyset, signed)',
          variables: cursorVariables,
          list: cursorPage.data,
          graphqlSql: cursorPage.sql,
          restPath: cursorPath,
          restBody: cursorRest.body,
          restSql: cursorRest.sql,
          ...(note !== undefined && { note }),
        },
      ];

      // Previous and next move the three columns together; the cursor column follows its own cursors.
      const link = (target: number, targetCursor: string | null | undefined, direction: 'next' | 'previous'): string => {
        const query = new URLSearchParams({ page: String(target), page_size: String(pageSize) });
        if (targetCursor) query.set('cursor', targetCursor);
        if (targetCursor && direction === 'previous') query.set('dir', 'previous');
        return `/?${query.toString()}`;
      };
      const walkLinks = [
        page > 1
          ? `<a id="walk-previous" href="${escapeHtml(link(page - 1, cursorPage.data?.previous, 'previous'))}">‹ Previous (all three)</a>`
          : '',
        restPage.page.hasNext
          ? `<a id="walk-next" href="${escapeHtml(link(page + 1, cursorPage.data?.next, 'next'))}">Next (all three) ›</a>`
          : '',
      ].join('');
      const shared = cursorPage.data?.next
        ? `<p class="note" id="shared-cursor">The cursor column's next cursor is one string for both: GraphQL's <code>articleFeed.next</code> and REST's <code>?cursor=</code>: <code>${escapeHtml(cursorPage.data.next)}</code></p>`
        : '';

      const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pagewise demo</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body>
<h1>pagewise demo</h1>
<p>Django REST framework's three pagination styles for GraphQL and REST over MikroORM, side by side over the same rows.
GraphQL: <a href="/graphql">/graphql</a> (GraphiQL); REST: <a href="/api/">/api/</a>.</p>
<p id="count">${restPage.count} articles, page ${page}</p>
${renderPaginationControls(await restPage.htmlContext())}
<p class="walk">${walkLinks}</p>
${shared}
<div class="styles">
${columns.map(columnHtml).join('\n')}
</div>
</body></html>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } catch (error) {
      const response = errorResponse(error, request, isPaginationError(error) ? undefined : onError);
      const detail = (JSON.parse(response.body) as { detail?: string }).detail ?? 'A server error occurred.';
      errorPage(res, response.status, detail);
    }
  };
}

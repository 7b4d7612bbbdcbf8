// The page at `/`: a table of articles paged by the REST adapter's HTML controls (page-number, DRF's
// ellipsis), and a "load more" list on the GraphQL cursor connection.
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pageNumberPagination } from 'pagewise';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import {
  absoluteUrl,
  detailResponse,
  errorResponse,
  escapeHtml,
  paginateRequest,
  renderPaginationControls,
  restRequestOf,
  sendRestResponse,
} from 'pagewise/rest';
import { ArticleSchema, type Article } from './entities';

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd; }
.pagination__list { display: flex; gap: .25rem; list-style: none; padding: 0; flex-wrap: wrap; }
.pagination__link { display: inline-block; min-width: 2rem; padding: .25rem .5rem; border: 1px solid #ccc; border-radius: 4px; text-align: center; text-decoration: none; }
.pagination__item--active .pagination__link { background: #2457a6; color: #fff; border-color: #2457a6; }
.pagination__item--disabled .pagination__link, .pagination__item--break .pagination__link { color: #999; border-color: #eee; }
#feed li { padding: .15rem 0; } code { background: #f4f4f4; padding: 0 .2rem; }`;

const SCRIPT = `
const feed = document.getElementById('feed');
const button = document.getElementById('load-more');
const status = document.getElementById('feed-status');
let after = null;
async function loadMore() {
  button.disabled = true;
  const query = 'query Feed($after: String) { articles(first: 10, after: $after) { edges { node { id title createdAt } } pageInfo { endCursor hasNextPage } } }';
  const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { after } }) });
  const { data, errors } = await response.json();
  if (errors) { status.textContent = errors[0].message; button.disabled = false; return; }
  for (const { node } of data.articles.edges) {
    const item = document.createElement('li');
    item.textContent = '#' + node.id + ' ' + node.title + ' (' + node.createdAt + ')';
    feed.appendChild(item);
  }
  after = data.articles.pageInfo.endCursor;
  status.textContent = feed.children.length + ' loaded';
  button.disabled = !data.articles.pageInfo.hasNextPage;
}
button.addEventListener('click', loadMore);`;

const pagination = pageNumberPagination({ pageSize: 10 });

function rowsHtml(rows: readonly Article[]): string {
  return rows
    .map(
      (row) => `<tr><td>${row.id}</td><td>${escapeHtml(row.title)}</td><td>${row.views}</td><td>${row.createdAt.toISOString()}</td></tr>`,
    )
    .join('\n');
}

/** Serves the page; `?page=` browses the table. */
export function webPage(orm: MikroORM): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const request = restRequestOf(req);
    const options = { pagination, source: mikroOrmSource(orm.em.fork() as SqlEntityManager, ArticleSchema, { ordering: ['-createdAt'] }) };
    const url = absoluteUrl(request);
    if (url === null) {
      sendRestResponse(res, detailResponse(400, 'Bad request.'));
      return;
    }
    let restPage;
    try {
      restPage = await paginateRequest(url, options.source, options);
    } catch (error) {
      sendRestResponse(res, errorResponse(error, request));
      return;
    }
    if (!restPage.paginated) throw new Error('the page-number pagination of the page is always on');
    const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pagewise demo</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body>
<h1>pagewise demo</h1>
<p>Django REST framework's pagination for GraphQL and REST over MikroORM. GraphQL: <a href="/graphql">/graphql</a>; REST: <a href="/api/">/api/</a>.</p>
<section aria-labelledby="browse">
<h2 id="browse">Browse articles (REST, page-number)</h2>
<p id="count">${restPage.count} articles, page ${restPage.page.style === 'page-number' ? restPage.page.page : 1}</p>
<table><thead><tr><th>#</th><th>Title</th><th>Views</th><th>Created</th></tr></thead>
<tbody id="rows">
${rowsHtml(restPage.page.items)}
</tbody></table>
${renderPaginationControls(await restPage.htmlContext())}
</section>
<section aria-labelledby="more">
<h2 id="more">Load more (GraphQL connection, signed cursors)</h2>
<ul id="feed"></ul>
<p><button id="load-more" type="button">Load more</button> <span id="feed-status" role="status"></span></p>
</section>
<script>${SCRIPT}</script>
</body></html>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  };
}

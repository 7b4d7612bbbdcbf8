// The GraphQL IDE at `/graphql` (a browser's GET): GraphiQL 3 and React 18 from node_modules, served
// by this server, so the IDE works offline and behind a firewall; nothing is fetched from a CDN.
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';

// Their UMD builds: plain <script> tags, no bundler, no build step at start.
const ASSETS: Readonly<Record<string, { pkg: string; file: string; type: string }>> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript; charset=utf-8' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css; charset=utf-8' },
};

/** Where the IDE's files are served. */
export const IDE_ASSET_PATH = '/graphql/ide/';

const DEFAULT_QUERY = `# The three styles over the same rows; the cursor is shared with REST (/api/articles/cursor?cursor=…).
{
  articles(first: 5) {
    edges { cursor node { id databaseId title createdAt author { name } } }
    pageInfo { endCursor hasNextPage }
  }
  articlePages(page: 1, pageSize: 5) { count next results { id title } }
  articleOffsets(limit: 5, offset: 0) { count next results { id title } }
}
`;

const loaded = new Map<string, Buffer>();

/** Serves one of the IDE's files; false when `name` is not one. */
export function sendIdeAsset(name: string, res: ServerResponse): boolean {
  const asset = ASSETS[name];
  if (!asset) return false;
  let body = loaded.get(name);
  if (!body) {
    // From the package's directory: React's `exports` map does not list its UMD files.
    body = readFileSync(join(dirname(require.resolve(`${asset.pkg}/package.json`)), asset.file));
    loaded.set(name, body);
  }
  res.writeHead(200, { 'content-type': asset.type, 'content-length': body.length, 'cache-control': 'public, max-age=86400' }).end(body);
  return true;
}

/** Whether a GET of /graphql is a person's browser asking for the IDE rather than a query. */
export function wantsIde(accept: string | undefined, search: string): boolean {
  return !new URLSearchParams(search).has('query') && (accept ?? '').includes('text/html');
}

/** The IDE's page. */
export function ideHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pagewise demo: GraphiQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${IDE_ASSET_PATH}graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style></head>
<body><div id="graphiql">Loading GraphiQL…</div>
<script src="${IDE_ASSET_PATH}react.js"></script>
<script src="${IDE_ASSET_PATH}react-dom.js"></script>
<script src="${IDE_ASSET_PATH}graphiql.js"></script>
<script>
const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY).replace(/</g, '\\u003c')}, defaultEditorToolbarOpen: true }),
);
</script></body></html>`;
}

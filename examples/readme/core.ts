import { cursorPagination, paginateCursor, paginateRelay, hmacSigner } from 'pagewise';
import { arraySource } from 'pagewise/array';

const rows = [
  { id: 1, title: 'Hello', created: '2026-01-02T10:00:00Z' },
  { id: 2, title: 'World', created: '2026-01-01T09:00:00Z' },
  { id: 3, title: 'Again', created: '2026-01-01T09:00:00Z' },
];
const pagination = cursorPagination({
  pageSize: 20,
  maxPageSize: 100,
  pageSizeQueryParam: 'page_size',
  ordering: ['-created', 'title'],
  orderingFields: ['created', 'title'], // what ?ordering= (or a GraphQL argument) may choose
  signer: hmacSigner(process.env.CURSOR_SECRET!), // optional: tamper-evident cursors (a secret of 16+ bytes)
});
const source = arraySource(rows, { uniqueKey: 'id' });

export async function pages(query: { cursor?: string; page_size?: string }) {
  // DRF's query parameters (strings, as REST receives them) ...
  const page = await paginateCursor(source, pagination, { cursor: query.cursor, pageSize: query.page_size });
  // ... or Relay's arguments (as GraphQL receives them): the next 10 rows
  const connection = await paginateRelay(source, pagination, { first: 10, after: page?.endCursor });
  return { page, connection };
}

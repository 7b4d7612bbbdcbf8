import { pageNumberPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { standardPageNumberPagination, type RestOptions } from 'pagewise/rest';

interface Row {
  id: number;
  title: string;
}
const source = arraySource<Row>([{ id: 1, title: 'Hello' }], { uniqueKey: 'id' });

// drf-commons' StandardPageNumberPagination (or limitOffsetPaginationWithFormat()): its defaults and body.
export const commons: RestOptions<Row> = { ...standardPageNumberPagination(), source };

// Rails REST Framework's page-number body.
export const rails: RestOptions<Row> = {
  pagination: pageNumberPagination({ pageSize: 30, pageSizeQueryParam: 'page_size', maxPageSize: 40 }),
  shape: 'rails',
  source,
};

// Django's get_page(): a page past the end (or 0) is the last page, one that is not a number page 1.
export const lenient: RestOptions<Row> = { pagination: pageNumberPagination({ pageSize: 5, invalidPage: 'last' }), source };

// A body of your own (DRF 3's get_paginated_response), with its OpenAPI schema.
export const custom: RestOptions<Row> = {
  pagination: pageNumberPagination({ pageSize: 100 }),
  source,
  body: (page) => ({ links: { next: page.next, previous: page.previous }, count: page.count, results: page.results }),
  bodySchema: (results) => ({ type: 'object', properties: { links: { type: 'object' }, count: { type: 'integer' }, results } }),
};
// Each is served as any endpoint: nodeHandler(rails), expressHandler(rails), fastifyHandler(rails).

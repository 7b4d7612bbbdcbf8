import { createServer } from 'node:http';
import express from 'express';
import Fastify from 'fastify';
import { pageNumberPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { expressHandler, fastifyHandler, nodeHandler, restResponse, type RestOptions } from 'pagewise/rest';

interface Row {
  id: number;
  title: string;
  body: string;
}
const rows: Row[] = [{ id: 1, title: 'Hello', body: '...' }];

const articles: RestOptions<Row> = {
  pagination: pageNumberPagination({ pageSize: 20, pageSizeQueryParam: 'page_size', maxPageSize: 100 }),
  source: () => arraySource(rows, { uniqueKey: 'id' }), // a PageSource, or a function of the request
  serialize: (row) => ({ id: row.id, title: row.title }), // DRF's serializer; default: the row itself
  trustProxy: true, // behind a proxy that sets X-Forwarded-Proto / X-Forwarded-Host
  onError: (error) => console.error(error), // hears of every 500 and 503
};

createServer(nodeHandler(articles)); // node:http
express().get('/articles/', expressHandler(articles)); // Express 5 (links keep the router's mount path)
Fastify().get('/articles/', fastifyHandler(articles)); // Fastify 5, or fastify.register(fastifyPagination('/articles/', articles))
export const response = restResponse({ url: '/articles/?page=1', headers: { host: 'example.org' } }, articles); // anything else: { status, headers, body }

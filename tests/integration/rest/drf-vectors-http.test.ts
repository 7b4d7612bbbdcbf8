// Every REST vector of ../shared/reference/drf-test-vectors.json over real HTTP through the node:http
// glue: the status and the JSON body byte for byte, and the pages its links lead to.
import { cursorPagination, limitOffsetPagination, pageNumberPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { nodeHandler, type RestOptions } from 'pagewise/rest';
import { optionsOf, rowsOf, vectorsOf, type DrfVector } from '../../support/drf-vectors';
import { listenNode, type RunningServer } from './servers';

const requests = vectorsOf('request');

function restOptionsOf(vector: DrfVector): RestOptions<unknown> {
  const options = optionsOf(vector);
  delete options['paginationClass'];
  const pagination =
    vector.style === 'page_number'
      ? pageNumberPagination(options)
      : vector.style === 'limit_offset'
        ? limitOffsetPagination(options)
        : cursorPagination({ ...options, mode: 'drf' });
  return {
    pagination,
    source: arraySource(rowsOf(vector)),
    // The vectors show cursor items by their `created` value.
    serialize: (row) => (typeof row === 'object' && row !== null ? (row as { created: number }).created : row),
    trustProxy: true,
  };
}

/** The body DRF sends for a vector, in DRF's key order. */
function expectedBody(vector: DrfVector): unknown {
  const expected = vector.expect;
  if (expected['status'] === 404) return { detail: expected['detail'] };
  if (expected['pagination_disabled']) return expected['body'];
  const links = { next: expected['next'], previous: expected['previous'], results: expected['results'] };
  return 'count' in expected ? { count: expected['count'], ...links } : links;
}

let server: RunningServer;
const handlers = new Map(requests.map((vector) => [vector.id, nodeHandler(restOptionsOf(vector))]));
// Django's test client talks to http://testserver; a proxy in front of us says the same.
const headersFor = (vector: DrfVector) => ({ 'x-vector': vector.id, 'x-forwarded-host': 'testserver', 'x-forwarded-proto': 'http' });

beforeAll(async () => {
  server = await listenNode((req, res) => void handlers.get(String(req.headers['x-vector']))!(req, res));
});
afterAll(() => server.close());

async function get(vector: DrfVector, pathAndQuery: string): Promise<{ status: number; text: string; type: string | null }> {
  const response = await fetch(server.base + pathAndQuery, { headers: headersFor(vector) });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

describe('DRF request vectors over node:http', () => {
  it.each(requests.map((vector) => [vector.id, vector] as const))('%s', async (_id, vector) => {
    const request = vector.request!;
    const { status, text, type } = await get(vector, `${request.path}${request.query_string ? `?${request.query_string}` : ''}`);
    const body = expectedBody(vector);
    expect({ status, body: JSON.parse(text) as unknown }).toEqual({ status: vector.expect['status'], body });
    expect(text).toBe(JSON.stringify(body));
    expect(type).toBe('application/json');

    for (const [link, resultsKey] of [
      [vector.expect['next'], 'next_page_results'],
      [vector.expect['previous'], 'previous_page_results'],
    ] as const) {
      if (typeof link !== 'string' || !(resultsKey in vector.expect)) continue;
      const target = new URL(link);
      const followed = await get(vector, target.pathname + target.search);
      expect((JSON.parse(followed.text) as { results: unknown }).results).toEqual(vector.expect[resultsKey]);
    }
  });
});

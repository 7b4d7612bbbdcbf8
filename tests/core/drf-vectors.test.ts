// Every vector of ../shared/reference/drf-test-vectors.json through core and the array source.
import {
  cursorPagination,
  decodeCursor,
  displayedPageNumbers,
  paginatedResponseSchema,
  resolveClientOrdering,
  schemaOperationParameters,
  formatOrdering,
  limitOffsetPagination,
  pageNumberPagination,
} from 'pagewise/internal';
import { arraySource } from 'pagewise/array';
import { drfRequest } from '../support/drf-request';
import { optionsOf, rowsOf, urlOf, vectorsOf, type DrfVector } from '../support/drf-vectors';

const created = (rows: readonly unknown[]): unknown[] =>
  rows.map((row) => (typeof row === 'object' && row !== null ? (row as { created: number }).created : row));

function optionsFor(vector: DrfVector): Record<string, unknown> {
  const options = optionsOf(vector);
  delete options['paginationClass'];
  // DRF's cursor vectors are DRF's algorithm, artifacts included.
  return vector.style === 'cursor' ? { ...options, mode: 'drf' } : options;
}

async function run(vector: DrfVector, url = urlOf(vector)) {
  return drfRequest(vector.style, optionsFor(vector), arraySource(rowsOf(vector)), url);
}

const snakeLinks = (links: ReadonlyArray<{ url: string | null; number: number | null; isActive: boolean; isBreak: boolean }>) =>
  links.map(({ url, number, isActive, isBreak }) => ({ url, number, is_active: isActive, is_break: isBreak }));

describe('DRF request vectors', () => {
  it.each(vectorsOf('request').map((vector) => [vector.id, vector] as const))('%s', async (_id, vector) => {
    const outcome = await run(vector);
    const expected = vector.expect;
    if (expected['status'] === 404) {
      expect(outcome).toEqual({ status: 404, detail: expected['detail'] });
      return;
    }
    if (expected['pagination_disabled']) {
      expect(outcome).toEqual({ status: 200, disabled: true });
      return;
    }
    if (outcome.status !== 200 || outcome.disabled) throw new Error(`unexpected outcome ${JSON.stringify(outcome)}`);
    expect(created(outcome.results)).toEqual(expected['results']);
    expect(outcome.next).toEqual(expected['next']);
    expect(outcome.previous).toEqual(expected['previous']);
    if ('count' in expected) expect(outcome.count).toEqual(expected['count']);
    if ('display_page_controls' in expected) expect(outcome.displayPageControls).toEqual(expected['display_page_controls']);
    const html = expected['html_context'] as { previous_url: string | null; next_url: string | null; page_links: unknown[] } | undefined;
    if (html) {
      expect({ previous_url: outcome.htmlContext.previous, next_url: outcome.htmlContext.next }).toEqual({
        previous_url: html.previous_url,
        next_url: html.next_url,
      });
      if (vector.style !== 'cursor') expect(snakeLinks(outcome.htmlContext.pageLinks)).toEqual(html.page_links);
    }
    for (const [link, decodedKey, resultsKey] of [
      [outcome.next, 'next_decoded', 'next_page_results'],
      [outcome.previous, 'previous_decoded', 'previous_page_results'],
    ] as const) {
      if (!(decodedKey in expected)) continue;
      const decoded = expected[decodedKey] as { param_value: string; offset: number; reverse: boolean; position: string | null } | null;
      if (decoded === null || link === null) {
        expect(link).toBeNull();
        expect(decoded).toBeNull();
        continue;
      }
      const value = new URL(link).searchParams.get('cursor')!;
      expect(value).toBe(decoded.param_value);
      expect(decodeCursor(value, { offsetCutoff: 1000 })).toEqual({
        offset: decoded.offset,
        reverse: decoded.reverse,
        position: decoded.position,
        key: undefined,
      });
      const followed = await run(vector, link);
      if (followed.status !== 200 || followed.disabled) throw new Error('following a link failed');
      expect(created(followed.results)).toEqual(expected[resultsKey]);
    }
  });
});

describe('DRF displayed page numbers', () => {
  it.each(vectorsOf('displayed_page_numbers').map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    const { current, final } = vector.input as { current: number; final: number };
    expect(displayedPageNumbers(current, final)).toEqual(vector.expect['page_numbers']);
  });
});

describe('DRF response schemas', () => {
  it.each(vectorsOf('response_schema').map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    const options = optionsFor(vector);
    const pagination =
      vector.style === 'page_number'
        ? pageNumberPagination(options)
        : vector.style === 'limit_offset'
          ? limitOffsetPagination(options)
          : cursorPagination(options);
    expect(paginatedResponseSchema(pagination, vector.input_schema!)).toEqual(vector.expect['schema'] as object);
    expect(schemaOperationParameters(pagination)).toEqual(vector.expect['operation_parameters']);
  });
});

describe('DRF get_ordering with an OrderingFilter', () => {
  it.each(vectorsOf('get_ordering').map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    const view = vector.view as { ordering_fields: string[]; ordering?: string | null };
    const ordering = resolveClientOrdering(vector.request?.query['ordering'] as string | undefined, {
      ordering: view.ordering ?? (vector.config['ordering'] as string),
      orderingFields: view.ordering_fields,
      onInvalid: 'ignore',
    });
    expect(formatOrdering(ordering).split(',')).toEqual(vector.expect['ordering']);
  });
});

import {
  lastValue,
  pageQueryParamOf,
  queryOf,
  quotePlus,
  requestFromQuery,
  sizeSettingsOf,
  type PageRequest,
  type Pagination,
  type QueryEntries,
  type QuerySwitches,
} from '../core/internal';

// Rails RESTFramework's PageNumberPaginator (lib/rest_framework/paginators/page_number_paginator.rb,
// lib/rest_framework/controller/crud.rb in gregschmit/rails-rest-framework): how it reads a request
// and writes its links, where those differ from DRF's.

const SPACE = /[ \t\n\v\f\r]/;
const DIGIT = /[0-9]/;

/**
 * Ruby's `String#to_i`: leading whitespace, a sign, an optional `0d`, then digits with single
 * underscores between them; reading stops at anything else, and no digits is 0.
 */
export function rubyToInteger(text: string): bigint {
  let at = 0;
  while (at < text.length && SPACE.test(text[at]!)) at += 1;
  let sign = 1n;
  if (text[at] === '+' || text[at] === '-') {
    if (text[at] === '-') sign = -1n;
    at += 1;
  }
  if (text[at] === '0' && (text[at + 1] === 'd' || text[at + 1] === 'D') && DIGIT.test(text[at + 2] ?? '')) at += 2;
  let digits = '';
  while (at < text.length) {
    const char = text[at]!;
    if (DIGIT.test(char)) digits += char;
    else if (!(char === '_' && digits !== '' && DIGIT.test(text[at + 1] ?? ''))) break;
    at += 1;
  }
  return digits === '' ? 0n : sign * BigInt(digits);
}

/**
 * Reads a request as Rails RESTFramework does: the page is `to_i` of the parameter, 1 when that is
 * below 1 (`abc`, `0`, `last`); a page size is used when its `to_i` is positive, else the default;
 * only the literal `page_size=0` turns pagination off (with no maximum, and when `zeroPageSizeDisables`).
 */
export function railsRequestFromQuery(pagination: Pagination, query: QueryEntries, switches: QuerySwitches): PageRequest {
  const pageParam = pageQueryParamOf(pagination);
  const { sizeParam, maxSize } = sizeSettingsOf(pagination);
  const rawSize = sizeParam === null ? undefined : lastValue(query, sizeParam);
  const read: QueryEntries = query.filter(([key]) => key !== pageParam && key !== sizeParam);
  if (pageParam !== null) {
    const page = rubyToInteger(lastValue(query, pageParam) ?? '');
    read.push([pageParam, [String(page < 1n ? 1n : page)]]);
  }
  if (sizeParam !== null && rawSize !== undefined) {
    const size = rubyToInteger(rawSize);
    if (rawSize === switches.maxPageSizeValue) read.push([sizeParam, [rawSize]]);
    else if (size > 0n) read.push([sizeParam, [String(size)]]);
  }
  const request = requestFromQuery(pagination, read, { ...switches, zeroPageSizeDisables: false });
  // crud.rb: `if max_page_size || !page_size_query_param || params[page_size_query_param] != "0"` paginates.
  const zero = switches.zeroPageSizeDisables === true && maxSize === null && rawSize === '0';
  return zero ? { ...request, whole: true } : request;
}

/**
 * Rails' `url_for(**query_parameters, page => n)` on the request's own scheme, host and port: Rack
 * keeps a parameter's last value (all values of a `key[]`), the page is always written (page 1
 * too), and `to_query` escapes with `CGI.escape` and sorts the pairs.
 */
export function railsPageUrl(url: string, param: string, page: number): string {
  const cut = url.search(/[?#]/);
  const base = cut === -1 ? url : url.slice(0, cut);
  const pairs = queryOf(url)
    .filter(([key]) => key !== param)
    .map(([key, values]) => {
      const kept = key.endsWith('[]') ? values : values.slice(-1);
      return kept.map((value) => `${quotePlus(key)}=${quotePlus(value)}`).join('&');
    });
  pairs.push(`${quotePlus(param)}=${page}`);
  // Ruby's String#<=> compares bytes; escaped pairs are ASCII, so code units compare the same.
  pairs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${base}?${pairs.join('&')}`;
}

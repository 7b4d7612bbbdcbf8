import { encodeQuery, parseQuery, type QueryEntries } from './query-string';

interface SplitUrl {
  readonly base: string;
  readonly query: string;
  readonly fragment: string;
}

function splitUrl(url: string): SplitUrl {
  const hash = url.indexOf('#');
  const withoutFragment = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash + 1);
  const question = withoutFragment.indexOf('?');
  return {
    base: question < 0 ? withoutFragment : withoutFragment.slice(0, question),
    query: question < 0 ? '' : withoutFragment.slice(question + 1),
    fragment,
  };
}

function joinUrl({ base, query, fragment }: SplitUrl): string {
  return base + (query ? `?${query}` : '') + (fragment ? `#${fragment}` : '');
}

function editQuery(url: string, edit: (entries: QueryEntries) => QueryEntries): string {
  const parts = splitUrl(url);
  return joinUrl({ ...parts, query: encodeQuery(edit(parseQuery(parts.query))) });
}

/** DRF's `replace_query_param`: `key` gets the single value `value`; the whole query is re-sorted. */
export function replaceQueryParam(url: string, key: string, value: string | number): string {
  return editQuery(url, (entries) => {
    const rest = entries.filter(([name]) => name !== key);
    return [...rest, [key, [String(value)]]];
  });
}

/** DRF's `remove_query_param`: every value of `key` goes; the whole query is re-sorted. */
export function removeQueryParam(url: string, key: string): string {
  return editQuery(url, (entries) => entries.filter(([name]) => name !== key));
}

/** The query string of `url` parsed as Django's QueryDict sees it. */
export function queryOf(url: string): QueryEntries {
  return parseQuery(splitUrl(url).query);
}

import { batchLoader, keyText, keyedPageSource, linksOf, paginate, pagePositions, traitsOf, type BatchPageSource } from '../core/internal';
import type { RestRequest } from './request-url';
import type { RestEmbed, RestOptions, RestPagination, RestRenderOptions } from './rest-options';

export type { RestEmbed };
import type { RestPage } from './rest-page';
import { serializeRows } from './serialize-rows';

/** Options of {@link restEmbed}. */
export interface RestEmbedOptions<T, K, C> {
  /** The key of the child list in each row (`comments`). */
  readonly name: string;
  /** A row's key in the batch (its primary key). */
  readonly key: (row: T) => K;
  /** The children of all rows, made per request (e.g. `mikroOrmBatchSource(em, Comment, { key: 'article' })`). */
  readonly batchSource: (request: RestRequest) => BatchPageSource<K, C> | Promise<BatchPageSource<K, C>>;
  /** The child list's pagination; each row gets its first page at the default size. */
  readonly pagination: RestPagination;
  /** Turns a child into what the body shows (default: the child itself). */
  readonly serialize?: (child: C) => unknown;
  /**
   * The child list's own endpoint for a row (a path such as `/api/articles/7/comments`, or a URL);
   * then `next` and `previous` are DRF's links to it. Without it they are the bare position: the
   * cursor, page number or offset, as in a GraphQL offset list.
   */
  readonly link?: (row: T) => string;
  /** Whether the embedded body has DRF's `count` (default: page-number and limit-offset, as DRF). */
  readonly count?: boolean;
  /**
   * What a row's child cursors are valid for (default: the path of `link(row)`, where they continue,
   * else the list's name and the row's key): one row's cursor never continues another row's list.
   */
  readonly cursorScope?: (row: T) => string | null;
}

/**
 * A child list embedded in every row of a REST list (`embed: [restEmbed({ name: 'comments', ... })]`):
 * each row's first page in DRF's body (`count`, `next`, `previous`, `results`), all rows' pages asked
 * as one batch, so a list of 50 articles with their comments is two SQL statements (three with counts).
 */
export function restEmbed<T, K, C>(options: RestEmbedOptions<T, K, C>): RestEmbed<T> {
  const { pagination, name } = options;
  const counted = options.count ?? traitsOf(pagination).counted;
  const serialize = options.serialize ?? ((child: C): unknown => child);
  return {
    name,
    async pages(rows, request, url) {
      const batch = await options.batchSource(request);
      const loader = batchLoader(batch);
      return Promise.all(
        rows.map(async (row) => {
          const source = keyedPageSource(batch, loader, options.key(row));
          const link = options.link ? new URL(options.link(row), url) : null;
          const cursorScope = options.cursorScope
            ? options.cursorScope(row)
            : link
              ? link.pathname
              : `${name}#${keyText(options.key(row))}`;
          const page = await paginate(source, pagination, { via: 'query' }, { withCount: counted, cursorScope });
          if (page.style === 'whole') return serializeRows(page.items, serialize);
          const links = link ? linksOf(link.toString(), pagination, page) : pagePositions(page);
          const results = await serializeRows(page.items, serialize);
          return counted
            ? { count: await page.count(), next: links.next, previous: links.previous, results }
            : { next: links.next, previous: links.previous, results };
        }),
      );
    },
  };
}

/**
 * The options a page renders with: each row's serialization followed by its embedded child lists
 * (objects only; anything else is left as it is).
 */
export async function withEmbeds<T>(
  restPage: RestPage<T>,
  { source: _source, embed, ...options }: RestOptions<T>,
  request: RestRequest,
  url: string,
): Promise<RestRenderOptions<T>> {
  const embeds = embed ?? [];
  if (embeds.length === 0) return options;
  const rows = restPage.paginated ? restPage.page.items : restPage.rows;
  const lists = await Promise.all(embeds.map((embed) => embed.pages(rows, request, url)));
  const indexOf = new Map<T, number>(rows.map((row, index) => [row, index]));
  const serialize = options.serialize ?? ((row: T): unknown => row);
  return {
    ...options,
    serialize: async (row) => {
      const body = await serialize(row);
      const index = indexOf.get(row);
      if (index === undefined || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
      return { ...body, ...Object.fromEntries(embeds.map((embed, at) => [embed.name, lists[at]![index]])) };
    },
  };
}

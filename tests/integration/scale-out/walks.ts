// Walks of the demo's article list through the balancer while a writer inserts and deletes rows on
// the database nodes, and the tally of what each walk saw: duplicates, and skipped rows among those
// that existed throughout. The originals have even ids (2, 4, …, 2n) and repeat their `created_at`
// seven to a minute, as the demo's seed does; the writer inserts odd ids in between (so new rows land
// everywhere in either order) and deletes originals and its own rows.
import type { Knex } from '@mikro-orm/knex';
import { request } from 'node:http';
import { INSTANCE_HEADER } from '../../../examples/demo/server';

const EPOCH = Date.UTC(2024, 0, 1);
const createdOf = (index: number): Date => new Date(EPOCH + Math.floor(index / 7) * 60_000);

/** Empties the article table (through `db`) and writes `count` originals: ids 2, 4, …, 2·count. */
export async function resetArticles(db: Knex, count: number): Promise<void> {
  await db('comment').delete();
  await db('article').delete();
  if ((await db('author').where({ id: 1 }).first()) === undefined) {
    await db('author').insert({ id: 1, name: 'Author 1', created_at: new Date(EPOCH) });
  }
  const rows = Array.from({ length: count }, (_, index) => ({
    id: 2 * (index + 1),
    title: `original #${2 * (index + 1)}`,
    created_at: createdOf(index),
    views: (index * 37) % 1000,
    author_id: 1,
  }));
  for (let start = 0; start < rows.length; start += 500) await db('article').insert(rows.slice(start, start + 500));
}

/** What a writer did while it ran. */
export interface Writes {
  readonly inserted: number;
  readonly deleted: number;
  /** Originals it deleted: the rest existed throughout. */
  readonly deletedOriginals: ReadonlySet<number>;
}

/** A writer over `nodes` (one after another, as writes spread over a cluster) until `stop()`. */
export function startWriter(nodes: readonly Knex[], originals: number): { stop(): Promise<Writes> } {
  let state = 7;
  const pick = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state % n;
  };
  const deletedOriginals = new Set<number>();
  const born: number[] = [];
  const used = new Set<number>();
  let inserted = 0;
  let deleted = 0;
  let running = true;
  let turn = 0;
  const loop = (async () => {
    while (running) {
      const db = nodes[turn++ % nodes.length]!;
      const rows = [];
      for (let i = 0; i < 2; i += 1) {
        const index = pick(originals);
        const id = 2 * index + 1;
        if (used.has(id)) continue;
        used.add(id);
        rows.push({ id, title: `inserted #${id}`, created_at: createdOf(index), views: pick(1000), author_id: 1 });
      }
      if (rows.length > 0) {
        await db('article').insert(rows);
        inserted += rows.length;
        born.push(...rows.map((row) => row.id));
      }
      const original = 2 * (1 + pick(originals));
      const victims = [original, ...(born.length > 4 ? born.splice(pick(born.length), 1) : [])];
      deleted += Number(await db('article').whereIn('id', victims).delete());
      deletedOriginals.add(original);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { inserted, deleted, deletedOriginals };
    },
  };
}

/** One walk's pages: the ids in order of arrival, and the instance that served each page. */
export interface Walk {
  readonly ids: number[];
  readonly instances: string[];
  readonly pages: number;
}

/** What a walk saw against the originals. */
export interface Tally {
  readonly seen: number;
  readonly duplicates: number;
  /** Originals that existed throughout yet never came back. */
  readonly skipped: number;
}

/** Duplicates and skipped rows of `walk` (originals 2…2·count, minus those the writer deleted). */
export function tally(walk: Walk, originals: number, writes: Writes): Tally {
  const seen = new Set(walk.ids);
  let skipped = 0;
  for (let index = 1; index <= originals; index += 1) {
    const id = 2 * index;
    if (!writes.deletedOriginals.has(id) && !seen.has(id)) skipped += 1;
  }
  return { seen: walk.ids.length, duplicates: walk.ids.length - seen.size, skipped };
}

/**
 * One HTTP exchange on a connection of its own: the rig restarts instances, and a pooled keep-alive
 * socket to a stopped one would fail the next request (a POST is not retried).
 */
function exchange(url: string, body?: string): Promise<{ status: number; text: string; instance: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: body === undefined ? 'GET' : 'POST',
        agent: false,
        headers: body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, instance: String(res.headers[INSTANCE_HEADER] ?? '?') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A GraphQL request through `origin`: the body and the instance that answered. */
export async function graphql<T>(
  origin: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ body: { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }; instance: string }> {
  const { text, instance } = await exchange(`${origin}/graphql`, JSON.stringify({ query, variables }));
  return { body: JSON.parse(text) as never, instance };
}

/** A REST GET through `origin` (or of a whole URL, a link): status, body and the instance. */
export async function rest<T>(origin: string, path: string): Promise<{ status: number; body: T; instance: string }> {
  const { status, text, instance } = await exchange(path.startsWith('http') ? path : `${origin}${path}`);
  return { status, body: JSON.parse(text) as T, instance };
}

interface Connection {
  readonly edges: Array<{ node: { databaseId: number } }>;
  readonly pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export const ARTICLES_PAGE = `query ($first: Int, $after: String, $last: Int, $before: String, $ordering: [String!]) {
  articles(first: $first, after: $after, last: $last, before: $before, ordering: $ordering) {
    edges { node { databaseId } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

export const ARTICLE_FEED_PAGE = `query ($first: Int, $after: String, $last: Int, $before: String, $ordering: [String!]) {
  articleFeed(first: $first, after: $after, last: $last, before: $before, ordering: $ordering) {
    results { databaseId }
    next
    previous
  }
}`;

interface Feed {
  readonly results: Array<{ databaseId: number }>;
  readonly next: string | null;
  readonly previous: string | null;
}

/** Options of a cursor walk. */
export interface CursorWalkOptions {
  readonly direction: 'forward' | 'backward';
  readonly pageSize: number;
  readonly ordering?: readonly string[];
  /** Where to start (a cursor); absent starts at the first (forward) or last (backward) page. */
  readonly from?: string;
  /** Stop after this many pages (the rest of the walk can go on from `cursor`). */
  readonly maxPages?: number;
  /**
   * Follow DRF's next/previous cursors (`articleFeed`) instead of Relay's edge cursors
   * (`articles`' endCursor/startCursor), which a drf-mode `before` first turns into DRF's cursor.
   */
  readonly links?: boolean;
}

/** A cursor walk through GraphQL's `articles`, and the cursor it stopped at (null at the end). */
export async function cursorWalk(origin: string, options: CursorWalkOptions): Promise<Walk & { cursor: string | null }> {
  const forward = options.direction === 'forward';
  const ids: number[] = [];
  const instances: string[] = [];
  let cursor: string | null = options.from ?? null;
  for (let page = 0; options.maxPages === undefined || page < options.maxPages; page += 1) {
    const { body, instance } = await graphql<{ articles?: Connection; articleFeed?: Feed }>(
      origin,
      options.links ? ARTICLE_FEED_PAGE : ARTICLES_PAGE,
      {
        ...(forward ? { first: options.pageSize, after: cursor } : { last: options.pageSize, before: cursor }),
        ...(options.ordering ? { ordering: options.ordering } : {}),
      },
    );
    if (!body.data) throw new Error(`page ${page + 1} of a ${options.direction} walk: ${JSON.stringify(body.errors)}`);
    instances.push(instance);
    let pageIds: number[];
    if (body.data.articleFeed) {
      const feed = body.data.articleFeed;
      pageIds = feed.results.map((row) => row.databaseId);
      cursor = forward ? feed.next : feed.previous;
    } else {
      const { edges, pageInfo } = body.data.articles!;
      pageIds = edges.map((edge) => edge.node.databaseId);
      const more = forward ? pageInfo.hasNextPage : pageInfo.hasPreviousPage;
      cursor = more ? (forward ? pageInfo.endCursor : pageInfo.startCursor) : null;
    }
    // A backward page lists its rows in the list's order; the walk meets them last to first.
    ids.push(...(forward ? pageIds : pageIds.reverse()));
    if (cursor === null) return { ids, instances, pages: instances.length, cursor: null };
  }
  return { ids, instances, pages: instances.length, cursor };
}

/** A limit-offset walk through REST's `/api/articles/offset` (forward from 0, or backward from the count). */
export async function offsetWalk(origin: string, direction: 'forward' | 'backward', limit: number): Promise<Walk> {
  const ids: number[] = [];
  const instances: string[] = [];
  type Body = { count: number; results: Array<{ id: number }> };
  const page = async (offset: number, size: number): Promise<Body> => {
    const { status, body, instance } = await rest<Body>(origin, `/api/articles/offset?limit=${size}&offset=${offset}`);
    if (status !== 200) throw new Error(`offset ${offset}: ${status} ${JSON.stringify(body)}`);
    instances.push(instance);
    return body;
  };
  if (direction === 'forward') {
    for (let offset = 0; ; offset += limit) {
      const body = await page(offset, limit);
      ids.push(...body.results.map((row) => row.id));
      if (offset + limit >= body.count) break;
    }
  } else {
    const first = await page(0, 1);
    let end = first.count;
    instances.length = 0;
    while (end > 0) {
      const offset = Math.max(0, end - limit);
      const body = await page(offset, end - offset);
      ids.push(...body.results.map((row) => row.id).reverse());
      end = offset;
    }
  }
  return { ids, instances, pages: instances.length };
}

/** Whether consecutive pages came from different instances, and how many instances served the walk. */
export function spread(walk: Walk): { alternating: boolean; instances: number } {
  return {
    alternating: walk.instances.every((instance, index) => index === 0 || instance !== walk.instances[index - 1]),
    instances: new Set(walk.instances).size,
  };
}

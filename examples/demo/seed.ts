// Deterministic demo data: authors, articles with non-unique timestamps (several a minute) and a few
// comments per article, inserted in batches inside one transaction with a progress bar.
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';

/** How much data to make. */
export interface SeedOptions {
  readonly authors?: number;
  readonly articles?: number;
  /** Called with the fraction done, 0..1. */
  readonly progress?: (done: number) => void;
}

const EPOCH = Date.UTC(2024, 0, 1);
const WORDS = ['cursor', 'page', 'offset', 'limit', 'keyset', 'index', 'relay', 'edge', 'node', 'count', 'link', 'query'];

/** A small deterministic PRNG (mulberry32), so every seeded database is the same. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whether the database already holds the demo's articles. */
export async function isSeeded(orm: MikroORM): Promise<boolean> {
  const em = orm.em.fork() as SqlEntityManager;
  const [row] = await em.getConnection().execute<Array<{ n: number | string }>>('select count(*) as n from article');
  return Number(row?.n ?? 0) > 0;
}

/** Fills an empty database with the demo data. */
export async function seed(orm: MikroORM, options: SeedOptions = {}): Promise<{ authors: number; articles: number; comments: number }> {
  const authors = options.authors ?? 1000;
  const articles = options.articles ?? 100_000;
  const next = random(42);
  const em = orm.em.fork() as SqlEntityManager;
  const knex = em.getKnex();
  // As MikroORM stores dates: SQLite keeps epoch milliseconds, the servers their own timestamp type.
  const platform = em.getPlatform();
  const stamp = (time: number): unknown => platform.processDateProperty(new Date(time));
  const batch = 500;
  let comments = 0;
  const work = authors + articles * 2;
  let done = 0;
  const report = (amount: number): void => {
    done += amount;
    options.progress?.(Math.min(1, done / work));
  };

  await knex.transaction(async (trx) => {
    for (let start = 0; start < authors; start += batch) {
      const rows = Array.from({ length: Math.min(batch, authors - start) }, (_, index) => {
        const id = start + index + 1;
        return { id, name: `Author ${id}`, created_at: stamp(EPOCH + id * 60_000) };
      });
      await trx('author').insert(rows);
      report(rows.length);
    }
    for (let start = 0; start < articles; start += batch) {
      const articleRows = [];
      const commentRows = [];
      for (let index = start; index < Math.min(articles, start + batch); index += 1) {
        const id = index + 1;
        // Seven articles share each minute: timestamps repeat, as they do in real data.
        const createdAt = new Date(EPOCH + Math.floor(index / 7) * 60_000);
        const title = `${WORDS[Math.floor(next() * WORDS.length)]} ${WORDS[Math.floor(next() * WORDS.length)]} #${id}`;
        articleRows.push({
          id,
          title,
          created_at: stamp(createdAt.getTime()),
          views: Math.floor(next() * 1000),
          author_id: 1 + Math.floor(next() * authors),
        });
        const count = Math.floor(next() * 4);
        for (let c = 0; c < count; c += 1) {
          comments += 1;
          commentRows.push({
            id: comments,
            body: `Comment ${c + 1} on article ${id}`,
            created_at: stamp(createdAt.getTime() + (c + 1) * 1000),
            article_id: id,
          });
        }
      }
      await trx('article').insert(articleRows);
      report(articleRows.length);
      for (let c = 0; c < commentRows.length; c += batch) await trx('comment').insert(commentRows.slice(c, c + batch));
      report(articleRows.length);
    }
  });
  return { authors, articles, comments };
}

/** A progress bar on a terminal line: `[#########           ] 45%`. */
export function progressBar(write: (text: string) => void, width = 30): (done: number) => void {
  let shown = -1;
  return (done) => {
    const percent = Math.floor(done * 100);
    if (percent === shown) return;
    shown = percent;
    const filled = Math.round(done * width);
    write(
      `\rSeeding demo data [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(percent).padStart(3)}%${done >= 1 ? '\n' : ''}`,
    );
  };
}

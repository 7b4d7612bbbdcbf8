// The REST adapter over real HTTP on a SQL source (MikroORM on SQLite, PostgreSQL and MariaDB): DRF's
// bodies, the unpaginated list as one unbounded slice, a cursor walk with ties, every row once.
import { EntitySchema } from '@mikro-orm/core';
import { cursorPagination, pageNumberPagination } from 'pagewise';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { nodeHandler, type RestOptions } from 'pagewise/rest';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';
import { listenNode, type RunningServer } from './servers';

interface Post {
  id: number;
  title: string;
  created: number;
}

const PostEntity = new EntitySchema<Post>({
  name: 'RestPost',
  tableName: 'rest_post',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    title: { type: 'string', length: 64 },
    created: { type: 'integer' },
  },
});

const posts: Post[] = Array.from({ length: 17 }, (_, index) => ({
  id: index + 1,
  title: `Post ${index + 1}`,
  created: Math.floor(index / 4),
}));
const serialize = ({ id, title }: Post) => ({ id, title });

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('REST over MikroORM on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `REST on ${dialect}`, () => {
    let db: TestDatabase | undefined;
    const servers: RunningServer[] = [];

    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [PostEntity], captureSql: true });
      const em = db.orm.em.fork();
      for (const post of posts) em.create(PostEntity, { ...post });
      await em.flush();
    });
    afterAll(async () => {
      await Promise.all(servers.map((server) => server.close()));
      await db?.close();
    });

    async function serve(options: Omit<RestOptions<Post>, 'source'>): Promise<string> {
      const handler = nodeHandler<Post>({ ...options, serialize, source: () => mikroOrmSource(db!.orm.em.fork(), PostEntity) });
      const server = await listenNode((req, res) => void handler(req, res));
      servers.push(server);
      return `${server.base}/posts/`;
    }

    // First: a 404 page leaves its eager COUNT finishing in the background, which would log here.
    it('serves the whole table as the plain list when pagination is off, without a COUNT', async () => {
      const url = await serve({ pagination: pageNumberPagination() });
      db!.queries.length = 0;
      expect(await (await fetch(url)).json()).toEqual(posts.map(serialize));
      expect(db!.queries.filter((sql) => /count\(/i.test(sql))).toEqual([]);
    });

    it('serves a page-number page with the count and DRF links', async () => {
      const url = await serve({ pagination: pageNumberPagination({ pageSize: 5 }) });
      const response = await fetch(`${url}?page=2`);
      expect([response.status, await response.json()]).toEqual([
        200,
        { count: 17, next: `${url}?page=3`, previous: url, results: posts.slice(5, 10).map(serialize) },
      ]);
      expect(await (await fetch(`${url}?page=5`)).json()).toEqual({ detail: 'Invalid page.' });
    });

    it('walks a cursor list with ties forward and back, every row once', async () => {
      const url = await serve({ pagination: cursorPagination({ pageSize: 3, ordering: '-created' }) });
      const expected = [...posts].sort((a, b) => b.created - a.created || b.id - a.id).map(({ id }) => id);
      const pages: number[][] = [];
      let next: string | null = url;
      let last = url;
      while (next) {
        const body = (await (await fetch(next)).json()) as { next: string | null; results: Post[] };
        pages.push(body.results.map(({ id }) => id));
        last = next;
        next = body.next;
      }
      expect(pages.flat()).toEqual(expected);

      const back: number[][] = [];
      let previous: string | null = last;
      while (previous) {
        const body = (await (await fetch(previous)).json()) as { previous: string | null; results: Post[] };
        back.unshift(body.results.map(({ id }) => id));
        previous = body.previous;
      }
      expect(back.flat()).toEqual(expected);
    });
  });
});

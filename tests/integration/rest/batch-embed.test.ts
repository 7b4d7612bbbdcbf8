// REST lists with embedded child lists over MikroORM on SQLite, PostgreSQL and MariaDB: the children
// of the whole page are one statement (and one GROUP BY for their counts), whatever the page size.
import type { SqlEntityManager } from '@mikro-orm/knex';
import { cursorPagination, pageNumberPagination } from 'pagewise';
import { mikroOrmBatchSource, mikroOrmSource } from 'pagewise/mikro-orm';
import { restEmbed, restResponse } from 'pagewise/rest';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';
import {
  BatchChildEntity,
  BatchParentEntity,
  BatchTagEntity,
  type BatchChild,
  type BatchParent,
} from '../../sources/mikro-orm/batch-entities';

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('REST embeds on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `REST embeds on ${dialect}`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [BatchParentEntity, BatchChildEntity, BatchTagEntity] });
      const em = db.orm.em.fork();
      let id = 1;
      for (let parent = 1; parent <= 60; parent += 1) {
        em.create(BatchParentEntity, { id: parent, name: `parent ${parent}` });
        for (let n = 0; n < parent % 9; n += 1, id += 1) {
          em.create(BatchChildEntity, { id, parent, title: 'abc'[n % 3]!, score: n, created: new Date(Date.UTC(2024, 0, 1 + n)) });
        }
      }
      await em.flush();
    });
    afterAll(async () => db?.close());

    it.each([
      ['page-number children (counted)', 2, pageNumberPagination({ pageSize: 3 })],
      ['cursor children', 1, cursorPagination({ pageSize: 3, ordering: '-created' })],
    ])('a page of 50 parents with %s: the children are %i statement(s)', async (_name, childStatements, pagination) => {
      const em = db.orm.em.fork() as SqlEntityManager;
      db.queries.length = 0;
      const response = await restResponse(
        { url: '/api/parents?page_size=50', headers: { host: 'api.test' } },
        {
          pagination: cursorPagination({ pageSize: 50, ordering: 'id' }),
          source: mikroOrmSource(em, BatchParentEntity),
          serialize: (parent: BatchParent) => ({ id: parent.id }),
          embed: [
            restEmbed({
              name: 'children',
              key: (parent: BatchParent) => parent.id,
              batchSource: () => mikroOrmBatchSource(em, BatchChildEntity, { key: 'parent' }),
              pagination,
              serialize: (child: BatchChild) => child.id,
              link: (parent) => `/api/parents/${parent.id}/children`,
            }),
          ],
        },
      );
      expect(response.status).toBe(200);
      const body = JSON.parse(response.body) as { results: Array<{ id: number; children: { results: number[]; count?: number } }> };
      expect(body.results).toHaveLength(50);
      expect(body.results.map((parent) => parent.children.results.length)).toEqual(
        body.results.map((parent) => Math.min(3, parent.id % 9)),
      );
      if (pagination.style === 'page-number') {
        expect(body.results.map((parent) => parent.children.count)).toEqual(body.results.map((parent) => parent.id % 9));
      }
      // The parents' page, then the children.
      expect(db.queries).toHaveLength(1 + childStatements);
    });
  });
});

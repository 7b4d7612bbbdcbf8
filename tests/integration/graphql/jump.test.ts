// Jump to page N on a cursor connection over MikroORM, on every database: the page by OFFSET, then a
// keyset walk from it with `after: endCursor`, every remaining row once, in both keyset modes.
import { EntitySchema } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { cursorPagination, type CursorMode } from 'pagewise';
import { paginateArgs } from 'pagewise/graphql';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { describeDatabase, DIALECTS, openTestDatabase, type TestDatabase } from '../../support/databases';

interface JumpRow {
  id: number;
  views: number;
}
const JumpEntity = new EntitySchema<JumpRow>({
  name: 'JumpRow',
  tableName: 'jump_row',
  properties: { id: { type: 'number', primary: true }, views: { type: 'number' } },
});
const ROWS: JumpRow[] = Array.from({ length: 47 }, (_, index) => ({ id: index + 1, views: (index * 7) % 5 }));
const ORDER = [...ROWS].sort((a, b) => b.views - a.views || b.id - a.id).map((row) => row.id);

for (const dialect of DIALECTS) {
  describeDatabase(dialect, `jump to page N on ${dialect}`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [JumpEntity] });
      await (db.orm.em.fork() as SqlEntityManager).insertMany(JumpEntity, ROWS);
    });
    afterAll(async () => db?.close());

    it.each([
      ['exact', 1],
      ['exact', 4],
      ['exact', 10],
      ['drf', 1],
      ['drf', 4],
      ['drf', 10],
    ] as Array<[CursorMode, number]>)('%s mode, page %i, then keyset to the end', async (mode, page) => {
      const pagination = cursorPagination({ pageSize: 5, ordering: '-views', mode });
      const source = () => mikroOrmSource(db.orm.em.fork() as SqlEntityManager, JumpEntity);
      let at = await paginateArgs(source(), pagination, { first: 5, page });
      const seen = at.items.map((row) => row.id);
      expect(seen).toEqual(ORDER.slice((page - 1) * 5, page * 5));
      expect(at.hasPrevious).toBe(page > 1);
      for (let steps = 0; at.hasNext && steps < 20; steps += 1) {
        at = await paginateArgs(source(), pagination, { first: 5, after: at.endCursor });
        seen.push(...at.items.map((row) => row.id));
      }
      expect(seen).toEqual(ORDER.slice((page - 1) * 5));
    });

    it('a page past the end is INVALID_PAGE', async () => {
      const pagination = cursorPagination({ pageSize: 5, ordering: '-views' });
      await expect(
        paginateArgs(mikroOrmSource(db.orm.em.fork() as SqlEntityManager, JumpEntity), pagination, { first: 5, page: 11 }),
      ).rejects.toMatchObject({ code: 'INVALID_PAGE', argument: 'page' });
    });
  });
}

// Every shape's documented vectors (tests/rest/shape-vectors.ts) on MikroORM over SQLite, PostgreSQL
// and MariaDB: one table of 150 articles, each vector's list its first `rows` ids.
import { EntitySchema } from '@mikro-orm/core';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { restResponse } from 'pagewise/rest';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';
import { articles, SHAPE_VECTORS, type Article } from '../../rest/shape-vectors';

const ArticleEntity = new EntitySchema<Article>({
  name: 'ShapeArticle',
  tableName: 'shape_article',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    title: { type: 'string', length: 64 },
  },
});

const ROWS = Math.max(...SHAPE_VECTORS.map((vector) => vector.rows));

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('REST shapes over MikroORM on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `REST shapes on ${dialect}`, () => {
    let db: TestDatabase | undefined;

    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [ArticleEntity] });
      const em = db.orm.em.fork();
      for (const article of articles(ROWS)) em.create(ArticleEntity, { ...article });
      await em.flush();
    });
    afterAll(async () => {
      await db?.close();
    });

    it.each(SHAPE_VECTORS.map((vector) => [vector.id, vector] as const))('%s', async (_id, vector) => {
      const source = () => mikroOrmSource(db!.orm.em.fork(), ArticleEntity, { where: { id: { $lte: vector.rows } } });
      const response = await restResponse({ url: vector.target, headers: { host: vector.host } }, { ...vector.options, source });
      expect({ status: response.status, body: JSON.parse(response.body) as unknown }).toEqual({ status: vector.status, body: vector.body });
    });
  });
});

// A source whose own ordering names a field outside its orderingFields is the developer's mistake
// (PaginationConfigError when the source is made); a client's ordering outside them stays
// INVALID_ARGUMENT.
import { EntitySchema } from '@mikro-orm/core';
import { PaginationConfigError, PaginationError } from 'pagewise';
import { mikroOrmBatchSource, mikroOrmSource, queryBuilderSource } from 'pagewise/mikro-orm';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';

interface Card {
  id: number;
  parent: number;
  title: string;
  created: Date;
}

const CardEntity = new EntitySchema<Card>({
  name: 'Card',
  tableName: 'card',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    parent: { type: 'integer' },
    title: { type: 'string', length: 16 },
    created: { type: 'datetime' },
  },
});

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('MikroORM declared ordering on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `declared ordering on ${dialect}`, () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [CardEntity] });
    });
    afterAll(() => db?.close());

    const misconfigured = { ordering: '-title', orderingFields: ['created'] } as const;
    it.each([
      ['mikroOrmSource', () => mikroOrmSource(db.orm.em.fork(), CardEntity, misconfigured)],
      ['queryBuilderSource', () => queryBuilderSource(db.orm.em.fork().createQueryBuilder(CardEntity, 'c'), misconfigured)],
      ['mikroOrmBatchSource', () => mikroOrmBatchSource(db.orm.em.fork(), CardEntity, { key: 'parent', ...misconfigured })],
    ])('%s whose own ordering is outside its orderingFields is a PaginationConfigError', (_, make) => {
      expect(make).toThrow(PaginationConfigError);
      expect(make).not.toThrow(PaginationError);
    });

    it.each([
      ['mikroOrmSource', () => mikroOrmSource(db.orm.em.fork(), CardEntity, { orderingFields: ['created'], requestedOrdering: 'title' })],
      [
        'mikroOrmBatchSource',
        () => mikroOrmBatchSource(db.orm.em.fork(), CardEntity, { key: 'parent', orderingFields: ['created'], requestedOrdering: 'title' }),
      ],
    ])('%s with a client ordering outside its orderingFields is still INVALID_ARGUMENT', (_, make) => {
      expect(make).toThrow(expect.objectContaining({ name: 'PaginationError', code: 'INVALID_ARGUMENT' }) as Error);
    });

    it('a declared ordering inside orderingFields is accepted', async () => {
      const source = mikroOrmSource(db.orm.em.fork(), CardEntity, { ordering: '-created', orderingFields: ['created'] });
      expect(await source.slice(0, 5)).toEqual([]);
    });
  });
});

// Lean rows and projections: `lean` reads plain objects (no identity map, no hydration), `fields`
// selects only the columns asked for plus the keys and the ordering, on every database.
import { wrap } from '@mikro-orm/core';
import { cursorPagination, pageNumberPagination, paginateCursor, paginatePageNumber, PaginationConfigError } from 'pagewise';
import { mikroOrmBatchSource, mikroOrmSource, type MikroOrmSourceOptions } from 'pagewise/mikro-orm';
import { CONTRACT_DATASETS, type ContractRow } from 'pagewise/testing';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';
import { ContractEntity, NoteEntity } from './contract-entity';

const mixed = CONTRACT_DATASETS[0]!;

/** The statements MikroORM logged, without the logger's prefix and timing suffix. */
const statements = (db: TestDatabase): string[] =>
  db.queries.map((line) => line.replace(/^\[query\]\s*/, '').replace(/\s*\[took [^\]]*\]\s*$/, ''));

/** The columns of a statement's outermost select list, unquoted. */
const selected = (statement: string): string[] =>
  /^select (.*?) from /i
    .exec(statement)![1]!
    .split(',')
    .map((column) => column.trim().replace(/[`"]/g, ''));

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('lean rows on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `lean rows and fields on ${dialect}`, () => {
    let db: TestDatabase;
    const source = (options: MikroOrmSourceOptions<ContractRow> = {}) =>
      mikroOrmSource(db.orm.em.fork(), ContractEntity, { where: { dataset: mixed.name }, ...options });

    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [ContractEntity, NoteEntity] });
      const em = db.orm.em.fork();
      for (const row of mixed.rows) em.create(ContractEntity, { ...row });
      await em.flush();
    });
    afterAll(async () => db?.close());
    beforeEach(() => {
      db.queries.length = 0;
    });

    it('lean pages are plain objects equal to the entities, outside the identity map', async () => {
      const pagination = cursorPagination({ pageSize: 5, ordering: ['-created'] });
      const em = db.orm.em.fork();
      const lean = await paginateCursor(mikroOrmSource(em, ContractEntity, { where: { dataset: mixed.name }, lean: true }), pagination, {});
      const managed = await paginateCursor(source(), pagination, {});
      expect(lean!.items.map((row) => Object.getPrototypeOf(row))).toEqual(lean!.items.map(() => Object.prototype));
      const columns = Object.keys(ContractEntity.meta.properties);
      expect(lean!.items).toEqual(
        managed!.items.map((row) => Object.fromEntries(columns.map((name) => [name, row[name as keyof ContractRow]]))),
      );
      expect(managed!.items.every((row) => wrap(row, true).__managed)).toBe(true);
      expect(lean!.nextCursor).toEqual(managed!.nextCursor);
      expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
      // Custom types are converted as for entities: the bigint column a bigint, the flag a boolean.
      expect(typeof lean!.items[0]!.rank).toBe('bigint');
      expect(typeof lean!.items[0]!.flag).toBe('boolean');
    });

    it('a walk over lean rows pages as over entities, forward and back', async () => {
      const pagination = cursorPagination({ pageSize: 4, ordering: ['score', 'title'] });
      const walk = async (options: MikroOrmSourceOptions<ContractRow>) => {
        const ids: number[][] = [];
        let page = await paginateCursor(source(options), pagination, {});
        ids.push(page!.items.map((row) => row.id));
        while (page!.nextCursor) {
          page = await paginateCursor(source(options), pagination, { cursor: page!.nextCursor });
          ids.push(page!.items.map((row) => row.id));
        }
        const back = await paginateCursor(source(options), pagination, { cursor: page!.previousCursor });
        return { ids, back: back!.items.map((row) => row.id) };
      };
      expect(await walk({ lean: true })).toEqual(await walk({}));
    });

    it('fields selects those columns, the primary key and the ordering, and nothing else', async () => {
      const page = await paginateCursor(
        source({ lean: true, fields: ['title'] }),
        cursorPagination({ pageSize: 3, ordering: ['-created'] }),
        {},
      );
      expect(selected(statements(db)[0]!).sort()).toEqual(['e.created', 'e.id', 'e.title']);
      expect(Object.keys(page!.items[0]!).sort()).toEqual(['created', 'id', 'title']);
      const next = await paginateCursor(
        source({ lean: true, fields: ['title'] }),
        cursorPagination({ pageSize: 3, ordering: ['-created'] }),
        { cursor: page!.nextCursor },
      );
      const full = await paginateCursor(source(), cursorPagination({ pageSize: 3, ordering: ['-created'] }), { cursor: page!.nextCursor });
      expect(next!.items.map((row) => row.id)).toEqual(full!.items.map((row) => row.id));
    });

    it('fields projects managed entities too, and page-number pages keep their tiebreaker', async () => {
      const page = await paginatePageNumber(source({ fields: ['score'] }), pageNumberPagination({ pageSize: 4 }), { page: '2' });
      expect(selected(statements(db)[0]!).sort()).toEqual(['e.id', 'e.score']);
      const full = await paginatePageNumber(source(), pageNumberPagination({ pageSize: 4 }), { page: '2' });
      expect(page!.items.map((row) => [row.id, row.score])).toEqual(full!.items.map((row) => [row.id, row.score]));
    });

    it('a lean batch keeps the parent key selected and pages each parent as the entity batch does', async () => {
      const keys = [...new Set(mixed.rows.map((row) => row.parent))];
      const request = {
        ordering: [
          { field: 'created', descending: true },
          { field: 'id', descending: true },
        ],
        direction: 'forward' as const,
        offset: 0,
        limit: 3,
      };
      const requests = keys.map((key) => ({ key, request }));
      const lean = await mikroOrmBatchSource(db.orm.em.fork(), ContractEntity, { key: 'parent', lean: true, fields: ['title'] }).seekMany(
        requests,
      );
      const managed = await mikroOrmBatchSource(db.orm.em.fork(), ContractEntity, { key: 'parent' }).seekMany(requests);
      expect(lean.map((result) => result.rows.map((row) => [row.id, row.title]))).toEqual(
        managed.map((result) => result.rows.map((row) => [row.id, row.title])),
      );
      // One statement each: the lean batch's and the entity batch's.
      expect(statements(db).filter((statement) => /^select/i.test(statement))).toHaveLength(2);
    });

    it.each([
      [{ lean: true, populate: ['notes'] }, /`populate`.*`lean`/],
      [{ fields: ['nope'] }, /`fields` option names "nope"/],
    ] as const)('misuse is a PaginationConfigError naming the option: %j', (options, message) => {
      expect(() => source(options as MikroOrmSourceOptions<ContractRow>)).toThrow(PaginationConfigError);
      expect(() => source(options as MikroOrmSourceOptions<ContractRow>)).toThrow(message);
    });
  });
});

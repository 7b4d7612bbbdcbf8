// A source with nothing to filter (no `where`, no active filter, no projection) writes its pages
// over the entity's statement compiled once, rather than compiling a QueryBuilder on every page.
// It must send exactly the statements of the same source through its builder (`where: {}` filters
// by nothing and takes that path), keep what MikroORM adds without a filter (single-table
// inheritance's discriminator), and follow the schema of the EntityManager it is given.
import { EntitySchema, type EntityManager } from '@mikro-orm/core';
import {
  cursorPagination,
  limitOffsetPagination,
  pageNumberPagination,
  paginateCursor,
  paginateLimitOffset,
  paginatePageNumber,
  type CursorPage,
  type Page,
  type PageSource,
} from 'pagewise';
import { mikroOrmSource, type MikroOrmSourceOptions } from 'pagewise/mikro-orm';
import { CONTRACT_DATASETS, type ContractRow } from 'pagewise/testing';
import { describeDatabase, DIALECTS, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';
import { ContractEntity } from './contract-entity';

const mixed = CONTRACT_DATASETS[0]!;

interface Animal {
  id: number;
  kind: string;
  name: string;
}

const AnimalEntity = new EntitySchema<Animal>({
  name: 'Animal',
  tableName: 'animal',
  discriminatorColumn: 'kind',
  discriminatorMap: { dog: 'Dog', cat: 'Cat' },
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    kind: { type: 'string', length: 8 },
    name: { type: 'string', length: 32 },
  },
});
const DogEntity = new EntitySchema<Animal, Animal>({ name: 'Dog', extends: 'Animal', discriminatorValue: 'dog', properties: {} });
const CatEntity = new EntitySchema<Animal, Animal>({ name: 'Cat', extends: 'Animal', discriminatorValue: 'cat', properties: {} });

/** A source of the contract's rows. */
type Source = PageSource<ContractRow>;

/** The statements MikroORM logged, without the logger's prefix and timing suffix. */
const statements = (db: TestDatabase): string[] =>
  db.queries.map((line) => line.replace(/^\[query\]\s*/, '').replace(/\s*\[took [^\]]*\]\s*$/, ''));

describe.each(DIALECTS)('unfiltered rows on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `unfiltered rows on ${dialect}`, () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [ContractEntity, AnimalEntity, DogEntity, CatEntity] });
      const em = db.orm.em.fork();
      for (const row of mixed.rows) em.create(ContractEntity, { ...row });
      for (let id = 1; id <= 6; id += 1)
        em.create(id % 2 ? DogEntity : CatEntity, { id, kind: id % 2 ? 'dog' : 'cat', name: `animal ${id}` });
      await em.flush();
    });
    afterAll(async () => db?.close());

    /** What a run of `walk` over a source gives and sends: its items' ids and the statements, in order. */
    const observe = async (walk: (source: Source) => Promise<unknown>, options: MikroOrmSourceOptions<ContractRow>) => {
      db.queries.length = 0;
      const outcome = JSON.stringify(await walk(mikroOrmSource(db.orm.em.fork(), ContractEntity, options)));
      // Sorted: a page and its count run at once, and log in either order.
      return { outcome, sql: statements(db).sort() };
    };

    const cursorWalk = async (source: Source) => {
      const pagination = cursorPagination({ pageSize: 4, ordering: ['-created', 'score'], mode: 'exact' });
      const seen: unknown[] = [];
      let cursor: string | null = null;
      for (let step = 0; step < 20; step += 1) {
        const page: CursorPage<ContractRow> | null = await paginateCursor(source, pagination, cursor === null ? {} : { cursor });
        seen.push(
          page!.items.map((row) => row.id),
          page!.previousCursor,
        );
        if (!page!.nextCursor) break;
        cursor = page!.nextCursor;
      }
      return seen;
    };

    /** A page's ids and its total (value and kind), from one paginate call with the count asked for. */
    const withTotal = (paginate: (source: Source) => Promise<Page<ContractRow> | null>) => async (source: Source) => {
      const page = await paginate(source);
      return [page!.items.map((row) => row.id), await page!.total()];
    };
    const numbered = (options: Parameters<typeof pageNumberPagination>[0], page: string) =>
      withTotal((source) => paginatePageNumber(source, pageNumberPagination(options), { page }, { withCount: true }));

    it.each([
      ['a cursor walk', cursorWalk],
      ['a page number with its count', numbered({ pageSize: 3 }, '2')],
      [
        'a folded count',
        withTotal((source) =>
          paginateLimitOffset(source, limitOffsetPagination({ defaultLimit: 3, count: 'folded' }), { offset: '3' }, { withCount: true }),
        ),
      ],
      ['an estimated count (the planner’s on PostgreSQL, else exact)', numbered({ pageSize: 3, count: 'estimated' }, '1')],
      ['a capped count', numbered({ pageSize: 3, count: { capped: 5 } }, '1')],
    ] as const)('%s sends the statements of the same source through its builder', async (_name, walk) => {
      const plain = await observe(walk, {});
      const built = await observe(walk, { where: {} });
      expect(plain.sql.length).toBeGreaterThan(0);
      expect(plain).toEqual(built);
    });

    it('a deep page reads its keys first over the compiled statement too', async () => {
      const walk = async (source: Source) => {
        const page = await paginateLimitOffset(source, limitOffsetPagination({ defaultLimit: 3 }), { offset: '5' });
        return page!.items.map((row) => row.id);
      };
      const plain = await observe(walk, { deferredOffset: 2 });
      expect(plain).toEqual(await observe(walk, { deferredOffset: 2, where: {} }));
      expect(plain.sql.join('\n')).toMatch(/pw_k/);
    });

    it('a cursor whose row was deleted asks whether a row lies behind it, as through the builder', async () => {
      const pagination = cursorPagination({ pageSize: 3, ordering: ['-created'], mode: 'exact' });
      const first = await paginateCursor(mikroOrmSource(db.orm.em.fork(), ContractEntity, {}), pagination, {});
      const gone = first!.items[2]!;
      const em = db.orm.em.fork();
      await em.nativeDelete(ContractEntity, { id: gone.id });
      try {
        const walk = async (source: Source) => {
          const page = await paginateCursor(source, pagination, { cursor: first!.nextCursor! });
          return [page!.items.map((row) => row.id), page!.previousCursor !== null];
        };
        const plain = await observe(walk, {});
        expect(plain).toEqual(await observe(walk, { where: {} }));
        expect(plain.sql.length).toBe(2);
      } finally {
        em.create(ContractEntity, { ...gone });
        await em.flush();
      }
    });

    it('compiles no builder per page once the entity’s statement is known; a filter still does', async () => {
      const pagination = pageNumberPagination({ pageSize: 3 });
      await paginatePageNumber(mikroOrmSource(db.orm.em.fork(), ContractEntity), pagination, {});
      const builders = async (options: MikroOrmSourceOptions<ContractRow>) => {
        const em = db.orm.em.fork() as EntityManager & { createQueryBuilder: (...args: never[]) => unknown };
        const spy = jest.spyOn(em, 'createQueryBuilder');
        const page = await paginatePageNumber(mikroOrmSource(em, ContractEntity, options), pagination, { page: '2' }, { withCount: true });
        await page!.count();
        return spy.mock.calls.length;
      };
      expect(await builders({})).toBe(0);
      expect(await builders({ where: {} })).toBeGreaterThan(0);
      expect(await builders({ fields: ['title'] })).toBeGreaterThan(0);
    });

    it('a single-table subtype keeps its discriminator: its builder is compiled on every page', async () => {
      const pagination = cursorPagination({ pageSize: 10, ordering: 'id' });
      const dogs = await paginateCursor(mikroOrmSource(db.orm.em.fork(), DogEntity), pagination, {});
      expect(dogs!.items.map((dog) => dog.id)).toEqual([1, 3, 5]);
      const page = await paginatePageNumber(
        mikroOrmSource(db.orm.em.fork(), CatEntity),
        pageNumberPagination({ pageSize: 2 }),
        {},
        { withCount: true },
      );
      expect(page!.items.map((cat) => cat.id)).toEqual([2, 4]);
      await expect(page!.count()).resolves.toBe(3);
    });

    if (dialect === 'postgresql') {
      it('follows the schema of the EntityManager it is given', async () => {
        const other = `${db.namespace!}_b`;
        const connection = db.orm.em.getConnection();
        await connection.execute(`create schema "${other}"`);
        try {
          await connection.execute(`create table "${other}"."contract_row" (like "${db.namespace!}"."contract_row" including all)`);
          await connection.execute(`insert into "${other}"."contract_row" select * from "${db.namespace!}"."contract_row" where id <= 2`);
          const pagination = pageNumberPagination({ pageSize: 50 });
          const count = async (em: EntityManager) => {
            const page = await paginatePageNumber(mikroOrmSource(em, ContractEntity), pagination, {}, { withCount: true });
            return [page!.items.length, await page!.count()];
          };
          expect(await count(db.orm.em.fork())).toEqual([mixed.rows.length, mixed.rows.length]);
          expect(await count(db.orm.em.fork({ schema: other }))).toEqual([2, 2]);
          expect(await count(db.orm.em.fork())).toEqual([mixed.rows.length, mixed.rows.length]);
        } finally {
          await connection.execute(`drop schema if exists "${other}" cascade`);
        }
      });
    }
  });
});

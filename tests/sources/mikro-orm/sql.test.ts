// The SQL each style sends, captured through MikroORM's logger: one statement per page, a COUNT only
// when asked, no OFFSET on exact cursor pages, and nothing a client sends reaching SQL text.
import { EntitySchema, type Collection, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  cursorPagination,
  limitOffsetPagination,
  pageNumberPagination,
  paginateCursor,
  paginateLimitOffset,
  paginatePageNumber,
  paginateRelay,
  PaginationConfigError,
  PaginationError,
  type CursorPage,
} from 'pagewise';
import { arraySource } from 'pagewise/array';
import { mikroOrmSource, queryBuilderSource, type MikroOrmSourceOptions } from 'pagewise/mikro-orm';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';
import { CONTRACT_DATASETS, CONTRACT_FIELDS, type ContractRow } from 'pagewise/testing';
import { ContractEntity, NoteEntity } from './contract-entity';

const mixed = CONTRACT_DATASETS[0]!;

interface Pair {
  a: number;
  b: string;
  score: number | null;
}

/** A table with a composite primary key: both columns become the tiebreaker. */
const PairEntity = new EntitySchema<Pair>({
  name: 'Pair',
  tableName: 'pair',
  properties: {
    a: { type: 'integer', primary: true, autoincrement: false },
    b: { type: 'string', primary: true, length: 8 },
    score: { type: 'integer', nullable: true },
  },
});

interface Author {
  id: number;
  name: string;
  posts: Collection<Post>;
}

interface Post {
  id: number;
  title: string;
  author: Author;
}

/** Authors and their posts: a filter on `posts` joins a collection. */
const AuthorEntity = new EntitySchema<Author>({
  name: 'Author',
  tableName: 'author',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    name: { type: 'string', length: 16 },
    posts: { kind: '1:m', entity: 'Post', mappedBy: 'author' },
  },
});

const PostEntity = new EntitySchema<Post>({
  name: 'Post',
  tableName: 'post',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    title: { type: 'string', length: 16 },
    author: { kind: 'm:1', entity: 'Author' },
  },
});

interface Doc {
  id: number;
  deleted: boolean;
}

/** Soft-deleted documents behind a default filter, as MikroORM users write them. */
const DocEntity = new EntitySchema<Doc>({
  name: 'Doc',
  tableName: 'doc',
  filters: { live: { name: 'live', cond: { deleted: false }, default: true } },
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    deleted: { type: 'boolean' },
  },
});

const pairs: Pair[] = Array.from({ length: 23 }, (_, index) => ({
  a: index % 4,
  b: String.fromCharCode(122 - index),
  score: index % 5 === 0 ? null : index % 3,
}));

/** The statements MikroORM logged, without the logger's prefix and timing suffix. */
const statements = (db: TestDatabase): string[] =>
  db.queries.map((line) => line.replace(/^\[query\]\s*/, '').replace(/\s*\[took [^\]]*\]\s*$/, ''));

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('MikroORM SQL on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `SQL on ${dialect}`, () => {
    let db: TestDatabase;
    const reference = () =>
      arraySource(mixed.rows, { uniqueKey: 'id', fields: CONTRACT_FIELDS, nulls: dialect === 'postgresql' ? 'last' : 'first' });
    const source = (options: MikroOrmSourceOptions<ContractRow> = {}) =>
      mikroOrmSource(db.orm.em.fork(), ContractEntity, { where: { dataset: mixed.name }, ...options });

    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [ContractEntity, NoteEntity, PairEntity, AuthorEntity, PostEntity, DocEntity] });
      const em = db.orm.em.fork();
      for (const row of mixed.rows) em.create(ContractEntity, { ...row });
      em.create(NoteEntity, { id: 1, body: 'first note', row: mixed.rows[0]!.id });
      for (const pair of pairs) em.create(PairEntity, { ...pair });
      for (let id = 1; id <= 10; id += 1) em.create(DocEntity, { id, deleted: id % 3 === 0 });
      // Author n has n posts titled "draft" and one titled "final" when n is even.
      for (let n = 1; n <= 9; n += 1) {
        em.create(AuthorEntity, { id: n, name: `author ${String.fromCharCode(106 - n)}` });
        for (let k = 0; k < n; k += 1) em.create(PostEntity, { id: n * 100 + k, title: 'draft', author: n });
        if (n % 2 === 0) em.create(PostEntity, { id: n * 100 + 99, title: 'final', author: n });
      }
      await em.flush();
    });
    afterAll(async () => db?.close());
    beforeEach(() => {
      db.queries.length = 0;
    });
    const em = () => db.orm.em.fork();

    it('a page-number page is one statement with LIMIT n+1 and no COUNT', async () => {
      const page = await paginatePageNumber(source(), pageNumberPagination({ pageSize: 5 }), { page: '2' });
      expect(page!.items).toHaveLength(5);
      const sql = statements(db);
      expect(sql).toHaveLength(1);
      expect(sql[0]).toMatch(/^select .* limit .* offset /i);
      expect(sql.join('\n')).not.toMatch(/count\(/i);
    });

    it('with a count asked for, the page and one COUNT(*) over the same filter run concurrently', async () => {
      const mine = source();
      const started: string[] = [];
      const watched = {
        ...mine,
        count: () => (started.push('count'), mine.count()),
        slice: (...args: Parameters<typeof mine.slice>) => (started.push(`slice while ${db.queries.length} done`), mine.slice(...args)),
      };
      const page = await paginatePageNumber(watched, pageNumberPagination({ pageSize: 5 }), { page: '1' }, { withCount: true });
      await expect(page!.count()).resolves.toBe(mixed.rows.length);
      await page!.totalPages();
      // The COUNT is sent first and the page query before it has come back.
      expect(started).toEqual(['count', 'slice while 0 done']);
      const sql = statements(db);
      expect(sql).toHaveLength(2);
      expect(sql.filter((statement) => /^select count\(\*\) .* where .*dataset.* = /i.test(statement))).toHaveLength(1);
      expect(sql.filter((statement) => /^select .* limit /i.test(statement))).toHaveLength(1);
    });

    it('a limit-offset page is one statement; its count is lazy until asked', async () => {
      const page = await paginateLimitOffset(source(), limitOffsetPagination({ defaultLimit: 4 }), { offset: '10' });
      expect(statements(db)).toHaveLength(1);
      expect(statements(db)[0]).toMatch(/limit .* offset /i);
      await expect(page!.count()).resolves.toBe(mixed.rows.length);
      expect(statements(db)).toHaveLength(2);
    });

    it.each([
      ['created', dialect === 'mariadb' ? 'expanded' : 'row-value'],
      // The tiebreaker takes the last field's direction, so `-created` is `-created,-id`: a row value too.
      ['-created', dialect === 'mariadb' ? 'expanded' : 'row-value'],
      ['score', 'expanded'],
      ['-title,score', 'expanded'],
    ])('an exact cursor page ordered by %s is one keyset statement (%s form) with no OFFSET, forward and back', async (ordering, form) => {
      const pagination = cursorPagination({ pageSize: 4, ordering: ordering.split(',') });
      const first = await paginateCursor(source(), pagination, {});
      const second = await paginateCursor(source(), pagination, { cursor: first!.nextCursor });
      const back = await paginateCursor(source(), pagination, { cursor: second!.previousCursor });
      expect(back!.items.map((row) => row.id)).toEqual(first!.items.map((row) => row.id));
      const sql = statements(db);
      expect(sql).toHaveLength(3);
      for (const statement of sql) {
        expect(statement).not.toMatch(/offset|count\(/i);
        expect(statement).toMatch(/ limit /i);
      }
      const keyset = sql[1]!;
      // From a cursor the page starts at the cursor's own row (`>=`): while it exists, a row lies behind.
      if (form === 'row-value') expect(keyset).toMatch(/where .*\(\S+created\S*, \S+id\S*\) [<>]=? \(/i);
      else expect(keyset).not.toMatch(/\(\S+, \S+\) [<>] \(/);
      // The backward page runs the ordering reversed.
      const direction = (statement: string) => /order by (.*) limit/i.exec(statement)![1];
      expect(direction(sql[2]!)).not.toEqual(direction(sql[1]!));
    });

    it('a drf-mode page filters on the first field and skips ties with OFFSET, as DRF does', async () => {
      const pagination = cursorPagination({ pageSize: 3, ordering: ['title'], mode: 'drf' });
      const first = await paginateCursor(source(), pagination, {});
      const second = await paginateCursor(source(), pagination, { cursor: first!.nextCursor });
      const expected = await paginateCursor(reference(), pagination, { cursor: first!.nextCursor });
      expect(second!.items.map((row) => row.id)).toEqual(expected!.items.map((row) => row.id));
      const sql = statements(db);
      expect(sql).toHaveLength(2);
      expect(sql[1]).toMatch(/ offset /i);
      expect(sql[1]).not.toMatch(/id\S* [<>] (\?|\$\d)/);
    });

    it('restores cursor values with the declared types (dates, bigints, numbers, strings)', async () => {
      for (const ordering of ['created', 'rank', 'score', 'title']) {
        const pagination = cursorPagination({ pageSize: 6, ordering });
        const first = await paginateCursor(source(), pagination, {});
        const [mine, theirs] = await Promise.all([
          paginateCursor(source(), pagination, { cursor: first!.nextCursor }),
          paginateCursor(reference(), pagination, { cursor: first!.nextCursor }),
        ]);
        expect({ ordering, ids: mine!.items.map((row) => row.id) }).toEqual({ ordering, ids: theirs!.items.map((row) => row.id) });
        expect(typeof mine!.items[0]!.rank).toBe('bigint');
        expect(mine!.items[0]!.created).toBeInstanceOf(Date);
      }
    });

    it('a client ordering outside the allow-list is INVALID_ARGUMENT before any SQL', async () => {
      const create = () => source({ orderingFields: ['created', 'title'], requestedOrdering: '-created,password' });
      expect(create).toThrow(PaginationError);
      expect(create).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'ordering' }));
      const guarded = source({ orderingFields: ['created', 'title'] });
      const pagination = cursorPagination({ pageSize: 3, ordering: 'rank' });
      await expect(paginateCursor(guarded, pagination, {})).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      expect(statements(db)).toEqual([]);
    });

    it('a client ordering through the allow-list orders page-number pages (GraphQL list argument too)', async () => {
      for (const requested of ['-created,title', ['-created', 'title']]) {
        const page = await paginatePageNumber(
          source({ orderingFields: ['created', 'title'], requestedOrdering: requested }),
          pageNumberPagination({ pageSize: 50 }),
          {},
        );
        const expected = arraySource(mixed.rows, { uniqueKey: 'id', fields: CONTRACT_FIELDS, ordering: ['-created', 'title', 'id'] });
        const reference = await paginatePageNumber(expected, pageNumberPagination({ pageSize: 50 }), {});
        expect(page!.items.map((row) => row.id)).toEqual(reference!.items.map((row) => row.id));
      }
      expect(statements(db).join('\n')).toMatch(/order by \S+created\S* desc, \S+title\S* asc, \S+id\S* asc/i);
    });

    it.each([
      ['unknown', 'password'],
      ['relation', 'row'],
    ])('an ordering on an %s field is a PaginationConfigError', (_kind, field) => {
      const notes = mikroOrmSource(db.orm.em.fork(), NoteEntity);
      expect(() => notes.fieldType(field)).toThrow(PaginationConfigError);
      expect(() => notes.fieldType(field)).toThrow(expect.objectContaining({ code: 'UNKNOWN_ORDERING_FIELD' }));
    });

    it('populates relations of the page rows, and works from a repository', async () => {
      const em = db.orm.em.fork();
      const notes = mikroOrmSource(em.getRepository(NoteEntity), { populate: ['row'] });
      const page = await paginateRelay(notes, cursorPagination({ pageSize: 5, ordering: 'id' }), { first: 5 });
      expect(page.items.map((note) => [note.body, note.row.title])).toEqual([['first note', mixed.rows[0]!.title]]);
    });

    it.each([
      ['', false],
      [' (a builder compiled before it was given: its SQL logged)', true],
    ])('a QueryBuilder source pages custom SQL with the same keyset and counts the same query%s', async (_name, compiled) => {
      const qb = db.orm.em.fork().createQueryBuilder(ContractEntity, 'r').where({ dataset: mixed.name }).andWhere({ flag: true });
      if (compiled) expect(qb.getFormattedQuery()).toMatch(/^select /);
      const rows = mixed.rows.filter((row) => row.flag);
      const expected = arraySource(rows, { uniqueKey: 'id', fields: CONTRACT_FIELDS, nulls: dialect === 'postgresql' ? 'last' : 'first' });
      const mine = queryBuilderSource(qb);
      const pagination = cursorPagination({ pageSize: 4, ordering: ['-score', 'created'] });
      let cursor: string | null = null;
      const seen: number[] = [];
      for (let step = 0; step < 20; step += 1) {
        const [page, ref]: Array<CursorPage<ContractRow> | null> = await Promise.all([
          paginateCursor(mine, pagination, { cursor }),
          paginateCursor(expected, pagination, { cursor }),
        ]);
        expect(page!.items.map((row) => row.id)).toEqual(ref!.items.map((row) => row.id));
        seen.push(...page!.items.map((row) => row.id));
        cursor = page!.nextCursor;
        if (cursor === null) break;
      }
      expect(seen.sort((a, b) => a - b)).toEqual(rows.map((row) => row.id).sort((a, b) => a - b));
      await expect(mine.count()).resolves.toBe(rows.length);
      expect(statements(db).every((statement) => /\b(from|as) \S*r\S* /.test(statement))).toBe(true);
    });

    it.each(['exact', 'drf'] as const)('a composite primary key is the tiebreaker (%s mode), walking both ways', async (mode) => {
      const mine = mikroOrmSource(db.orm.em.fork(), PairEntity);
      expect(mine.uniqueKey).toEqual(['a', 'b']);
      const expected = arraySource(pairs, {
        uniqueKey: ['a', 'b'],
        fields: { a: 'number', b: 'string', score: 'number' },
        nulls: mine.nullOrder,
      });
      const pagination = cursorPagination({ pageSize: 4, ordering: '-score', mode });
      const key = (pair: Pair) => `${pair.a}${pair.b}`;
      const lastPageCursor = async (): Promise<string | null> => {
        let cursor: string | null = null;
        for (;;) {
          const next: string | null = (await paginateCursor(expected, pagination, { cursor }))!.nextCursor;
          if (next === null) return cursor;
          cursor = next;
        }
      };
      let pages = 0;
      for (const follow of ['nextCursor', 'previousCursor'] as const) {
        let cursor: string | null = follow === 'nextCursor' ? null : await lastPageCursor();
        for (let step = 0; step < 30; step += 1) {
          const [page, ref]: Array<CursorPage<Pair> | null> = await Promise.all([
            paginateCursor(mine, pagination, { cursor }),
            paginateCursor(expected, pagination, { cursor }),
          ]);
          expect({ cursor, keys: page!.items.map(key), next: page!.nextCursor, previous: page!.previousCursor }).toEqual({
            cursor,
            keys: ref!.items.map(key),
            next: ref!.nextCursor,
            previous: ref!.previousCursor,
          });
          cursor = page![follow];
          pages += 1;
          if (cursor === null) break;
        }
      }
      expect(pages).toBeGreaterThanOrEqual(2 * Math.ceil(pairs.length / 4));
    });

    it('a filter on a collection repeats no author on a page, in every style, and counts each once', async () => {
      const authors = () => mikroOrmSource(db.orm.em.fork(), AuthorEntity, { where: { posts: { title: 'draft' } }, ordering: '-name' });
      const numbered = await paginatePageNumber(authors(), pageNumberPagination({ pageSize: 4 }), { page: '2' }, { withCount: true });
      expect(numbered!.items.map((author) => author.id)).toEqual([5, 6, 7, 8]);
      await expect(numbered!.count()).resolves.toBe(9);
      const seen: number[] = [];
      let cursor: string | null = null;
      for (let step = 0; step < 10; step += 1) {
        const page: CursorPage<Author> | null = await paginateCursor(authors(), cursorPagination({ pageSize: 2, ordering: 'name' }), {
          cursor,
        });
        seen.push(...page!.items.map((author) => author.id));
        cursor = page!.nextCursor;
        if (cursor === null) break;
      }
      expect(seen).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
      const finals = await paginateRelay(
        mikroOrmSource(db.orm.em.fork(), AuthorEntity, { where: { posts: { title: 'final' } } }),
        cursorPagination({ pageSize: 10, ordering: 'id' }),
        { first: 10 },
      );
      expect(finals.items.map((author) => author.id)).toEqual([2, 4, 6, 8]);
      // A collection named inside $and / $or / $not is joined just the same, and pages just as well.
      for (const where of [{ $and: [{ posts: { title: 'draft' } }] }, { $or: [{ posts: { title: 'draft' } }, { id: 0 }] }]) {
        const nested = await paginateRelay(
          mikroOrmSource(db.orm.em.fork(), AuthorEntity, { where }),
          cursorPagination({ pageSize: 3, ordering: 'id' }),
          { first: 3 },
        );
        expect(nested.items.map((author) => author.id)).toEqual([1, 2, 3]);
      }
    });

    it.each([
      ['capped', { capped: 100 }],
      ['estimated', 'estimated'],
    ] as const)(
      'a filter on a collection is counted exactly under the %s count strategy, each author once, through either source',
      async (_name, count) => {
        const pagination = pageNumberPagination({ pageSize: 4, count });
        const where = { posts: { title: 'draft' } };
        const built = () => (db.orm.em.fork() as SqlEntityManager).createQueryBuilder(AuthorEntity, 'a').where(where as never);
        for (const source of [mikroOrmSource(db.orm.em.fork(), AuthorEntity, { where }), queryBuilderSource(built())]) {
          const page = await paginatePageNumber(source, pagination, { page: '1' }, { withCount: true });
          // 45 joined rows, 9 authors: a capped or estimated count of the joined rows would not be 9.
          await expect(page!.total()).resolves.toEqual({ value: 9, kind: 'exact' });
        }
      },
    );

    it.each([
      ['default filters, as em.find applies them', undefined, [1, 2, 4, 5, 7, 8, 10]],
      ['the filter turned off by name', { live: false }, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
      ['all filters off', false, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    ] as const)('MikroORM filters: %s', async (_label, filters, ids) => {
      const docs = mikroOrmSource(db.orm.em.fork(), DocEntity, { filters: filters as never });
      const page = await paginateRelay(docs, cursorPagination({ pageSize: 20, ordering: 'id' }), { first: 20 });
      expect(page.items.map((doc) => doc.id)).toEqual(ids);
      await expect(docs.count()).resolves.toBe(ids.length);
      expect((await em().find(DocEntity, {}, { filters: filters as never })).length).toBe(ids.length);
    });

    it('does not leave the builder it was given changed', async () => {
      const qb = db.orm.em.fork().createQueryBuilder(ContractEntity, 'r').where({ dataset: mixed.name });
      const before = qb.getFormattedQuery();
      await paginateCursor(queryBuilderSource(qb), cursorPagination({ pageSize: 2, ordering: 'title' }), {});
      expect(qb.getFormattedQuery()).toBe(before);
    });
  });
});

describe('entity metadata', () => {
  it('an EntityManager without SQL (a document store) is a PaginationConfigError', () => {
    const documents = { getMetadata: () => ({}) } as unknown as EntityManager;
    expect(() => mikroOrmSource(documents, ContractEntity)).toThrow(PaginationConfigError);
  });

  it('types every property kind pagewise can order by', async () => {
    const Typed = new EntitySchema<{ id: bigint; label: string; amount: number; at: Date; on: boolean; code: string }>({
      name: 'Typed',
      properties: {
        id: { type: 'bigint', primary: true },
        label: { type: 'text' },
        amount: { type: 'double' },
        at: { type: 'datetime' },
        on: { type: 'boolean' },
        code: { type: 'uuid' },
      },
    });
    const db = await openTestDatabase('sqlite', { entities: [Typed] });
    try {
      const typed = mikroOrmSource(db.orm.em.fork(), Typed);
      expect(['id', 'label', 'amount', 'at', 'on', 'code'].map((field) => typed.fieldType(field))).toEqual([
        'bigint',
        'string',
        'number',
        'date',
        'boolean',
        'string',
      ]);
      expect(typed.nullOrder).toBe('first');
    } finally {
      await db.close();
    }
  });
});

// Forged cursor values a column cannot hold (a NUL in text, an integer out of range, a UUID or date
// that is none) are INVALID_CURSOR before any SQL, never the driver's error.
import { EntitySchema } from '@mikro-orm/core';
import { cursorPagination, encodeCursor, paginateCursor, paginateRelay, type KeyValue } from 'pagewise/internal';
import { mikroOrmBatchSource, mikroOrmSource, queryBuilderSource } from 'pagewise/mikro-orm';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';

interface Forgeable {
  id: number;
  parent: number;
  title: string;
  small: number;
  code: string;
  day: string;
  big: bigint;
  at: Date;
}

const ForgeableEntity = new EntitySchema<Forgeable>({
  name: 'Forgeable',
  tableName: 'forgeable',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    parent: { type: 'integer' },
    title: { type: 'string', length: 16 },
    small: { type: 'smallint' },
    code: { type: 'uuid' },
    day: { type: 'date' },
    big: { type: 'bigint' },
    at: { type: 'Date' },
  },
});

const rows: Forgeable[] = [1, 2, 3].map((id) => ({
  id,
  parent: 1,
  title: `title ${id}`,
  small: id * 10,
  code: `00000000-0000-4000-8000-00000000000${id}`,
  day: `2024-01-0${id}`,
  big: BigInt(id) * 1000n,
  at: new Date(Date.UTC(2024, 0, id)),
}));

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('MikroORM forged cursor values on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `forged cursor values on ${dialect}`, () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [ForgeableEntity] });
      const em = db.orm.em.fork();
      for (const row of rows) em.create(ForgeableEntity, { ...row });
      await em.flush();
    });
    afterAll(() => db?.close());
    beforeEach(() => {
      db.queries.length = 0;
    });

    const forged: ReadonlyArray<readonly [string, string, KeyValue]> = [
      ['a NUL character in a string key', 'title', 'title 1\u0000'],
      ['an integer beyond a smallint', 'small', 70000],
      ['a fraction for an integer column', 'small', 1.5],
      ['an integer beyond a 32-bit id', 'id', 2 ** 40],
      ['a UUID key that is no UUID', 'code', 'not-a-uuid'],
      ['a date key that is no date', 'day', 'yesterday'],
      // Issue 14, item 5: the right shape, out of the column's range.
      ['a date key of February 30th', 'day', '2024-02-30'],
      ['a date key of year 0', 'day', '0000-01-01'],
      ['a date key of month 13', 'day', '2024-13-45'],
      ['a bigint one beyond a signed bigint', 'big', 9223372036854775808n],
      ['a bigint one below a signed bigint', 'big', -9223372036854775809n],
      ['a bigint as text beyond a signed bigint', 'big', '9223372036854775808'],
      ['an integer one beyond a signed int', 'parent', 2 ** 31],
      ['an integer one below a signed int', 'parent', -(2 ** 31) - 1],
      ['an integer one beyond a signed smallint', 'small', 32768],
      ['an integer one below a signed smallint', 'small', -32769],
    ];

    // Issue 14, item 5: forged timestamps of the right shape reach the source through a real cursor.
    it.each(['2024-02-30 00:00:00', '0000-01-01 00:00:00', '2024-13-45 25:61:61', '2024-02-30T00:00:00.000Z'])(
      'an exact cursor keyed at %j is INVALID_CURSOR before SQL',
      async (forged) => {
        const source = mikroOrmSource(db.orm.em.fork(), ForgeableEntity);
        const pagination = cursorPagination({ pageSize: 1, ordering: ['at', 'id'] });
        const first = await paginateRelay(source, pagination, { first: 1 });
        const text = Buffer.from(first.endCursor!, 'base64').toString('ascii');
        const [tag] = JSON.parse(new URLSearchParams(text).get('k')!) as [string];
        const params = new URLSearchParams(text);
        params.set('k', JSON.stringify([tag, forged, '1']));
        params.set('p', forged);
        db.queries.length = 0;
        const after = Buffer.from(params.toString()).toString('base64');
        await expect(paginateRelay(source, pagination, { first: 1, after })).rejects.toMatchObject({
          code: 'INVALID_CURSOR',
        });
        expect(db.queries).toEqual([]);
      },
    );

    it('the edges of each range still seek', async () => {
      const source = mikroOrmSource(db.orm.em.fork(), ForgeableEntity);
      const ids = async (field: string, value: KeyValue) =>
        (
          await source.seek({
            ordering: [
              { field, descending: false },
              { field: 'id', descending: false },
            ],
            direction: 'forward',
            offset: 0,
            limit: 3,
            after: { kind: 'key', values: [value, 0] },
          })
        ).rows.map((row) => row.id);
      expect(await ids('big', 9223372036854775807n)).toEqual([]);
      expect(await ids('big', -9223372036854775808n)).toEqual([1, 2, 3]);
      expect(await ids('parent', 2 ** 31 - 1)).toEqual([]);
      expect(await ids('small', -32768)).toEqual([1, 2, 3]);
      expect(await ids('day', '2024-02-29')).toEqual([]);
    });

    it.each(forged)('%s is INVALID_CURSOR before SQL', async (_, field, value) => {
      const source = mikroOrmSource(db.orm.em.fork(), ForgeableEntity);
      const ordering =
        field === 'id'
          ? [{ field, descending: false }]
          : [
              { field, descending: false },
              { field: 'id', descending: false },
            ];
      const values = field === 'id' ? [value] : [value, 1];
      await expect(
        source.seek({ ordering, direction: 'forward', offset: 0, limit: 3, after: { kind: 'key', values } }),
      ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
      const batch = mikroOrmBatchSource(db.orm.em.fork(), ForgeableEntity, { key: 'parent' });
      await expect(
        batch.seekMany([{ key: 1, request: { ordering, direction: 'forward', offset: 0, limit: 3, after: { kind: 'key', values } } }]),
      ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
      expect(db.queries).toEqual([]);
    });

    it('a DRF cursor whose position holds a NUL character is INVALID_CURSOR before SQL', async () => {
      const source = mikroOrmSource(db.orm.em.fork(), ForgeableEntity);
      const cursor = encodeCursor({ offset: 0, reverse: false, position: 'title\u0000' });
      await expect(
        paginateCursor(source, cursorPagination({ pageSize: 2, ordering: 'title', mode: 'drf' }), { cursor }),
      ).rejects.toMatchObject({
        code: 'INVALID_CURSOR',
      });
      expect(db.queries).toEqual([]);
    });

    it('values the columns hold still seek', async () => {
      const source = mikroOrmSource(db.orm.em.fork(), ForgeableEntity);
      const seek = (field: string, value: KeyValue) =>
        source.seek({
          ordering: [
            { field, descending: false },
            { field: 'id', descending: false },
          ],
          direction: 'forward',
          offset: 0,
          limit: 3,
          after: { kind: 'key', values: [value, 1] },
        });
      const ids = async (field: string, value: KeyValue) => (await seek(field, value)).rows.map((row) => row.id);
      expect(await ids('title', 'title 1')).toEqual([2, 3]);
      expect(await ids('small', 10)).toEqual([2, 3]);
      expect(await ids('code', rows[0]!.code)).toEqual([2, 3]);
      expect(await ids('day', '2024-01-01')).toEqual([2, 3]);
    });
  });
});

// A quote in a forged string key stays inside its value in every dialect, and on MariaDB also under
// NO_BACKSLASH_ESCAPES, where a backslash-escaped parameter would leave its literal.
describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('MikroORM forged quotes on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `forged quotes on ${dialect}`, () => {
    let db: TestDatabase;

    beforeAll(async () => {
      const noBackslashEscapes = {
        pool: {
          afterCreate: (
            connection: { query(sql: string, done: (error: unknown) => void): void },
            done: (error: unknown, c: unknown) => void,
          ) => connection.query("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')", (error) => done(error, connection)),
        },
      };
      db = await openTestDatabase(dialect, {
        entities: [ForgeableEntity],
        ...(dialect === 'mariadb' ? { options: noBackslashEscapes } : {}),
      });
      const em = db.orm.em.fork();
      for (const row of rows) em.create(ForgeableEntity, { ...row });
      await em.flush();
    });
    afterAll(() => db?.close());

    if (dialect === 'mariadb') {
      it('the session runs with NO_BACKSLASH_ESCAPES', async () => {
        const [mode] = await db.orm.em.getConnection().execute<Array<{ mode: string }>>('select @@sql_mode as mode');
        expect(mode!.mode).toContain('NO_BACKSLASH_ESCAPES');
      });
    }

    it.each(["zzz\\' or 1=1 -- ", "zzz' or 1=1 -- ", "zzz\\\\' or 1=1 -- "])('a forged string key %j stays a value', async (forged) => {
      const ordering = [
        { field: 'title', descending: false },
        { field: 'id', descending: false },
      ];
      const request = {
        ordering,
        direction: 'forward' as const,
        offset: 0,
        limit: 5,
        after: { kind: 'key' as const, values: [forged, 1] },
      };
      const source = mikroOrmSource(db.orm.em.fork(), ForgeableEntity);
      expect((await source.seek(request)).rows).toEqual([]);
      const batch = mikroOrmBatchSource(db.orm.em.fork(), ForgeableEntity, { key: 'parent' });
      expect((await batch.seekMany([{ key: 1, request }]))[0]!.rows).toEqual([]);
      const builder = queryBuilderSource(db.orm.em.fork().createQueryBuilder(ForgeableEntity, 'f'));
      expect((await builder.seek(request)).rows).toEqual([]);
      const before = { ...request, after: undefined, before: { kind: 'key' as const, values: [forged, 1] } };
      expect((await source.seek(before)).rows.map((row) => row.id)).toEqual([1, 2, 3]);
    });

    it('string keys still compare by the column collation', async () => {
      const source = mikroOrmSource(db.orm.em.fork(), ForgeableEntity);
      const ordering = [
        { field: 'title', descending: false },
        { field: 'id', descending: false },
      ];
      const seek = (title: string) =>
        source.seek({ ordering, direction: 'forward', offset: 0, limit: 5, after: { kind: 'key', values: [title, 0] } });
      expect((await seek('title 2')).rows.map((row) => row.id)).toEqual([2, 3]);
      expect((await seek('')).rows.map((row) => row.id)).toEqual([1, 2, 3]);
    });
  });
});

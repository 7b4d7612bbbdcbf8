// Field types come from the Drizzle table schema (no database needed: drizzle.mock()): each column
// kind of PostgreSQL, MySQL and SQLite maps to the type a cursor restores its values as; custom
// columns need fieldTypes; a field that is no column, or a selection without a key, is misuse.
import { sql } from 'drizzle-orm';
import { drizzle as betterSqlite } from 'drizzle-orm/better-sqlite3';
import * as my from 'drizzle-orm/mysql-core';
import { drizzle as mysqlDrizzle } from 'drizzle-orm/mysql2';
import { drizzle as pgDrizzle } from 'drizzle-orm/node-postgres';
import * as pgc from 'drizzle-orm/pg-core';
import * as lite from 'drizzle-orm/sqlite-core';
import { PaginationConfigError, type FieldType } from 'pagewise';
import { drizzleSource } from 'pagewise/drizzle';

const point = pgc.customType<{ data: string }>({ dataType: () => 'point' });

const pgTable = pgc.pgTable('kinds', {
  id: pgc.serial('id').primaryKey(),
  small: pgc.smallint('small'),
  int: pgc.integer('int'),
  big: pgc.bigint('big', { mode: 'bigint' }),
  bigNumber: pgc.bigint('big_number', { mode: 'number' }),
  real: pgc.real('real'),
  double: pgc.doublePrecision('double'),
  numeric: pgc.numeric('numeric'),
  text: pgc.text('text'),
  varchar: pgc.varchar('varchar', { length: 10 }),
  uuid: pgc.uuid('uuid'),
  bool: pgc.boolean('bool'),
  date: pgc.date('date', { mode: 'date' }),
  dateText: pgc.date('date_text'),
  stamp3: pgc.timestamp('stamp3', { precision: 3, withTimezone: true }),
  stamp: pgc.timestamp('stamp'),
  stampText: pgc.timestamp('stamp_text', { mode: 'string' }),
  json: pgc.jsonb('json'),
  point: point('point'),
});

const myTable = my.mysqlTable('kinds', {
  id: my.int('id').primaryKey(),
  tiny: my.tinyint('tiny'),
  big: my.bigint('big', { mode: 'bigint', unsigned: true }),
  float: my.float('float'),
  double: my.double('double'),
  decimal: my.decimal('decimal'),
  varchar: my.varchar('varchar', { length: 10 }),
  bool: my.boolean('bool'),
  datetime3: my.datetime('datetime3', { fsp: 3 }),
  datetime6: my.datetime('datetime6', { fsp: 6 }),
  date: my.date('date'),
});

const liteTable = lite.sqliteTable('kinds', {
  id: lite.integer('id').primaryKey(),
  real: lite.real('real'),
  text: lite.text('text'),
  bool: lite.integer('bool', { mode: 'boolean' }),
  stamp: lite.integer('stamp', { mode: 'timestamp_ms' }),
  seconds: lite.integer('seconds', { mode: 'timestamp' }),
  blob: lite.blob('blob', { mode: 'bigint' }),
});

const pg = pgDrizzle.mock();
const mysql = mysqlDrizzle.mock({ mode: 'default' });
const sqlite = betterSqlite.mock();

const typesOf = (source: { fieldType(field: string): FieldType }, fields: readonly string[]): Record<string, FieldType> =>
  Object.fromEntries(fields.map((field) => [field, source.fieldType(field)]));

/** The error a definition throws, as its class, code and message. */
function failure(define: () => unknown): { readonly type: string; readonly code: string; readonly message: string } | null {
  try {
    define();
    return null;
  } catch (error) {
    const { code, message } = error as PaginationConfigError;
    return { type: error instanceof PaginationConfigError ? 'PaginationConfigError' : String(error), code, message };
  }
}

describe('field types from the Drizzle schema', () => {
  it('PostgreSQL columns: numbers, bigints, text, uuid, numeric, booleans, dates; a timestamp finer than 3 digits keys by its text', () => {
    const source = drizzleSource(pg, pgTable);
    expect(
      typesOf(source, [
        'id',
        'small',
        'int',
        'big',
        'bigNumber',
        'real',
        'double',
        'numeric',
        'text',
        'varchar',
        'uuid',
        'bool',
        'date',
        'dateText',
        'stamp3',
        'stamp',
        'stampText',
      ]),
    ).toEqual({
      id: 'number',
      small: 'number',
      int: 'number',
      big: 'bigint',
      bigNumber: 'number',
      real: 'number',
      double: 'number',
      numeric: 'string',
      text: 'string',
      varchar: 'string',
      uuid: 'string',
      bool: 'boolean',
      date: 'date',
      dateText: 'string',
      stamp3: 'date',
      // timestamp without precision holds microseconds: a Date cannot, so the key is PostgreSQL's text.
      stamp: 'string',
      stampText: 'string',
    });
    expect(source.uniqueKey).toEqual(['id']);
    expect(source.nullOrder).toBe('last');
  });

  it('MySQL columns: unsigned bigints, floats, decimals as text, booleans, dates and datetime(3) as dates, datetime(6) by its text', () => {
    const source = drizzleSource(mysql, myTable);
    expect(
      typesOf(source, ['id', 'tiny', 'big', 'float', 'double', 'decimal', 'varchar', 'bool', 'datetime3', 'datetime6', 'date']),
    ).toEqual({
      id: 'number',
      tiny: 'number',
      big: 'bigint',
      float: 'number',
      double: 'number',
      decimal: 'string',
      varchar: 'string',
      bool: 'boolean',
      datetime3: 'date',
      datetime6: 'string',
      date: 'date',
    });
    expect(source.nullOrder).toBe('first');
  });

  it('SQLite columns: integer modes (boolean, timestamps); a blob of bigints (ordered by its bytes) only with fieldTypes', () => {
    const source = drizzleSource(sqlite, liteTable, { fieldTypes: { blob: 'bigint' } });
    expect(failure(() => drizzleSource(sqlite, liteTable).fieldType('blob'))?.code).toBe('UNKNOWN_ORDERING_FIELD');
    expect(typesOf(source, ['id', 'real', 'text', 'bool', 'stamp', 'seconds', 'blob'])).toEqual({
      id: 'number',
      real: 'number',
      text: 'string',
      bool: 'boolean',
      stamp: 'date',
      seconds: 'date',
      blob: 'bigint',
    });
    expect(source.nullOrder).toBe('first');
  });

  it('a select keeps its columns’ types under its own field names', () => {
    const source = drizzleSource(pg, pg.select({ key: pgTable.id, when: pgTable.stamp3, label: pgTable.text }).from(pgTable), {
      uniqueKey: ['key'],
    });
    expect(typesOf(source, ['key', 'when', 'label'])).toEqual({ key: 'number', when: 'date', label: 'string' });
  });

  it('a custom column orders a page with its type in fieldTypes, and is a PaginationConfigError naming the option without', () => {
    expect(drizzleSource(pg, pgTable, { fieldTypes: { point: 'string' } }).fieldType('point')).toBe('string');
    expect(failure(() => drizzleSource(pg, pgTable, { ordering: 'point' }))).toEqual({
      type: 'PaginationConfigError',
      code: 'UNKNOWN_ORDERING_FIELD',
      message: `ordering field "point" is a custom column (point); name its type in the fieldTypes option (fieldTypes: { point: 'string' | 'number' | 'bigint' | 'date' | 'boolean' })`,
    });
    expect(failure(() => drizzleSource(pg, pgTable, { orderingFields: ['json'] }))?.code).toBe('UNKNOWN_ORDERING_FIELD');
  });

  it.each([
    [
      'an ordering field that is no column',
      () => drizzleSource(pg, pgTable, { ordering: '-rank' }),
      'UNKNOWN_ORDERING_FIELD',
      /unknown ordering field "rank"/,
    ],
    [
      'a computed field in the ordering',
      () => drizzleSource(pg, pg.select({ id: pgTable.id, n: sql<number>`1`.as('n') }).from(pgTable), { ordering: 'n' }),
      'UNKNOWN_ORDERING_FIELD',
      /unknown ordering field "n"/,
    ],
    [
      'a selection without a primary key and no uniqueKey',
      () => drizzleSource(pg, pg.select({ text: pgTable.text }).from(pgTable)),
      'INVALID_OPTIONS',
      /uniqueKey option/,
    ],
    [
      'fieldTypes of a field that is no column',
      () => drizzleSource(pg, pgTable, { fieldTypes: { nope: 'string' } }),
      'INVALID_OPTIONS',
      /fieldTypes names "nope"/,
    ],
    [
      'a fieldTypes entry that is no field type',
      () => drizzleSource(pg, pgTable, { fieldTypes: { point: 'point' as FieldType } }),
      'INVALID_OPTIONS',
      /fieldTypes\.point must be one of/,
    ],
    ['a database that is not Drizzle', () => drizzleSource({} as never, pgTable), 'INVALID_OPTIONS', /Drizzle database/],
    [
      'a query that is neither a table nor a select',
      () => drizzleSource(pg, {} as never),
      'INVALID_OPTIONS',
      /a table or a select builder/,
    ],
    ['a bad queryTimeout', () => drizzleSource(pg, pgTable, { queryTimeout: -1 }), 'INVALID_OPTIONS', /queryTimeout/],
  ])('%s is a PaginationConfigError at definition', (_label, define, code, message) => {
    const error = failure(define);
    expect(error).toMatchObject({ type: 'PaginationConfigError', code });
    expect(error?.message).toMatch(message);
  });
});

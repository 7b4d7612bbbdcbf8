// The SQL ordering over plain column descriptions, as any builder gives them: quoting per dialect,
// the tiebreaker, the allow-list, cursor value checks and the exact-datetime text.
import { PaginationConfigError, PaginationError, type FieldType } from 'pagewise';
import type { SqlColumn, SqlColumns } from '../../../src/sources/sql/column';
import { sqlDialect } from '../../../src/sources/sql/dialect';
import { sqlOrdering } from '../../../src/sources/sql/ordering';

const described: Record<string, { column: string; type: string; fieldType: FieldType; nullable?: boolean }> = {
  id: { column: 'id', type: 'integer', fieldType: 'number' },
  created: { column: 'created_at', type: 'timestamptz(6)', fieldType: 'date' },
  title: { column: 'title', type: 'varchar(255)', fieldType: 'string', nullable: true },
};

const columns: SqlColumns = {
  uniqueKey: ['id'],
  name: 'articles',
  column: (field): SqlColumn => {
    const found = described[field];
    if (!found) throw new PaginationConfigError('UNKNOWN_ORDERING_FIELD', `unknown ordering field ${field}`);
    return { name: field, nullable: false, ...found };
  },
};

describe('sqlOrdering', () => {
  it('quotes by dialect and appends the unique key (in the last direction)', () => {
    const pg = sqlOrdering(columns, sqlDialect('postgresql'), 'e', { ordering: '-title' });
    expect(pg.orderBy(pg.sliceOrder(), false)).toBe('"e"."title" desc, "e"."id" desc');
    const maria = sqlOrdering(columns, sqlDialect('mariadb'), 'e', { ordering: '-title' });
    expect(maria.orderBy(maria.sliceOrder(), true)).toBe('`e`.`title` asc, `e`.`id` asc');
  });

  it('keys a microsecond datetime by its text on PostgreSQL, not on SQLite', () => {
    const pg = sqlOrdering(columns, sqlDialect('postgresql'), 'e', {});
    expect(pg.fieldType('created')).toBe('string');
    expect(pg.textSelect('created')).toBe('cast("e"."created_at" as text) as "pw_t_created"');
    expect(sqlOrdering(columns, sqlDialect('sqlite'), 'e', {}).fieldType('created')).toBe('date');
  });

  it('seeks with a cast placeholder and checks key values before SQL', () => {
    const pg = sqlOrdering(columns, sqlDialect('postgresql'), 'e', {});
    const ordering = [
      { field: 'created', descending: false },
      { field: 'id', descending: false },
    ];
    const conditions = pg.seekConditions(ordering, { after: { kind: 'key', values: ['2024-01-02 03:04:05.123456+00', 7] } });
    expect(conditions).toEqual([
      { sql: '("e"."created_at", "e"."id") > (cast(? as timestamptz), ?)', params: ['2024-01-02 03:04:05.123456+00', 7] },
    ]);
    expect(() => pg.seekConditions(ordering, { after: { kind: 'key', values: ['2024-02-30 00:00:00', 7] } })).toThrow(PaginationError);
    expect(() => pg.seekConditions(ordering, { after: { kind: 'key', values: ['2024-01-02 00:00:00', 2 ** 40] } })).toThrow(
      PaginationError,
    );
  });

  it('writes text as a hex literal on MariaDB', () => {
    const maria = sqlOrdering(columns, sqlDialect('mariadb'), 'e', {});
    const [condition] = maria.seekConditions([{ field: 'title', descending: false }], { after: { kind: 'position', value: "a'b" } })!;
    expect(condition!.sql).toContain("_utf8mb4 X'612762'");
    expect(condition!.params).toEqual([]);
  });

  it('rejects a field outside the allow-list', () => {
    const guarded = sqlOrdering(columns, sqlDialect('sqlite'), 'e', { orderingFields: ['created'] });
    expect(() => guarded.checked([{ field: 'title', descending: false }])).toThrow(PaginationError);
    expect(() => sqlOrdering(columns, sqlDialect('sqlite'), 'e', { orderingFields: ['created'], ordering: 'title' })).toThrow(
      PaginationConfigError,
    );
  });

  it('reads a slice through its key from deferredOffset rows on (default 1,000), with a one-column key only', () => {
    const ordering = sqlOrdering(columns, sqlDialect('postgresql'), 'e', {});
    expect(ordering.deferredKey(999)).toBeUndefined();
    expect(ordering.deferredKey(1000)).toEqual({ sql: '"e"."id"', column: 'id' });
    expect(sqlOrdering(columns, sqlDialect('mariadb'), 'e', { deferredOffset: 1 }).deferredKey(1)).toEqual({
      sql: '`e`.`id`',
      column: 'id',
    });
    expect(sqlOrdering(columns, sqlDialect('sqlite'), 'e', { deferredOffset: 0 }).deferredKey(0)).toBeUndefined();
    expect(sqlOrdering(columns, sqlDialect('sqlite'), 'e', { deferredOffset: Infinity }).deferredKey(1e9)).toBeUndefined();
    const composite = { ...columns, uniqueKey: ['created', 'id'] };
    expect(sqlOrdering(composite, sqlDialect('sqlite'), 'e', { deferredOffset: 1 }).deferredKey(5000)).toBeUndefined();
    for (const deferredOffset of [-1, 1.5, Number.NaN])
      expect(() => sqlOrdering(columns, sqlDialect('sqlite'), 'e', { deferredOffset })).toThrow(/`deferredOffset`/);
  });
});

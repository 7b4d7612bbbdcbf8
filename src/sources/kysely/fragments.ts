import { sql, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import { assertConfig } from '../../core/internal';
import type { SqlDialect } from '../sql/dialect';
import type { SqlFragment } from '../sql/window';

/**
 * A fragment of the SQL strategies (`?` placeholders) as Kysely SQL: its text verbatim, each
 * parameter a bound value, so Kysely numbers them as its dialect does (`$1` on PostgreSQL).
 */
export function kyselySql<R = unknown>(fragment: SqlFragment): RawBuilder<R> {
  const pieces = fragment.sql.split('?');
  assertConfig(pieces.length === fragment.params.length + 1, 'a SQL fragment has as many `?` as parameters');
  const parts: RawBuilder<unknown>[] = [];
  pieces.forEach((piece, index) => {
    if (piece !== '') parts.push(sql.raw(piece));
    if (index < fragment.params.length) parts.push(sql`${fragment.params[index]}`);
  });
  return sql.join(parts, sql.raw('')) as RawBuilder<R>;
}

/**
 * A compiled Kysely query as a fragment of the strategies: PostgreSQL's `$n` placeholders become
 * `?` with their parameters in that order (Kysely numbers each parameter once, in order).
 */
export function compiledFragment(compiled: CompiledQuery, dialect: SqlDialect): SqlFragment {
  if (dialect.name !== 'postgresql') return { sql: compiled.sql, params: [...compiled.parameters] };
  const params: unknown[] = [];
  const text = compiled.sql.replace(/\$(\d+)/g, (_, n: string) => {
    params.push(compiled.parameters[Number(n) - 1]);
    return '?';
  });
  return { sql: text, params };
}

/**
 * The SQL family of a Kysely instance, told by how it compiles `select ? as "pw"`: `$1` is
 * PostgreSQL, backticks are MySQL/MariaDB, else SQLite (the dialects Kysely ships).
 */
export function kyselyDialectName(db: Kysely<never>): SqlDialect['name'] {
  const { sql: text } = db.selectNoFrom(sql<number>`${1}`.as('pw')).compile();
  if (text.includes('$1')) return 'postgresql';
  if (text.includes('`')) return 'mysql';
  return 'sqlite';
}
